"""The command line: audit, report, demo, demo-server, checklist.

Exit codes: 0 the audit ran and met the threshold, 1 it ran and fell short, 2 it could not
run (bad input, unreachable target, widget not found) - with whatever was gathered saved.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, TaskID, TextColumn
from rich.progress import Progress as RichProgress
from rich.table import Table

from botaudit import __version__
from botaudit.assessment.cli import assess
from botaudit.errors import UsageError
from botaudit.gather.progress import Progress, no_progress
from botaudit.report.diff_cli import diff

if TYPE_CHECKING:
    from botaudit.pipeline import AuditOutcome

app = typer.Typer(
    help="Audit a public-service chatbot against the fourteen public-service chatbot values.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
app.command()(assess)
app.command()(diff)
checklist_app = typer.Typer(help="Validate and list checklists.", no_args_is_help=True)
app.add_typer(checklist_app, name="checklist")

out = Console()
err = Console(stderr=True)

from botaudit.report.transcripts.cli import transcripts  # noqa: E402 - its own module

app.command()(transcripts)
from botaudit.init_cli import init  # noqa: E402 - its own module

app.command()(init)


class FailOn(StrEnum):
    red = "red"
    yellow = "yellow"
    never = "never"


class Lang(StrEnum):
    fi = "fi"
    sv = "sv"
    en = "en"


OutOption = Annotated[
    Path | None,
    typer.Option("--out", "-o", help="Output folder (default: reports/<name>/<timestamp>/)."),
]
FailOption = Annotated[FailOn, typer.Option(help="Exit 1 when a value is this colour or worse.")]
LangOption = Annotated[Lang | None, typer.Option("--lang", help="Report language.")]
JunitOption = Annotated[
    Path | None, typer.Option("--junit", help="Also write JUnit XML here (for CI).")
]
CompareOption = Annotated[
    Path | None,
    typer.Option("--compare-to", help="An earlier report (folder or report.json) to compare with."),
]
ChecklistOption = Annotated[
    Path | None, typer.Option("--checklist", help="A checklist file instead of the bundled one.")
]


def _fail(message: str) -> typer.Exit:
    err.print(f"[bold red]error:[/] {message}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def _stopped(exc: UsageError | KeyboardInterrupt) -> typer.Exit:
    """Exit 2 for a problem the user can fix, 130 for Ctrl-C; the evidence stays saved."""
    if isinstance(exc, KeyboardInterrupt):
        err.print("interrupted: the evidence gathered so far is in the output folder's evidence/.")
        return typer.Exit(130)
    return _fail(str(exc))


def _default_out(name: str) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    return Path("reports") / name / stamp


def _summarise(outcome: AuditOutcome, fail_on: FailOn, junit: Path | None = None) -> int:
    report = outcome.report
    if junit is not None:
        from botaudit.report.junit import write_junit

        outcome.files["junit"] = write_junit(report, junit)
    table = Table(title=f"botaudit {report.audit.name} — {report.target.url}")
    for column in ("#", "value", "status", "score", "coverage"):
        table.add_column(column)
    colours = {
        "green": "green",
        "yellow": "yellow",
        "red": "red",
        "insufficient": "dim",
        "not_assessed": "dim",
    }
    for value in report.values:
        score = "–" if value.score is None else f"{value.score:.0f}"
        status = value.status.replace("_", " ")
        table.add_row(
            str(value.number),
            value.name.get(report.language),
            f"[{colours[value.status]}]{status}[/]",
            score,
            f"{value.coverage:.0%}",
        )
    out.print(table)
    judged = [c for c in report.criteria if c.check]
    for criterion in judged:
        out.print(f"  {criterion.outcome:<13} {criterion.id}", highlight=False)
    for name, path in outcome.files.items():
        out.print(f"{name}: {path}", highlight=False)
    for warning in outcome.warnings:
        err.print(f"[yellow]warning:[/] {warning}", highlight=False)
    # The CLI speaks English; the report its own language (the bundle keeps the English).
    fatal = outcome.fatal
    if fatal:
        err.print(f"[bold red]error:[/] {fatal}", highlight=False, soft_wrap=True)
        return 2
    statuses = {v.status for v in report.values}
    failing = {"red"} if fail_on is FailOn.red else {"red", "yellow"}
    if fail_on is not FailOn.never and statuses & failing:
        return 1
    return 0


@contextmanager
def _progress(quiet: bool) -> Iterator[Progress]:
    """A Rich progress bar per scenario on stderr (nothing with --quiet)."""
    if quiet:
        yield no_progress
        return
    with RichProgress(
        TextColumn("{task.description:<16}"),
        BarColumn(),
        TextColumn("{task.completed}/{task.total} {task.fields[step]}"),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, TaskID] = {}

        def update(scenario: str, step: str, done: int, total: int) -> None:
            if scenario not in tasks:
                tasks[scenario] = bar.add_task(scenario, total=total, step="")
            bar.update(tasks[scenario], completed=done, total=total, step=step)

        yield update


@app.command()
def audit(
    config: Annotated[Path, typer.Argument(help="Audit config (YAML).")],
    out_dir: OutOption = None,
    fail_on: FailOption = FailOn.red,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
    junit: JunitOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bars.")] = False,
    compare_to: CompareOption = None,
) -> None:
    """Drive the chatbot in a browser, judge the evidence and write the report."""
    from botaudit.config import load_config
    from botaudit.fleet.cli import audit_fleet
    from botaudit.fleet.targets import load_fleet
    from botaudit.pipeline import run_audit

    try:
        fleet = load_fleet(config)  # several targets: one audit each, a combined report
        if fleet is not None:
            options = {
                "config_path": str(config),
                "checklist_path": checklist,
                "language": lang.value if lang else None,
            }
            with _progress(quiet) as progress:
                code = audit_fleet(
                    fleet, out_dir or _default_out(fleet.name), fail_on.value, out, err,
                    progress, compare_to, junit, **options,
                )  # fmt: skip
            raise typer.Exit(code)
        parsed = load_config(config)
        with _progress(quiet) as progress:
            outcome = run_audit(
                parsed,
                out_dir or _default_out(parsed.name),
                str(config),
                checklist,
                lang.value if lang else None,
                progress,
                compare_to,
            )
    except (UsageError, KeyboardInterrupt) as exc:
        raise _stopped(exc) from None
    raise typer.Exit(_summarise(outcome, fail_on, junit))


@app.command()
def report(
    bundle: Annotated[Path, typer.Argument(help="Evidence folder (or the report folder).")],
    out_dir: Annotated[Path, typer.Option("--out", "-o", help="Output folder.")],
    fail_on: FailOption = FailOn.red,
    lang: LangOption = None,
    checklist: ChecklistOption = None,
    junit: JunitOption = None,
) -> None:
    """Re-judge and re-render a saved evidence bundle, offline."""
    from botaudit.pipeline import rerun_report

    try:
        outcome = rerun_report(bundle, out_dir, checklist, lang.value if lang else None)
    except UsageError as exc:
        raise _fail(str(exc)) from None
    raise typer.Exit(_summarise(outcome, fail_on, junit))


@app.command()
def demo(
    profile: Annotated[str, typer.Option(help="good, bad, oulubot-2022 or slow.")] = "oulubot-2022",
    deployment: Annotated[
        str, typer.Option(help="main, or visitoulu / teatteri (oulubot-2022 only).")
    ] = "main",
    out_dir: OutOption = None,
    fail_on: FailOption = FailOn.red,
    lang: LangOption = None,
    junit: JunitOption = None,
    quiet: Annotated[bool, typer.Option("--quiet", "-q")] = False,
    compare_to: CompareOption = None,
    all_deployments: Annotated[
        bool, typer.Option("--all-deployments", help="Audit every deployment in one run.")
    ] = False,
) -> None:
    """Start the demo chatbot on a free port, audit it, write the report and stop it."""
    from botaudit.config import parse_config
    from botaudit.demo.answers import demo_conversation
    from botaudit.demo.profiles import PROFILES, demo_config
    from botaudit.demo.server import DemoServer
    from botaudit.pipeline import run_audit

    if profile not in PROFILES:
        raise _fail(f"Unknown demo profile {profile!r}; choose one of {', '.join(PROFILES)}.")
    if deployment not in PROFILES[profile].deployments:
        choices = ", ".join(PROFILES[profile].deployments)
        raise _fail(f"Profile {profile} has no deployment {deployment!r}; choose one of {choices}.")
    try:
        with DemoServer(profile) as url, _progress(quiet) as progress:
            if all_deployments:
                from botaudit.fleet.cli import audit_fleet, demo_fleet

                fleet = demo_fleet(profile, url)
                language = lang.value if lang else None
                out_to = out_dir or _default_out(fleet.name)
                code = audit_fleet(
                    fleet, out_to, fail_on.value, out, err, progress, compare_to, junit,
                    language=language,
                )  # fmt: skip
                raise typer.Exit(code)
            data = demo_config(profile, url, deployment)
            data["conversation"] = demo_conversation(url)
            config = parse_config(data, f"demo profile {profile}")
            outcome = run_audit(
                config,
                out_dir or _default_out(config.name),
                language=lang.value if lang else None,
                progress=progress,
                compare_to=compare_to,
            )
    except (UsageError, KeyboardInterrupt) as exc:
        raise _stopped(exc) from None
    raise typer.Exit(_summarise(outcome, fail_on, junit))


@app.command()
def converse(
    config: Annotated[Path, typer.Argument(help="Config with a conversation section (YAML).")],
    out_dir: OutOption = None,
    lang: Annotated[str | None, typer.Option("--lang", help="fi, en or sv.")] = None,
) -> None:
    """Ask the question sets only; write conversations.json and the trainers' page."""
    from botaudit.conversation.cli_output import run_converse

    raise typer.Exit(run_converse(config, out_dir, lang, out, err))


