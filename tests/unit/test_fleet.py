"""Multi-target configs and the consistency rows judged across deployments."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from botaudit.errors import UsageError
from botaudit.fleet.consistency import DISCLOSURE, HANDOFF, judge_consistency
from botaudit.fleet.targets import load_fleet, parse_fleet

WIDGET = {"input": "#in", "bot_message": ".bot", "launcher": "#open"}


def fleet_data(**extra: Any) -> dict[str, Any]:
    return {
        "name": "oulu",
        "widget": WIDGET,
        "targets": [
            {"name": "main", "url": "https://example.test/"},
            {"name": "visit", "url": "https://visit.example.test/", "widget": {"input": "#q"}},
        ],
        **extra,
    }


def test_targets_inherit_the_shared_config_and_override_the_widget() -> None:
    fleet = parse_fleet(fleet_data(timing={"quiet_ms": 900}), "f.yaml")
    assert fleet.parallel == 2
    main, visit = fleet.targets["main"], fleet.targets["visit"]
    assert (main.name, visit.name) == ("oulu-main", "oulu-visit")
    assert main.widget.input.css == "#in" and visit.widget.input.css == "#q"
    assert visit.widget.launcher and visit.widget.launcher.css == "#open"
    assert visit.timing.quiet_ms == 900 and visit.target.url == "https://visit.example.test/"


def test_single_target_file_is_not_a_fleet(tmp_path: Path) -> None:
    path = tmp_path / "one.yaml"
    path.write_text(
        "name: x\ntarget: {url: 'https://a.test/'}\nwidget: {input: a, bot_message: b}\n"
    )
    assert load_fleet(path) is None


@pytest.mark.parametrize(
    ("data", "words"),
    [
        ({**fleet_data(), "target": {"url": "https://a.test/"}}, ["target and targets"]),
        (fleet_data(parallel=0), ["parallel"]),
        ({**fleet_data(), "targets": []}, ["targets"]),
        (
            {**fleet_data(), "targets": [{"name": "a", "url": "https://a.test/"}] * 2},
            ["target a twice"],
        ),
        (
            {**fleet_data(), "targets": [{"name": "a", "url": "ftp://a.test/"}]},
            ["target a", "target.url"],
        ),
        (
            {
                **fleet_data(),
                "targets": [{"name": "a", "url": "https://a.test/", "widget": {"inptu": "x"}}],
            },
            ["target a", "widget.inptu"],
        ),
    ],
)
def test_bad_targets_name_the_field(data: dict[str, Any], words: list[str]) -> None:
    with pytest.raises(UsageError) as caught:
        parse_fleet(data, "f.yaml")
    for word in words:
        assert word in str(caught.value)


def rows(outcomes: dict[str, dict[str, str]]) -> dict[str, str]:
    quotes = {t: {} for t in outcomes}
    return {r.id: r.outcome for r in judge_consistency(outcomes, quotes)}


def test_consistency_passes_when_every_deployment_agrees() -> None:
    same = {t: {DISCLOSURE: "pass", HANDOFF: "fail"} for t in ("a", "b", "c")}
    assert rows(same) == {
        "consistency.same-disclosure": "pass",
        "consistency.uniform-handoff-instruction": "pass",
    }


def test_consistency_fails_on_the_study_finding() -> None:
    differ = {
        "main": {DISCLOSURE: "pass", HANDOFF: "fail"},
        "visit": {DISCLOSURE: "partial", HANDOFF: "pass"},
    }
    assert set(rows(differ).values()) == {"fail"}


def test_a_deployment_not_judged_makes_it_inconclusive_unless_already_failed() -> None:
    one_missing = {"a": {DISCLOSURE: "pass", HANDOFF: "pass"}, "b": {}}
    assert set(rows(one_missing).values()) == {"inconclusive"}
    failed = {"a": {DISCLOSURE: "fail", HANDOFF: "pass"}, "b": {HANDOFF: "fail"}, "c": {}}
    assert set(rows(failed).values()) == {"fail"}
