"""A local demo chatbot to audit, on the Python standard library only.

Tests, tutorials and `botaudit demo-server` need a chat widget that behaves like a real one
(closed launcher, typing indicator, streamed replies, browser storage) without touching any
outside service. The server binds to 127.0.0.1 by default, keeps no conversation text, and
never logs requests: the bodies carry (synthetic, but in real use personal) data.
"""

from __future__ import annotations

import html
import json
import random
import threading
import time
from functools import cache
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from string import Template
from typing import Any
from urllib.parse import parse_qs, urlsplit

from botaudit.demo.answers import API_PATH, RASA_PATH, Answerer, service_page
from botaudit.demo.profiles import (
    LOCATION_WORDS,
    PROFILES,
    Deployment,
    InfoPage,
    Message,
    Pacing,
    Profile,
    demo_config,
    get_profile,
)

__all__ = ["PROFILES", "DemoServer", "demo_config", "serve"]

STATIC_DIR = Path(__file__).parent / "static"
_STATIC_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".svg": "image/svg+xml",
}
_MAX_BODY = 16_384
_MAX_TEXT = 2_000
_MAX_SESSIONS = 10_000


@cache
def _page_template() -> Template:
    return Template((STATIC_DIR / "page.html").read_text(encoding="utf-8"))


def client_config(profile: Profile, deployment: str) -> dict[str, Any]:
    """What widget.js needs to know about a profile, embedded in the page as JSON."""
    storage, download = profile.storage, profile.download
    return {
        "profile": profile.name,
        "deployment": deployment,
        "api": "/api/stream" if profile.pacing else "/api/message",
        "stream": profile.pacing is not None,
        "launcher": profile.launcher,
        "header": profile.header,
        "disclosure": profile.disclosure,
        "notice": profile.notice,
        "greeting": list(profile.deployments[deployment].greeting),
        "botLabel": profile.bot_label,
        "avatar": None
        if profile.avatar_alt is None
        else {"src": profile.avatar_src, "alt": profile.avatar_alt},
        "inputLabel": profile.input_label,
        "sendText": profile.send_text,
        "analytics": profile.analytics,
        "storage": {
            "area": storage.area,
            "key": storage.key,
            "redact": storage.redaction.to_json() if storage.redaction else None,
            "cookie": storage.cookie,
        },
        "deleteNote": profile.delete_note,
        "download": None
        if download is None
        else {
            "filename": download.filename,
            "botName": download.bot_name,
            "redact": download.redaction.to_json() if download.redaction else None,
        },
        "links": [{"text": p.title, "href": path} for path, p in (profile.pages or {}).items()],
        "deleteScope": profile.delete_scope,
        "geolocation": None
        if profile.geolocation is None
        else {"when": profile.geolocation, "words": LOCATION_WORDS, "note": profile.location_note},
        "feedback": profile.feedback.to_json() if profile.feedback else None,
        "keyboard": {"launcher": profile.keyboard_launcher, "liveMessages": profile.live_messages},
    }


def render_page(profile: Profile, deployment: str, info: InfoPage | None = None) -> bytes:
    """A site page with the widget; info pages embed the main deployment's widget."""
    site: Deployment = profile.deployments[deployment]
    if info is None:
        title = site.site_name
        content = f"<h1>{html.escape(site.site_name)}</h1>\n<p>{html.escape(site.site_text)}</p>"
    else:
        title = info.title
        content = f"<h1>{html.escape(info.title)}</h1>\n" + "\n".join(
            f"<p>{html.escape(p)}</p>" for p in info.text.split("\n")
        )
    # "<" escaped so that no text in the config can close the <script> element.
    config = json.dumps(client_config(profile, deployment), ensure_ascii=False)
    page = _page_template().substitute(
        title=html.escape(title),
        site_name=html.escape(site.site_name),
        home=html.escape(site.path),
        icon=html.escape(profile.site_icon),
        content=content,
        config=config.replace("<", "\\u003c"),
    )
    return page.encode("utf-8")


EMBED_PATH = "/embedded/"


