"""Where the browser comes from: launched here, or a remote Playwright browser server.

A national audit of hundreds of municipal chatbots runs on an existing browser grid rather
than on one machine: `browser.connect: ws://…` in the config, or the BOTAUDIT_BROWSER_WS
environment variable (which wins, so CI can point any config at its grid), makes botaudit
connect to a `playwright run-server` (or a compatible grid) instead of launching Chromium.

The launch options travel in the `x-playwright-launch-options` header, as Playwright's own
clients send them. A server started without `--unsafe` keeps only the safe ones (headless,
timeout) and launches its own Chromium: the executable path and our switches (storage
partitioning on, no phoning home) are then the grid's choice, which the bundle records by
naming the endpoint instead of an executable.
"""

from __future__ import annotations

import json
import os

from playwright.async_api import Browser, Playwright
from playwright.async_api import Error as PlaywrightError

from botaudit.browser import ENV_VAR, LAUNCH_ARGS, launch_options
from botaudit.config import BrowserSettings
from botaudit.messages import LocalisedError, msg

WS_ENV_VAR = "BOTAUDIT_BROWSER_WS"


def endpoint(settings: BrowserSettings) -> str | None:
    """The browser server to connect to, or None to launch Chromium here."""
    return os.environ.get(WS_ENV_VAR) or settings.connect


def remote_launch_options(settings: BrowserSettings) -> dict[str, object]:
    """Launch options for the server, in Playwright's camelCase wire form.

    The executable is passed only when named explicitly (env var or config): a path that
    exists here says nothing about the grid's machines, so nothing is looked up locally.
    """
    options: dict[str, object] = {"headless": settings.headless, "args": list(LAUNCH_ARGS)}
    executable = os.environ.get(ENV_VAR) or settings.executable
    if executable:
        options["executablePath"] = executable
    return options


async def open_browser(
    playwright: Playwright, settings: BrowserSettings, timeout_s: float
) -> tuple[Browser, str]:
    """Launch or connect; returns the browser and what to record as its executable."""
    ws = endpoint(settings)
    try:
        if ws:
            header = json.dumps(remote_launch_options(settings))
            browser = await playwright.chromium.connect(
                ws,
                timeout=timeout_s * 1000,
                headers={"x-playwright-launch-options": header},
            )
            return browser, f"remote: {ws}"
        options = launch_options(settings.executable, settings.headless)
        browser = await playwright.chromium.launch(**options)  # type: ignore[arg-type]
        return browser, str(options.get("executable_path", "playwright"))
    except PlaywrightError as exc:
        error = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if ws:
            raise LocalisedError(msg("gather.connect", endpoint=ws, error=error)) from exc
        raise LocalisedError(msg("gather.chromium", error=error)) from exc
