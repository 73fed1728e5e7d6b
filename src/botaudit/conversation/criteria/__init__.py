"""The sixteen conversation criteria as pure functions: run + judging data → Verdict.

`CRITERIA` maps each checklist criterion id to its function; `judge_all` runs them all.
"""

from botaudit.conversation.criteria.base import Quote, Verdict
from botaudit.conversation.criteria.coverage import COVERAGE
from botaudit.conversation.criteria.quality import QUALITY

CRITERIA = {**QUALITY, **COVERAGE}

__all__ = ["CRITERIA", "Quote", "Verdict"]
