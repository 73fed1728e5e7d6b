"""Rasa's REST input channel: POST /webhooks/rest/webhook {sender, message}.

The answer is a list of messages, each with `text` and optionally `buttons`
(`{title, payload}`), `image` or `custom`; see Rasa's "Your Own Website" channel docs.
"""

from __future__ import annotations

import uuid

from botaudit.conversation.connectors.base import BotReply, Connector, Conversation, ProtocolError
from botaudit.conversation.connectors.http import PoliteClient
from botaudit.conversation_config import Politeness, RasaConnector, expand_env

WEBHOOK = "/webhooks/rest/webhook"


def read_rasa(data: object, url: str) -> BotReply:
    """Texts, button titles and links from Rasa's list of messages."""
    if not isinstance(data, list):
        raise ProtocolError(f"{url}: expected a JSON list of messages, got {type(data).__name__}")
    reply = BotReply()
    for message in data:
        if not isinstance(message, dict):
            raise ProtocolError(f"{url}: a message in the reply is not a JSON object")
        if isinstance(message.get("text"), str) and message["text"].strip():
            reply.texts.append(message["text"].strip())
        for button in message.get("buttons") or []:
            if isinstance(button, dict) and isinstance(button.get("title"), str):
                reply.buttons.append(button["title"])
                payload = button.get("payload") or button.get("url")
                if isinstance(payload, str) and payload.startswith(("http://", "https://")):
                    reply.links.append(payload)
        if isinstance(message.get("image"), str):
            reply.links.append(message["image"])
    return reply


class RasaConversation(Conversation):
    def __init__(self, bot: RasaBot) -> None:
        super().__init__(bot.politeness)
        self.bot = bot
        self.sender = f"botaudit-{uuid.uuid4().hex[:16]}"

    async def _exchange(self, text: str) -> BotReply:
        url = self.bot.endpoint
        data = await self.bot.http.json("POST", url, json={"sender": self.sender, "message": text})
        return read_rasa(data, url)


class RasaBot(Connector):
    kind = "rasa"

    def __init__(self, spec: RasaConnector, politeness: Politeness) -> None:
        super().__init__(politeness)
        self.spec = spec
        headers = {
            k: expand_env(v, f"conversation.connector.headers.{k}") for k, v in spec.headers.items()
        }
        self.http = PoliteClient(politeness, headers)

    @property
    def endpoint(self) -> str:
        return self.spec.url.rstrip("/") + WEBHOOK

    async def start(self) -> Conversation:
        return RasaConversation(self)

    async def aclose(self) -> None:
        await self.http.aclose()
