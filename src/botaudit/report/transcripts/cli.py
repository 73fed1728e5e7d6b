"""`botaudit transcripts FILE... [--out DIR] [--config CONFIG]`: the trainers' review.

Kept out of cli.py (which only registers it) so the transcript feature stays one package;
the reading machinery is imported when the command runs, not when the CLI starts.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from botaudit.errors import UsageError
from botaudit.transcript_settings import TranscriptSettings

out = Console()
err = Console(stderr=True)


def _summary(stats, files) -> None:
    c = stats.conversations
    pct = lambda v: "–" if v is None else f"{v:.1%}"  # noqa: E731
    out.print(
        f"{stats.messages} messages, {c.total} conversations ({c.engaged} with a user message), "
        f"{len(stats.weeks)} weeks; fallback rate {pct(stats.fallback_rate)}, containment "
        f"{pct(stats.containment_rate)}, handoffs {c.handoffs}, "
        f"feedback {pct(stats.feedback_rate)}",
        highlight=False,
    )
    for kind, entry in stats.personal_data.items():
        senders = ", ".join(f"{s} {n}" for s, n in entry.by_sender.items())
        out.print(f"personal data: {kind} ×{entry.total} ({senders})", highlight=False)
    if stats.malformed.total:
        where = ", ".join(f"{e.file}:{e.line} ({e.text})" for e in stats.malformed.examples[:5])
        err.print(
            f"[yellow]warning:[/] {stats.malformed.total} line(s) could not be read and were "
            f"skipped, e.g. {where}.",
            highlight=False,
            soft_wrap=True,
        )
    if stats.messages == 0:
        err.print("[yellow]warning:[/] the files hold no messages.", highlight=False)
    for name, path in files.items():
        out.print(f"{name}: {path}", highlight=False)


def transcripts(
    files: Annotated[
        list[Path] | None,
        typer.Argument(help="Log files: JSONL, JSON or CSV, optionally .gz or .zst."),
    ] = None,
    out_dir: Annotated[Path | None, typer.Option("--out", "-o", help="Output folder.")] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", help="A config with a transcripts: section (mapping, phrases)."),
    ] = None,
    lang: Annotated[str | None, typer.Option("--lang", help="fi, en or sv.")] = None,
    workers: Annotated[int | None, typer.Option(help="Processes (default: every core).")] = None,
) -> None:
    """Review exported conversation logs: fallbacks, handoffs, feedback, personal data."""
    from botaudit.report.transcripts.review import run_transcripts
    from botaudit.transcript_settings import load_settings

    try:
        if lang is not None and lang not in ("fi", "en", "sv"):
            raise UsageError(f"--lang {lang} is not supported; use fi, en or sv.")
        settings = load_settings(config) if config else TranscriptSettings()
        if workers:
            settings = settings.model_copy(update={"workers": workers})
        paths = [str(f) for f in files or []] or settings.files
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = out_dir or Path("reports") / "transcripts" / stamp
        stats, written = run_transcripts(paths, settings, target, lang)
    except UsageError as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    except KeyboardInterrupt:
        err.print("interrupted: nothing was written.")
        raise typer.Exit(130) from None
    _summary(stats, written)
