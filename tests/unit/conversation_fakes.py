"""Fake bot servers on 127.0.0.1, one per protocol, that misbehave on request.

`mode` decides every answer: "ok", "timeout" (answers after the client gave up), "500",
"malformed" (HTTP 200, not JSON), "429" (always rate-limited, Retry-After: 1),
"429-once" (rate-limited once, then fine), "nomatch" (valid JSON the reply path misses).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

ANSWER = "Pääkirjasto on auki ma–to klo 10–20."


class FakeBot(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, protocol: str, mode: str) -> None:
        self.protocol, self.mode = protocol, mode
        self.requests: list[tuple[str, str, dict[str, str], Any]] = []
        self.limited = False
        self.activities: list[dict[str, Any]] = []
        super().__init__(("127.0.0.1", 0), _Handler)
        self.thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server_address[1]}"

    def __enter__(self) -> FakeBot:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.shutdown()
        self.server_close()

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that gave up (its timeout) breaks the pipe: the fake bot stays quiet,
        so that a traceback in the captured output can only come from botaudit."""


class _Handler(BaseHTTPRequestHandler):
    server: FakeBot

    def log_message(self, format: str, *args: Any) -> None:
        pass

    def _reply(self, status: int, body: bytes, **headers: str) -> None:
        self.send_response(status)
        for name, value in {"Content-Type": "application/json", **headers}.items():
            self.send_header(name.replace("_", "-"), value)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _misbehave(self) -> bool:
        mode = self.server.mode
        if mode == "timeout":
            time.sleep(1.5)
        if mode == "500":
            self._reply(500, b'{"error": "boom"}')
        elif mode == "malformed":
            self._reply(200, b"<html>not json")
        elif mode == "429" or (mode == "429-once" and not self.server.limited):
            self.server.limited = True
            self._reply(429, b"{}", Retry_After="1")
        else:
            return False
        return True

    def do_GET(self) -> None:
        self.server.requests.append(("GET", self.path, dict(self.headers), None))
        if self._misbehave():
            return
        # Direct Line polling: the bot types, then answers.
        body = {"activities": self.server.activities, "watermark": str(len(self.server.activities))}
        self.server.activities = []
        self._reply(200, json.dumps(body).encode())

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        payload = json.loads(self.rfile.read(length) or b"null")
        self.server.requests.append(("POST", self.path, dict(self.headers), payload))
        if self._misbehave():
            return
        protocol, nomatch = self.server.protocol, self.server.mode == "nomatch"
        if protocol == "rest":
            body: Any = {"other": []} if nomatch else {"messages": [{"text": ANSWER}]}
        elif protocol == "rasa":
            body = {"not": "a list"} if nomatch else [
                {"recipient_id": payload["sender"], "text": ANSWER,
                 "buttons": [{"title": "Aukioloajat", "payload": "https://kirjasto.example/"}]}
            ]  # fmt: skip
        elif protocol == "openai":
            body = {"choices": []} if nomatch else {
                "choices": [{"message": {"role": "assistant", "content": ANSWER}}]
            }  # fmt: skip
        elif self.path.endswith("/conversations"):
            body = {"conversationId": "c1", "token": "conversation-token"}
            self._reply(201, json.dumps(body).encode())
            return
        else:  # a Direct Line activity
            if payload.get("type") == "message" and not nomatch:
                bot = {"id": "bot"}
                self.server.activities += [
                    {"type": "message", "from": payload["from"], "text": payload["text"]},
                    {"type": "typing", "from": bot},
                    {"type": "message", "from": bot, "text": ANSWER,
                     "suggestedActions": {"actions": [{"type": "openUrl", "title": "Kirjasto",
                                                       "value": "https://kirjasto.example/"}]}},
                ]  # fmt: skip
            body = {"id": "a1"}
        self._reply(200, json.dumps(body).encode())
