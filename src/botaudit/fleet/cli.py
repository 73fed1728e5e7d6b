"""The command-line side of a multi-target audit: run it, print one line per target.

Kept here so that `botaudit.cli` only decides *whether* a config is a fleet.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path
from typing import Any

from rich.console import Console

from botaudit.fleet.run import run_fleet
from botaudit.fleet.targets import Fleet, parse_fleet
from botaudit.pipeline import run_audit


def audit_fleet(
    fleet: Fleet,
    out_dir: Path,
    fail_on: str,
    out: Console,
    err: Console,
    **audit_options: Any,
) -> int:
    """Audit every target; print the matrix's summary; return the worst exit code."""
    result = run_fleet(fleet, out_dir, fail_on, partial(run_audit, **audit_options))
    for target in result.targets:
        state = f"could not run: {target.error}" if target.error else f"exit {target.exit_code}"
        out.print(f"  {target.name:<16} {target.url}  {state}", highlight=False, soft_wrap=True)
    for row in result.consistency:
        out.print(
            f"  {row.outcome:<13} {row.id}: {row.explanation}", highlight=False, soft_wrap=True
        )
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