@app.command("demo-server")
def demo_server(
    profile: Annotated[str, typer.Option(help="good, bad, oulubot-2022 or slow.")] = "oulubot-2022",
    port: Annotated[int, typer.Option(help="Port on 127.0.0.1 (0 = any free one).")] = 8000,
    host: Annotated[str, typer.Option(help="Address to bind; keep it local.")] = "127.0.0.1",
) -> None:
    """Serve the demo municipal chatbot until interrupted."""
    from botaudit.demo.profiles import PROFILES
    from botaudit.demo.server import serve

    if profile not in PROFILES:
        raise _fail(f"Unknown demo profile {profile!r}; choose one of {', '.join(PROFILES)}.")
    try:
        serve(profile, host, port)
    except OSError as exc:
        raise _fail(
            f"Cannot serve on {host}:{port} ({exc.strerror}); pick another --port."
        ) from None
    except KeyboardInterrupt:
        pass


@checklist_app.command("validate")
def checklist_validate(
    files: Annotated[list[Path] | None, typer.Argument(help="Checklist files.")] = None,
) -> None:
    """Report every problem in the checklists, with file and path."""
    from botaudit.checklist.load import default_checklist_path
    from botaudit.validate import validate_checklist

    problems = []
    paths = files or [default_checklist_path()]
    for path in paths:
        checklist, found = validate_checklist(path)
        problems.extend(found)
        if checklist is not None:
            count = len(checklist.criteria())
            out.print(
                f"{path}: ok ({len(checklist.values)} values, {count} criteria)", highlight=False
            )
    for problem in problems:
        err.print(str(problem), highlight=False, soft_wrap=True)
    if problems:
        raise typer.Exit(2)


