"""One message catalogue: every sentence a user reads, per language, as data.

`messages/<lang>/*.yaml` (fi, sv, en) are nested mappings; their leaves are templates with
named parameters (`{count}`), flattened to dotted keys (`runner.no_step`). Each feature owns
its own file (e.g. `transcripts.yaml`); all files of a language are merged, and a key
defined twice is an error naming both files. A leaf that is a mapping of `one`/`other`
is a plural: `other` unless the `count` parameter is 1.

Checks return a `Message` (a key and parameters), not prose; the report renders it in its
language. A parameter may itself be a `Message` (a phrase whose wording depends on the
language, e.g. a storage area in Finnish inessive) or `Many` (several, joined).
A checklist may bring its own messages in a `messages/<lang>/` folder beside it.
"""

from __future__ import annotations

import string
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, Field

from botaudit.errors import UsageError
from botaudit.types import LANGUAGES, Text

BUNDLED = Path(__file__).parent
PLURAL_FORMS = frozenset({"one", "other"})
Template = str | dict[str, str]


class Message(BaseModel):
    """A message key and its parameters: what a check says, before it has a language."""

    key: str
    params: dict[str, Param] = Field(default_factory=dict)


class Many(BaseModel):
    """Several parameters joined by `sep`, or by the language's word `sep_key` names."""

    items: list[Param]
    sep: str = ", "
    sep_key: str | None = None


Param = Message | Many | str | int | float
Message.model_rebuild()
Many.model_rebuild()


def msg(key: str, /, **params: Any) -> Message:
    """`Message(key, params)` written as a call: `msg("runner.no_step", step=name)`."""
    return Message(key=key, params=params)


def quoted(items: list[str]) -> str:
    """Found phrases as the explanations show them: 'botti', 'tekoäly'."""
    return ", ".join(repr(item) for item in items)


def placeholders(template: Template) -> set[str]:
    """The named parameters a template (or all forms of a plural) uses."""
    forms = template.values() if isinstance(template, dict) else [template]
    return {
        name.split(".")[0].split("[")[0]
        for form in forms
        for _, name, _, _ in string.Formatter().parse(form)
        if name
    }


def _is_plural(node: object) -> bool:
    return isinstance(node, dict) and "other" in node and set(node) <= PLURAL_FORMS


def _flatten(node: object, prefix: str, out: dict[str, tuple[Template, str]], file: str) -> None:
    if isinstance(node, str) or _is_plural(node):
        if prefix in out:
            raise UsageError(
                f"message {prefix!r} is defined in both {out[prefix][1]} and {file}; "
                "keep each key in one file."
            )
        out[prefix] = (node, file)  # type: ignore[assignment]
        return
    if not isinstance(node, dict):
        raise UsageError(f"{file}: {prefix or '(top level)'} must be text or a mapping.")
    for key, child in node.items():
        _flatten(child, f"{prefix}.{key}" if prefix else str(key), out, file)


def _load_language(folders: tuple[Path, ...], language: str) -> dict[str, Template]:
    found: dict[str, tuple[Template, str]] = {}
    for folder in folders:
        for path in sorted((folder / language).glob("*.yaml")):
            try:
                data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
            except (OSError, yaml.YAMLError) as exc:
                raise UsageError(f"Cannot read the messages {path}: {exc}; fix the file.") from exc
            _flatten(data, "", found, str(path))
    return {key: template for key, (template, _) in found.items()}


class Catalogue:
    """The merged messages of every language, from the bundled folder and any extra ones."""

    def __init__(self, folders: tuple[Path, ...] = (BUNDLED,)) -> None:
        self.folders = folders
        self.templates = {lang: _load_language(folders, lang) for lang in LANGUAGES}

    def has(self, key: str) -> bool:
        return all(key in self.templates[lang] for lang in LANGUAGES)

    def message(self, key: str, language: str, /, **params: Any) -> str:
        """The sentence `key` in `language` with its parameters filled in."""
        try:
            template = self.templates[language][key]
        except KeyError:
            raise KeyError(f"no message {key!r} in language {language!r}") from None
        if isinstance(template, dict):
            template = template["one"] if params.get("count") == 1 else template["other"]
        rendered = {name: self._param(value, language) for name, value in params.items()}
        return template.format_map(rendered)

    def render(self, message: Message, language: str) -> str:
        return self.message(message.key, language, **message.params)

    def text(self, message: Message) -> Text:
        """The message in every report language."""
        return Text(**{lang: self.render(message, lang) for lang in LANGUAGES})

    def _param(self, value: Any, language: str) -> Any:
        if isinstance(value, Message):
            return self.render(value, language)
        if isinstance(value, Many):
            sep = self.message(value.sep_key, language) if value.sep_key else value.sep
            return sep.join(str(self._param(item, language)) for item in value.items)
        return value


@lru_cache(maxsize=8)
def catalogue(extra: tuple[Path, ...] = ()) -> Catalogue:
    """The bundled catalogue, plus the `messages/` folders of custom checklists."""
    return Catalogue((BUNDLED, *extra))


def message(key: str, language: str, /, **params: Any) -> str:
    """A bundled message in `language`: `message("report.title", "sv")`."""
    return catalogue().message(key, language, **params)
