"""Judging a criterion from a person's answer: a pure function, no I/O.

yes → pass, partly → partial, no → fail, don't know → not assessed (never a fail: not
knowing is a gap in evidence, not a finding). The answer's comment is quoted and its
evidence link listed, so a reader sees what the verdict rests on and who gave it.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from botaudit.assessment.model import Answer
from botaudit.types import Outcome

OUTCOME: dict[str, Outcome] = {
    "yes": "pass",
    "partly": "partial",
    "no": "fail",
    "dont_know": "not_assessed",
}


@dataclass(frozen=True)
class Judgement:
    outcome: Outcome
    key: str
    params: dict[str, str]
    quotes: tuple[str, ...] = ()
    evidence: tuple[str, ...] = field(default_factory=tuple)


def judge_answer(answer: Answer) -> Judgement:
    """The outcome a self-assessment answer gives its criterion, with the message to show."""
    params = {
        "who": answer.who or "?",
        "when": answer.when.isoformat() if answer.when else "?",
        "source": f" ({answer.source})" if answer.source else "",
    }
    quotes = (answer.comment.strip(),) if answer.comment.strip() else ()
    evidence = (answer.evidence,) if answer.evidence else ()
    return Judgement(
        OUTCOME[answer.answer], f"assessment.{answer.answer}", params, quotes, evidence
    )
