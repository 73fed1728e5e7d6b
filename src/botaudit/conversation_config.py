"""The `conversation:` section of an audit config: which connector, which question sets.

Beside `config.py` rather than inside `botaudit.conversation`, so that the config layer
does not depend on the package that drives conversations (which reads the config).

Secrets never appear here in clear: header values and keys come from environment
variables (`${NAME}` in a header, `*_env` fields), because the whole config is copied into
the evidence bundle.
"""

from __future__ import annotations

import os
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field

from botaudit.errors import UsageError

_ENV_REF = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SECRET_HEADER = re.compile(r"authori[sz]ation|api[-_]?key|token|secret|cookie|password", re.I)


class Politeness(BaseModel):
    """How gently to talk to a (possibly production) bot."""

    model_config = ConfigDict(extra="forbid")

    timeout_s: float = Field(default=20, gt=0, le=300, description="Per HTTP request / reply.")
    retries: int = Field(default=2, ge=0, le=5, description="On connection errors, 5xx, 429.")
    backoff_s: float = Field(default=1.0, ge=0, le=60, description="Doubled after each retry.")
    min_interval_s: float = Field(
        default=1.0,
        ge=0,
        le=60,
        description="Least time between two messages of one conversation (default: ≤ 1/s).",
    )
    max_retry_after_s: float = Field(
        default=60, ge=0, le=600, description="A longer 429 Retry-After gives up instead."
    )
    max_consecutive_errors: int = Field(
        default=3, ge=1, le=50, description="Stop asking after this many failures in a row."
    )


def expand_env(value: str, where: str) -> str:
    """Replace ${NAME} with the environment variable; a missing one is a usage error."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in os.environ:
            raise UsageError(f"{where} refers to ${{{name}}}, which is not set; export {name}.")
        return os.environ[name]

    return _ENV_REF.sub(one, value)


def _no_clear_secrets(headers: dict[str, str]) -> dict[str, str]:
    for name, value in headers.items():
        if _SECRET_HEADER.search(name) and not _ENV_REF.search(value):
            raise ValueError(
                f"header {name!r} looks secret: write it as '${{ENV_VAR}}' and export the "
                "variable, so that it is not copied into the evidence"
            )
    return headers


# Request headers of a connector: a secret-looking one must come from the environment.
Headers = Annotated[dict[str, str], AfterValidator(_no_clear_secrets)]


class RestConnector(BaseModel):
    """Any JSON-over-HTTP bot (like Botium's SimpleREST)."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["rest"]
    url: str = Field(pattern=r"^https?://")
    method: Literal["POST", "PUT"] = "POST"
    headers: Headers = Field(default_factory=dict)
    body: dict[str, Any] = Field(
        default_factory=lambda: {"session": "{{session}}", "text": "{{message}}"},
        description="JSON body; the strings '{{message}}' and '{{session}}' are replaced.",
    )
    texts: str = Field(default="$.messages[*].text", description="JSON path of reply texts.")
    buttons: str | None = Field(default=None, description="JSON path of button titles.")
    links: str | None = Field(default=None, description="JSON path of link URLs.")
    session: str | None = Field(
        default=None, description="JSON path of a session id the bot returns; used afterwards."
    )


class RasaConnector(BaseModel):
    """Rasa's REST channel: POST {base}/webhooks/rest/webhook with {sender, message}."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["rasa"]
    url: str = Field(pattern=r"^https?://", description="The Rasa server's base URL.")
    headers: Headers = Field(default_factory=dict)


class DirectLineConnector(BaseModel):
    """Microsoft Bot Framework Direct Line 3.0 (Azure Bot Service, Copilot Studio)."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["directline"]
    url: str = Field(
        default="https://directline.botframework.com/v3/directline", pattern=r"^https?://"
    )
    secret_env: str = Field(
        pattern=r"^[A-Za-z_][A-Za-z0-9_]*$",
        description="Environment variable holding the Direct Line secret or token.",
    )
    user_id: str = "botaudit"
    poll_interval_s: float = Field(default=1.0, gt=0, le=30)
    settle_s: float = Field(
        default=1.5, ge=0, le=30, description="The reply is complete after this long silence."
    )


class OpenAIConnector(BaseModel):
    """An OpenAI-compatible chat-completions endpoint (for LLM-based bots)."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["openai"]
    base_url: str = Field(pattern=r"^https?://", description="e.g. https://api.openai.com/v1")
    model: str = Field(min_length=1)
    system_prompt: str = ""
    api_key_env: str | None = Field(default=None, pattern=r"^[A-Za-z_][A-Za-z0-9_]*$")
    temperature: float = Field(default=0, ge=0, le=2)
    max_tokens: int = Field(default=600, gt=0, le=8000)


class WidgetConnector(BaseModel):
    """The audit config's browser widget (target, widget, timing): for bots without an API."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["widget"]


Connector = Annotated[
    RestConnector | RasaConnector | DirectLineConnector | OpenAIConnector | WidgetConnector,
    Field(discriminator="type"),
]


class ConversationSettings(BaseModel):
    """`conversation:` in the audit config."""

    model_config = ConfigDict(extra="forbid")

    connector: Connector
    question_sets: list[str] = Field(
        min_length=1,
        description="Paths (relative to the config file) or names of shipped sets, "
        "e.g. municipal-fi.",
    )
    politeness: Politeness = Field(default_factory=Politeness)
    check_links: bool = Field(
        default=False,
        description="Fetch the links found in answers to see that they still resolve "
        "(content currency); off by default because it contacts other hosts.",
    )


def check_secrets(settings: ConversationSettings) -> None:
    """Every environment variable the connector needs is set (a UsageError if not)."""
    spec = settings.connector
    for name, value in getattr(spec, "headers", {}).items():
        expand_env(value, f"conversation.connector.headers.{name}")
    for field in ("secret_env", "api_key_env"):
        variable = getattr(spec, field, None)
        if variable and variable not in os.environ:
            raise UsageError(
                f"conversation.connector.{field} names {variable}, which is not set; "
                f"export {variable} (the secret is read only from the environment)."
            )
