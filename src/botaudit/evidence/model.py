"""The evidence bundle's data model.

A bundle is a folder: `evidence.json` (this model) plus artefact files (screenshots,
masked storage dumps). Checks read only this model, never the browser, so that a saved
bundle can be re-judged offline with the same result (Lighthouse's `-A`).

Every record is plain JSON (`StepRecord.data`, `EvidenceRecord.data`) validated by a typed
model (`botaudit.evidence.observations` and the other kinds' models, registered with
`@observation`) when the check runner hands it to a check: the bundle format stays stable
while the vocabulary of records grows.

Kinds of evidence (`botaudit.types.EvidenceKind`) and where their records live:
- `browser`: `scenarios[]` (source = scenario id, name = step alias, `as:` in the file);
- `conversation`, `transcript`, `self-assessment`: `records[]`, each an `EvidenceRecord`
  with `kind`, `source` (question set, transcript source, assessment form) and `name`.
`EvidenceBundle.lookup(kind, source, name)` finds any of them the same way.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field

from botaudit.messages import Message
from botaudit.types import EvidenceKind

SCHEMA_VERSION = 1
M = TypeVar("M", bound=BaseModel)
OBSERVATION_MODELS: dict[str, type[BaseModel]] = {}


def observation(model: type[M]) -> type[M]:
    """Register a record model by class name, so checklist YAML can name it."""
    if OBSERVATION_MODELS.get(model.__name__, model) is not model:
        raise ValueError(f"two observation models are called {model.__name__!r}")
    OBSERVATION_MODELS[model.__name__] = model
    return model


class Artefact(BaseModel):
    """A file in the bundle that backs an observation."""

    path: str = Field(description="Relative to the bundle folder, with forward slashes.")
    kind: Literal["screenshot", "storage-dump", "transcript"]
    sha256: str
    description: str = ""


class StepRecord(BaseModel):
    """What one scenario step did and saw."""

    step: str
    name: str
    ok: bool = True
    error: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)
    artefacts: list[Artefact] = Field(default_factory=list)
    started_at: datetime | None = None
    duration_ms: int = 0


class ScenarioRecord(BaseModel):
    """One scenario run in its own browser context."""

    id: str
    title: str
    status: Literal["completed", "error", "widget-not-found", "page-left"] = "completed"
    error: str | None = None
    steps: list[StepRecord] = Field(default_factory=list)

    def step(self, name: str) -> StepRecord | None:
        """The step recorded under `name`, if it ran."""
        return next((s for s in self.steps if s.name == name), None)

    def observed(self, name: str, model: type[M]) -> M | None:
        """What step `name` observed, parsed as `model`; None if it failed or did not run."""
        step = self.step(name)
        return model.model_validate(step.data) if step is not None and step.ok else None

    def required(self, name: str, model: type[M]) -> M:
        """Like `observed`, for the steps a check declares (Check.run ensures they ran)."""
        found = self.observed(name, model)
        if found is None:
            raise LookupError(f"step {name!r} of scenario {self.id!r} has no evidence")
        return found


class ToolInfo(BaseModel):
    name: str = "botaudit"
    version: str


class BrowserInfo(BaseModel):
    name: str = "chromium"
    version: str = ""
    executable: str = ""


class TargetInfo(BaseModel):
    url: str
    language: Literal["fi", "sv", "en"]


class ConfigInfo(BaseModel):
    name: str
    path: str | None = None
    sha256: str
    content: dict[str, Any] = Field(default_factory=dict)


class ProbeRecord(BaseModel):
    """A synthetic personal-data value typed into the chat, kept only in masked form."""

    kind: Literal["hetu", "phone", "email", "iban"]
    masked: str
    sha256: str


class EvidenceRecord(BaseModel):
    """One record of a kind other than browser (a question-set run, transcript statistics,
    self-assessment answers): `data` is the JSON of the model the producer declares."""

    kind: EvidenceKind
    source: str = Field(description="Question set, transcript source or assessment form id.")
    name: str
    ok: bool = True
    error: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)
    artefacts: list[Artefact] = Field(default_factory=list)


@dataclass(frozen=True)
class Lookup:
    """What the bundle holds for one (kind, source, name): the data, or why there is none."""

    source_ran: bool
    data: dict[str, Any] | None = None
    error: str | None = None


class EvidenceBundle(BaseModel):
    schema_version: int = SCHEMA_VERSION
    tool: ToolInfo
    browser: BrowserInfo
    target: TargetInfo
    config: ConfigInfo
    lexicon_sha256: str = ""
    started_at: datetime
    finished_at: datetime | None = None
    probes: list[ProbeRecord] = Field(default_factory=list)
    scenarios: list[ScenarioRecord] = Field(default_factory=list)
    records: list[EvidenceRecord] = Field(
        default_factory=list, description="Records of the non-browser kinds of evidence."
    )
    fatal_error: str | None = Field(
        default=None, description="Why the audit could not run; set together with exit code 2."
    )
    fatal_message: Message | None = Field(
        default=None, description="`fatal_error` as a catalogue message, for the report."
    )

    def scenario(self, scenario_id: str) -> ScenarioRecord | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)

    def sources(self, kind: str) -> set[str]:
        """The sources of `kind` this bundle has records of."""
        if kind == "browser":
            return {s.id for s in self.scenarios}
        return {r.source for r in self.records if r.kind == kind}

    def lookup(self, kind: str, source: str, name: str) -> Lookup:
        """The record `name` of `source`, of any kind, with the reason when it is missing."""
        if kind == "browser":
            record = self.scenario(source)
            if record is None:
                return Lookup(False)
            step = record.step(name)
            if step is None:
                return Lookup(True, error=record.error)
            return Lookup(True, step.data if step.ok else None, step.error)
        found = [r for r in self.records if r.kind == kind and r.source == source]
        if not found:
            return Lookup(False)
        item = next((r for r in found if r.name == name), None)
        if item is None:
            return Lookup(True)
        return Lookup(True, item.data if item.ok else None, item.error)
