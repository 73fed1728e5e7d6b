"""One target's result in a fleet: what the combined report and the CLI read."""

from __future__ import annotations

from dataclasses import dataclass

from botaudit.pipeline import AuditOutcome


@dataclass
class TargetResult:
    name: str
    url: str
    outcome: AuditOutcome | None  # None: the audit could not start (see error)
    exit_code: int
    error: str | None = None
