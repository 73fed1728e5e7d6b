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
from botaudit.fleet.combined import write_combined
from botaudit.fleet.consistency import Consistency, judge_consistency
from botaudit.fleet.model import TargetResult
from botaudit.fleet.targets import Fleet
from botaudit.pipeline import AuditOutcome, run_audit


@dataclass
class FleetResult:
    targets: list[TargetResult]
    consistency: list[Consistency]
    files: dict[str, Path]
    exit_code: int
    error: str | None


def exit_code(outcome: AuditOutcome, fail_on: str) -> int:
    """The single audit's exit code: 2 could not run, 1 below the threshold, else 0."""
    if outcome.bundle.fatal_error or outcome.report.audit.fatal_error:
        return 2
    statuses = {v.status for v in outcome.report.values}
    failing = {"red"} if fail_on == "red" else {"red", "yellow"}
    return 1 if fail_on != "never" and statuses & failing else 0


def _one(
    name: str, config: AuditConfig, out_dir: Path, fail_on: str, run: Callable[..., AuditOutcome]
) -> TargetResult:
    try:
        outcome = run(config, out_dir / name)
    except UsageError as exc:  # this target could not start; the others go on
        return TargetResult(name, config.target.url, None, 2, str(exc))
    fatal = outcome.bundle.fatal_error or outcome.report.audit.fatal_error
    return TargetResult(name, config.target.url, outcome, exit_code(outcome, fail_on), fatal)


def run_fleet(
    fleet: Fleet,
    out_dir: Path,
    fail_on: str = "red",
    run: Callable[..., AuditOutcome] = run_audit,
) -> FleetResult:
    """Audit every target (`run(config, out_dir)` is `run_audit` with the CLI's options)."""
    with ThreadPoolExecutor(max_workers=fleet.parallel, thread_name_prefix="target") as pool:
        futures = [
            pool.submit(_one, name, config, out_dir, fail_on, run)
            for name, config in fleet.targets.items()
        ]
        results = [f.result() for f in futures]
    outcomes = {
        r.name: {c.id: c.outcome for c in r.outcome.report.criteria}
        for r in results
        if r.outcome and not r.error
    }
    quotes = {
        r.name: {c.id: c.quotes for c in r.outcome.report.criteria}
        for r in results
        if r.outcome and not r.error
    }
    for r in results:
        if r.error:
            outcomes[r.name], quotes[r.name] = {}, {}
    consistency = judge_consistency(outcomes, quotes)
    code = max(r.exit_code for r in results)
    if code < 2 and fail_on != "never" and any(c.outcome == "fail" for c in consistency):
        code = max(code, 1)
    broken = [r for r in results if r.exit_code == 2]
    error = f"Target {broken[0].name} could not be audited: {broken[0].error}" if broken else None
    files = write_combined(fleet.name, results, consistency, out_dir)
    return FleetResult(results, consistency, files, code, error)
