"""One cross-validation: checklist -> check registry -> the files producing each record.

For every criterion with a check: the check exists, its parameters are valid, each record
it declares (kind, source, name) is produced by a scenario step / question set / ... with
the model the check expects, a generic check's field paths lead to text in that model, and
its message keys exist in every language. A broken link is a `Problem` naming the
checklist file, the criterion id and the file that lacks the record, reported by
`botaudit checklist validate`, before an audit opens a browser, and by a unit test.

A new kind of evidence plugs in by registering a producer
(`botaudit.evidence.producers.producer`) in its module and naming that module in
`PRODUCER_MODULES`.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from pathlib import Path

from pydantic import ValidationError

from botaudit.checklist.load import Problem, check_checklist, default_checklist_path
from botaudit.checklist.model import Checklist, Criterion
from botaudit.checks import CHECKS
from botaudit.checks.base import Need
from botaudit.checks.generic import RecordParams, path_problem
from botaudit.errors import UsageError
from botaudit.evidence.producers import PRODUCERS
from botaudit.messages import Catalogue, catalogue

PRODUCER_MODULES = ("botaudit.gather.scenario",)


def checklist_messages(path: Path) -> tuple[Path, ...]:
    """A checklist's own message folder (`messages/<lang>/*.yaml` beside it), if any."""
    folder = path.parent / "messages"
    return (folder,) if folder.is_dir() else ()


def _need_problem(need: Need, folders: Mapping[str, Path]) -> str | None:
    for module in PRODUCER_MODULES:
        importlib.import_module(module)
    produce = PRODUCERS.get(need.kind)
    if produce is None:
        return f"nothing produces {need.kind!r} records yet"
    made = produce(need.source, need.name, folders.get(need.kind))
    if isinstance(made, str):
        return made
    if not issubclass(made, need.model):
        return (
            f"{need.ref} records {made.__name__}, but the check reads it as {need.model.__name__}"
        )
    return None


def criterion_problems(
    criterion: Criterion, messages: Catalogue, folders: Mapping[str, Path]
) -> list[tuple[str, str]]:
    """(field, message) for each broken link of one criterion."""
    if criterion.check is None:
        return []
    check = CHECKS.get(criterion.check)
    if check is None:
        return [("check", f"unknown check {criterion.check!r}; known: {', '.join(sorted(CHECKS))}")]
    try:
        params = check.params.model_validate(criterion.params or {})
    except ValidationError as exc:
        return [(f"params.{'.'.join(str(p) for p in e['loc'])}", e["msg"]) for e in exc.errors()]
    problems: list[tuple[str, str]] = []
    for need in check.needs_for(params):
        if need.kind != criterion.evidence and not need.optional:
            problems.append(
                (
                    "evidence",
                    f"check {check.name!r} reads {need.kind} evidence, not {criterion.evidence!r}",
                )
            )
        why = _need_problem(need, folders)
        if why:
            problems.append(("check", f"check {check.name!r} needs {need.ref}: {why}"))
    if isinstance(params, RecordParams):
        model = params.needs()[0].model
        problems += [("params", why) for p in params.paths() if (why := path_problem(model, p))]
    for key in params.message_keys():
        if not messages.has(key):
            problems.append(("params.messages", f"message {key!r} is missing in some language"))
    return problems


def validate_checklist(
    path: Path, folders: Mapping[str, Path] | None = None
) -> tuple[Checklist | None, list[Problem]]:
    """Parse the checklist and cross-check every criterion; all problems, or none."""
    checklist, problems = check_checklist(path)
    if checklist is None:
        return None, problems
    try:
        messages = catalogue(checklist_messages(path))
    except UsageError as exc:
        return None, [Problem(str(path), "messages", str(exc))]
    for v_index, value in enumerate(checklist.values):
        for c_index, criterion in enumerate(value.criteria):
            where = f"values[{v_index}]({value.id}).criteria[{c_index}]({criterion.id})"
            for field, message in criterion_problems(criterion, messages, folders or {}):
                problems.append(Problem(str(path), f"{where}.{field}", message))
    return (None if problems else checklist), problems


def load_validated(path: Path | None = None) -> tuple[Checklist, Catalogue]:
    """The checklist, cross-checked, and its message catalogue; UsageError when broken."""
    path = path or default_checklist_path()
    checklist, problems = validate_checklist(path)
    if checklist is None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise UsageError(
            f"The checklist {problems[0]}{more}; run 'botaudit checklist validate {path}'."
        )
    return checklist, catalogue(checklist_messages(path))
