"""Generic JSON-over-HTTP bots: a body template and JSON paths (cf. Botium's SimpleREST)."""

from __future__ import annotations

import uuid
from typing import Any

from botaudit.conversation.connectors import jsonpath
from botaudit.conversation.connectors.base import BotReply, Connector, Conversation, ProtocolError
from botaudit.conversation.connectors.http import PoliteClient
from botaudit.conversation_config import Politeness, RestConnector, expand_env


def fill(template: Any, values: dict[str, str]) -> Any:
    """The body template with '{{message}}'/'{{session}}' replaced inside every string."""
    if isinstance(template, str):
        for name, value in values.items():
            template = template.replace("{{" + name + "}}", value)
        return template
    if isinstance(template, dict):
        return {k: fill(v, values) for k, v in template.items()}
    if isinstance(template, list):
        return [fill(v, values) for v in template]
    return template


class RestConversation(Conversation):
    def __init__(self, connector: RestBot) -> None:
        super().__init__(connector.politeness)
        self.bot = connector
        self.session = f"botaudit-{uuid.uuid4().hex[:16]}"

    async def _exchange(self, text: str) -> BotReply:
        spec = self.bot.spec
        body = fill(spec.body, {"message": text, "session": self.session})
        data = await self.bot.http.json(spec.method, spec.url, json=body)
        try:
            texts = jsonpath.strings(data, spec.texts)
            buttons = jsonpath.strings(data, spec.buttons) if spec.buttons else []
            links = jsonpath.strings(data, spec.links) if spec.links else []
            if spec.session:
                found = jsonpath.strings(data, spec.session)
                self.session = found[0] if found else self.session
        except ValueError as exc:
            raise ProtocolError(str(exc)) from None
        if not (texts or buttons):
            raise ProtocolError(
                f"{spec.url}: the reply path {spec.texts} matched nothing in the bot's JSON; "
                "check conversation.connector.texts"
            )
        return BotReply(texts, buttons, links)


class RestBot(Connector):
    kind = "rest"

    def __init__(self, spec: RestConnector, politeness: Politeness) -> None:
        super().__init__(politeness)
        self.spec = spec
        for path in (spec.texts, spec.buttons, spec.links, spec.session):
            if path:
                try:
                    jsonpath.parse(path)
                except ValueError as exc:
                    from botaudit.errors import UsageError

                    raise UsageError(f"conversation.connector: {exc}; fix the path.") from None
        headers = {
            k: expand_env(v, f"conversation.connector.headers.{k}") for k, v in spec.headers.items()
        }
        self.http = PoliteClient(politeness, headers)

    @property
    def endpoint(self) -> str:
        return self.spec.url

    async def start(self) -> Conversation:
        return RestConversation(self)

    async def aclose(self) -> None:
        await self.http.aclose()
