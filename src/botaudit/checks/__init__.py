"""Checks: pure functions from declared evidence records to an outcome, registered by name.

Importing this package registers every check in `CHECKS`: the generic, parameterised ones
(`generic`) and the special ones with a judgement of their own. A new module of checks is
added to the import below.
"""

from botaudit.checks import (  # noqa: F401
    accessibility,
    agent_label,
    conversation,
    deletion_scope,
    disclosure,
    feedback,
    generic,
    geolocation,
    handoff,
    keyboard,
    linked_pages,
    self_assessed,
    self_description,
    shared_computer,
    storage_privacy,
    third_parties,
    transcript_download,
    transcripts,
    volunteered,
)
from botaudit.checks.base import CHECKS, Check, CheckParams, CheckResult, Evidence, Need, check

__all__ = ["CHECKS", "Check", "CheckParams", "CheckResult", "Evidence", "Need", "check"]
