"""The command-line side of a multi-target audit: run it, print one line per target.

Kept here so that `botaudit.cli` only decides *whether* a config is a fleet. The lines are
in the report's language (as the single audit's table is); the final error sentence is in
English, as every CLI error is.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from rich.console import Console

from botaudit.fleet.run import run_fleet
from botaudit.fleet.targets import Fleet, parse_fleet
from botaudit.gather.progress import Progress, no_progress
from botaudit.messages import message
from botaudit.pipeline import run_audit


def audit_fleet(
    fleet: Fleet,
    out_dir: Path,
    fail_on: str,
    out: Console,
    err: Console,
    progress: Progress = no_progress,
    compare_to: Path | None = None,
    junit: Path | None = None,
    **audit_options: Any,
) -> int:
    """Audit every target; print the matrix's summary; return the worst exit code."""
    result = run_fleet(
        fleet,
        out_dir,
        fail_on,
        partial(run_audit, **audit_options),
        audit_options.get("language"),
        progress,
        compare_to,
        junit,
    )
    report = result.report
    lang = report.language
    for target in report.targets:
        if target.error:
            state = message("fleet.state.could_not_run", lang, error=target.error)
        else:
            key = "fleet.state.passed" if target.exit_code == 0 else "fleet.state.below"
            state = message(key, lang)
        out.print(f"  {target.name:<16} {target.url}  {state}", highlight=False, soft_wrap=True)
    for row in report.consistency:
        name = message(f"fleet.rows.{row.id.removeprefix('consistency.')}", lang)
        outcome = message(f"report.outcome_{row.outcome}", lang)
        out.print(f"  {outcome:<13} {name}: {row.explanation}", highlight=False, soft_wrap=True)
    for name, path in result.files.items():
        out.print(f"{name}: {path}", highlight=False)
    if result.error:
        err.print(f"[bold red]error:[/] {result.error}", highlight=False, soft_wrap=True)
    return result.exit_code


def demo_fleet(profile: str, url: str) -> Fleet:
    """Every deployment of a demo profile as one fleet (`botaudit demo --all-deployments`)."""
    from botaudit.demo.profiles import PROFILES, demo_config

    configs = {d: demo_config(profile, url, d) for d in PROFILES[profile].deployments}
    shared = dict(configs["main"])
    shared.pop("target")
    shared["name"] = f"demo-{profile}"
    shared["targets"] = [{"name": d, "url": c["target"]["url"]} for d, c in configs.items()]
    shared["parallel"] = 2
    return parse_fleet(shared, f"demo profile {profile}")
