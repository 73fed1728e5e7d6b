"""Settings compiled once per process: field getters, phrase regexes, the question keyer."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from botaudit.transcript_settings import LANGUAGES, Phrases, TranscriptSettings, load_phrases
from botaudit.transcripts.groups import group_key
from botaudit.transcripts.personal import examine

Getter = Callable[[dict[str, Any]], Any]
_THUMBS = {
    "up": "up",
    "down": "down",
    "thumbs_up": "up",
    "thumbs_down": "down",
    "positive": "up",
    "negative": "down",
    "👍": "up",
    "👎": "down",
    "true": "up",
    "false": "down",
}


def getter(name: str) -> Getter:
    """A function reading the dotted field `name` from nested objects of a record."""
    parts = name.split(".")

    def nested(record: dict[str, Any]) -> Any:
        value: Any = record
        for part in parts:
            if not isinstance(value, dict):
                return None
            value = value.get(part)
        return value

    return nested


def feedback_value(raw: Any) -> str | None:
    """'up', 'down' or '1'..'5'; None when there is none; '?' when it cannot be read."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        return "up" if raw else "down"
    if isinstance(raw, int | float) and float(raw).is_integer() and 1 <= raw <= 5:
        return str(int(raw))
    text = str(raw).strip().lower()
    if text in {"1", "2", "3", "4", "5"}:
        return text
    return _THUMBS.get(text, "?")


def _union(patterns: list[str]) -> re.Pattern[str]:
    if not patterns:
        return re.compile(r"(?!x)x")
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class Rules:
    """What the scanner needs, compiled: cheap to build, built once per worker process."""

    def __init__(self, settings: TranscriptSettings) -> None:
        phrases: Phrases = settings.phrases or load_phrases()
        mapping = settings.mapping
        self.settings = settings
        self.idle = settings.idle_minutes * 60
        self.default_language = settings.language
        # The fields in scan order; a missing optional field is read as the key "".
        self.fields = tuple(
            name or ""
            for name in (
                mapping.conversation_id,
                mapping.timestamp,
                mapping.sender,
                mapping.text,
                mapping.feedback,
                mapping.intent,
                mapping.language,
            )
        )
        nested = [(name, getter(name)) for name in self.fields if "." in name]
        # Dotted names reach into nested objects: those records are flattened first, so
        # the scanner reads every field with one plain dict.get.
        self.flatten: Callable[[dict[str, Any]], dict[str, Any]] | None = (
            (lambda record: {**record, **{name: get(record) for name, get in nested}})
            if nested
            else None
        )
        self.senders: dict[Any, str] = {"user": "user", "bot": "bot", "agent": "agent"}
        self.senders.update({str(k).lower(): v for k, v in mapping.senders.items()})
        by_language = {lang: getattr(phrases, lang) for lang in LANGUAGES}
        every = {
            kind: [p for lp in by_language.values() for p in getattr(lp, kind)]
            for kind in ("fallback", "human_requests", "handoff")
        }
        self.fallback = {lang: _union(lp.fallback) for lang, lp in by_language.items()}
        self.human = {lang: _union(lp.human_requests) for lang, lp in by_language.items()}
        self.handoff = {lang: _union(lp.handoff) for lang, lp in by_language.items()}
        self.any_fallback = _union(every["fallback"])
        self.any_human = _union(every["human_requests"])
        self.any_handoff = _union(every["handoff"])
        self.fallback_intents = frozenset(i.lower() for i in phrases.intents.fallback)
        self.handoff_intents = frozenset(i.lower() for i in phrases.intents.handoff)
        self.stopwords = {
            lang: frozenset(w.lower() for w in lp.stopwords) for lang, lp in by_language.items()
        }

    def keyer(self, text: str, language: str) -> str:
        """A question's group key, made from the masked text: the words of an e-mail
        address ("matti", "meikalainen") must not become part of a key in the report."""
        language = language if language in self.stopwords else self.default_language
        return group_key(examine(text)[1], language, self.stopwords[language])


_BUILT: dict[str, Rules] = {}


def rules_for(settings: TranscriptSettings) -> Rules:
    """The compiled rules of `settings`, built once per process."""
    key = settings.model_dump_json()
    if key not in _BUILT:
        _BUILT.clear()
        _BUILT[key] = Rules(settings)
    return _BUILT[key]