def embed_page(raw_path: str) -> bytes:
    """A host page with the chat in an iframe, to test widgets that live in frames.

    `?src=` picks the frame's URL (only loopback addresses, so the demo cannot be used to
    frame other sites); a `localhost` host page framing `127.0.0.1` is cross-origin.
    """
    src = parse_qs(urlsplit(raw_path).query).get("src", ["/"])[0]
    if not (src == "/" or src.startswith(("http://127.0.0.1:", "http://localhost:"))):
        src = "/"
    return (
        '<!doctype html><html lang="fi"><head><meta charset="utf-8">'
        "<title>Esimerkkikaupunki – upotettu chat</title></head><body>"
        "<h1>Esimerkkikaupunki</h1><p>Chat on upotettu kehykseen.</p>"
        f'<iframe id="chat-frame" title="Chat" src="{html.escape(src, quote=True)}" '
        'style="width:480px;height:760px;border:1px solid #999"></iframe></body></html>'
    ).encode()


class _DemoHTTPServer(ThreadingHTTPServer):
    """Carries the profile and the only state kept: which sessions have spoken before."""

    daemon_threads = True

    def __init__(self, address: tuple[str, int], profile: Profile) -> None:
        self.profile = profile
        self.answerer = Answerer(profile)
        self._seen: set[str] = set()
        self._lock = threading.Lock()
        super().__init__(address, _Handler)

    def is_first_message(self, session: str) -> bool:
        with self._lock:
            if session in self._seen:
                return False
            if len(self._seen) >= _MAX_SESSIONS:
                self._seen.clear()
            self._seen.add(session)
            return True


