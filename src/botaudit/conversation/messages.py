"""The conversation sentences in Finnish, English and Swedish (messages/<lang>/conversations.yaml).

Verdicts carry keys and parameters; this turns them into sentences. The three files must
have the same keys, checked on load, so that no report language silently misses one.
"""

from __future__ import annotations

from functools import cache

import yaml
from pydantic import RootModel, ValidationError

from botaudit.errors import UsageError
from botaudit.resources import data_dir

LANGUAGES = ("fi", "en", "sv")
FILENAME = "conversations.yaml"


class _Catalogue(RootModel[dict[str, str]]):
    pass


@cache
def catalogue() -> dict[str, dict[str, str]]:
    """{language: {key: sentence}} for fi, en and sv, with the same keys in each."""
    found: dict[str, dict[str, str]] = {}
    for language in LANGUAGES:
        path = data_dir("messages") / language / FILENAME
        try:
            found[language] = _Catalogue.model_validate(
                yaml.safe_load(path.read_text(encoding="utf-8"))
            ).root
        except (OSError, yaml.YAMLError, ValidationError) as exc:
            raise UsageError(f"Cannot read the messages {path} ({exc}); fix or reinstall.") from exc
    keys = set(found["en"])
    for language, messages in found.items():
        missing = keys ^ set(messages)
        if missing:
            raise UsageError(
                f"messages/{language}/{FILENAME} and messages/en/{FILENAME} differ in keys: "
                f"{', '.join(sorted(missing))}; add them to both."
            )
    return found


def say(key: str, language: str, params: dict[str, object] | None = None) -> str:
    """The sentence for `key` in `language` (English if unknown), parameters filled in."""
    messages = catalogue()
    text = messages.get(language, messages["en"])[key]
    return text.format_map(params or {})
