"""The sixteen conversation criteria as pure functions: run + judging data → Verdict.

`CRITERIA` maps each checklist criterion id to its function; `judge_all` runs them all.
"""

from botaudit.conversation.criteria.base import Quote, Verdict, run_criterion
from botaudit.conversation.criteria.coverage import COVERAGE
from botaudit.conversation.criteria.quality import QUALITY
from botaudit.conversation.model import ConversationRun
from botaudit.conversation.signals import Judging

CRITERIA = {**QUALITY, **COVERAGE}


def judge_all(run: ConversationRun, judging: Judging) -> dict[str, Verdict]:
    """Every criterion's verdict, by checklist criterion id."""
    return {cid: run_criterion(criterion, run, judging) for cid, criterion in CRITERIA.items()}


__all__ = ["CRITERIA", "Quote", "Verdict", "judge_all"]
