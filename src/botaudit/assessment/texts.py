"""Sentences of the self-assessment, workshop and value report, by key, in fi/sv/en.

Checks and builders return a message key and named parameters; only rendering turns them
into sentences, so each language is a YAML file a translator can edit without Python.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml

from botaudit.checklist.model import Text

MESSAGES = Path(__file__).parent / "messages"
LANGUAGES = ("fi", "sv", "en")


@cache
def catalogue(language: str) -> dict[str, str]:
    path = MESSAGES / f"{language if language in LANGUAGES else 'en'}.yaml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def message(key: str, language: str, **params: Any) -> str:
    """The sentence `key` in `language` (English if missing there) with `params` filled in."""
    template = catalogue(language).get(key) or catalogue("en")[key]
    return template.format(**params)


def text(key: str, **params: Any) -> Text:
    """The sentence in all three languages, for models that store a `Text`."""
    return Text(**{lang: message(key, lang, **params) for lang in LANGUAGES})
