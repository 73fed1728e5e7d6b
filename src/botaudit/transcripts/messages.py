"""The review's sentences in Finnish, English and Swedish.

Files: `botaudit/messages/<lang>/transcripts.yaml`, nested keys under `transcripts:`, read
as dotted keys ("transcripts.judge.fallback.pass"). Judges return a key and named
parameters, never a sentence, so a wording is fixed in one place per language and a saved
verdict can be shown in any report language.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from botaudit.errors import UsageError

LANGUAGES = ("fi", "en", "sv")
MESSAGES = Path(__file__).resolve().parents[1] / "messages"


def _flatten(node: Any, prefix: str, into: dict[str, str], path: Path) -> None:
    if isinstance(node, str):
        into[prefix] = node
    elif isinstance(node, dict):
        for key, value in node.items():
            _flatten(value, f"{prefix}.{key}" if prefix else str(key), into, path)
    else:
        raise UsageError(f"{path}: {prefix} must be a text or a mapping of texts.")


@lru_cache(maxsize=4)
def catalogue(language: str) -> dict[str, str]:
    """Dotted key -> template."""
    path = MESSAGES / language / "transcripts.yaml"
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise UsageError(f"Cannot read {path}: {exc}; reinstall botaudit.") from exc
    flat: dict[str, str] = {}
    _flatten(data, "", flat, path)
    return flat


def text(key: str, language: str, **params: Any) -> str:
    """The sentence `key` in `language` (English if that language lacks it), filled in."""
    template = catalogue(language).get(key) or catalogue("en")[key]
    return template.format(**params)
