"""The review's sentences in Finnish, English and Swedish (`messages/<lang>/transcripts.yaml`).

Judges return a message key and named parameters, never a sentence, so a wording is fixed
in one place per language and a saved verdict can be shown in any report language.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import yaml

from botaudit.errors import UsageError
from botaudit.resources import data_dir

LANGUAGES = ("fi", "en", "sv")


@lru_cache(maxsize=4)
def catalogue(language: str) -> dict[str, str]:
    path = data_dir("messages") / language / "transcripts.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(
            f"Cannot read the message file {path}: {exc}; reinstall botaudit."
        ) from exc
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        raise UsageError(f"{path} must map message keys to texts.")
    return data


def text(key: str, language: str, **params: Any) -> str:
    """The sentence `key` in `language` (English if that language lacks it), filled in."""
    template = catalogue(language).get(key) or catalogue("en")[key]
    return template.format(**params)