@checklist_app.command("list")
def checklist_list(
    checklist: ChecklistOption = None,
    lang: Annotated[Lang, typer.Option("--lang")] = Lang.en,
) -> None:
    """Print the criteria: id, severity, evidence, check."""
    from botaudit.checklist.load import load_checklist

    try:
        loaded = load_checklist(checklist)
    except UsageError as exc:
        raise _fail(str(exc)) from None
    table = Table(title=f"{loaded.title.get(lang.value)} ({loaded.version})")
    for column in ("id", "title", "severity", "weight", "evidence", "check"):
        table.add_column(column)
    for _, criterion in loaded.criteria():
        table.add_row(
            criterion.id,
            criterion.title.get(lang.value),
            criterion.severity,
            f"{criterion.weight:g}",
            criterion.evidence,
            criterion.check or "–",
        )
    out.print(table)


@app.command()
def scenarios() -> None:
    """List the bundled browser scenarios and their steps."""
    from botaudit.gather.scenario import bundled_scenarios

    table = Table(title="Scenarios (run in parallel browser contexts)")
    for column in ("id", "title", "steps (name: step)"):
        table.add_column(column)
    for scenario in bundled_scenarios().values():
        steps = ", ".join(s.name if s.name == s.do else f"{s.name}: {s.do}" for s in scenario.steps)
        table.add_row(scenario.id, scenario.title, steps)
    out.print(table)
    from botaudit.gather.steps import STEPS

    vocabulary = Table(title="Steps (what checks and generic criteria read: the model)")
    for column in ("step", "records", "what it does"):
        vocabulary.add_column(column)
    for step in STEPS.values():
        vocabulary.add_row(step.name, step.produces.__name__, step.summary)
    out.print(vocabulary)


@app.command()
def version() -> None:
    """Print botaudit's version."""
    out.print(f"botaudit {__version__}")


def main() -> None:  # pragma: no cover
    sys.exit(app())
