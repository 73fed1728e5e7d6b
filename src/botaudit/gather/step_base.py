"""What every step shares: the run's context, the registry and the page-loading grace.

Kept apart from the step vocabulary (`steps`, `next_user`, `transcript`) so that step modules
can register themselves without importing each other.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from playwright.async_api import BrowserContext, Page
from playwright.async_api import Error as PlaywrightError
from pydantic import BaseModel, ConfigDict

from botaudit.config import AuditConfig
from botaudit.evidence.model import Artefact, ScenarioRecord
from botaudit.evidence.observations import (
    Exchange,
    MessageView,
)
from botaudit.evidence.pii import Probe, mask_text
from botaudit.evidence.text import capped
from botaudit.gather.artefacts import artefact_for
from botaudit.gather.network import NetworkRecorder
from botaudit.gather.widget import WidgetDriver
from botaudit.lexicon import Lexicon, Matcher


@dataclass
class RunContext:
    config: AuditConfig
    context: BrowserContext
    page: Page
    driver: WidgetDriver
    matcher: Matcher
    lexicon: Lexicon
    probes: list[Probe]
    scenario_id: str
    bundle_dir: Path
    record: ScenarioRecord
    network: NetworkRecorder = field(default_factory=NetworkRecorder)
    artefacts: list[Artefact] = field(default_factory=list)

    def artefact_path(self, step_name: str, suffix: str) -> Path:
        return self.bundle_dir / "artefacts" / f"{self.scenario_id}-{step_name}{suffix}"

    def keep(self, path: Path, kind: str, description: str) -> str:
        artefact = artefact_for(path, self.bundle_dir, kind, description)
        self.artefacts.append(artefact)
        return artefact.path

    def mask(self, text: str) -> str:
        return mask_text(text, self.probes)

    def mask_message(self, message: MessageView) -> MessageView:
        return message.model_copy(
            update={
                "text": capped(self.mask(message.text), total=message.chars_on_page),
                "label": self.mask(message.label),
                "accessible_name": self.mask(message.accessible_name),
                "alt_texts": [self.mask(t) for t in message.alt_texts],
                "links": [self.mask(link) for link in message.links],
            }
        )

    def mask_exchange(self, exchange: Exchange) -> Exchange:
        return exchange.model_copy(
            update={
                "replies": [self.mask_message(m) for m in exchange.replies],
                "late_parts_of_previous": [
                    self.mask_message(m) for m in exchange.late_parts_of_previous
                ],
            }
        )


class NoParams(BaseModel):
    model_config = ConfigDict(extra="forbid")


StepFn = Callable[[RunContext, Any], Awaitable[BaseModel]]


@dataclass(frozen=True)
class Step:
    name: str
    params: type[BaseModel]
    produces: type[BaseModel]
    run: StepFn
    summary: str


STEPS: dict[str, Step] = {}


def step(
    name: str, params: type[BaseModel], produces: type[BaseModel], summary: str
) -> Callable[[StepFn], StepFn]:
    def register(fn: StepFn) -> StepFn:
        STEPS[name] = Step(name, params, produces, fn, summary)
        return fn

    return register


LOAD_GRACE_MS = 5_000


async def loaded(page: Page) -> bool:
    """Wait a little for the `load` event, which a frame that never answers holds back for
    ever: the page's own document is there (DOMContentLoaded), and opening the widget waits
    for what it needs; so after the grace the audit goes on, and says so."""
    try:
        await page.wait_for_load_state("load", timeout=LOAD_GRACE_MS)
    except PlaywrightError:
        return False
    return True


def current_step(ctx: RunContext) -> str:
    return ctx.record.steps[-1].name
