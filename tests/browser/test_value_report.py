"""The ethics lead's report in a real Chromium: summary, chart, SWOT/ERRC, PDF, trend.

Reads the session's shared audits of the demo's bad bot and of oulubot-2022 with the
study's bundled self-assessment answers, and audits the good bot compared with the bad one
once per module; the tests read what they wrote.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect
from typer.testing import CliRunner

from botaudit.cli import app
from botaudit.config import parse_config
from botaudit.demo.profiles import demo_config
from botaudit.demo.server import DemoServer
from botaudit.pipeline import AuditOutcome, run_audit
from botaudit.report.diff import compare
from botaudit.report.model import Item, Report
from botaudit.report.render import render_html

pytestmark = pytest.mark.browser
XSS = '<img src=x onerror="window.__pwned=1;alert(1)"><script>window.__pwned=1</script>'
HEADLINE = (
    "transparency.bot-identity-disclosed",
    "accountability.human-handoff",
    "privacy.browser-storage",
)


def _audit(profile: str, out: Path, compare_to: Path | None = None) -> AuditOutcome:
    with DemoServer(profile) as url:
        config = parse_config(demo_config(profile, url), f"demo {profile}")
        return run_audit(config, out, compare_to=compare_to)


@pytest.fixture(scope="module")
def runs(
    tmp_path_factory: pytest.TempPathFactory, demo_audit: Callable[..., AuditOutcome]
) -> dict[str, AuditOutcome]:
    bad = demo_audit("bad")  # shared with other modules (tests/browser/conftest.py)
    good = _audit("good", tmp_path_factory.mktemp("good"), bad.files["json"].parent)
    oulu = demo_audit("oulubot-2022")
    return {"bad": bad, "good": good, "oulu": oulu}


def test_bad_to_good_lists_the_headline_criteria_as_improved(runs) -> None:
    comparison = runs["good"].report.comparison
    assert comparison is not None
    changes = {d.id: d.change for d in comparison.criteria}
    for cid in HEADLINE:
        assert changes[cid] == "improved", cid
    result = CliRunner().invoke(
        app, ["diff", str(runs["bad"].files["json"].parent), str(runs["good"].files["json"])]
    )
    assert result.exit_code == 0, result.output  # nothing regressed
    for cid in HEADLINE:
        assert cid in result.output
    back = CliRunner().invoke(
        app, ["diff", str(runs["good"].files["json"]), str(runs["bad"].files["json"])]
    )
    assert back.exit_code == 1  # good -> bad regressed


def test_no_light_below_the_coverage_threshold(runs) -> None:
    for run in runs.values():
        for value in run.report.values:
            if value.coverage < 0.5 and not value.critical_failure:
                assert value.status in ("insufficient", "not_assessed"), value.id


def test_oulubot_self_assessment_judges_and_is_cited(runs) -> None:
    report = runs["oulu"].report
    criteria = {c.id: c for c in report.criteria}
    assert criteria["efficiency.trainer-resourcing"].outcome == "fail"
    assert criteria["adaptability.ai-act-readiness"].outcome == "not_assessed"  # ** not covered
    assert "Lisäselvitys 2" in criteria["efficiency.trainer-resourcing"].explanation.fi
    assert report.assessment is not None
    assert report.assessment.respondents[0].who == "METKU study team"
    assert (runs["oulu"].files["json"].parent / "evidence" / "self-assessment.yaml").is_file()
    transparency = next(v for v in report.values if v.id == "transparency")
    assert transparency.status != "green"  # the study: "nykyinen käytäntö ei tue arvonluontia"


def test_html_report_summary_chart_values_swot_errc(page: Page, runs) -> None:
    page.goto(runs["oulu"].files["html"].resolve().as_uri())
    summary = page.locator("section.summary-page")
    expect(summary.get_by_role("heading", name="Yhteenveto")).to_be_visible()
    expect(summary.locator(".sentences p")).to_have_count(3)
    chart = page.get_by_role("img", name="Neljätoista arvoa: pisteet ja kattavuus")
    expect(chart).to_be_visible()
    assert page.locator("svg.chart desc").text_content()  # text alternative
    expect(page.locator("svg.chart > g")).to_have_count(14)
    expect(page.locator("table.summary tbody tr")).to_have_count(14)
    expect(page.locator("section.value")).to_have_count(14)
    expect(page.locator("ol.actions > li")).to_have_count(5)
    for quadrant in range(4):
        assert page.locator("table.swot td ul.items").nth(quadrant).locator("li").count() > 0
    assert page.locator("table.swot .origin").count() > 0  # the ethics lead's own items
    for cell in range(4):
        assert page.locator(".errc > div").nth(cell).locator("li").count() > 0 or cell == 2
    expect(page.get_by_text("** ei käsitelty tutkimuksen haastatteluissa")).to_be_visible()


def test_pdf_is_a4_with_several_pages(runs) -> None:
    pdf = runs["oulu"].files["pdf"].read_bytes()
    assert pdf.startswith(b"%PDF")
    boxes = re.findall(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf)
    assert len(boxes) >= 10  # one per page: summary, SWOT, ERRC, fourteen values, ...
    for width, height in boxes:  # A4 is 595 x 842 points (Chromium rounds up a little)
        assert abs(float(width) - 595) < 2 and abs(float(height) - 842) < 2


def _hostile(report: Report) -> Report:
    """Every untrusted text of a real report replaced by markup that tries to run script."""
    criteria = [
        c.model_copy(
            update={
                "quotes": [XSS],
                "recommendation": c.recommendation.model_copy(update={"fi": XSS}),
            }
        )
        for c in report.criteria
    ]
    swot = report.swot.model_copy(update={"opportunities": [Item(text=XSS, origin="organisation")]})
    hostile = report.model_copy(update={"criteria": criteria, "swot": swot})
    return hostile.model_copy(update={"comparison": compare(report, hostile)})


def test_no_script_from_bot_text_runs(page: Page, runs, tmp_path: Path) -> None:
    html = tmp_path / "report.html"
    html.write_text(render_html(_hostile(runs["bad"].report), None), encoding="utf-8")
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    page.goto(html.resolve().as_uri())
    expect(page.locator("section.summary-page")).to_be_visible()
    assert page.evaluate("() => window.__pwned === undefined")
    assert dialogs == []
    assert page.locator("script").count() == 0


def test_report_json_keeps_the_new_parts(runs) -> None:
    data = json.loads(runs["good"].files["json"].read_text(encoding="utf-8"))
    assert data["comparison"]["criteria"]
    assert data["thresholds"]["coverage"] == 50
