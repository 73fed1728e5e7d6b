"""From judged criteria (`botaudit.checks.runner`) to value scores.

Scoring rules (the design's "honest scoring"):
- a criterion's outcome comes from its check, run by the runner; criteria without a check,
  or whose evidence kind this audit does not gather, are *not assessed* — never counted as
  pass or fail;
- a value's score (0-100) is the weighted mean of its judged criteria (pass 1, partial 0.5,
  fail 0); inconclusive and not-assessed criteria carry no score but lower the coverage;
- coverage is the judged share of the value's weight (not-applicable criteria left out);
- a failed critical criterion makes the value red whatever the mean (a serious failure is
  never averaged away); otherwise green at >= thresholds.green, yellow at >= yellow.
"""

from __future__ import annotations

from pydantic import BaseModel, Field

from botaudit.checklist.model import Checklist
from botaudit.checks.runner import Judged
from botaudit.messages import Catalogue, Message
from botaudit.types import (
    JUDGED,
    ErrcAction,
    EvidenceKind,
    Outcome,
    Severity,
    Status,
    Text,
    Thresholds,
)

CREDIT = {"pass": 1.0, "partial": 0.5, "fail": 0.0}


class CriterionResult(BaseModel):
    id: str
    value: str
    title: Text
    recommendation: Text
    rationale: str
    source: list[str]
    evidence_kind: EvidenceKind
    severity: Severity
    weight: float
    errc: ErrcAction
    regulatory: bool
    check: str | None
    outcome: Outcome
    explanation: Text = Field(description="`message` rendered in every report language.")
    message: Message | None = Field(default=None, description="What the check said, as data.")
    evidence: list[str] = Field(default_factory=list)
    quotes: list[str] = Field(default_factory=list)


class ValueResult(BaseModel):
    id: str
    number: int
    name: Text
    definition: Text
    central: bool
    score: float | None = Field(description="0-100 over judged criteria; None if none judged.")
    coverage: float = Field(ge=0, le=1, description="Judged share of the value's weight.")
    status: Status
    critical_failure: bool = False
    counts: dict[str, int] = Field(default_factory=dict)
    criteria: list[str] = Field(default_factory=list)


def criterion_results(judged: list[Judged], messages: Catalogue) -> list[CriterionResult]:
    """The runner's verdicts with their criteria's texts and the explanation rendered."""
    results = []
    for item in judged:
        criterion, found = item.criterion, item.result
        results.append(
            CriterionResult(
                id=criterion.id,
                value=item.value.id,
                title=criterion.title,
                recommendation=criterion.recommendation,
                rationale=criterion.rationale,
                source=criterion.source,
                evidence_kind=criterion.evidence,
                severity=criterion.severity,
                weight=criterion.weight,
                errc=criterion.errc,
                regulatory=criterion.regulatory,
                check=criterion.check,
                outcome=found.outcome,
                explanation=messages.text(found.message),
                message=found.message,
                evidence=found.evidence,
                quotes=found.quotes,
            )
        )
    return results


def _status(score: float | None, critical_failure: bool, thresholds: Thresholds) -> Status:
    if score is None:
        return "not_assessed"
    if critical_failure:
        return "red"
    if score >= thresholds.green:
        return "green"
    return "yellow" if score >= thresholds.yellow else "red"


def score_values(
    checklist: Checklist, results: list[CriterionResult], thresholds: Thresholds
) -> list[ValueResult]:
    by_value: dict[str, list[CriterionResult]] = {}
    for result in results:
        by_value.setdefault(result.value, []).append(result)
    values = []
    for value in checklist.values:
        criteria = by_value.get(value.id, [])
        applicable = [c for c in criteria if c.outcome != "not_applicable"]
        judged = [c for c in applicable if c.outcome in JUDGED]
        total = sum(c.weight for c in applicable)
        judged_weight = sum(c.weight for c in judged)
        score = (
            round(100 * sum(c.weight * CREDIT[c.outcome] for c in judged) / judged_weight, 1)
            if judged_weight
            else None
        )
        critical_failure = any(c.outcome == "fail" and c.severity == "critical" for c in judged)
        counts: dict[str, int] = {}
        for c in criteria:
            counts[c.outcome] = counts.get(c.outcome, 0) + 1
        values.append(
            ValueResult(
                id=value.id,
                number=value.number,
                name=value.name,
                definition=value.definition,
                central=value.central,
                score=score,
                coverage=round(judged_weight / total, 3) if total else 0.0,
                status=_status(score, critical_failure, thresholds),
                critical_failure=critical_failure,
                counts=counts,
                criteria=[c.id for c in criteria],
            )
        )
    return values
