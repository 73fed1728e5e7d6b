"""Value scores, coverage and traffic lights follow the documented rules."""

from __future__ import annotations

import pytest

from botaudit.checklist.model import Checklist, Criterion, Text, Value
from botaudit.report.model import CriterionResult, Thresholds
from botaudit.scoring import score_values

T = Text(fi="x", en="x")


def _criterion(cid: str, weight: float = 1, severity: str = "major") -> Criterion:
    return Criterion(
        id=cid,
        title=T,
        recommendation=T,
        rationale="r",
        source=["s"],
        evidence="browser",
        weight=weight,
        severity=severity,
        errc="raise",
    )  # type: ignore[arg-type]


def _result(c: Criterion, outcome: str) -> CriterionResult:
    return CriterionResult(
        id=c.id,
        value=c.id.split(".")[0],
        title=T,
        recommendation=T,
        rationale="r",
        source=["s"],
        evidence_kind="browser",
        severity=c.severity,
        weight=c.weight,
        errc="raise",
        regulatory=False,
        check=None,
        outcome=outcome,
        explanation=T,  # type: ignore[arg-type]
    )


def _score(outcomes: list[tuple[float, str, str]], thresholds: Thresholds | None = None):  # type: ignore[no-untyped-def]
    criteria = [_criterion(f"v.c{i}", w, sev) for i, (w, _, sev) in enumerate(outcomes)]
    checklist = Checklist(
        id="t",
        title=T,
        version="1",
        values=[Value(id="v", number=1, name=T, definition=T, criteria=criteria)],
    )
    results = [_result(c, o) for c, (_, o, _) in zip(criteria, outcomes, strict=True)]
    return score_values(checklist, results, thresholds or Thresholds())[0]


def test_weighted_mean_of_judged_criteria() -> None:
    value = _score([(3, "pass", "major"), (1, "fail", "major"), (2, "partial", "minor")])
    assert value.score == pytest.approx(100 * (3 + 0 + 1) / 6, abs=0.1)
    assert value.coverage == 1
    assert value.status == "yellow"


def test_unjudged_criteria_lower_coverage_not_score() -> None:
    value = _score(
        [(1, "pass", "major"), (1, "inconclusive", "major"), (2, "not_assessed", "major")]
    )
    assert value.score == 100
    assert value.coverage == 0.25
    assert value.status == "insufficient"  # a score on a quarter of the weight is no light


def test_coverage_threshold_gives_the_light() -> None:
    outcomes = [(1, "pass", "major"), (1, "not_assessed", "major")]  # 50 % judged
    assert _score(outcomes).status == "green"
    assert _score(outcomes, Thresholds(coverage=60)).status == "insufficient"
    assert _score([(1, "pass", "major"), (3, "not_assessed", "major")]).score == 100


def test_failed_critical_is_red_even_below_the_coverage_threshold() -> None:
    value = _score([(1, "fail", "critical"), (9, "not_assessed", "major")])
    assert value.coverage == 0.1
    assert value.status == "red"


def test_not_applicable_leaves_the_denominator() -> None:
    value = _score([(1, "pass", "major"), (1, "not_applicable", "major")])
    assert value.coverage == 1


def test_nothing_judged_is_not_assessed_never_zero() -> None:
    value = _score([(1, "not_assessed", "major"), (1, "inconclusive", "critical")])
    assert value.score is None
    assert value.status == "not_assessed"


def test_failed_critical_is_red_whatever_the_mean() -> None:
    value = _score([(10, "pass", "major"), (1, "fail", "critical")])
    assert value.score is not None and value.score > 90
    assert value.status == "red"
    assert value.critical_failure


def test_partial_critical_is_not_capped() -> None:
    assert _score([(3, "pass", "major"), (1, "partial", "critical")]).status == "green"


def test_thresholds_are_configurable() -> None:
    outcomes = [(1, "pass", "major"), (1, "partial", "major")]  # 75
    assert _score(outcomes).status == "yellow"
    assert _score(outcomes, Thresholds(green=70, yellow=40)).status == "green"
    assert _score([(1, "partial", "major"), (1, "fail", "minor")]).status == "red"  # 25
