"""The answers file: one answer per criterion, the ethics lead's SWOT items, the workshop.

Kept as plain YAML so that an ethics lead can read, diff and archive it; `botaudit assess`
writes the same file through a form.
"""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from botaudit.assessment.workshop import WorkshopRound
from botaudit.errors import UsageError
from botaudit.yamlfile import read_yaml

AnswerChoice = Literal["yes", "partly", "no", "dont_know"]
ANSWER_CHOICES: tuple[AnswerChoice, ...] = ("yes", "partly", "no", "dont_know")
SwotQuadrant = Literal["strengths", "weaknesses", "opportunities", "threats"]


class Answer(BaseModel):
    """A person's answer to one criterion's question."""

    model_config = ConfigDict(extra="forbid")

    answer: AnswerChoice
    comment: str = ""
    who: str = Field(default="", description="Role or name of the person who answered.")
    when: date | None = None
    evidence: str | None = Field(
        default=None, description="Optional link to a document that backs the answer."
    )
    source: str | None = Field(
        default=None, description="Where the answer comes from, e.g. a section of the study."
    )


class SwotEntry(BaseModel):
    """An item the ethics lead adds to the SWOT: mostly what only the organisation knows."""

    model_config = ConfigDict(extra="forbid")

    text: str = Field(min_length=1)
    value: str | None = Field(default=None, description="The value id it concerns, if any.")
    source: str | None = None


class LeadSwot(BaseModel):
    model_config = ConfigDict(extra="forbid")

    strengths: list[SwotEntry] = Field(default_factory=list)
    weaknesses: list[SwotEntry] = Field(default_factory=list)
    opportunities: list[SwotEntry] = Field(default_factory=list)
    threats: list[SwotEntry] = Field(default_factory=list)


class SelfAssessment(BaseModel):
    """The whole answers file."""

    model_config = ConfigDict(extra="forbid")

    organisation: str = ""
    answers: dict[str, Answer] = Field(default_factory=dict)
    swot: LeadSwot = Field(default_factory=LeadSwot)
    workshop: list[WorkshopRound] = Field(
        default_factory=list, description="Workshop rounds, oldest first (anonymous responses)."
    )

    def respondents(self) -> list[tuple[str, date | None]]:
        """Who answered and when (for provenance), one entry per distinct pair."""
        seen = {(a.who, a.when) for a in self.answers.values() if a.who}
        return sorted(seen, key=lambda pair: (pair[1] or date.min, pair[0]))


def parse_self_assessment(data: object, source: str) -> SelfAssessment:
    if data is None:
        return SelfAssessment()
    if not isinstance(data, dict):
        raise UsageError(f"{source} must be a YAML mapping with 'answers'; see the README.")
    try:
        return SelfAssessment.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise UsageError(
            f"{source} is not a valid self-assessment file ({where}: {first['msg']}); "
            "fix that field (answers are yes, partly, no or dont_know)."
        ) from exc


def load_self_assessment(path: Path) -> SelfAssessment:
    """Read an answers file; a missing file is an empty assessment (the form creates it)."""
    if not path.exists():
        return SelfAssessment()
    return parse_self_assessment(read_yaml(path, "self-assessment answers"), str(path))


def dump_self_assessment(assessment: SelfAssessment) -> str:
    data = assessment.model_dump(mode="json", exclude_none=True, exclude_defaults=False)
    header = (
        "# botaudit self-assessment answers (edit here or with `botaudit assess CONFIG`).\n"
        "# answer: yes | partly | no | dont_know  (dont_know = not assessed, never a fail)\n"
    )
    return header + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=96)


def save_self_assessment(assessment: SelfAssessment, path: Path) -> None:
    """Write atomically, so a crash mid-save never leaves half an answers file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(dump_self_assessment(assessment), encoding="utf-8")
    tmp.replace(path)


def sha256_of(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
