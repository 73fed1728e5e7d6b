"""A fleet's results: each target's run, and the combined report as data (report.json).

The combined report is a pydantic model for the same reason the single report is one: the
JSON, Markdown and HTML are rendered from it, and a later `--compare-to` can tell an earlier
multi-target output from anything else by validating it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from botaudit.fleet.consistency import ConsistencyFields
from botaudit.pipeline import AuditOutcome
from botaudit.types import ReportLanguage


@dataclass
class TargetResult:
    name: str
    url: str
    outcome: AuditOutcome | None  # None: the audit could not start (see error)
    exit_code: int
    error: str | None = None  # English, for the CLI
    reason: str | None = None  # the same in the report's language, for the combined report


class Since(BaseModel):
    """One deployment against the same-named one of the earlier audit (`--compare-to`)."""

    state: Literal["compared", "new", "no_report"]
    improved: int = 0
    regressed: int = 0
    new: int = 0
    gone: int = 0


class TargetSummary(BaseModel):
    name: str
    url: str
    exit_code: int
    error: str | None = Field(default=None, description="Why it could not run (report language).")
    report: str | None = Field(default=None, description="Its own report, relative to this one.")
    since: Since | None = None


class ConsistencyRow(ConsistencyFields):
    explanation: str


class FleetReport(BaseModel):
    schema_version: int = 1
    kind: Literal["multi-target"] = "multi-target"
    name: str
    language: ReportLanguage = "en"
    generated_at: datetime | None = None
    targets: list[TargetSummary]
    titles: dict[str, str] = Field(default_factory=dict, description="Criterion id → title.")
    consistency: list[ConsistencyRow]
    matrix: dict[str, dict[str, str | None]] = Field(
        description="matrix[criterion][deployment]: its outcome, None if it could not run."
    )
    compared_to: str | None = None
    dropped: list[str] = Field(
        default_factory=list, description="Deployments of the earlier audit not in this one."
    )
