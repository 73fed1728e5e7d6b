"""The result model: one object from which every report format is rendered.

`report.json` is this model; HTML and Markdown are templates over it. Keeping one model
means the formats cannot disagree (Lighthouse renders its one result JSON everywhere).
"""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel, Field

from botaudit.evidence.model import BrowserInfo, TargetInfo, ToolInfo
from botaudit.scoring import CriterionResult, ValueResult
from botaudit.types import ReportLanguage, Status, Thresholds

__all__ = [
    "CriterionResult",
    "Report",
    "ReportLanguage",
    "Status",
    "Thresholds",
    "ValueResult",
]


class Item(BaseModel):
    """One SWOT or ERRC entry: a sentence and the criteria behind it."""

    text: str
    criteria: list[str] = Field(default_factory=list)


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
