"""`botaudit init URL`: write a starting config from the widget found on the page.

The config is commented with what was found and how sure botaudit is, because a person
will read it before trusting an audit built on it.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from urllib.parse import urlsplit

import typer
import yaml
from rich.console import Console

from botaudit.config import BrowserSettings, Timing, parse_config
from botaudit.errors import UsageError

if TYPE_CHECKING:
    from botaudit.gather.detect import Detection


def _name(url: str) -> str:
    host = urlsplit(url).hostname or "chatbot"
    return re.sub(r"[^A-Za-z0-9]+", "-", host).strip("-")[:80] or "chatbot"


def render(url: str, language: str, detection: Detection) -> str:
    """The config text: a comment header, then YAML that `botaudit audit` accepts."""
    data = {
        "name": _name(url),
        "target": {"url": url},
        "language": language,
        "widget": {**detection.widget, "detected": detection.how},
    }
    parse_config(data, "the generated config")  # never write what audit would refuse
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    lines = [
        f"# Written by `botaudit init {url}` on {when}.",
        f"# Found: {detection.how}.",
        f"# Confidence: {detection.confidence}.",
    ]
    if detection.reply:
        lines.append(f"# The bot's reply to the neutral message: {detection.reply!r}")
    if detection.confidence == "low":
        lines.append("# Check the widget selectors by hand before auditing (see the README).")
    body = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return "\n".join(lines) + "\n" + body


def init(
    url: Annotated[str, typer.Argument(help="The page with the chat widget.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Config file to write.")] = Path(
        "audit.yaml"
    ),
    language: Annotated[
        str, typer.Option("--language", help="The bot's language: fi, sv or en.")
    ] = "fi",
    force: Annotated[bool, typer.Option(help="Overwrite an existing --out file.")] = False,
) -> None:
    """Find the chat widget on URL, confirm it with a neutral message, write a config."""
    try:
        _init(url, out, language, force)
    except UsageError as exc:
        Console(stderr=True).print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None


def _init(url: str, out: Path, language: str, force: bool) -> None:
    if not url.startswith(("http://", "https://")):
        raise UsageError(f"The URL {url!r} must start with http:// or https://.")
    if language not in ("fi", "sv", "en"):
        raise UsageError(f"--language {language!r} is not one of fi, sv, en.")
    if out.exists() and not force:
        raise UsageError(f"{out} exists already; choose another --out or add --force.")
    from botaudit.gather.detect import detect_widget  # the browser only when needed

    detection = detect_widget(url, BrowserSettings(), Timing(), language)
    out.write_text(render(url, language, detection), encoding="utf-8")
    typer.echo(f"Wrote {out}: {detection.how} (confidence {detection.confidence}).")
