"""A tiny local web site for browser tests: pages and scripted (slow, streamed, hostile)
endpoints on 127.0.0.1, so that tests never depend on anything outside the machine."""

from __future__ import annotations

import threading
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import urlsplit

Handler = Callable[[BaseHTTPRequestHandler], None]
Route = str | Handler


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, routes: dict[str, Route]) -> None:
        self.routes = routes
        super().__init__(("127.0.0.1", 0), _Handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def log_message(self, format: str, *args: Any) -> None:
        """Silent: test output stays readable."""

    def _serve(self) -> None:
        route = self.server.routes.get(urlsplit(self.path).path)
        if route is None:
            self.send_error(404)
        elif isinstance(route, str):
            body = route.encode("utf-8")
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        else:
            route(self)

    do_GET = do_POST = _serve


class LocalSite:
    """`with LocalSite({"/": "<html>…", "/api": handler}) as url:` serves until the block ends."""

    def __init__(self, routes: dict[str, Route]) -> None:
        self._server = _Server(routes)
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    def __enter__(self) -> str:
        self._thread.start()
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}/"

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
