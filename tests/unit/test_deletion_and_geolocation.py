"""`legitimacy.deletion-scope-explained` and `legitimacy.geolocation-after-user-action`,
every outcome judged on hand-built evidence as the steps record it."""

from __future__ import annotations

import pytest
from builders import bot, bundle, scenario, step, view

from botaudit.checklist.load import load_checklist
from botaudit.checks.base import CheckResult
from botaudit.checks.runner import run_criterion
from botaudit.evidence.deletion_notice import DeletionNotice
from botaudit.evidence.geolocation import FrameProbe, GeoCall, GeolocationWatch
from botaudit.evidence.linked_pages import LinkedPage, LinkedPages
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.observations import EndConversation, Exchange
from botaudit.lexicon import matcher

CRITERIA = {c.id: c for _, c in load_checklist().criteria()}
DELETION = CRITERIA["legitimacy.deletion-scope-explained"]
GEOLOCATION = CRITERIA["legitimacy.geolocation-after-user-action"]
SCOPE = "Poistaa keskustelun tästä selaimesta ja palvelun lokeista."
RETENTION = "Keskustelulokeja säilytetään 30 päivää."


def deletion_scenario(
    near: str = "",
    *,
    found: bool = True,
    confirmation: str = "",
    after: str = "Keskustelu poistettu.",
    widget: str = "Hei! Olen chatbot.",
) -> ScenarioRecord:
    """The storage-privacy steps the check reads, as the audit records them."""
    notice = DeletionNotice(
        found=found,
        via="lexicon" if found else None,
        label="Poista keskustelu" if found else "",
        near_text=f"Poista keskustelu\n{near}".strip() if found else "",
        searched=[] if found else ["Poista keskustelu", "Delete conversation"],
    )
    end = EndConversation(
        found=found, labels=["Poista keskustelu"] if found else [], confirmation_text=confirmation
    )
    return scenario(
        "storage-privacy",
        step("before_input", view(bot(widget))),
        step("deletion_notice", notice, kind="read_deletion_notice"),
        step("end_conversation", end, kind="end_conversation"),
        step("after_end", view(extra_text=after if found else widget)),
    )


def notice_scenario(text: str | None, error: str = "") -> ScenarioRecord:
    """bot-identity's linked pages: a privacy notice with `text` (None: no such link)."""
    pages = [LinkedPage(text="Saavutettavuusseloste", href="/s/", page_text=RETENTION)]
    if text is not None:
        pages.append(LinkedPage(text="Tietosuojaseloste", href="/t/", page_text=text, error=error))
    return scenario("bot-identity", step("linked_pages", LinkedPages(pages=pages)))


def judge_deletion(*scenarios: ScenarioRecord, language: str = "fi") -> CheckResult:
    return run_criterion(DELETION, bundle(*scenarios), matcher(language))


@pytest.mark.parametrize(
    ("near", "notice", "expected"),
    [
        (f"{SCOPE} {RETENTION}", None, "pass"),  # both beside the control
        (SCOPE, RETENTION, "pass"),  # scope beside the control, retention in the notice
        ("", f"Chatbot. {SCOPE} Lokit poistetaan 30 päivän kuluttua.", "pass"),
        ("", "Palvelin ei tallenna keskusteluja.", "pass"),  # nothing kept: says both
        (SCOPE, "Kaupunki käsittelee henkilötietoja lain mukaan.", "partial"),
        ("", RETENTION, "partial"),
        # OuluBot (4.2.4): "Poista keskustelu" and a generic privacy page.
        ("", "Kaupunki käsittelee henkilötietoja tietosuojalainsäädännön mukaisesti.", "fail"),
        ("", None, "fail"),  # no privacy-notice link at all: nothing more to read
    ],
)
def test_deletion_outcomes(near: str, notice: str | None, expected: str) -> None:
    result = judge_deletion(deletion_scenario(near), notice_scenario(notice))
    assert result.outcome == expected, result.explain("en")
    for lang in ("fi", "sv", "en"):
        assert result.explain(lang).strip()


def test_deletion_quotes_the_sentences_found_and_says_where() -> None:
    result = judge_deletion(deletion_scenario(SCOPE), notice_scenario(RETENTION))
    assert result.quotes == [SCOPE, RETENTION]
    english = result.explain("en")
    assert "beside the delete control" in english and "in the privacy notice" in english


def test_deletion_reads_the_confirmation_and_what_the_widget_says_after() -> None:
    confirm = deletion_scenario(confirmation=f"Haluatko varmasti poistaa? {SCOPE} {RETENTION}")
    assert judge_deletion(confirm, notice_scenario(None)).outcome == "pass"
    after = deletion_scenario(after="Keskustelu poistettu vain tästä selaimesta.")
    result = judge_deletion(after, notice_scenario(None))
    assert result.outcome == "partial" and "after deleting" in result.explain("en")


