"""What to read and what to look for: the `transcripts:` section of a config.

A leaf module (pydantic, YAML, errors only) beside `config`, not inside the `transcripts`
package: the audit config validates this section before anything runs, and the config
layer must not depend on the package that reads and judges logs.

Vendors export logs with their own field names and sender labels, so the mapping is data:
a trainer adapts it in YAML instead of converting a year of logs first. Phrase lists default
to `scenarios/transcripts/phrases.yaml` (fi, sv, en) and can be replaced per config.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from botaudit.errors import UsageError
from botaudit.resources import data_dir
from botaudit.types import valid_patterns
from botaudit.yamlfile import read_yaml

LANGUAGES = ("fi", "sv", "en")


class FieldMapping(BaseModel):
    """Which field of a record holds what; dotted names reach into nested objects."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    conversation_id: str = "conversation_id"
    timestamp: str = "timestamp"
    sender: str = "sender"
    text: str = "text"
    feedback: str | None = "feedback"
    intent: str | None = "intent"
    language: str | None = "language"
    messages: str = Field(
        default="messages",
        description="In JSON exports of whole conversations: the list of their messages.",
    )
    senders: dict[str, Literal["user", "bot", "agent"]] = Field(
        default_factory=dict,
        description="Vendor sender labels to user/bot/agent, e.g. {customer: user}.",
    )


class LanguagePhrases(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fallback: list[str]
    human_requests: list[str]
    handoff: list[str]
    stopwords: list[str] = Field(default_factory=list)

    @field_validator("fallback", "human_requests", "handoff")
    @classmethod
    def _compiles(cls, patterns: list[str]) -> list[str]:
        return valid_patterns(patterns)


class Intents(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fallback: list[str] = Field(default_factory=list)
    handoff: list[str] = Field(default_factory=list)


class Phrases(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    fi: LanguagePhrases
    sv: LanguagePhrases
    en: LanguagePhrases
    intents: Intents = Field(default_factory=Intents)


class TranscriptSettings(BaseModel):
    """The `transcripts:` section of an audit config (or a transcripts-only config)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    files: list[str] = Field(default_factory=list, description="Log files; relative to the config.")
    format: Literal["auto", "jsonl", "json", "csv"] = "auto"
    mapping: FieldMapping = Field(default_factory=FieldMapping)
    language: Literal["fi", "sv", "en"] = Field(
        default="fi", description="Language assumed for messages whose record does not say."
    )
    idle_minutes: float = Field(
        default=30, gt=0, description="A gap this long in one conversation id starts a new one."
    )
    phrases: Phrases | None = Field(default=None, description="Replaces the bundled phrases.")
    report_language: Literal["fi", "sv", "en"] | None = None
    workers: int | None = Field(default=None, ge=1, description="Processes; default all cores.")
    shard_mb: int = Field(default=32, ge=1, description="Byte-range shard size of plain files.")


def phrases_path() -> Path:
    return data_dir("scenarios") / "transcripts" / "phrases.yaml"


def load_phrases(path: Path | None = None) -> Phrases:
    path = path or phrases_path()
    try:
        return Phrases.model_validate(read_yaml(path, "phrase list"))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        first = " ".join(str(exc).splitlines()[:3])
        raise UsageError(f"{path} is not a valid transcript phrase file ({first}).") from exc


def parse_settings(data: object, source: str) -> TranscriptSettings:
    """Validate a `transcripts:` mapping; `source` names the file in the error."""
    try:
        return TranscriptSettings.model_validate(data or {})
    except ValidationError as exc:
        problems = "; ".join(
            f"transcripts.{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise UsageError(f"{source} has an invalid transcripts section ({problems}).") from exc


def load_settings(path: Path) -> TranscriptSettings:
    """A config file's `transcripts:` section (an audit config or one holding only that)."""
    data = read_yaml(path, "config")
    if not isinstance(data, dict):
        raise UsageError(f"{path} must be a YAML mapping with a transcripts section.")
    settings = parse_settings(data.get("transcripts", {}), str(path))
    base = path.parent
    files = [str(f if Path(f).is_absolute() else base / f) for f in settings.files]
    return settings.model_copy(update={"files": files})
