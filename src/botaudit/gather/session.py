"""One Playwright and one browser for a whole audit: finding the widget, gathering, printing.

Starting Playwright's driver and Chromium takes about a second, and an audit used to pay it
up to three times on its critical path (finding the widget, gathering, printing the PDF).
The session keeps them on an event loop in a thread of its own, so the synchronous pipeline
can hand it work between its stages while the browser stays open. It also makes the
library behave the same inside a running event loop (Jupyter, pytest-playwright, an async
web app): the work never runs on the caller's loop.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from types import TracebackType
from typing import TypeVar

from playwright.async_api import Browser, Playwright, async_playwright

from botaudit.config import BrowserSettings
from botaudit.gather.remote import open_browser

T = TypeVar("T")

CLOSE_WAIT_S = 10  # closing a browser that stopped answering must not hang the audit


class BrowserSession:
    """The audit's browser, opened at once in the background and kept until `close` (or
    the end of the `with`)."""

    def __init__(self, settings: BrowserSettings, timeout_s: float = 30) -> None:
        self._settings = settings
        self._timeout_s = timeout_s  # for connecting to a browser server
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(
            target=self._loop.run_forever, name="botaudit-browser", daemon=True
        )
        self._thread.start()
        self._playwright: Playwright | None = None
        self._opening: asyncio.Task[Browser] | None = None
        self._closed = False
        self.executable = ""  # what the bundle records: a path, "playwright" or "remote: …"
        # Start now, in the background: the caller's own checks (is the URL reachable?)
        # run meanwhile instead of before.
        self._loop.call_soon_threadsafe(self._opened)

    async def browser(self) -> Browser:
        """The open browser (launched or connected now if not yet, or again if it crashed);
        call on the session's loop, i.e. from work handed to `run` or `submit`."""
        return await self._opened()

    def _opened(self) -> asyncio.Task[Browser]:
        task = self._opening
        if task is None or (task.done() and (task.cancelled() or _crashed(task))):
            task = self._opening = self._loop.create_task(self._open())
        return task

    async def _open(self) -> Browser:
        if self._playwright is None:
            self._playwright = await async_playwright().start()
        browser, self.executable = await open_browser(
            self._playwright, self._settings, self._timeout_s
        )
        return browser

    def run(self, work: Awaitable[T]) -> T:
        """Run `work` on the session's loop and wait for it.

        On Ctrl-C the work is cancelled and given a moment to run its `finally` blocks
        (closing contexts, keeping what was gathered) before the interrupt goes on.
        """
        finished = threading.Event()

        async def guarded() -> T:
            try:
                return await work
            finally:
                finished.set()

        future = asyncio.run_coroutine_threadsafe(guarded(), self._loop)
        try:
            return future.result()
        except KeyboardInterrupt:
            future.cancel()
            finished.wait(CLOSE_WAIT_S)
            raise

    def submit(self, work: Callable[[Browser], Awaitable[T]]) -> Future[T]:
        """Start `work(browser)` on the session's loop and return at once: what the caller
        does meanwhile (judging, writing the report) overlaps it. Whatever is still running
        when the session closes ends with the browser."""

        async def opened() -> T:
            return await work(await self.browser())

        return asyncio.run_coroutine_threadsafe(opened(), self._loop)

    def close(self) -> None:
        if self._closed:
            return
        self._closed = True

        async def shut() -> None:
            if self._opening is not None:
                with contextlib.suppress(BaseException):  # a launch that failed: said already
                    browser = await asyncio.wait_for(self._opening, CLOSE_WAIT_S)
                    await asyncio.wait_for(browser.close(), CLOSE_WAIT_S)
            if self._playwright is not None:
                with contextlib.suppress(Exception):
                    await asyncio.wait_for(self._playwright.stop(), CLOSE_WAIT_S)

        try:
            self.run(shut())
        finally:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(CLOSE_WAIT_S)
            if not self._thread.is_alive():
                self._loop.close()

    def __enter__(self) -> BrowserSession:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()


def _crashed(opened: asyncio.Task[Browser]) -> bool:
    """The browser opened, then went away (a crash): open another. A launch that failed
    stays failed, so its error is what every later use raises."""
    return opened.exception() is None and not opened.result().is_connected()
