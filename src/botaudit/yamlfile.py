"""Reading the YAML files people write: configs, checklists, scenarios, phrase lists,
messages. One loader, so every file's errors read the same: the file, the line, what to do.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from botaudit.errors import UsageError

# libyaml's parser when PyYAML was built with it (several times faster), else pure Python.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlError(UsageError):
    """A YAML file could not be read or parsed; `where` is 'line N' or '(file)'."""

    def __init__(self, message: str, where: str, problem: str) -> None:
        super().__init__(message)
        self.where = where
        self.problem = problem


def read_yaml(path: Path, what: str) -> Any:
    """The parsed content of `path` (`what` names the file's role in the error)."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        reason = exc.strerror or str(exc)
        raise YamlError(
            f"Cannot read the {what} {path}: {reason}; check the path.", "(file)", reason
        ) from exc
    try:
        return yaml.load(text, Loader=_LOADER)  # a safe loader, C or Python
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark else "(file)"
        problem = str(getattr(exc, "problem", None) or exc)
        raise YamlError(
            f"{path} is not valid YAML at {where} ({problem}); fix the syntax.", where, problem
        ) from exc
