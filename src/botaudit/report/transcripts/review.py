"""Reading logs into statistics, judging them and writing the review: what the command
and an audit both run."""

from __future__ import annotations

from pathlib import Path

from botaudit.checklist.load import load_checklist
from botaudit.checklist.model import Checklist
from botaudit.checks import CHECKS
from botaudit.checks.base import CheckResult
from botaudit.checks.transcripts import JUDGES
from botaudit.evidence.model import EvidenceRecord
from botaudit.evidence.transcripts import TranscriptStats, as_record
from botaudit.report.transcripts.render import write_outputs
from botaudit.transcript_settings import TranscriptSettings
from botaudit.transcripts.run import review
from botaudit.transcripts.summarise import from_tally


def compute_stats(
    paths: list[str], settings: TranscriptSettings, workers: int | None = None
) -> TranscriptStats:
    """Read the logs (every core) into the saved statistics model."""
    tally, shards = review(paths, settings, workers)
    return from_tally(tally, paths, shards, settings.idle_minutes)


def judge_stats(stats: TranscriptStats, checklist: Checklist) -> dict[str, CheckResult]:
    """The checklist's transcript criteria judged with their own `params:` (thresholds)."""
    verdicts = {}
    for _, criterion in checklist.criteria():
        if criterion.check in JUDGES:
            params = CHECKS[criterion.check].params.model_validate(criterion.params or {})
            verdicts[criterion.id] = JUDGES[criterion.check](stats, params)
    return verdicts


def judge_all(stats: TranscriptStats, checklist_path: Path | None = None):
    """The transcript criteria's verdicts, with the checklist's thresholds."""
    return judge_stats(stats, load_checklist(checklist_path))


def run_transcripts(
    paths: list[str], settings: TranscriptSettings, out_dir: Path, language: str | None = None
) -> tuple[TranscriptStats, dict[str, Path]]:
    """Review the logs and write transcripts.json/.md/.html; returns (stats, files)."""
    stats = compute_stats(paths, settings)
    lang = language or settings.report_language or settings.language
    return stats, write_outputs(stats, judge_all(stats), out_dir, lang)


def review_for_audit(settings: TranscriptSettings, base: Path, out_dir: Path) -> EvidenceRecord:
    """An audit's logs (paths relative to the config's folder): the review written into
    `out_dir`, the statistics returned as the bundle's evidence record."""
    paths = [str(f if Path(f).is_absolute() else base / f) for f in settings.files]
    stats, _ = run_transcripts(paths, settings, out_dir)
    return as_record(stats)
