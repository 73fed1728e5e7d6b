"""An httpx client that is gentle with production bots and explains every failure.

Timeouts on every request; retries with exponential backoff on connection errors and 5xx;
a 429 waits for its Retry-After (up to a limit); a User-Agent that names botaudit so the
city's operators can see who is asking. Error sentences never include header values,
so a token cannot leak into the evidence through an error message.
"""

from __future__ import annotations

import asyncio
import json
from email.utils import parsedate_to_datetime
from typing import Any

import httpx

from botaudit import __version__
from botaudit.conversation.connectors.base import ProtocolError
from botaudit.conversation_config import Politeness

USER_AGENT = f"botaudit/{__version__} (public-service chatbot audit; +https://github.com/botaudit)"


def retry_after_s(response: httpx.Response) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date)."""
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        from datetime import UTC, datetime

        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


class PoliteClient:
    """httpx.AsyncClient with botaudit's politeness rules."""

    def __init__(self, politeness: Politeness, headers: dict[str, str] | None = None) -> None:
        self.politeness = politeness
        self.client = httpx.AsyncClient(
            timeout=politeness.timeout_s,
            headers={"User-Agent": USER_AGENT, **(headers or {})},
            follow_redirects=True,
        )

    async def aclose(self) -> None:
        await self.client.aclose()

    async def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        """A response with status < 400, or a ProtocolError saying why not."""
        rules = self.politeness
        delay = rules.backoff_s
        last = ""
        for attempt in range(rules.retries + 1):
            final = attempt == rules.retries
            try:
                response = await self.client.request(method, url, **kwargs)
            except httpx.TimeoutException:
                last = f"no answer within {rules.timeout_s:g} s (timeout)"
            except httpx.TransportError as exc:
                last = f"cannot connect ({type(exc).__name__})"
            else:
                if response.status_code == 429:
                    wait = retry_after_s(response)
                    last = "rate-limited (HTTP 429" + (
                        f", Retry-After {wait:g} s)" if wait is not None else ")"
                    )
                    if wait is not None and wait > rules.max_retry_after_s:
                        raise ProtocolError(
                            f"{url}: {last}, longer than politeness.max_retry_after_s; "
                            "try again later"
                        )
                    if not final:
                        await asyncio.sleep(wait if wait is not None else delay)
                        delay *= 2
                        continue
                    break
                if response.status_code >= 500:
                    last = f"server error HTTP {response.status_code}"
                elif response.status_code >= 400:
                    raise ProtocolError(
                        f"{url} answered HTTP {response.status_code}; check the connector's "
                        "URL, method and credentials"
                    )
                else:
                    return response
            if not final:
                await asyncio.sleep(delay)
                delay *= 2
        tries = rules.retries + 1
        raise ProtocolError(f"{url}: {last} (after {tries} attempt{'s' * (tries > 1)})")

    async def json(self, method: str, url: str, **kwargs: Any) -> Any:
        """The response's JSON, or a ProtocolError if it is not JSON."""
        response = await self.request(method, url, **kwargs)
        return parse_json(response, url)


def parse_json(response: httpx.Response, url: str) -> Any:
    try:
        return json.loads(response.content)
    except ValueError as exc:
        raise ProtocolError(
            f"{url} answered HTTP {response.status_code} but the body is not valid JSON "
            f"({exc.__class__.__name__} at position {getattr(exc, 'pos', '?')})"
        ) from None
