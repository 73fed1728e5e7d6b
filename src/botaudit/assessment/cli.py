"""`botaudit assess CONFIG`: serve the self-assessment form for the config's answers file."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from botaudit.errors import UsageError


def assess(
    config: Annotated[Path, typer.Argument(help="Audit config (YAML) with self_assessment.")],
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0 = any free one).")] = 0,
    lang: Annotated[str, typer.Option("--lang", help="fi, sv or en.")] = "fi",
) -> None:
    """Answer the self-assessment in a local form; answers are saved to the config's file."""
    from botaudit.assessment.attach import answers_path
    from botaudit.assessment.form import AssessmentForm
    from botaudit.assessment.model import load_self_assessment
    from botaudit.checklist.load import load_checklist
    from botaudit.config import load_config

    err = Console(stderr=True)
    try:
        parsed = load_config(config)
        path = answers_path(parsed.self_assessment, str(config))
        if path is None:
            raise UsageError(
                f"{config} has no self_assessment entry; add `self_assessment: answers.yaml` "
                "(the file is created on the first save)."
            )
        load_self_assessment(path)  # a broken file is reported now, not in the browser
        form = AssessmentForm(load_checklist(None), path, parsed.name, lang, port)
    except (UsageError, OSError) as exc:
        err.print(f"[bold red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from None
    with form as url:
        Console().print(f"Self-assessment form: {url}  (Ctrl-C to stop; answers go to {path})")
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass
