"""Report parts for ethics leads: self-assessment provenance, the study's notes per value.

Optional fields of the result model, so reports and bundles from before still load.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from botaudit.yamlfile import read_yaml

STUDY_FILE = Path(__file__).parent / "study.yaml"


Change = Literal["improved", "regressed", "new", "no_longer_judged", "unchanged"]


class Delta(BaseModel):
    """One value's or criterion's change between the old and the new audit."""

    id: str
    value: str
    old: str | None = Field(description="Outcome or status before (None: not in that audit).")
    new: str | None
    old_score: float | None = None
    new_score: float | None = None
    change: Change


class Comparison(BaseModel):
    old_started_at: str
    new_started_at: str
    old_target: str
    values: list[Delta]
    criteria: list[Delta]

    def changed(self) -> list[Delta]:
        return [d for d in [*self.values, *self.criteria] if d.change != "unchanged"]

    def regressed(self) -> bool:
        return any(d.change == "regressed" for d in [*self.values, *self.criteria])


class Localised(BaseModel):
    model_config = ConfigDict(extra="forbid")

    fi: str
    sv: str
    en: str

    def get(self, language: str) -> str:
        return getattr(self, language, None) or self.en


class StudyNote(BaseModel):
    """What Lisäselvitys 2 says of one value, and where the definition comes from."""

    model_config = ConfigDict(extra="forbid")

    mark: Literal["*", "**"] | None = None
    definition: str
    definition_note: Localised | None = None
    verdict: Literal["positive", "mixed", "negative", "not-covered"]
    quote: str
    section: str


class StudyNotes(BaseModel):
    model_config = ConfigDict(extra="forbid")

    values: dict[str, StudyNote]


@cache
def study_notes() -> StudyNotes:
    return StudyNotes.model_validate(read_yaml(STUDY_FILE, "study notes"))
