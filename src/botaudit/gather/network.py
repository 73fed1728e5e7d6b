"""Where typed personal data travels: Blacklight's canary idea applied to a chat widget.

Every request and WebSocket frame of a scenario's browser context is kept in memory only;
the `network_traffic` step searches them for the probe values in every encoding and saves
just the hosts, counts and forms found, never a body.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from playwright.async_api import BrowserContext, Page, Request, WebSocket

from botaudit.evidence.observations import HostTraffic, NetworkTraffic
from botaudit.evidence.pii import Probe, mask_text, probe_forms_in

MAX_BODY_CHARS = 200_000


@dataclass
class Sent:
    host: str
    label: str
    content: str


@dataclass
class NetworkRecorder:
    sent: list[Sent] = field(default_factory=list)
    websocket_frames: int = 0

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self._request)
        context.on("page", self._page)

    def _page(self, page: Page) -> None:
        page.on("websocket", self._websocket)

    def _request(self, request: Request) -> None:
        try:
            body = request.post_data or ""
        except (UnicodeDecodeError, ValueError):
            body = ""
        parts = urlsplit(request.url)
        if parts.scheme not in ("http", "https"):
            return
        label = f"{request.method} {parts.path or '/'}"
        content = f"{request.url}\n{body[:MAX_BODY_CHARS]}"
        self.sent.append(Sent(parts.hostname or "", label, content))

    def _websocket(self, socket: WebSocket) -> None:
        host = urlsplit(socket.url).hostname or ""

        def frame(payload: str | bytes) -> None:
            self.websocket_frames += 1
            text = payload if isinstance(payload, str) else payload.decode("utf-8", "replace")
            self.sent.append(Sent(host, "WebSocket frame", text[:MAX_BODY_CHARS]))

        socket.on("framesent", frame)

    def summary(self, probes: list[Probe], first_party: set[str]) -> NetworkTraffic:
        """Every request recorded, by host, with the probes it carried."""
        hosts: dict[str, HostTraffic] = {}
        for item in self.sent:
            entry = hosts.setdefault(
                item.host,
                HostTraffic(host=item.host, requests=0, first_party=item.host in first_party),
            )
            entry.requests += 1
            for probe in probes:
                for form in probe_forms_in(item.content, probe):
                    if probe.kind not in entry.probes:
                        entry.probes.append(probe.kind)
                    if form not in entry.forms:
                        entry.forms.append(form)
                    entry.example = entry.example or mask_text(item.label, probes)
        return NetworkTraffic(
            first_party_hosts=sorted(first_party),
            hosts=sorted(hosts.values(), key=lambda h: h.host),
            websocket_frames=self.websocket_frames,
        )
