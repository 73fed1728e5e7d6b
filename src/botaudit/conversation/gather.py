"""Conversation probes inside an audit: the run becomes the `conversation` record of the
evidence bundle, so `botaudit report` re-judges it offline like any other evidence.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from botaudit.conversation.model import RECORD_NAME, SOURCE, ConversationRun
from botaudit.conversation.probe import run_conversations
from botaudit.conversation.runner import Progress
from botaudit.evidence.model import EvidenceBundle, EvidenceRecord

if TYPE_CHECKING:
    from botaudit.config import AuditConfig


def record_run(run: ConversationRun) -> EvidenceRecord:
    return EvidenceRecord(
        kind="conversation", source=SOURCE, name=RECORD_NAME, data=run.model_dump(mode="json")
    )


def probe_into_bundle(
    config: AuditConfig,
    bundle: EvidenceBundle,
    base: Path | None,
    progress: Progress | None = None,
) -> ConversationRun | None:
    """Ask the configured question sets and add the record to `bundle` (None if none)."""
    if config.conversation is None:
        return None
    run = run_conversations(config.conversation, base, config, progress)
    bundle.records.append(record_run(run))
    return run


def trainers_page_for(bundle: EvidenceBundle, out_dir: Path, language: str) -> dict[str, Path]:
    """The trainers' page beside the report, when the bundle holds a usable conversation run."""
    found = bundle.lookup("conversation", SOURCE, RECORD_NAME)
    if found.data is None:
        return {}
    from pydantic import ValidationError

    from botaudit.conversation.command import verdict_table
    from botaudit.conversation.page import write_trainers_page

    try:
        run = ConversationRun.model_validate(found.data)
    except ValidationError:
        return {}  # the criteria already say the evidence is malformed
    return write_trainers_page(run, out_dir, language, verdict_table(run, language))
