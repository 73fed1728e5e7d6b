"""One interface for every way of talking to a bot, and the politeness all of them share.

A connector opens conversations; a conversation sends one message and returns the bot's
whole reply (texts, buttons, links). Anything that goes wrong on the wire becomes a
`ProtocolError` with a sentence saying what happened: the runner records it as an
explained *inconclusive*, never a crash.
"""

from __future__ import annotations

import asyncio
import time
from abc import ABC, abstractmethod
from dataclasses import dataclass, field
from types import TracebackType

from botaudit.conversation_config import Politeness


class ProtocolError(Exception):
    """The bot could not be asked or its answer could not be read; the text says why."""


@dataclass
class BotReply:
    """Everything the bot said in answer to one message."""

    texts: list[str] = field(default_factory=list)
    buttons: list[str] = field(default_factory=list)
    links: list[str] = field(default_factory=list)


class Pacer:
    """At most one message per `min_interval_s` in one conversation."""

    def __init__(self, min_interval_s: float) -> None:
        self.min_interval_s = min_interval_s
        self._last: float | None = None

    async def wait(self) -> None:
        if self._last is not None:
            remaining = self._last + self.min_interval_s - time.monotonic()
            if remaining > 0:
                await asyncio.sleep(remaining)
        self._last = time.monotonic()


class Conversation(ABC):
    """One conversation with the bot (its own session)."""

    def __init__(self, politeness: Politeness) -> None:
        self._pacer = Pacer(politeness.min_interval_s)

    async def send(self, text: str) -> BotReply:
        """Send `text` (paced) and return the bot's complete reply."""
        await self._pacer.wait()
        reply = await self._exchange(text)
        if not (reply.texts or reply.buttons):
            raise ProtocolError("the bot's reply held no text and no buttons")
        return reply

    @abstractmethod
    async def _exchange(self, text: str) -> BotReply: ...

    async def close(self) -> None:  # noqa: B027 - most protocols need no explicit end
        """End the conversation where the protocol has a way to."""


class Connector(ABC):
    """Opens conversations with one bot; an async context manager around its resources."""

    kind: str = ""

    def __init__(self, politeness: Politeness) -> None:
        self.politeness = politeness

    @property
    @abstractmethod
    def endpoint(self) -> str:
        """Where the bot is reached, without secrets (recorded in the evidence)."""

    @abstractmethod
    async def start(self) -> Conversation: ...

    async def __aenter__(self) -> Connector:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:  # noqa: B027 - optional hook
        """Release clients, browsers."""
