"""Trend between two reports: per value and criterion, and the diff command's exit codes."""

from __future__ import annotations

from pathlib import Path

import pytest
from report_builders import make_report
from typer.testing import CliRunner

from botaudit.cli import app
from botaudit.errors import UsageError
from botaudit.report.diff import compare, load_report
from botaudit.report.render import render_html, write_report


def _with(report, **outcomes):
    criteria = [
        c.model_copy(update={"outcome": outcomes[c.id]}) if c.id in outcomes else c
        for c in report.criteria
    ]
    return report.model_copy(update={"criteria": criteria})


def _by_id(deltas):
    return {d.id: d.change for d in deltas}


def test_criteria_improve_regress_appear_and_vanish() -> None:
    old = make_report()
    new = _with(
        old,
        **{
            "privacy.storage": "pass",  # fail -> pass
            "privacy.notice": "partial",  # pass -> partial
            "accountability.limits": "fail",  # not assessed -> judged
            "fairness.channels": "inconclusive",  # partial -> not judged
        },
    )
    changes = _by_id(compare(old, new).criteria)
    assert changes == {
        "privacy.storage": "improved",
        "privacy.notice": "regressed",
        "accountability.limits": "new",
        "fairness.channels": "no_longer_judged",
    }
    assert compare(old, new).regressed()
    assert not compare(old, old).regressed()
    assert compare(old, old).changed() == []


def test_values_compare_lights_then_scores() -> None:
    old = make_report()
    values = [v.model_copy() for v in old.values]
    values[0] = values[0].model_copy(update={"status": "yellow", "score": 60})  # red -> yellow
    values[2] = values[2].model_copy(update={"score": 90})  # green 100 -> green 90
    values[1] = values[1].model_copy(update={"status": "insufficient", "score": 50})
    changes = _by_id(compare(old, old.model_copy(update={"values": values})).values)
    assert changes == {
        "privacy": "improved",
        "fairness": "regressed",
        "accountability": "unchanged",
    }


def test_a_criterion_missing_from_the_new_checklist_is_no_longer_judged() -> None:
    old = make_report()
    new = old.model_copy(update={"criteria": old.criteria[1:]})
    assert _by_id(compare(old, new).criteria)["privacy.storage"] == "no_longer_judged"


def test_load_report_names_the_problem(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match=r"report\.json"):
        load_report(tmp_path)
    bad = tmp_path / "report.json"
    bad.write_text("{}", encoding="utf-8")
    with pytest.raises(UsageError, match="not a botaudit report"):
        load_report(tmp_path)
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(UsageError, match="not valid JSON"):
        load_report(bad)


def test_diff_command_exit_codes_and_html(tmp_path: Path) -> None:
    old = make_report()
    better = _with(old, **{"privacy.storage": "pass"})
    write_report(old, tmp_path / "old", None)
    write_report(better, tmp_path / "new", None)
    runner = CliRunner()
    result = runner.invoke(
        app,
        ["diff", str(tmp_path / "old"), str(tmp_path / "new"), "--html", str(tmp_path / "d.html")],
    )
    assert result.exit_code == 0, result.output
    assert "privacy.storage" in result.output and "improved" in result.output
    html = (tmp_path / "d.html").read_text(encoding="utf-8")
    assert "privacy.storage" in html and "<script" not in html.lower()
    result = runner.invoke(app, ["diff", str(tmp_path / "new"), str(tmp_path / "old")])
    assert result.exit_code == 1
    assert "regressed" in result.output
    result = runner.invoke(app, ["diff", str(tmp_path / "nope"), str(tmp_path / "old")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_report_shows_the_comparison_section() -> None:
    old = make_report()
    new = _with(old, **{"privacy.storage": "pass"})
    new = new.model_copy(update={"comparison": compare(old, new)})
    html = render_html(new, None)
    assert 'id="h-diff"' in html
    assert "Title privacy.storage" in html
