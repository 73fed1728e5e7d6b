"""Conversation probes inside an audit: the run becomes the `conversation` scenario record
of the evidence bundle, so `botaudit report` re-judges it offline like any other evidence.
"""

from __future__ import annotations

import time
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from botaudit.conversation.model import SCENARIO_ID, STEP_NAME, ConversationRun
from botaudit.conversation.probe import run_conversations
from botaudit.conversation.runner import Progress
from botaudit.evidence.model import EvidenceBundle, ScenarioRecord, StepRecord

if TYPE_CHECKING:
    from botaudit.config import AuditConfig

TITLE = "Conversation probes"


def record_run(run: ConversationRun, started: datetime, duration_ms: int) -> ScenarioRecord:
    step = StepRecord(
        step="ask_questions",
        name=STEP_NAME,
        data=run.model_dump(mode="json"),
        started_at=started,
        duration_ms=duration_ms,
    )
    return ScenarioRecord(id=SCENARIO_ID, title=TITLE, steps=[step])


def probe_into_bundle(
    config: AuditConfig,
    bundle: EvidenceBundle,
    base: Path | None,
    progress: Progress | None = None,
) -> ConversationRun | None:
    """Ask the configured question sets and add the record to `bundle` (None if none)."""
    if config.conversation is None:
        return None
    started, clock = datetime.now(UTC), time.monotonic()
    run = run_conversations(config.conversation, base, config, progress)
    bundle.scenarios.append(record_run(run, started, int((time.monotonic() - clock) * 1000)))
    return run


def trainers_page_for(bundle: EvidenceBundle, out_dir: Path, language: str) -> dict[str, Path]:
    """The trainers' page beside the report, when the bundle holds a usable conversation run."""
    record = bundle.scenario(SCENARIO_ID)
    step = record.step(STEP_NAME) if record is not None else None
    if step is None or not step.ok:
        return {}
    from pydantic import ValidationError

    from botaudit.conversation.command import verdict_table
    from botaudit.conversation.page import write_trainers_page

    try:
        run = ConversationRun.model_validate(step.data)
    except ValidationError:
        return {}  # the criteria already say the evidence is malformed
    return write_trainers_page(run, out_dir, language, verdict_table(run, language))
