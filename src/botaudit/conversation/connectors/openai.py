"""OpenAI-compatible chat completions (OpenAI, Azure OpenAI's v1 API, vLLM, Ollama, …),
for LLM-based municipal bots: POST {base_url}/chat/completions with the conversation so
far. The key comes only from the environment variable named in the config.
"""

from __future__ import annotations

import os

from botaudit.conversation.connectors.base import BotReply, Connector, Conversation, ProtocolError
from botaudit.conversation.connectors.http import PoliteClient
from botaudit.conversation_config import OpenAIConnector, Politeness


class ChatConversation(Conversation):
    def __init__(self, bot: OpenAIBot) -> None:
        super().__init__(bot.politeness)
        self.bot = bot
        prompt = bot.spec.system_prompt
        self.messages = [{"role": "system", "content": prompt}] if prompt else []

    async def _exchange(self, text: str) -> BotReply:
        spec, url = self.bot.spec, self.bot.endpoint
        self.messages.append({"role": "user", "content": text})
        body = {
            "model": spec.model,
            "messages": self.messages,
            "temperature": spec.temperature,
            "max_tokens": spec.max_tokens,
        }
        data = await self.bot.http.json("POST", url, json=body)
        try:
            content = data["choices"][0]["message"]["content"]
        except (KeyError, IndexError, TypeError):
            raise ProtocolError(f"{url}: the reply has no choices[0].message.content") from None
        if not isinstance(content, str) or not content.strip():
            raise ProtocolError(f"{url}: the model's message is empty")
        self.messages.append({"role": "assistant", "content": content})
        return BotReply(texts=[content.strip()])


class OpenAIBot(Connector):
    kind = "openai"

    def __init__(self, spec: OpenAIConnector, politeness: Politeness) -> None:
        super().__init__(politeness)
        self.spec = spec
        key = os.environ.get(spec.api_key_env, "") if spec.api_key_env else ""
        self.http = PoliteClient(politeness, {"Authorization": f"Bearer {key}"} if key else None)

    @property
    def endpoint(self) -> str:
        return self.spec.base_url.rstrip("/") + "/chat/completions"

    async def start(self) -> Conversation:
        return ChatConversation(self)

    async def aclose(self) -> None:
        await self.http.aclose()
