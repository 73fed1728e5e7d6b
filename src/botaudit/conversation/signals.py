"""Thresholds and phrase lists for judging conversations (checklists/conversation-judging.yaml).

Kept as data so that an ethics lead can tune a threshold or add a colloquial fallback
phrase without touching code; validated here so that a typo fails loudly, with its path.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from botaudit.errors import UsageError
from botaudit.resources import data_dir
from botaudit.types import valid_patterns
from botaudit.yamlfile import read_yaml

FILENAME = "conversation-judging.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Concise(_Strict):
    max_words: int = Field(gt=0)
    pass_share: float = Field(ge=0, le=1)
    partial_share: float = Field(ge=0, le=1)


class Consistency(_Strict):
    min_similarity: float = Field(ge=0, le=1)
    pass_share: float = Field(ge=0, le=1)
    partial_share: float = Field(ge=0, le=1)


class Rates(_Strict):
    pass_rate: float = Field(ge=0, le=1)
    partial_rate: float = Field(ge=0, le=1)


class CorrectAnswer(_Strict):
    target: float = Field(ge=0, le=1)
    partial: float = Field(ge=0, le=1)


class Readability(_Strict):
    pass_: dict[str, float] = Field(alias="pass")
    partial: dict[str, float]


class Shares(_Strict):
    pass_: float = Field(alias="pass", ge=0, le=1)
    partial: float = Field(ge=0, le=1)


class Thresholds(_Strict):
    concise: Concise
    consistency: Consistency
    paraphrase: Rates
    correct_answer: CorrectAnswer
    readability: Readability
    shares: Shares
    fallback_repeat: int = Field(ge=2)


class Phrases(_Strict):
    """Regular expressions per signal, for one language."""

    fallback: list[str]
    clarifying: list[str]
    referral: list[str]
    reason: list[str]
    sensitive_request: list[str]
    negation: list[str]
    light_tone: list[str]
    stopwords: list[str]

    @field_validator(
        "fallback",
        "clarifying",
        "referral",
        "reason",
        "sensitive_request",
        "negation",
        "light_tone",
    )
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return valid_patterns(patterns)

    def search(self, signal: str, text: str) -> re.Match[str] | None:
        """The first match of any pattern of `signal` in `text`."""
        for pattern in getattr(self, signal):
            found = re.search(pattern, text, re.IGNORECASE)
            if found:
                return found
        return None


class Judging(_Strict):
    thresholds: Thresholds
    languages: dict[str, Phrases]

    def phrases(self, language: str) -> Phrases:
        return self.languages.get(language) or self.languages["en"]


def judging_path() -> Path:
    return data_dir("checklists") / FILENAME


@cache
def load_judging(path: Path | None = None) -> Judging:
    path = path or judging_path()
    data = read_yaml(path, "conversation judging rules")
    try:
        return Judging.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise UsageError(f"{path} is not valid ({problems}); fix those fields.") from exc
