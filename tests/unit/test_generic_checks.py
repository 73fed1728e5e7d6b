"""Generic checks on any kind of record: a number against limits (e.g. a transcript rate)."""

from __future__ import annotations

import pytest
from builders import bundle
from pydantic import BaseModel, ValidationError

from botaudit.checks.base import CHECKS
from botaudit.checks.generic import NumberLimitsParams, path_problem, strings_at
from botaudit.checks.runner import run_check
from botaudit.evidence.model import EvidenceRecord, observation
from botaudit.evidence.observations import PersonalDataInput, WidgetView
from botaudit.lexicon import matcher


@observation
class FallbackRateForTests(BaseModel):
    conversations: int
    rate: float | None = None


PARAMS = {
    "kind": "transcript",
    "source": "logs",
    "record": "fallbacks",
    "model": "FallbackRateForTests",
    "field": "rate",
    "better": "lower",
    "pass_at": 0.1,
    "partial_at": 0.2,
    "messages": {
        "pass": "runner.did_not_run",
        "partial": "runner.did_not_run",
        "fail": "runner.did_not_run",
        "empty": "runner.did_not_run",
    },
}


@pytest.mark.parametrize(
    ("rate", "expected"),
    [(0.05, "pass"), (0.1, "pass"), (0.15, "partial"), (0.5, "fail"), (None, "inconclusive")],
)
def test_number_limits_on_a_transcript_record(rate: float | None, expected: str) -> None:
    evidence = bundle()
    data = {"conversations": 40, "rate": rate}
    evidence.records = [
        EvidenceRecord(kind="transcript", source="logs", name="fallbacks", data=data)
    ]
    params = NumberLimitsParams.model_validate(PARAMS)
    found = run_check(CHECKS["number_limits"], params, evidence, matcher("fi"))
    assert found.outcome == expected
    assert found.evidence == ["transcript:logs/fallbacks"]


def test_number_limits_higher_is_better_and_limits_must_be_ordered() -> None:
    higher = NumberLimitsParams.model_validate(
        {**PARAMS, "better": "higher", "pass_at": 0.9, "partial_at": 0.8}
    )
    assert higher.partial_at == 0.8
    with pytest.raises(ValidationError, match="worse side"):
        NumberLimitsParams.model_validate({**PARAMS, "partial_at": 0.05})
    with pytest.raises(ValidationError, match="both partial_at"):
        NumberLimitsParams.model_validate({**PARAMS, "partial_at": None})
    params = NumberLimitsParams.model_validate({**PARAMS, "field": "conversations"})
    assert params.field_problems(FallbackRateForTests) == []
    text = NumberLimitsParams.model_validate(
        {**PARAMS, "model": "WidgetView", "field": "visible_text"}
    )
    assert text.field_problems(WidgetView) == ["'visible_text' in WidgetView is not a number"]


def test_field_paths_walk_lists_and_are_checked() -> None:
    record = PersonalDataInput.model_validate(
        {"kinds": [], "exchanges": [{"sent": "x", "replies": [{"text": "a"}, {"text": " "}]}]}
    )
    assert strings_at(record, "exchanges[].replies[].text") == ["a"]
    assert path_problem(PersonalDataInput, "exchanges[].replies[].text") is None
    assert "no field" in str(path_problem(PersonalDataInput, "exchanges[].reply"))
    assert "not text" in str(path_problem(WidgetView, "bot_messages"))
