"""A multi-target audit on recorded evidence: the localised combined report, exit codes,
JUnit, --compare-to and progress, with no browser.

Each deployment's "audit" writes a bundle built by the test builders and re-judges it with
the real pipeline (`rerun_report`), so the checks, the reports and the comparison are the
ones a real audit produces; only the browser is replaced.
"""

from __future__ import annotations

import json
import random
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any
from xml.etree import ElementTree as ET

import pytest
from builders import bot as says
from builders import bundle, handoff_scenario, identity_scenario, view
from typer.testing import CliRunner

from botaudit import pipeline
from botaudit.cli import app
from botaudit.errors import UsageError
from botaudit.evidence.bundle import write_bundle
from botaudit.evidence.model import EvidenceBundle, ScenarioRecord
from botaudit.evidence.pii import synthetic_hetu
from botaudit.fleet.combined import render_html
from botaudit.fleet.run import FleetResult, run_fleet
from botaudit.fleet.targets import parse_fleet
from botaudit.gather.progress import Progress, no_progress
from botaudit.messages import LocalisedError, message

DISCLOSES = "Hei! Olen OuluBot, oululaisten virtuaalinen avustaja."
HANDOFF = "Mikäli haluat jutella ihmiselle, kirjoita 'asiakaspalvelija'."
SILENT = "Tervetuloa VisitOulun chattiin!"


@pytest.fixture(autouse=True)
def no_pdf(monkeypatch: pytest.MonkeyPatch) -> None:
    """The PDF print needs Chromium and is not what these tests are about."""
    monkeypatch.setattr(pipeline, "_add_pdf", lambda outcome, out_dir, printer: None)


def deployment(*greeting: str) -> EvidenceBundle:
    greets = view(*[says(text) for text in greeting])
    return bundle(identity_scenario(greets), handoff_scenario(greets))


def page_left() -> EvidenceBundle:
    """A deployment whose page went away before anything was recorded."""
    left = ScenarioRecord(
        id="bot-identity", title="t", status="page-left", error="the page went to about:blank"
    )
    return bundle(left)


def fleet(*names: str) -> Any:
    return parse_fleet(
        {
            "name": "oulu",
            "widget": {"input": "#in", "bot_message": ".bot"},
            "targets": [{"name": n, "url": f"https://{n}.example.test/"} for n in names],
        },
        "fleet.yaml",
    )


def recorded(records: dict[str, EvidenceBundle | None], language: str | None) -> Callable:
    """A stand-in for `run_audit`: the recorded bundle instead of a browser (None: unreachable)."""

    def run(
        config: Any, out_dir: Path, progress: Progress = no_progress, compare_to: Path | None = None
    ) -> pipeline.AuditOutcome:
        record = records[out_dir.name]
        if record is None:
            raise UsageError(f"Cannot reach {config.target.url}; check target.url.")
        write_bundle(record, out_dir / "evidence")
        progress("bot-identity", "before_typing", 1, 2)
        progress("bot-identity", "first_message", 2, 2)
        return pipeline.rerun_report(
            out_dir / "evidence", out_dir, language=language, compare_to=compare_to
        )

    return run


def audit(
    out: Path,
    records: dict[str, EvidenceBundle | None],
    language: str | None = None,
    **options: Any,
) -> FleetResult:
    return run_fleet(
        fleet(*records), out, "red", recorded(records, language), language=language, **options
    )


STUDY = {
    "main": deployment(DISCLOSES),
    "visitoulu": deployment(SILENT, HANDOFF),
}
# Fixed English texts of the combined report: none may appear in a Finnish or Swedish one.
ENGLISH = [
    "Deployment", "Consistency", "Criteria", "Criterion", "could not run", "full report",
    "Outcome", "Why", "Pass", "Fail", "Partial", "Inconclusive", "Every deployment",
    "differ", "below the threshold", "all deployments", "audited on its own",
]  # fmt: skip


def visible_text(page: str) -> str:
    """The HTML's text without ids, addresses and the bot's own quotes (not ours to translate)."""
    page = re.sub(
        r"<code>.*?</code>|<ul class=\"quotes\".*?</ul>|https://\S+?/", " ", page, flags=re.S
    )
    return re.sub(r"<[^>]+>", " ", page)


