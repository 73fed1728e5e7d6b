"""Console side of `botaudit converse`: run it, print the verdicts, map errors to exit 2."""

from __future__ import annotations

from pathlib import Path

from rich.console import Console
from rich.table import Table

from botaudit.conversation.command import converse
from botaudit.errors import UsageError


def run_converse(
    config: Path, out_dir: Path | None, lang: str | None, out: Console, err: Console
) -> int:
    if lang is not None and lang not in ("fi", "en", "sv"):
        err.print("[bold red]error:[/] --lang must be fi, en or sv.", highlight=False)
        return 2
    try:
        code, files, verdicts, run = converse(config, out_dir, lang)
    except UsageError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        return 2
    except KeyboardInterrupt:
        err.print("interrupted.")
        return 130
    table = Table(title=f"botaudit converse — {run.connector} {run.endpoint}")
    for column in ("criterion", "outcome", "why"):
        table.add_column(column)
    for cid, verdict in verdicts.items():
        table.add_row(cid, verdict["outcome"], verdict["message"])
    out.print(table)
    for name, path in files.items():
        out.print(f"{name}: {path}", highlight=False)
    if code == 2:
        reason = run.error or next(iter(run.errors()), "no question was asked")
        err.print(f"[bold red]error:[/] the bot answered no question: {reason}", highlight=False)
    return code
