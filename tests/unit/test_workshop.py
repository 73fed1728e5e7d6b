"""The workshop aggregate: anonymous, shown only with at least three responses."""

from __future__ import annotations

import pytest
from pydantic import ValidationError
from report_builders import make_report

from botaudit.assessment.model import SelfAssessment
from botaudit.assessment.workshop import Response, WorkshopRound, aggregate
from botaudit.report.render import render_html, render_markdown
from botaudit.report.workshop_errc import add_workshop_actions


def response(autonomy: str, reason: str = "", beneficence: str = "green", **extra) -> Response:
    return Response.model_validate(
        {
            "ratings": {
                "autonomy": {"light": autonomy, "reason": reason},
                "beneficence": {"light": beneficence},
            },
            **extra,
        }
    )


ACTION = {
    "field": "autonomy",
    "level": "community",
    "kind": "create",
    "text": "Dedicated bot-training hours",
    "owner": "Service manager",
    "measure": "hours per week",
    "timeframe": "Q3",
}


def test_fewer_than_three_responses_show_nothing_but_the_count() -> None:
    secret = "Esihenkilöni ei anna aikaa kouluttamiseen"
    rounds = [WorkshopRound(round="2025-1", responses=[response("red", secret), response("green")])]
    result = aggregate(rounds)
    assert result is not None and not result.shown
    assert result.respondents == 2
    assert result.fields == [] and result.actions == [] and result.reflection == {}
    report = make_report("fi").model_copy(update={"workshop": result})
    html = render_html(report, None)
    assert secret not in html
    assert "vähintään 3" in html
    assert secret not in render_markdown(report)


def test_three_responses_are_aggregated_with_sorted_reasons() -> None:
    responses = [
        response("red", "b: no time", actions=[ACTION], reflection={11: "Learnt to write short"}),
        response("yellow", "a: some time"),
        response("red"),
    ]
    result = aggregate([WorkshopRound(round="2025-1", responses=responses)])
    assert result is not None and result.shown
    autonomy = next(f for f in result.fields if f.field == "autonomy")
    assert autonomy.counts == {"red": 2, "yellow": 1}
    assert autonomy.light == "red"
    assert autonomy.reasons == ["a: some time", "b: no time"]  # order does not reveal who
    assert result.actions[0].owner == "Service manager"
    assert result.reflection == {11: ["Learnt to write short"]}


def test_a_tie_goes_to_the_worse_light() -> None:
    responses = [
        response("green"),
        response("red"),
        response("yellow"),
        response("green"),
        response("red"),
    ]
    result = aggregate([WorkshopRound(round="r", responses=responses)])
    assert next(f for f in result.fields if f.field == "autonomy").light == "red"


def test_change_against_the_previous_round() -> None:
    first = WorkshopRound(round="2024", responses=[response("red")] * 3)
    too_small = WorkshopRound(round="2024b", responses=[response("green")])
    latest = WorkshopRound(round="2025", responses=[response("green", beneficence="red")] * 3)
    result = aggregate([first, too_small, latest])
    assert result.previous == "2024"  # a round too small to show is not a baseline either
    changes = {f.field: f.change for f in result.fields}
    assert changes == {"autonomy": "improved", "beneficence": "regressed"}


def test_responses_cannot_carry_names() -> None:
    with pytest.raises(ValidationError):
        Response.model_validate({"name": "Maija", "ratings": {}})
    with pytest.raises(ValidationError):
        SelfAssessment.model_validate({"workshop": [{"round": "r", "responses": [{"who": "x"}]}]})


def test_actions_enter_the_errc_grid_marked_as_workshop() -> None:
    responses = [response("red", actions=[ACTION]), response("red"), response("yellow")]
    result = aggregate([WorkshopRound(round="r", responses=responses)])
    errc = add_workshop_actions(make_report().errc, result, "en")
    item = errc.create[-1]
    assert item.origin == "workshop"
    assert item.text.startswith("Dedicated bot-training hours (Autonomy, work community")
    assert "Service manager; hours per week; Q3" in item.text
    hidden = aggregate([WorkshopRound(round="r", responses=responses[:2])])
    assert add_workshop_actions(make_report().errc, hidden, "en") == make_report().errc
