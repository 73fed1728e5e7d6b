"""The result model: one object from which every report format is rendered.

`report.json` is this model; HTML and Markdown are templates over it. Keeping one model
means the formats cannot disagree (Lighthouse renders its one result JSON everywhere).
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, Field

from botaudit.assessment.workshop import RoundAggregate
from botaudit.checklist.model import ErrcAction, EvidenceKind, Severity, Text
from botaudit.checks.base import Outcome
from botaudit.evidence.model import BrowserInfo, TargetInfo, ToolInfo
from botaudit.report.extras import AssessmentInfo, Comparison

Status = Literal["green", "yellow", "red", "insufficient", "not_assessed"]
ReportLanguage = Literal["fi", "sv", "en"]


class Thresholds(BaseModel):
    """Score limits of the traffic lights (0-100)."""

    green: float = Field(default=80, ge=0, le=100)
    yellow: float = Field(default=50, ge=0, le=100)
    coverage: float = Field(
        default=50,
        ge=0,
        le=100,
        description="Least judged share of a value's weight (%) for a green/yellow/red light.",
    )


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
    explanation: Text
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


class Item(BaseModel):
    """One SWOT or ERRC entry: a sentence and the criteria behind it."""

    text: str
    criteria: list[str] = Field(default_factory=list)
    values: list[str] = Field(default_factory=list, description="Value ids it concerns.")
    origin: Literal["audit", "organisation", "workshop"] = "audit"


class Swot(BaseModel):
    strengths: list[Item] = Field(default_factory=list)
    weaknesses: list[Item] = Field(default_factory=list)
    opportunities: list[Item] = Field(default_factory=list)
    threats: list[Item] = Field(default_factory=list)


class Errc(BaseModel):
    """The study's modified Blue Ocean grid: what to eliminate, reduce, raise, create."""

    eliminate: list[Item] = Field(default_factory=list)
    reduce: list[Item] = Field(default_factory=list)
    raise_: list[Item] = Field(default_factory=list, alias="raise")
    create: list[Item] = Field(default_factory=list)

    model_config = {"populate_by_name": True}


class AuditInfo(BaseModel):
    name: str
    started_at: datetime
    finished_at: datetime | None
    browser: BrowserInfo
    config_sha256: str
    lexicon_sha256: str
    checklist: str
    fatal_error: str | None = None
    evidence_dir: str = "evidence"


class Report(BaseModel):
    schema_version: int = 1
    tool: ToolInfo
    target: TargetInfo
    audit: AuditInfo
    language: ReportLanguage
    generated_at: datetime
    thresholds: Thresholds
    values: list[ValueResult]
    criteria: list[CriterionResult]
    swot: Swot
    errc: Errc
    assessment: AssessmentInfo | None = None
    workshop: RoundAggregate | None = Field(
        default=None, description="The latest workshop round, aggregated (>= 3 responses)."
    )
    comparison: Comparison | None = Field(
        default=None, description="Changes since an earlier audit (--compare-to)."
    )
