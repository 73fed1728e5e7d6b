"""`self_assessed`: a criterion judged from the organisation's self-assessment answer.

Generic: the criterion names the answer record it reads (`params: {answer: <criterion
id>}`). Criteria of the browser kind that have no automated check yet may also be answered
by a person; the runner then uses this check too (see `person_answer`), and an automated
check, once there is one, takes precedence.
"""

from __future__ import annotations

from botaudit.assessment.judge import judge_answer
from botaudit.assessment.model import ANSWER_CHOICES, Answer
from botaudit.assessment.records import SOURCE
from botaudit.checks.base import CheckParams, CheckResult, Evidence, Need, check, result
from botaudit.lexicon import Matcher


class SelfAssessedParams(CheckParams):
    answer: str

    def needs(self) -> tuple[Need, ...]:
        # optional: a question nobody has answered yet is not assessed, not inconclusive
        return (Need("self-assessment", SOURCE, self.answer, Answer, optional=True),)

    def message_keys(self) -> tuple[str, ...]:
        return ("assessment.unanswered", *(f"assessment.{c}" for c in ANSWER_CHOICES))


@check("self_assessed", params=SelfAssessedParams)
def self_assessed(ev: Evidence, _matcher: Matcher, params: SelfAssessedParams) -> CheckResult:
    answer = ev.get(params.answer)
    if answer is None:
        return result("not_assessed", "assessment.unanswered")
    judgement = judge_answer(answer)
    return result(
        judgement.outcome,
        judgement.key,
        evidence=[ev.ref(params.answer), *judgement.evidence],
        quotes=list(judgement.quotes),
        **judgement.params,
    )
