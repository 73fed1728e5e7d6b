"""The audit config: what to audit and how to drive its chat widget.

A YAML file validated here, so a typo in a selector key is reported with its path before a
browser starts, instead of as a confusing timeout halfway through an audit.
"""

from __future__ import annotations

import difflib
import hashlib
from pathlib import Path
from typing import Any, get_args

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from botaudit.conversation_config import ConversationSettings
from botaudit.errors import UsageError
from botaudit.transcript_settings import TranscriptSettings
from botaudit.types import Language, ReportLanguage, Thresholds
from botaudit.widget_presets import expand
from botaudit.yamlfile import read_yaml


class Selector(BaseModel):
    """A CSS selector, optionally inside an iframe (itself given by a CSS selector)."""

    model_config = ConfigDict(extra="forbid")

    css: str = Field(min_length=1)
    iframe: str | None = None


def _selector(value: Any) -> Any:
    return {"css": value} if isinstance(value, str) else value


class Widget(BaseModel):
    """Where the chat widget's parts are. `iframe` is the default frame for every part."""

    model_config = ConfigDict(extra="forbid")

    preset: str | None = Field(
        default=None, description="A bundled widget preset; the section's own keys override it."
    )
    detected: str | None = Field(
        default=None, description="How botaudit found these selectors, when it did."
    )
    iframe: str | None = Field(default=None, description="CSS of the iframe holding the chat.")
    launcher: Selector | None = None
    container: Selector | None = None
    input: Selector
    send: Selector | None = None
    bot_message: Selector
    user_message: Selector | None = None
    agent_message: Selector | None = None
    sender_label: str | None = Field(
        default=None, description="CSS, relative to a message node, of its sender label."
    )
    end_conversation: list[Selector] | None = None
    typing: Selector | None = Field(
        default=None,
        description="The typing indicator, when the built-in detection does not find it.",
    )

    @model_validator(mode="before")
    @classmethod
    def _preset(cls, value: Any) -> Any:
        return expand(value) if isinstance(value, dict) else value

    @field_validator(
        "launcher",
        "container",
        "input",
        "send",
        "bot_message",
        "user_message",
        "agent_message",
        "typing",
        mode="before",
    )
    @classmethod
    def _plain_string(cls, value: Any) -> Any:
        return _selector(value)

    @field_validator("end_conversation", mode="before")
    @classmethod
    def _plain_strings(cls, value: Any) -> Any:
        if isinstance(value, str):
            value = [value]
        return [_selector(v) for v in value] if isinstance(value, list) else value

    def frame_of(self, selector: Selector) -> str | None:
        """The iframe a selector lives in: its own, else the widget's default."""
        return selector.iframe if "iframe" in selector.model_fields_set else self.iframe


class Target(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str
    vendor_hosts: list[str] = Field(
        default_factory=list,
        description="Hosts of the contracted chatbot vendor that may receive typed text, "
        "besides the page's and the widget frame's own hosts.",
    )

    @field_validator("url")
    @classmethod
    def _http(cls, value: str) -> str:
        if not value.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return value


class Timing(BaseModel):
    """How long to wait for the bot. Quiet period: the reply has stopped changing."""

    model_config = ConfigDict(extra="forbid")

    reply_timeout_s: float = Field(default=15, gt=0, le=300)
    quiet_ms: int = Field(
        default=700,
        ge=100,
        le=10_000,
        description="Quiet period when the widget shows no typing/busy signal.",
    )
    settle_ms: int = Field(
        default=50,
        ge=50,
        le=10_000,
        description="Settle after the widget's typing/busy signals and chat request end.",
    )
    greeting_timeout_s: float = Field(
        default=5, gt=0, le=120, description="How long to wait for a greeting that may not come."
    )
    navigation_timeout_s: float = Field(default=30, gt=0, le=300)


class BrowserSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")

    executable: str | None = None
    headless: bool = True
    viewport: tuple[int, int] = (1280, 900)
    connect: str | None = Field(
        default=None,
        pattern=r"^wss?://",
        description="A Playwright browser server (ws://…) to use instead of launching Chromium.",
    )


class AuditConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=80)
    target: Target
    language: Language = "fi"
    widget: Widget | None = Field(
        default=None, description="Left out: the audit finds the widget (botaudit.gather.detect)."
    )
    scenarios: list[str] | None = Field(
        default=None, description="Scenario ids to run; default: all bundled scenarios."
    )
    timing: Timing = Field(default_factory=Timing)
    browser: BrowserSettings = Field(default_factory=BrowserSettings)
    thresholds: Thresholds = Field(default_factory=Thresholds)
    report_language: ReportLanguage | None = None
    transcripts: TranscriptSettings | None = Field(
        default=None, description="Exported conversation logs to review (botaudit.transcripts)."
    )
    self_assessment: str | None = Field(
        default=None, description="Answers file (YAML), relative to the config's folder."
    )
    conversation: ConversationSettings | None = Field(
        default=None, description="Conversation probes over the bot's API (see the README)."
    )

    def sha256(self) -> str:
        return hashlib.sha256(self.model_dump_json().encode()).hexdigest()


def _where(error: dict[str, Any]) -> str:
    return ".".join(str(part) for part in error["loc"]) or "(top level)"


def _model_at(path: tuple[Any, ...]) -> type[BaseModel] | None:
    """The config model found by following `path` (keys; list indexes are skipped)."""
    model: type[BaseModel] | None = AuditConfig
    for part in path:
        if isinstance(part, int) or model is None:
            continue
        field = model.model_fields.get(part)
        if field is None:
            return None
        candidates = get_args(field.annotation) or (field.annotation,)
        models = [c for c in candidates if isinstance(c, type) and issubclass(c, BaseModel)]
        nested = [m for c in candidates for m in get_args(c) if isinstance(m, type)]
        models += [m for m in nested if issubclass(m, BaseModel)]
        model = models[0] if models else None
    return model


def _problem(error: dict[str, Any]) -> str:
    """One validation problem; for an unknown key, the nearest known one ("did you mean")."""
    if error["type"] != "extra_forbidden" or not error["loc"]:
        return f"{_where(error)}: {error['msg']}"
    message = f"{_where(error)}: unknown key"
    model = _model_at(tuple(error["loc"][:-1]))
    known = list(model.model_fields) if model else []
    close = difflib.get_close_matches(str(error["loc"][-1]), known, n=1, cutoff=0.6)
    if close:
        return f"{message} (did you mean '{close[0]}'?)"
    return f"{message} (known keys: {', '.join(known)})" if known else message


def parse_config(data: Any, source: str) -> AuditConfig:
    """Validate config data; `source` names the file in the error."""
    if not isinstance(data, dict):
        raise UsageError(
            f"{source} must be a YAML mapping with name, target and widget; see the README."
        )
    try:
        return AuditConfig.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(_problem(e) for e in exc.errors())
        raise UsageError(
            f"{source} is not a valid audit config ({problems}); fix those fields."
        ) from exc


def load_config(path: Path) -> AuditConfig:
    return parse_config(read_yaml(path, "config"), str(path))
