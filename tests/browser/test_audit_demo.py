"""End to end: audit the bundled demo chatbot in every profile, in a real Chromium.

Each audit runs once per session (shared with other modules through the `demo_audit`
fixture); the tests then read its report.
A test of a bad bot proves the audit fails it, not merely that it runs.
"""

from __future__ import annotations

import json
import re
import shutil
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from demo_runs import PROBES

from botaudit.evidence.feedback import FeedbackControls
from botaudit.pipeline import AuditOutcome, rerun_report

pytestmark = pytest.mark.browser

HEADLINE = (
    "transparency.bot-identity-disclosed",
    "accountability.human-handoff",
    "privacy.browser-storage",
)
OUTCOMES_BEFORE = Path(__file__).parent.parent / "fixtures" / "outcomes-before.json"


@pytest.fixture(scope="module")
def audits(demo_audit: Callable[..., AuditOutcome]) -> dict[str, AuditOutcome]:
    """The session's shared audits (tests/browser/conftest.py), by run name."""
    runs = {
        "good": ("good", "main"),
        "bad": ("bad", "main"),
        "oulubot-2022": ("oulubot-2022", "main"),
        "oulubot-2022/visitoulu": ("oulubot-2022", "visitoulu"),
        "oulubot-2022/teatteri": ("oulubot-2022", "teatteri"),
    }
    return {key: demo_audit(profile, deployment) for key, (profile, deployment) in runs.items()}


def _outcomes(outcome: AuditOutcome) -> dict[str, str]:
    return {c.id: c.outcome for c in outcome.report.criteria}


@pytest.mark.parametrize(
    ("run", "expected"),
    [
        ("good", ("pass", "pass", "pass")),
        ("bad", ("fail", "fail", "fail")),
        # The study's main greeting says "virtuaalinen avustaja" before typing; the bot
        # understands "asiakaspalvelija" (not plain requests for a person) and hands over to
        # Oulu10; the conversation stays in sessionStorage, with a warning and a delete button.
        ("oulubot-2022", ("pass", "pass", "partial")),
        # VisitOulu: a "Chat" title and a logo with alt text "OuluBot" only; the greeting's
        # 'kirjoita "asiakaspalvelija"' works; no personal-data warning.
        ("oulubot-2022/visitoulu", ("partial", "pass", "fail")),
        # The theatre: "chat" only, no word of a bot; its anonymity notice warns against
        # typing personal data before the user types (METKU 2022, 4.2.4).
        ("oulubot-2022/teatteri", ("partial", "pass", "partial")),
    ],
)
def test_headline_outcomes(audits: dict[str, AuditOutcome], run: str, expected: tuple) -> None:
    outcomes = _outcomes(audits[run])
    got = tuple(outcomes[c] for c in HEADLINE)
    explanations = {c.id: c.explanation.en for c in audits[run].report.criteria if c.id in HEADLINE}
    assert got == expected, explanations


@pytest.mark.parametrize("run", ["good", "bad", "oulubot-2022", "oulubot-2022/visitoulu"])
def test_outcomes_match_the_recorded_ones(audits: dict[str, AuditOutcome], run: str) -> None:
    """Refactoring must not change a verdict: every judged criterion as recorded on main."""
    expected = json.loads(OUTCOMES_BEFORE.read_text(encoding="utf-8"))[run]
    got = {  # the self-assessment's answers came after the recording (issue 9)
        c.id: c.outcome
        for c in audits[run].report.criteria
        if c.check and c.evidence_kind != "self-assessment"
    }
    # Criteria that gained a check since (other kinds of evidence) stay not assessed here.
    added = {cid: got.pop(cid) for cid in set(got) - set(expected)}
    assert set(added.values()) <= {"not_assessed"}, added
    assert got == expected


def test_axe_scan_fails_the_bad_widget_only(audits: dict[str, AuditOutcome]) -> None:
    good = next(
        c for c in audits["good"].report.criteria if c.id == "fairness.automated-accessibility"
    )
    bad = next(
        c for c in audits["bad"].report.criteria if c.id == "fairness.automated-accessibility"
    )
    assert good.outcome == "pass", good.explanation.en
    assert bad.outcome == "fail" and "button-name" in bad.explanation.en


def test_typed_data_sent_to_an_analytics_host_is_caught(audits: dict[str, AuditOutcome]) -> None:
    def outcome(run: str) -> str:
        return _outcomes(audits[run])["privacy.no-third-party-transfer"]

    # good: only its own backend on 127.0.0.1; bad: also a beacon to "localhost".
    assert outcome("good") == "pass"
    assert outcome("bad") == "fail"


