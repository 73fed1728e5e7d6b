"""The sixteen conversation criteria as checks of the contract: each needs the recorded
conversation run (`conversation` / `probes` / `run`) and applies its pure criterion
(botaudit.conversation.criteria). Without probes the runner reports *not assessed*.
"""

from __future__ import annotations

from functools import partial
from typing import Any

from botaudit.checks.base import CheckResult, Evidence, Need, check, result
from botaudit.conversation.criteria import CRITERIA
from botaudit.conversation.criteria.base import run_criterion
from botaudit.conversation.model import RECORD_NAME, SOURCE, ConversationRun
from botaudit.conversation.signals import load_judging
from botaudit.lexicon import Matcher

RUN = Need("conversation", SOURCE, RECORD_NAME, ConversationRun)


def check_name(criterion_id: str) -> str:
    """'professionalism.concise-answers' → 'conversation_concise_answers'."""
    return "conversation_" + criterion_id.split(".", 1)[1].replace("-", "_")


def judge_criterion(criterion: str, ev: Evidence, matcher: Matcher, _params: Any) -> CheckResult:
    verdict = run_criterion(CRITERIA[criterion], ev[RECORD_NAME], load_judging())
    return result(
        verdict.outcome,  # type: ignore[arg-type]
        verdict.key,
        evidence=[ev.ref(RECORD_NAME)],
        quotes=[str(q) for q in verdict.quotes],
        **verdict.params,
    )


for _criterion in CRITERIA:
    check(check_name(_criterion), needs=(RUN,))(partial(judge_criterion, _criterion))
