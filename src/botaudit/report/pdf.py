"""The PDF: the HTML report printed by Chromium, A4, with page numbers.

Printing the very HTML report keeps one rendering path (what the PDF shows is what the HTML
shows); the footer with the title and "page x / y" is the report's own print CSS (`@page`
margin boxes), so a browser's own print shows it too, and Chromium does not render a
separate footer document for every page. JavaScript is off in the printing page, so
nothing a chatbot wrote can run, and the context is offline. An audit prints with the
browser it gathered with, still open (a `BrowserRunner`): starting another would cost a
second on every audit. A re-report has no browser open and starts one of its own.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from concurrent.futures import Future
from pathlib import Path
from typing import Protocol, TypeVar

from playwright.async_api import Browser, Page, async_playwright

from botaudit.browser import launch_options
from botaudit.loop import run_blocking

T = TypeVar("T")

MARGIN = {"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}
# Hidden on screen, so that loading the report lays nothing out: the print lays the whole
# report out for its pages anyway (traced: a screen layout first cost about 0.15 s more for
# the 31-page report, and the PDF is byte for byte the same without it).
SCREEN_HIDDEN = "<style>@media screen { html { display: none !important; } }</style>"


class BrowserRunner(Protocol):
    """An open browser to print with (the audit's `BrowserSession`)."""

    def submit(self, work: Callable[[Browser], Awaitable[T]]) -> Future[T]: ...


async def _open_page(browser: Browser) -> Page:
    context = await browser.new_context(java_script_enabled=False, offline=True)
    return await context.new_page()


async def _print_on(page: Page, html: Path, pdf: Path) -> None:
    """Print `html` given as content, never as a file: a browser on another machine could
    not open this machine's file, and the report is self-contained (its images are data:
    URIs, its links #fragments), so the content is the whole document."""
    shown = html.read_text(encoding="utf-8").replace("</head>", SCREEN_HIDDEN + "</head>", 1)
    try:
        await page.set_content(shown, wait_until="load")
        await page.pdf(path=str(pdf), format="A4", print_background=True, margin=MARGIN)
    finally:
        await page.context.close()


class Printer:
    """Prints the report with the audit's open browser, beside the audit's own work.

    Its page opens as soon as the printer is made, in the background (an audit makes it
    before gathering, so the page is ready by the end); printing starts once report.html
    is written and runs while the other files are. A printer that never prints (a failed
    audit) leaves its page to the end of the session, which closes the browser with it.
    """

    def __init__(self, runner: BrowserRunner) -> None:
        self._runner = runner
        self._page = runner.submit(_open_page)
        self._printing: Future[None] | None = None

    def start(self, html: Path) -> None:
        """Print `html` to the PDF beside it (A4; the footer is the report's print CSS), in
        the background; `result` waits for it."""
        pdf = html.with_suffix(".pdf")

        async def printed(_: Browser) -> None:
            page = await asyncio.wrap_future(self._page)
            await _print_on(page, html, pdf)

        self._printing = self._runner.submit(printed)
        self._pdf = pdf

    def result(self) -> Path:
        """The printed PDF's path, once printed; the print's error if it failed."""
        if self._printing is None:
            raise RuntimeError("nothing was given to print")
        self._printing.result()
        return self._pdf


async def _launch_and_print(html: Path, pdf: Path, executable: str | None) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options(executable))  # type: ignore[arg-type]
        try:
            await _print_on(await _open_page(browser), html, pdf)
        finally:
            await browser.close()


def write_pdf(html: Path, pdf: Path, executable: str | None = None) -> Path:
    """Print `html` to `pdf` in a browser of its own (a re-report has none open)."""
    run_blocking(_launch_and_print(html, pdf, executable))
    return pdf
