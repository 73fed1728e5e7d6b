"""Transcript statistics as audit evidence: the record, who produces it, and the judging.

An audit config's `transcripts:` section makes the audit read the logs (before the browser
starts, so a bad file stops it early) and store the statistics in the evidence bundle as
one record: kind `transcript`, source `logs`, name `stats`. `botaudit report` re-judges
that record offline; the logs themselves are not needed again.
"""

from __future__ import annotations

from pathlib import Path

from botaudit.checklist.model import Checklist
from botaudit.checks.base import CheckResult
from botaudit.evidence.model import EvidenceRecord
from botaudit.evidence.producers import producer
from botaudit.transcripts.settings import TranscriptSettings
from botaudit.transcripts.stats import TranscriptStats

SOURCE = "logs"
NAME = "stats"


@producer("transcript")
def transcript_model(source: str, name: str, folder: Path | None) -> type[TranscriptStats] | str:
    """The transcript kind records only the statistics of source 'logs'."""
    if source != SOURCE or name != NAME:
        return f"transcripts produce only '{SOURCE}/{NAME}', not '{source}/{name}'"
    return TranscriptStats


def review_for_audit(settings: TranscriptSettings, base: Path, out_dir: Path) -> EvidenceRecord:
    """Read the config's logs (paths relative to the config's folder), write the trainers'
    review into `out_dir`, and return the statistics as an evidence record."""
    from botaudit.transcripts.command import run_transcripts

    paths = [str(f if Path(f).is_absolute() else base / f) for f in settings.files]
    stats, _ = run_transcripts(paths, settings, out_dir)
    return EvidenceRecord(
        kind="transcript", source=SOURCE, name=NAME, data=stats.model_dump(mode="json")
    )


def judge_stats(stats: TranscriptStats, checklist: Checklist) -> dict[str, CheckResult]:
    """The checklist's transcript criteria judged with their own `params:` (thresholds)."""
    from botaudit.checks import CHECKS
    from botaudit.checks.transcripts import JUDGES

    verdicts = {}
    for _, criterion in checklist.criteria():
        if criterion.check in JUDGES:
            params = CHECKS[criterion.check].params.model_validate(criterion.params or {})
            verdicts[criterion.id] = JUDGES[criterion.check](stats, params)
    return verdicts