@pytest.mark.parametrize("language", ["fi", "sv", "en"])
def test_combined_report_speaks_the_report_language(tmp_path: Path, language: str) -> None:
    result = audit(tmp_path, STUDY, language)
    page = (tmp_path / "report.html").read_text(encoding="utf-8")
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert f'<html lang="{language}">' in page
    for key in ("fleet.deployments", "fleet.consistency", "fleet.criteria"):
        assert message(key, language) in page and message(key, language) in markdown
    handoff = next(r for r in result.report.consistency if r.id.endswith("handoff-instruction"))
    assert handoff.outcome == "fail"  # the study's "no uniform instruction" (4.2.3)
    assert handoff.explanation.startswith(message("fleet.uniform.fail", language, listing="")[:12])
    fail_word = message("report.outcome_fail", language)
    assert f"visitoulu: {fail_word}" not in handoff.explanation  # visitoulu passes it
    assert f"main: {fail_word}" in handoff.explanation
    title = result.report.titles["transparency.bot-identity-disclosed"]
    assert title in page and title in markdown  # criterion titles in the language too
    if language != "en":
        text = visible_text(page) + "\n" + re.sub(r"`[^`]*`|https://\S+", " ", markdown)
        leaked = [w for w in ENGLISH if re.search(rf"\b{w}\b", text)]
        assert leaked == [], leaked


def test_combined_report_escapes_and_masks_page_text(tmp_path: Path) -> None:
    hetu = synthetic_hetu(random.Random(7))
    greeting = f"<script>x()</script> Olen OuluBot, virtuaalinen avustaja. Sinun {hetu}?"
    result = audit(tmp_path, {"main": deployment(greeting)}, "en")
    page = render_html(result.report)
    assert "<script>x()" not in page and "&lt;script&gt;x()" in page
    markdown = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert "<script>" not in markdown and "\\<script\\>" in markdown
    for name in ("report.json", "report.md", "report.html"):
        assert hetu not in (tmp_path / name).read_text(encoding="utf-8"), name


def test_a_deployment_where_nothing_could_be_judged_is_exit_2_and_named(tmp_path: Path) -> None:
    records = {**STUDY, "teatteri": page_left(), "closed": None}
    result = audit(tmp_path, records, "fi")
    assert result.exit_code == 2
    assert result.error is not None and result.error.count(".") >= 1
    assert result.error.startswith("2 targets could not be audited: teatteri (No browser ")
    assert "closed (Cannot reach https://closed.example.test/" in result.error
    summary = {t.name: t for t in result.report.targets}
    assert summary["teatteri"].error.startswith("Yhtäkään selaimella")  # the report's language
    assert summary["main"].error is None and summary["main"].exit_code == 1
    for name in ("main", "visitoulu", "teatteri"):  # what was gathered is written
        assert (tmp_path / name / "report.json").is_file()
    combined = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert combined["matrix"]["transparency.bot-identity-disclosed"]["closed"] is None
    assert combined["matrix"]["transparency.bot-identity-disclosed"]["teatteri"] is None


def test_one_deployment_not_judged_is_one_sentence(tmp_path: Path) -> None:
    result = audit(tmp_path, {"main": deployment(DISCLOSES), "teatteri": page_left()})
    assert result.exit_code == 2
    assert result.error == (
        "Target teatteri could not be audited: No browser criterion could be judged: "
        "in bot-identity, the page went to about:blank."
    )


def test_junit_has_a_suite_per_deployment_and_one_for_consistency(tmp_path: Path) -> None:
    junit = tmp_path / "ci" / "junit.xml"
    audit(tmp_path / "out", {**STUDY, "closed": None}, "en", junit=junit)
    root = ET.fromstring(junit.read_text(encoding="utf-8"))
    suites = {s.get("name"): s for s in root.iter("testsuite")}
    assert list(suites) == ["main", "visitoulu", "closed", "consistency"]
    main = json.loads((tmp_path / "out" / "main" / "report.json").read_text(encoding="utf-8"))
    cases = suites["main"].findall("testcase")
    assert [c.get("name") for c in cases] == [c["id"] for c in main["criteria"]]
    assert {c.get("classname") for c in cases} == {"botaudit.main"}
    for suite in suites.values():
        cases = suite.findall("testcase")
        assert int(suite.get("tests", "-1")) == len(cases)
        for tag, key in (("failure", "failures"), ("error", "errors"), ("skipped", "skipped")):
            assert int(suite.get(key, "-1")) == sum(1 for c in cases if c.find(tag) is not None)
    (closed,) = suites["closed"].findall("testcase")
    assert closed.get("name") == "audit" and "Cannot reach" in closed.find("error").text
    rows = {c.get("name"): c for c in suites["consistency"].findall("testcase")}
    handoff = rows["consistency.uniform-handoff-instruction"]
    assert handoff.find("failure") is not None
    assert "main: Fail" in handoff.find("failure").text