def test_good_bot_has_no_red_value_and_bad_bot_does(audits: dict[str, AuditOutcome]) -> None:
    good = {v.id: v.status for v in audits["good"].report.values}
    bad = {v.id: v.status for v in audits["bad"].report.values}
    assert "red" not in good.values()
    assert bad["transparency"] == bad["privacy"] == bad["accountability"] == "red"


def test_oulubot_reflects_the_study(audits: dict[str, AuditOutcome]) -> None:
    outcomes = _outcomes(audits["oulubot-2022"])
    # Logo-only attribution of each answer; no handoff instruction in the main greeting;
    # no reaction to a typed identity code - all as the study observed.
    assert outcomes["transparency.message-attribution"] == "partial"
    assert outcomes["accountability.handoff-instruction-up-front"] == "fail"
    assert outcomes["trust-in-authority.warns-on-volunteered-data"] == "fail"
    assert outcomes["legitimacy.delete-conversation"] == "pass"
    # The greeting whose amount of text the study says reduces clarity (4.2.3).
    assert outcomes["professionalism.concise-greeting"] == "partial"
    visitoulu = _outcomes(audits["oulubot-2022/visitoulu"])
    assert visitoulu["accountability.handoff-instruction-up-front"] == "pass"
    assert visitoulu["accountability.limits-stated"] == "fail"  # "nothing about learning"
    theatre = _outcomes(audits["oulubot-2022/teatteri"])
    assert theatre["privacy.notice-before-input"] == "pass"
    assert theatre["accountability.handoff-instruction-up-front"] == "fail"


def test_unjudged_criteria_are_not_assessed(audits: dict[str, AuditOutcome]) -> None:
    report = audits["good"].report
    judged = {c.id for c in report.criteria if c.check}
    for criterion in report.criteria:
        if criterion.id not in judged:
            assert criterion.outcome == "not_assessed", criterion.id


def test_bundle_records_provenance(audits: dict[str, AuditOutcome]) -> None:
    outcome = audits["good"]
    bundle = outcome.bundle
    assert bundle.browser.version and bundle.tool.version
    assert bundle.config.sha256 and bundle.lexicon_sha256
    assert bundle.finished_at and bundle.finished_at >= bundle.started_at
    shots = [a for s in bundle.scenarios for st in s.steps for a in st.artefacts]
    assert any(a.kind == "screenshot" for a in shots)
    assert any(a.kind == "storage-dump" for a in shots)
    html = outcome.files["html"].read_text(encoding="utf-8")
    assert "data:image/png;base64," in html  # the disclosure screenshot, inline


def test_no_output_file_holds_the_typed_personal_data(audits: dict[str, AuditOutcome]) -> None:
    raw = [p.value for p in PROBES]
    for outcome in audits.values():
        root = outcome.files["json"].parent
        for path in root.rglob("*"):
            if path.is_file() and path.suffix in {".json", ".md", ".html"}:
                text = path.read_text(encoding="utf-8")
                for value in raw:
                    assert value not in text, f"{value!r} leaked into {path}"
    dump = next(
        (audits["bad"].files["json"].parent / "evidence" / "artefacts").glob(
            "storage-privacy-storage_after_input-storage.json"
        )
    )
    assert "[hetu masked]" in dump.read_text(encoding="utf-8")


