"""The checklist: the fourteen values and their criteria, as validated data.

Checklists are YAML so that an ethics lead can read and extend them without Python; this
model is the contract those files must meet.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from botaudit.types import ErrcAction, EvidenceKind, Severity, Text

__all__ = ["Checklist", "Criterion", "ErrcAction", "EvidenceKind", "Severity", "Text", "Value"]

_ID = re.compile(r"^[a-z][a-z0-9-]*$")


class Criterion(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str = Field(description="'<value-id>.<criterion>'; a public contract, never reused.")
    title: Text
    recommendation: Text
    rationale: str = Field(min_length=1)
    source: list[str] = Field(min_length=1, description="Study section or article of law.")
    evidence: EvidenceKind
    weight: float = Field(gt=0, le=10)
    severity: Severity
    check: str | None = Field(
        default=None,
        description="Name of the check that judges it; none for criteria a person answers.",
    )
    params: dict[str, Any] | None = Field(
        default=None,
        description="Parameters of a generic check (its records, lexicon category, limits, "
        "message keys); validated by the check's parameter model.",
    )
    errc: ErrcAction
    regulatory: bool = Field(
        default=False, description="Failing it is a legal risk, not only a quality one."
    )

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        parts = value.split(".")
        if len(parts) != 2 or not all(_ID.match(p) for p in parts):
            raise ValueError("must look like 'value-id.criterion-id' (lower case, hyphens)")
        return value


class Value(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    number: int = Field(ge=1, le=14)
    name: Text
    definition: Text
    central: bool = Field(
        default=False, description="One of the study's three most central values."
    )
    criteria: list[Criterion] = Field(min_length=1)

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError("must be lower case letters, digits and hyphens")
        return value

    @model_validator(mode="after")
    def _criteria_belong(self) -> Value:
        for criterion in self.criteria:
            if not criterion.id.startswith(self.id + "."):
                raise ValueError(f"criterion {criterion.id!r} must start with '{self.id}.'")
        return self


class Checklist(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    title: Text
    version: str
    values: list[Value] = Field(min_length=1)

    @model_validator(mode="after")
    def _unique_ids(self) -> Checklist:
        seen: set[str] = set()
        for value in self.values:
            for item in [value.id, *(c.id for c in value.criteria)]:
                if item in seen:
                    raise ValueError(f"id {item!r} appears twice")
                seen.add(item)
        return self

    def criteria(self) -> list[tuple[Value, Criterion]]:
        return [(v, c) for v in self.values for c in v.criteria]