def test_compare_to_matches_deployments_by_name(tmp_path: Path) -> None:
    earlier = {**STUDY, "old": deployment(DISCLOSES), "closed": None}
    audit(tmp_path / "before", earlier, "en")
    now = {
        "main": deployment("Hei! Miten voin auttaa?"),  # no longer says it is a bot
        "visitoulu": STUDY["visitoulu"],
        "closed": deployment(DISCLOSES),  # could not run before: nothing to compare with
        "teatteri": deployment(DISCLOSES),  # new
    }
    result = audit(tmp_path / "after", now, "en", compare_to=tmp_path / "before")
    since = {t.name: t.since for t in result.report.targets}
    assert since["main"].state == "compared" and since["main"].regressed >= 1
    assert since["visitoulu"].state == "compared" and since["visitoulu"].regressed == 0
    assert since["visitoulu"].improved == 0
    assert since["closed"].state == "no_report" and since["teatteri"].state == "new"
    assert result.report.dropped == ["old"]
    main = json.loads((tmp_path / "after" / "main" / "report.json").read_text(encoding="utf-8"))
    changes = {d["id"]: d["change"] for d in main["comparison"]["criteria"]}
    assert changes["transparency.bot-identity-disclosed"] == "regressed"
    page = (tmp_path / "after" / "report.html").read_text(encoding="utf-8")
    assert message("fleet.since.new", "en") in page and "old" in page
    assert result.exit_code < 2  # a new deployment is no error


def compare_error(tmp_path: Path, earlier: Path) -> str:
    calls: list[str] = []
    records = dict(STUDY)

    def run(config: Any, out_dir: Path, **_: Any) -> Any:
        calls.append(out_dir.name)
        return recorded(records, None)(config, out_dir)

    with pytest.raises(LocalisedError) as caught:
        run_fleet(fleet(*records), tmp_path / "out", "red", run, compare_to=earlier)
    assert calls == []  # refused before any deployment is audited
    return str(caught.value)


def test_compare_to_refuses_what_is_not_a_multi_target_output(tmp_path: Path) -> None:
    audit(tmp_path / "before", STUDY, "en")
    single = compare_error(tmp_path, tmp_path / "before" / "main")
    assert single.startswith(f"{tmp_path / 'before' / 'main' / 'report.json'} is a single-target")
    (tmp_path / "other.json").write_text('{"name": "x"}', encoding="utf-8")
    other = compare_error(tmp_path, tmp_path / "other.json")
    assert "is not the combined report of a multi-target audit" in other
    missing = compare_error(tmp_path, tmp_path / "nowhere")
    assert missing.startswith("Cannot read") and "nowhere" in missing


def test_cli_compare_to_a_single_report_is_exit_2_in_one_sentence(tmp_path: Path) -> None:
    audit(tmp_path / "before", STUDY, "en")
    config = tmp_path / "fleet.yaml"
    config.write_text(
        "name: oulu\nwidget: {input: '#in', bot_message: '.bot'}\ntargets:\n"
        "  - {name: main, url: 'http://127.0.0.1:9/'}\n",
        encoding="utf-8",
    )
    earlier = tmp_path / "before" / "main"
    result = CliRunner().invoke(app, ["audit", str(config), "-q", "--compare-to", str(earlier)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "is a single-target report" in " ".join(result.output.split())


def test_progress_shows_each_deployment_waiting_then_done(tmp_path: Path) -> None:
    seen: list[tuple[str, str, int, int]] = []
    audit(tmp_path, {**STUDY, "closed": None}, "en", progress=lambda *a: seen.append(a))
    assert seen[:3] == [(n, "waiting", 0, 1) for n in ("main", "visitoulu", "closed")]
    last = {name: (step, done, total) for name, step, done, total in seen}
    assert last["main"] == ("done, exit 1", 2, 2)
    assert last["closed"] == ("could not run", 1, 1)
    assert ("main", "bot-identity: first_message", 2, 2) in seen
