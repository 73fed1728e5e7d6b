"""Serve a real npm chat widget (flowise-embed) with a tiny fake backend on 127.0.0.1.

botaudit must be shown to work on a widget we did not write. This module serves
`tests/fixtures/npm_widget/index.html`, the widget's own built files from that folder's
`node_modules` (no CDN: the audit machine reaches no CDN), and the few Flowise API routes
the widget calls. The backend keeps nothing: no log of request bodies, no store; each
answer is computed from the one message it is given.
"""

from __future__ import annotations

import json
import mimetypes
import re
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

FIXTURE_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "npm_widget"
PACKAGE_DIR = FIXTURE_DIR / "node_modules" / "flowise-embed"
DIST_DIR = PACKAGE_DIR / "dist"
AUDIT_CONFIG = FIXTURE_DIR / "audit.yaml"
INSTALL_COMMAND = "npm ci --prefix tests/fixtures/npm_widget"

# The id the page gives the widget; any string works, the fake backend accepts all.
CHATFLOW_ID = "example-city"

HANDOFF_REPLY = (
    "I can't connect you to a person in this chat. You can call our customer service at "
    "+358 9 310 1111 (Mon–Fri 8–16) or visit the City Hall service point."
)
GENERIC_REPLY = (
    "Thank you for your question. I can help with general information about Example City's "
    "services, such as waste collection, libraries and parking."
)
_HANDOFF_WORDS = re.compile(r"\b(human|person|agent|customer service)\b", re.IGNORECASE)


class WidgetNotInstalled(RuntimeError):
    """The widget's npm packages are missing: the fixture cannot be served."""


def reply_to(question: str) -> str:
    """The fake bot's answer: a concrete human channel when asked for a person."""
    return HANDOFF_REPLY if _HANDOFF_WORDS.search(question) else GENERIC_REPLY


class _Handler(BaseHTTPRequestHandler):
    """Static files plus the Flowise routes the widget calls, all in memory."""

    server_version = "npm-widget-fixture"

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: a request line can carry typed text and must not be kept anywhere."""

    def _send(self, status: int, body: bytes, content_type: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self.wfile.write(body)

    def _send_json(self, payload: object, status: int = 200) -> None:
        self._send(status, json.dumps(payload).encode(), "application/json; charset=utf-8")

    def _send_file(self, path: Path) -> None:
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        if content_type.startswith("text/") or content_type.endswith("javascript"):
            content_type += "; charset=utf-8"
        self._send(200, path.read_bytes(), content_type)

    def do_GET(self) -> None:
        path = urlsplit(self.path).path
        if path in ("/", "/index.html"):
            self._send_file(FIXTURE_DIR / "index.html")
        elif path == "/favicon.ico":
            self._send(204, b"", "image/x-icon")
        elif path.startswith("/widget/"):
            target = (DIST_DIR / path.removeprefix("/widget/")).resolve()
            if target.is_file() and target.is_relative_to(DIST_DIR.resolve()):
                self._send_file(target)
            else:
                self._send(404, b"not found", "text/plain")
        elif path.startswith("/api/v1/chatflows-streaming/"):
            # Non-streaming: the widget then POSTs and waits for one JSON answer.
            self._send_json({"isStreaming": False})
        elif path.startswith("/api/v1/public-chatbotConfig/"):
            self._send_json({})
        else:
            self._send(404, b"not found", "text/plain")

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        length = int(self.headers.get("Content-Length") or 0)
        raw = self.rfile.read(length) if length else b""
        if not path.startswith("/api/v1/prediction/"):
            self._send(404, b"not found", "text/plain")
            return
        try:
            body = json.loads(raw or b"{}")
        except json.JSONDecodeError:
            self._send_json({"error": "invalid JSON"}, status=400)
            return
        question = str(body.get("question") or "")
        chat_id = str(body.get("chatId") or "fixture-chat")
        self._send_json({"text": reply_to(question), "chatId": chat_id})


@contextmanager
def npm_widget_server() -> Iterator[str]:
    """Serve the fixture on 127.0.0.1 at a free port; yield its base URL ending in '/'.

    Raises WidgetNotInstalled when `npm ci` has not been run for the fixture.
    """
    if not (DIST_DIR / "web.js").is_file():
        raise WidgetNotInstalled(
            f"The npm widget fixture is not installed ({DIST_DIR} is missing). "
            f"Run: {INSTALL_COMMAND}"
        )
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="npm-widget", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
