"""Microsoft Bot Framework Direct Line 3.0 (Azure Bot Service, Power Virtual Agents /
Copilot Studio): start a conversation, post a message activity, poll the activities and
wait until the bot has finished replying.

The secret (or token) comes only from the environment variable named in the config; the
conversation's own token is used after the start, and neither is ever recorded.
"""

from __future__ import annotations

import asyncio
import os
import time
from typing import Any

from botaudit.conversation.connectors.base import BotReply, Connector, Conversation, ProtocolError
from botaudit.conversation.connectors.http import PoliteClient
from botaudit.conversation_config import DirectLineConnector, Politeness


def read_activities(activities: list[Any], user_id: str) -> tuple[BotReply, bool]:
    """Texts, buttons and links of the bot's message activities; and whether it is typing."""
    reply, typing = BotReply(), False
    for activity in activities:
        if not isinstance(activity, dict) or (activity.get("from") or {}).get("id") == user_id:
            continue
        if activity.get("type") == "typing":
            typing = True
            continue
        if activity.get("type") != "message":
            continue
        typing = False
        if isinstance(activity.get("text"), str) and activity["text"].strip():
            reply.texts.append(activity["text"].strip())
        actions = list((activity.get("suggestedActions") or {}).get("actions") or [])
        for attachment in activity.get("attachments") or []:
            content = attachment.get("content") if isinstance(attachment, dict) else None
            if isinstance(content, dict):
                for key in ("title", "text"):
                    if isinstance(content.get(key), str) and content[key].strip():
                        reply.texts.append(content[key].strip())
                actions += content.get("buttons") or []
        for action in actions:
            if isinstance(action, dict) and isinstance(action.get("title"), str):
                reply.buttons.append(action["title"])
                if action.get("type") == "openUrl" and isinstance(action.get("value"), str):
                    reply.links.append(action["value"])
    return reply, typing


class DirectLineConversation(Conversation):
    def __init__(self, bot: DirectLineBot, conversation_id: str, token: str) -> None:
        super().__init__(bot.politeness)
        self.bot = bot
        self.url = f"{bot.endpoint}/conversations/{conversation_id}/activities"
        self.headers = {"Authorization": f"Bearer {token}"}
        self.watermark: str | None = None

    async def _poll(self) -> list[Any]:
        params = {"watermark": self.watermark} if self.watermark else None
        data = await self.bot.http.json("GET", self.url, headers=self.headers, params=params)
        if not isinstance(data, dict) or not isinstance(data.get("activities"), list):
            raise ProtocolError(f"{self.url}: the reply has no 'activities' list")
        if data.get("watermark") is not None:
            self.watermark = str(data["watermark"])
        return data["activities"]

    async def _exchange(self, text: str) -> BotReply:
        spec = self.bot.spec
        activity = {"type": "message", "from": {"id": spec.user_id}, "text": text}
        await self.bot.http.json("POST", self.url, headers=self.headers, json=activity)
        deadline = time.monotonic() + self.bot.politeness.timeout_s
        seen: list[Any] = []
        quiet_since: float | None = None
        while time.monotonic() < deadline:
            new = await self._poll()
            seen += new
            reply, typing = read_activities(seen, spec.user_id)
            now = time.monotonic()
            if new or typing or quiet_since is None:
                quiet_since = now if (reply.texts or reply.buttons) and not typing else None
            elif now - quiet_since >= spec.settle_s:
                return reply
            await asyncio.sleep(spec.poll_interval_s)
        reply, _ = read_activities(seen, spec.user_id)
        if reply.texts or reply.buttons:
            return reply
        raise ProtocolError(
            f"{self.url}: the bot sent no message within {self.bot.politeness.timeout_s:g} s"
        )

    async def close(self) -> None:
        end = {"type": "endOfConversation", "from": {"id": self.bot.spec.user_id}}
        await self.bot.http.request("POST", self.url, headers=self.headers, json=end)


class DirectLineBot(Connector):
    kind = "directline"

    def __init__(self, spec: DirectLineConnector, politeness: Politeness) -> None:
        super().__init__(politeness)
        self.spec = spec
        self.http = PoliteClient(politeness)

    @property
    def endpoint(self) -> str:
        return self.spec.url.rstrip("/")

    async def start(self) -> Conversation:
        secret = os.environ.get(self.spec.secret_env, "")
        url = f"{self.endpoint}/conversations"
        data = await self.http.json("POST", url, headers={"Authorization": f"Bearer {secret}"})
        if not isinstance(data, dict) or not isinstance(data.get("conversationId"), str):
            raise ProtocolError(f"{url}: the reply has no conversationId")
        return DirectLineConversation(self, data["conversationId"], data.get("token") or secret)

    async def aclose(self) -> None:
        await self.http.aclose()