class _Handler(BaseHTTPRequestHandler):
    server: _DemoHTTPServer
    server_version = "botaudit-demo"
    sys_version = ""

    def log_message(self, format: str, *args: Any) -> None:
        """Silenced: request lines and errors could echo what a user typed."""

    def _send(self, status: HTTPStatus, body: bytes, content_type: str, **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _not_found(self) -> None:
        self._send(HTTPStatus.NOT_FOUND, b"Not found\n", "text/plain; charset=utf-8")

    def do_GET(self) -> None:
        profile = self.server.profile
        path = urlsplit(self.path).path
        pages = profile.pages or {}
        for key, site in profile.deployments.items():
            if path == site.path:
                self._send(HTTPStatus.OK, render_page(profile, key), "text/html; charset=utf-8")
                return
            if path + "/" == site.path:
                self._send(HTTPStatus.MOVED_PERMANENTLY, b"", "text/plain", Location=site.path)
                return
        if path == EMBED_PATH:
            self._send(HTTPStatus.OK, embed_page(self.path), "text/html; charset=utf-8")
        elif path in pages:
            page = render_page(profile, "main", pages[path])
            self._send(HTTPStatus.OK, page, "text/html; charset=utf-8")
        elif (service := service_page(path)) is not None:
            page = render_page(profile, "main", InfoPage(*service))
            self._send(HTTPStatus.OK, page, "text/html; charset=utf-8")
        elif path.startswith("/static/"):
            self._static(path.removeprefix("/static/"))
        else:
            self._not_found()

    do_HEAD = do_GET

    def _static(self, name: str) -> None:
        file = STATIC_DIR / name
        safe = "/" not in name and not name.startswith(".") and file.suffix in _STATIC_TYPES
        if not (safe and file.is_file()):
            self._not_found()
        else:
            self._send(HTTPStatus.OK, file.read_bytes(), _STATIC_TYPES[file.suffix])

    def do_POST(self) -> None:
        path = urlsplit(self.path).path
        profile = self.server.profile
        if path == "/collect":  # the bad profile's "analytics": discarded
            self._send(HTTPStatus.NO_CONTENT, b"", "text/plain")
            return
        streamed = ("/api/stream", "/api/greeting") if profile.pacing else ()
        if path not in (API_PATH, RASA_PATH) and path not in streamed:
            self._not_found()
            return
        rasa = path == RASA_PATH
        names = ("sender", "message") if rasa else ("session", "text")
        try:
            length = int(self.headers.get("Content-Length", "0"))
            if not 0 < length <= _MAX_BODY:
                raise ValueError("body size")
            payload = json.loads(self.rfile.read(length))
            session, text = payload[names[0]], payload.get(names[1], "")
            if not (isinstance(session, str) and isinstance(text, str)):
                raise ValueError("types")
            if not 0 < len(session) <= 100 or len(text) > _MAX_TEXT:
                raise ValueError("lengths")
            if path != "/api/greeting" and not text.strip():
                raise ValueError("empty")
        except (ValueError, KeyError, TypeError, AttributeError):
            expected = ", ".join(f'\\"{n}\\": str' for n in names)
            body = ('{"error": "expected JSON {' + expected + '}"}').encode()
            self._send(HTTPStatus.BAD_REQUEST, body, "application/json")
            return
        if path == "/api/greeting":
            site = self.headers.get("X-Deployment", "main")
            greeting = profile.deployments.get(site, profile.deployments["main"]).greeting
            self._stream([Message("bot", profile.bot_label, t) for t in greeting])
            return
        first = self.server.is_first_message(session)
        base = f"http://{self.headers.get('Host') or '127.0.0.1'}"
        replies = self.server.answerer.respond(session, text, first=first, base=base)
        if path == "/api/stream":
            self._stream(replies)
            return
        if rasa:  # Rasa's REST channel: a list of {recipient_id, text}
            data: Any = [{"recipient_id": session, "text": m.text} for m in replies]
        else:
            data = {"messages": [m.to_json() for m in replies]}
        body = json.dumps(data, ensure_ascii=False)
        self._send(HTTPStatus.OK, body.encode("utf-8"), "application/json; charset=utf-8")

    def _stream(self, messages: list[Message]) -> None:
        """One answer as newline-delimited JSON, paced like a slow bot (`Pacing`).

        The response stays open until the last part: a client sees the answer is complete
        when the response ends. HTTP/1.0 without a length: the body ends when we close.
        """
        pacing = self.server.profile.pacing or Pacing()
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "application/x-ndjson; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        self._event({"typing": True})
        time.sleep(random.uniform(*pacing.delay_s))
        first = True
        for message in messages:
            for part in pacing.parts(message.text):
                if message.sender == "agent":
                    time.sleep(pacing.agent_join_s)
                elif not first:
                    time.sleep(pacing.part_gap_s)
                first = False
                self._event({"message": {**message.to_json(), "text": part}})

    def _event(self, event: dict[str, Any]) -> None:
        self.wfile.write(json.dumps(event, ensure_ascii=False).encode("utf-8") + b"\n")
        self.wfile.flush()


class DemoServer:
    """A demo chatbot in a daemon thread: `with DemoServer("good") as url: ...`.

    Port 0 (the default) lets the OS pick a free port, so parallel tests do not collide.
    """

    def __init__(self, profile: str, host: str = "127.0.0.1", port: int = 0) -> None:
        self.profile = get_profile(profile)
        self.host = host
        self.port = port
        self._httpd: _DemoHTTPServer | None = None
        self._thread: threading.Thread | None = None

    def bind(self) -> _DemoHTTPServer:
        """Open the socket without serving yet (used by `serve` to run in the foreground)."""
        if self._httpd is not None:
            raise RuntimeError("this DemoServer is already started")
        self._httpd = _DemoHTTPServer((self.host, self.port), self.profile)
        return self._httpd

    @property
    def url(self) -> str:
        """Base URL, with a trailing slash."""
        if self._httpd is None:
            raise RuntimeError("this DemoServer is not started")
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}/"

    def start(self) -> str:
        """Serve in a daemon thread and return the base URL."""
        httpd = self.bind()
        self._thread = threading.Thread(
            target=httpd.serve_forever,
            kwargs={"poll_interval": 0.1},
            name=f"botaudit-demo-{self.profile.name}",
            daemon=True,
        )
        self._thread.start()
        return self.url

    def stop(self) -> None:
        """Stop serving and close the socket; safe to call twice."""
        httpd, thread = self._httpd, self._thread
        self._httpd = self._thread = None
        if httpd is None:
            return
        if thread is not None:
            httpd.shutdown()
            thread.join(timeout=5)
        httpd.server_close()

    def __enter__(self) -> str:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def serve(profile: str, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve a demo chatbot in the foreground until Ctrl-C (`botaudit demo-server`)."""
    server = DemoServer(profile, host, port)
    httpd = server.bind()
    base = server.url
    print(f"Demo chatbot '{profile}' at {base}  (Ctrl-C stops)", flush=True)
    for key in server.profile.deployments:
        print(f"  {key}: {demo_config(profile, base, key)['target']['url']}", flush=True)
    try:
        httpd.serve_forever(poll_interval=0.5)
    except KeyboardInterrupt:
        pass
    finally:
        httpd.server_close()
