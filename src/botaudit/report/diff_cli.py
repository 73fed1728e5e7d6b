"""`botaudit diff OLD NEW`: what improved or regressed between two audits.

Exit codes: 0 nothing regressed, 1 at least one value or criterion regressed, 2 an input
could not be read.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from botaudit.errors import UsageError


def diff(
    old: Annotated[Path, typer.Argument(help="Earlier report folder or report.json.")],
    new: Annotated[Path, typer.Argument(help="Later report folder or report.json.")],
    html: Annotated[
        Path | None, typer.Option("--html", help="Also write the diff as HTML.")
    ] = None,
) -> None:
    """Compare two audits per value and criterion; exit 1 if anything regressed."""
    from botaudit.report.diff import compare, load_report
    from botaudit.report.trend import page_html, print_comparison

    try:
        before, after = load_report(old), load_report(new)
    except UsageError as exc:
        Console(stderr=True).print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    comparison = compare(before, after)
    print_comparison(comparison, after, Console())
    if html is not None:
        html.write_text(page_html(comparison, after), encoding="utf-8")
        Console().print(f"html: {html}", highlight=False)
    raise typer.Exit(1 if comparison.regressed() else 0)
