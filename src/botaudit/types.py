"""What every layer shares: outcomes, localised text, thresholds and the small vocabularies.

This module is the bottom of the import graph (it imports only pydantic), so that the
checklist, the checks, scoring, the report and the config can all speak of an outcome or a
threshold without importing each other.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Outcome = Literal["pass", "partial", "fail", "inconclusive", "not_applicable", "not_assessed"]
JUDGED: frozenset[str] = frozenset({"pass", "partial", "fail"})

Language = Literal["fi", "sv", "en"]
LANGUAGES: tuple[Language, ...] = ("fi", "sv", "en")
ReportLanguage = Language

EvidenceKind = Literal["browser", "conversation", "transcript", "self-assessment"]
Severity = Literal["critical", "major", "minor"]
ErrcAction = Literal["eliminate", "reduce", "raise", "create"]
Status = Literal["green", "yellow", "red", "insufficient", "not_assessed"]


class Text(BaseModel):
    """A text in the report languages; Finnish and English are required, Swedish welcome."""

    model_config = ConfigDict(extra="forbid")

    fi: str = Field(min_length=1)
    en: str = Field(min_length=1)
    sv: str | None = None

    def get(self, language: str) -> str:
        return getattr(self, language, None) or self.en


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


def valid_patterns(patterns: list[str]) -> list[str]:
    """The patterns unchanged, or a ValueError naming the one that is not a valid regex.

    Phrase lists, transcript rules and conversation signals are regexes people write; each
    model validates them with this one function so the error reads the same everywhere.
    """
    for pattern in patterns:
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"pattern {pattern!r} is not a valid regex: {exc}") from exc
    return patterns
