"""Loading checklists and reporting every problem in them at once.

`botaudit checklist validate` should tell an ethics lead all that is wrong in one go, with
file and path, not stop at the first error, so problems are collected, not raised. This
module checks the file against the checklist model; `botaudit.validate` then ties each
criterion to its check and the records the check reads.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import ValidationError

from botaudit.checklist.model import Checklist
from botaudit.errors import UsageError
from botaudit.resources import data_dir

DEFAULT_CHECKLIST = "public-service-values.yaml"


@dataclass(frozen=True)
class Problem:
    file: str
    path: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.path}: {self.message}"


def default_checklist_path() -> Path:
    return data_dir("checklists") / DEFAULT_CHECKLIST


def _loc(data: object, loc: tuple[int | str, ...]) -> str:
    """A path like values[2](transparency).criteria[0](transparency.bot-identity-disclosed)."""
    parts: list[str] = []
    node = data
    for part in loc:
        if isinstance(part, int):
            label = f"[{part}]"
            try:
                node = node[part]  # type: ignore[index]
                if isinstance(node, dict) and "id" in node:
                    label += f"({node['id']})"
            except (IndexError, KeyError, TypeError):
                node = None
            parts.append(label)
        else:
            parts.append(("." if parts else "") + str(part))
            node = node.get(part) if isinstance(node, dict) else None
    return "".join(parts) or "(top level)"


def check_checklist(path: Path) -> tuple[Checklist | None, list[Problem]]:
    """Parse and cross-check one checklist file; all problems found, or none."""
    name = str(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        return None, [Problem(name, "(file)", f"cannot read: {exc.strerror}")]
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(file)"
        return None, [Problem(name, where, f"not valid YAML: {getattr(exc, 'problem', exc)}")]
    try:
        checklist = Checklist.model_validate(data)
    except ValidationError as exc:
        return None, [Problem(name, _loc(data, e["loc"]), e["msg"]) for e in exc.errors()]
    return checklist, []


def load_checklist(path: Path | None = None) -> Checklist:
    """The checklist, checked against its model only (`botaudit.validate` ties the rest)."""
    path = path or default_checklist_path()
    checklist, problems = check_checklist(path)
    if checklist is None:
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise UsageError(
            f"The checklist {problems[0]}{more}; run 'botaudit checklist validate {path}'."
        )
    return checklist