def test_a_bare_delete_button_with_no_place_named_is_no_scope() -> None:
    """The button's own name, the next button and a storage notice say no scope."""
    near = "Lataa keskustelu\nKeskustelu säilyy tämän välilehden muistissa, kunnes suljet sen."
    result = judge_deletion(deletion_scenario(near), notice_scenario(None))
    assert result.outcome == "fail", result.explain("en")


def test_no_delete_control() -> None:
    none = judge_deletion(deletion_scenario(found=False), notice_scenario(None))
    assert none.outcome == "fail" and "legitimacy.delete-conversation" in none.explain("en")
    kept = judge_deletion(deletion_scenario(found=False), notice_scenario(RETENTION))
    assert kept.outcome == "partial"  # retention stated, but no deletion to explain


def test_unread_privacy_notice_is_inconclusive_unless_the_widget_says_both() -> None:
    unread = notice_scenario("", error="the server answered 500")
    result = judge_deletion(deletion_scenario(SCOPE), unread)
    assert result.outcome == "inconclusive" and "500" in result.explain("en")
    # The bot-identity scenario did not run: the notice was never read.
    assert judge_deletion(deletion_scenario()).outcome == "inconclusive"
    both = judge_deletion(deletion_scenario(f"{SCOPE} {RETENTION}"), unread)
    assert both.outcome == "pass"


def test_deletion_without_the_step_is_inconclusive() -> None:
    result = judge_deletion(scenario("storage-privacy", step("before_input", view())))
    assert result.outcome == "inconclusive"


@pytest.mark.parametrize(
    ("language", "near", "expected"),
    [
        (
            "sv",
            "Raderar samtalet endast från den här webbläsaren. Loggar sparas i 30 dagar.",
            "pass",
        ),
        ("en", "Deletes it only from this browser; logs are kept for 30 days.", "pass"),
        ("en", "We do not store conversations.", "pass"),
        ("en", "Also deletes it from our logs.", "partial"),
        ("en", "Are you sure?", "fail"),
    ],
)
def test_deletion_in_other_languages(language: str, near: str, expected: str) -> None:
    result = judge_deletion(deletion_scenario(near), notice_scenario(None), language=language)
    assert result.outcome == expected, result.explain("en")


# -- legitimacy.geolocation-after-user-action ---------------------------------------------


def call(step_name: str, after: bool, api: str = "getCurrentPosition") -> GeoCall:
    return GeoCall(
        api=api,  # type: ignore[arg-type]
        frame_url="http://127.0.0.1:1/",
        step=step_name,
        after_user_message=after,
        at_ms=120,
    )


def geo_scenario(*calls: GeoCall, confirmed: bool = True) -> ScenarioRecord:
    watch = GeolocationWatch(
        probes=[FrameProbe(url="http://127.0.0.1:1/", wrapped=confirmed)],
        confirmed=confirmed,
        calls=list(calls),
        calls_total=len(calls),
        location_step="location_question",
        detail="" if confirmed else "not in place in: http://127.0.0.1:1/",
    )
    asked = Exchange(sent="Missä on lähin kirjasto?", replies=[bot("Näytän lähimmät kirjastot.")])
    return scenario(
        "bot-identity",
        step("location_question", asked, kind="send"),
        step("geolocation", watch, kind="geolocation_calls"),
    )


def judge_geolocation(record: ScenarioRecord) -> CheckResult:
    return run_criterion(GEOLOCATION, bundle(record), matcher("fi"))


@pytest.mark.parametrize(
    ("calls", "expected"),
    [
        ((), "pass"),  # never asked
        ((call("open_page", False, "permissions.query"),), "pass"),  # a state query prompts nobody
        ((call("location_question", True),), "pass"),  # after the user's location question
        ((call("first_message", True),), "partial"),  # right after an unrelated "Hei"
        ((call("open_page", False),), "fail"),  # on page load
        ((call("open_widget", False, "watchPosition"), call("location_question", True)), "fail"),
    ],
)
def test_geolocation_outcomes(calls: tuple[GeoCall, ...], expected: str) -> None:
    result = judge_geolocation(geo_scenario(*calls))
    assert result.outcome == expected, result.explain("en")
    texts = {result.explain(lang) for lang in ("fi", "sv", "en")}
    assert len(texts) == 3


def test_geolocation_fail_names_the_step_and_quotes_the_call() -> None:
    result = judge_geolocation(geo_scenario(call("open_widget", False)))
    assert "open_widget" in result.explain("en")
    assert result.quotes == ["getCurrentPosition (open_widget, 120 ms, http://127.0.0.1:1/)"]


def test_unconfirmed_instrumentation_is_inconclusive_even_without_calls() -> None:
    result = judge_geolocation(geo_scenario(confirmed=False))
    assert result.outcome == "inconclusive"
    assert "not in place" in result.explain("en")


def test_geolocation_step_missing_is_inconclusive() -> None:
    failed = scenario("bot-identity", step("geolocation", {}, ok=False, error="timeout"))
    assert judge_geolocation(failed).outcome == "inconclusive"