def test_report_on_saved_bundle_reproduces_scores_offline(
    audits: dict[str, AuditOutcome], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def no_browser(*_a: object, **_k: object) -> None:
        raise AssertionError("re-reporting must not start a browser or use the network")

    monkeypatch.setattr("botaudit.gather.session.async_playwright", no_browser)
    monkeypatch.setattr("httpx.get", no_browser)
    for outcome in audits.values():
        bundle_dir = outcome.files["json"].parent / "evidence"
        again = rerun_report(bundle_dir, tmp_path / outcome.report.audit.name)
        first = outcome.report.model_dump(mode="json", exclude={"generated_at", "audit"})
        second = again.report.model_dump(mode="json", exclude={"generated_at", "audit"})
        assert first == second
        saved = json.loads(outcome.files["json"].read_text(encoding="utf-8"))
        assert saved["values"] == second["values"]
        assert again.warnings == []


def _visible_sentences(html: str) -> set[str]:
    """Text of the report a reader sees in the report's language: not the bot's quotes,
    ids, paths or source citations; 'sentences' of three words or more."""
    html = re.sub(r"<(style|q|code|figure)\b.*?</\1>", " ", html, flags=re.S)
    html = re.sub(r'<td class="source">.*?</td>', " ", html, flags=re.S)
    parts = (unescape(p).strip() for p in re.split(r"<[^>]+>", html))
    return {p for p in parts if len(p.split()) >= 3}


def test_swedish_report_has_no_finnish_or_english_sentence(
    audits: dict[str, AuditOutcome], tmp_path: Path
) -> None:
    bundle_dir = audits["good"].files["json"].parent / "evidence"
    html = {
        lang: rerun_report(bundle_dir, tmp_path / lang, language=lang)
        .files["html"]
        .read_text(encoding="utf-8")
        for lang in ("sv", "fi", "en")
    }
    assert '<html lang="sv">' in html["sv"]
    swedish = _visible_sentences(html["sv"])
    left = swedish & (_visible_sentences(html["fi"]) | _visible_sentences(html["en"]))
    assert not left
    assert "Värden och kriterier" in swedish


def test_report_warns_when_the_lexicon_changed(
    audits: dict[str, AuditOutcome], tmp_path: Path
) -> None:
    bundle_dir = tmp_path / "bundle"
    shutil.copytree(audits["good"].files["json"].parent / "evidence", bundle_dir)
    evidence = bundle_dir / "evidence.json"
    data = json.loads(evidence.read_text(encoding="utf-8"))
    data["lexicon_sha256"] = "0" * 64
    evidence.write_text(json.dumps(data), encoding="utf-8")
    again = rerun_report(bundle_dir, tmp_path / "out")
    assert any("lexicon.yaml" in w for w in again.warnings)


def test_next_user_of_a_shared_computer(audits: dict[str, AuditOutcome]) -> None:
    def outcome(run: str) -> str:
        return _outcomes(audits[run])["privacy.shared-computer-warning"]

    # good: the conversation comes back redacted, with a notice; bad: localStorage shows
    # everything even in a new tab; OuluBot: session storage shows the identity code after
    # Back and a reopened tab, and "no notice of this is shown anywhere" (4.2.4).
    assert outcome("good") == "pass"
    assert outcome("bad") == "fail"
    assert outcome("oulubot-2022") == "fail"


LINKED_AND_SELF = (
    "transparency.unambiguous-self-description",
    "legitimacy.privacy-notice-linked",
    "legitimacy.accessibility-statement",
    "social-licence.public-status-page",
    "accountability.organisation-responsibility-stated",
)


def test_links_and_self_description(audits: dict[str, AuditOutcome]) -> None:
    """The widget's links and the bot's self-description, judged on the live demo."""
    good, bad = _outcomes(audits["good"]), _outcomes(audits["bad"])
    assert {good[c] for c in LINKED_AND_SELF} == {"pass"}
    assert {bad[c] for c in LINKED_AND_SELF} == {"fail"}
    identity = next(s for s in audits["good"].bundle.scenarios if s.id == "bot-identity")
    pages = next(s for s in identity.steps if s.name == "linked_pages").data["pages"]
    privacy = next(p for p in pages if p["text"] == "Tietosuojaseloste")
    assert privacy["href"].endswith("/tietosuoja/") and "Chatbotin" in privacy["page_text"]
    # METKU 2022, 4.2.4 Avoimuus: "virtuaalinen asiakaspalvelijasi", "harjoittelija" on
    # VisitOulu; the theatre's widget says only "chat"; the main greeting says
    # "virtuaalinen avustaja" (4.2.3). No public page about the bot (4.2.4 Sosiaalinen lupa);
    # the privacy link leads to a generic page and the accessibility statement names no
    # standard (4.2.4 Legitiimiys, footnote 12): both linked, neither enough.
    expected = {"oulubot-2022": "pass", "oulubot-2022/visitoulu": "fail"}
    expected["oulubot-2022/teatteri"] = "partial"
    for run, outcome in expected.items():
        got = _outcomes(audits[run])
        assert got["transparency.unambiguous-self-description"] == outcome, run
        assert got["social-licence.public-status-page"] == "fail", run
        assert got["legitimacy.privacy-notice-linked"] == "partial", run
        assert got["legitimacy.accessibility-statement"] == "partial", run
        # The quoted greetings say nothing of the city's responsibility (4.2.3).
        assert got["accountability.organisation-responsibility-stated"] == "fail", run


def _judged(outcome: AuditOutcome, criterion: str) -> tuple[str, str, list[str]]:
    found = next(c for c in outcome.report.criteria if c.id == criterion)
    return found.outcome, found.explanation.en, found.quotes


def test_deletion_scope_and_geolocation(audits: dict[str, AuditOutcome]) -> None:
    """Automated checks, not the bundled answers: on the live demo, from the same audits."""
    deletion, geolocation = (
        "legitimacy.deletion-scope-explained",
        "legitimacy.geolocation-after-user-action",
    )
    outcome, why, quotes = _judged(audits["good"], deletion)
    assert outcome == "pass", why
    assert any("30 päivän" in q for q in quotes) and "beside the delete control" in why
    outcome, why, _ = _judged(audits["good"], geolocation)
    assert outcome == "pass" and "never requested" in why, why  # only behind "Näytä lähimmät"
    assert _judged(audits["bad"], deletion)[0] == "fail"  # no delete control, nothing said
    outcome, why, quotes = _judged(audits["bad"], geolocation)
    assert outcome == "fail" and "open_page" in why and "getCurrentPosition" in quotes[0], why
    # METKU 2022, 4.2.4 Legitiimiys: "Poista keskustelu" and a generic privacy page leave the
    # scope unclear; location is used only with the customer's permission, so the browser
    # asks only after a question about the nearest library.
    outcome, why, _ = _judged(audits["oulubot-2022"], deletion)
    assert outcome == "fail" and "Poista keskustelu" in why, why
    outcome, why, _ = _judged(audits["oulubot-2022"], geolocation)
    assert outcome == "pass" and "Missä on lähin kirjasto?" in why, why
    identity = next(s for s in audits["good"].bundle.scenarios if s.id == "bot-identity")
    watch = next(s for s in identity.steps if s.name == "geolocation").data
    assert watch["confirmed"] and watch["probes"][0]["wrapped"]


def _feedback(outcome: AuditOutcome) -> FeedbackControls:
    identity = next(s for s in outcome.bundle.scenarios if s.id == "bot-identity")
    record = next(st for st in identity.steps if st.name == "feedback")
    assert record.ok, record.error
    return FeedbackControls.model_validate(record.data)


def test_feedback_is_found_where_each_profile_offers_it(audits: dict[str, AuditOutcome]) -> None:
    good = _feedback(audits["good"])
    found = {(f.where, f.scale, f.levels, f.text_field) for f in good.forms}
    assert found == {("per_answer", "binary", 2, False), ("anytime", "graded", 5, True)}
    assert next(f for f in good.forms if f.where == "anytime").opened_by == "Anna palautetta"
    # OuluBot: success/failure buttons and text, only when the chat is closed (4.2.2, 4.2.3).
    oulu = _feedback(audits["oulubot-2022"])
    assert [(f.where, f.scale, f.text_field) for f in oulu.forms] == [("on_close", "binary", True)]
    assert oulu.forms[0].choices == ["Onnistui", "Epäonnistui"] and oulu.close_control == "Sulje"
    bad = _feedback(audits["bad"])
    assert bad.forms == [] and bad.close == "clicked"
    expected = {"good": "pass", "bad": "fail", "oulubot-2022": "partial"}
    for run, outcome in expected.items():
        got = _outcomes(audits[run])
        assert got["acceptability.feedback-control"] == outcome, run
        assert got["acceptability.graded-feedback"] == outcome, run


def test_keyboard_walkthrough(audits: dict[str, AuditOutcome]) -> None:
    """fairness.widget-accessibility by keyboard alone: good's <button> launcher, focus into
    the input, Escape back to the launcher, role=log, 320 px; bad's <div> launcher."""
    good = next(
        c for c in audits["good"].report.criteria if c.id == "fairness.widget-accessibility"
    )
    assert good.outcome == "pass", good.explanation.en
    keyboard = next(s for s in audits["good"].bundle.scenarios if s.id == "keyboard")
    walk = next(s for s in keyboard.steps if s.name == "keyboard").data
    assert walk["opened_with"] == "Enter" and walk["focus_returned"] == "launcher"
    assert walk["closed_with"] == "Escape" and 'role="log"' in walk["live_region"]
    assert walk["reflow"]["input_usable"] and walk["reflow"]["message_readable"]
    bad = next(c for c in audits["bad"].report.criteria if c.id == "fairness.widget-accessibility")
    assert bad.outcome == "fail", bad.explanation.en
    assert 'launcher <div id="chat-launcher"' in bad.explanation.en
    assert "was not reached in 60 presses of Tab" in bad.explanation.en
    assert "in no live region" in bad.explanation.en  # judged after opening it by mouse
