"""Checks: pure functions from an evidence bundle to an outcome, registered by name.

Importing this package registers every check in `CHECKS`.
"""

from botaudit.checks import (  # noqa: F401
    accessibility,
    disclosure,
    greeting,
    handoff,
    personal_data,
    shared_computer,
    storage_privacy,
    third_parties,
)
from botaudit.checks.base import CHECKS, Check, CheckResult, Outcome

__all__ = ["CHECKS", "Check", "CheckResult", "Outcome"]
