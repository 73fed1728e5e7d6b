"""Assemble the result model from judged criteria (no browser, no network)."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from botaudit.checklist.model import Checklist
from botaudit.checks.runner import Judged
from botaudit.evidence.model import EvidenceBundle
from botaudit.messages import Catalogue
from botaudit.report.model import AuditInfo, Report, ReportLanguage, Thresholds
from botaudit.report.swot import build_errc, build_swot
from botaudit.scoring import criterion_results, score_values


def build_report(
    bundle: EvidenceBundle,
    checklist: Checklist,
    judged: list[Judged],
    messages: Catalogue,
    language: ReportLanguage,
    thresholds: Thresholds,
    evidence_dir: Path,
    out_dir: Path,
) -> Report:
    criteria = criterion_results(judged, messages)
    values = score_values(checklist, criteria, thresholds)
    try:
        relative = evidence_dir.resolve().relative_to(out_dir.resolve()).as_posix()
    except ValueError:
        relative = str(evidence_dir.resolve())
    return Report(
        tool=bundle.tool,
        target=bundle.target,
        audit=AuditInfo(
            name=bundle.config.name,
            started_at=bundle.started_at,
            finished_at=bundle.finished_at,
            browser=bundle.browser,
            config_sha256=bundle.config.sha256,
            lexicon_sha256=bundle.lexicon_sha256,
            checklist=f"{checklist.id} {checklist.version}",
            fatal_error=bundle.fatal_error,
            evidence_dir=relative,
        ),
        language=language,
        generated_at=datetime.now(UTC),
        thresholds=thresholds,
        values=values,
        criteria=criteria,
        swot=build_swot(values, criteria, language),
        errc=build_errc(criteria, language),
    )
