"""The evidence bundle's data model.

A bundle is a folder: `evidence.json` (this model) plus artefact files (screenshots,
masked storage dumps). Checks read only this model, never the browser, so that a saved
bundle can be re-judged offline with the same result (Lighthouse's `-A`).

Per-step data is kept as plain JSON (`StepRecord.data`) and parsed by the typed models in
`botaudit.evidence.observations` when a check reads it: the bundle format stays stable
while the vocabulary of steps grows.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal, TypeVar

from pydantic import BaseModel, Field

SCHEMA_VERSION = 1
M = TypeVar("M", bound=BaseModel)


class Artefact(BaseModel):
    """A file in the bundle that backs an observation."""

    path: str = Field(description="Relative to the bundle folder, with forward slashes.")
    kind: Literal["screenshot", "storage-dump", "dom", "transcript", "text"]
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
    status: Literal["completed", "error", "widget-not-found"] = "completed"
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
    user_agent: str = ""


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
    fatal_error: str | None = Field(
        default=None, description="Why the audit could not run; set together with exit code 2."
    )

    def scenario(self, scenario_id: str) -> ScenarioRecord | None:
        return next((s for s in self.scenarios if s.id == scenario_id), None)
