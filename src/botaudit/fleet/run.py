"""Run every target of a fleet with a bounded pool, then write the combined report.

Each target is an ordinary audit (`run_audit`) into `out/<target>/`, so its bundle and
report are exactly what a single audit would produce. Targets run in threads, at most
`parallel` at once: each audit drives its own browser (launched or on a remote server)
and a pool bound keeps a grid or a laptop from being flooded by hundreds of sites.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from botaudit.config import AuditConfig
from botaudit.errors import UsageError
from botaudit.fleet.combined import combined_report, write_combined
from botaudit.fleet.compare import earlier_fleet, since
from botaudit.fleet.consistency import Consistency, judge_consistency
from botaudit.fleet.junit import write_fleet_junit
from botaudit.fleet.model import FleetReport, TargetResult
from botaudit.fleet.progress import FleetProgress
from botaudit.fleet.targets import Fleet
from botaudit.gather.progress import Progress, no_progress
from botaudit.messages import LocalisedError, Many, catalogue, msg
from botaudit.pipeline import AuditOutcome, run_audit


@dataclass
class FleetResult:
    targets: list[TargetResult]
    consistency: list[Consistency]
    report: FleetReport
    files: dict[str, Path]
    exit_code: int
    error: str | None  # English, for the CLI


def exit_code(outcome: AuditOutcome, fail_on: str) -> int:
    """The single audit's exit code: 2 could not run, 1 below the threshold, else 0."""
    if outcome.fatal:
        return 2
    statuses = {v.status for v in outcome.report.values}
    failing = {"red"} if fail_on == "red" else {"red", "yellow"}
    return 1 if fail_on != "never" and statuses & failing else 0


def fleet_language(fleet: Fleet, chosen: str | None) -> str:
    """--lang, else the shared config's report language, else the targets' language."""
    first = next(iter(fleet.targets.values()))
    return chosen or first.report_language or first.language


def _one(
    name: str,
    config: AuditConfig,
    out_dir: Path,
    fail_on: str,
    run: Callable[..., AuditOutcome],
    language: str,
    compare_to: Path | None,
    progress: FleetProgress,
) -> TargetResult:
    progress.started(name)
    try:
        outcome = run(config, out_dir / name, progress=progress.of(name), compare_to=compare_to)
    except UsageError as exc:  # this target could not start; the others go on
        reason = (
            catalogue().render(exc.message, language) if isinstance(exc, LocalisedError) else None
        )
        progress.finished(name, 2, ran=False)
        return TargetResult(name, config.target.url, None, 2, str(exc), reason)
    code = exit_code(outcome, fail_on)
    progress.finished(name, code, ran=True)
    return TargetResult(
        name, config.target.url, outcome, code, outcome.fatal, outcome.report.audit.fatal_error
    )


def broken_sentence(results: list[TargetResult]) -> str | None:
    """One English sentence naming every target that could not be audited, or None."""
    broken = [r for r in results if r.exit_code == 2]
    if not broken:
        return None
    if len(broken) == 1:
        return catalogue().message(
            "fleet.error.one", "en", name=broken[0].name, error=broken[0].error
        )
    entries = [
        msg("fleet.error.entry", name=r.name, error=(r.error or "").rstrip(".")) for r in broken
    ]
    errors = Many(items=entries, sep="; ")
    return catalogue().message("fleet.error.many", "en", count=len(broken), errors=errors) + "."


def run_fleet(
    fleet: Fleet,
    out_dir: Path,
    fail_on: str = "red",
    run: Callable[..., AuditOutcome] = run_audit,
    language: str | None = None,
    progress: Progress = no_progress,
    compare_to: Path | None = None,
    junit: Path | None = None,
) -> FleetResult:
    """Audit every target (`run(config, out_dir, ...)` is `run_audit` with the CLI's options)."""
    lang = fleet_language(fleet, language)
    earlier = earlier_fleet(compare_to, list(fleet.targets)) if compare_to else None
    bars = FleetProgress(progress, lang, list(fleet.targets))
    reports = earlier.reports if earlier else {}
    with ThreadPoolExecutor(max_workers=fleet.parallel, thread_name_prefix="target") as pool:
        futures = [
            pool.submit(_one, name, config, out_dir, fail_on, run, lang, reports.get(name), bars)
            for name, config in fleet.targets.items()
        ]
        results = [f.result() for f in futures]
    ran = [r for r in results if r.outcome and not r.error]
    outcomes = {r.name: {c.id: c.outcome for c in r.outcome.report.criteria} for r in ran}  # type: ignore[union-attr]
    quotes = {r.name: {c.id: c.quotes for c in r.outcome.report.criteria} for r in ran}  # type: ignore[union-attr]
    for r in results:
        if r.name not in outcomes:
            outcomes[r.name], quotes[r.name] = {}, {}
    consistency = judge_consistency(outcomes, quotes)
    code = max(r.exit_code for r in results)
    if code < 2 and fail_on != "never" and any(c.outcome == "fail" for c in consistency):
        code = max(code, 1)
    changes = None
    if earlier:
        changes = dict(earlier.states)
        for r in results:
            found = since(r.outcome.report.comparison) if r.outcome else None
            if found:
                changes[r.name] = found
    report = combined_report(
        fleet.name, lang, results, consistency, changes,
        str(earlier.folder) if earlier else None, earlier.dropped if earlier else None,
    )  # fmt: skip
    files = write_combined(report, out_dir)
    if junit is not None:
        files["junit"] = write_fleet_junit(report, results, junit)
    return FleetResult(results, consistency, report, files, code, broken_sentence(results))
