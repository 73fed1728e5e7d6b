"""The PDF: the HTML report printed by Chromium, A4, with page numbers.

Printing the very HTML file keeps one rendering path (what the PDF shows is what the HTML
shows); the footer with the title and "page x / y" is the report's own print CSS (`@page`
margin boxes), so a browser's own print shows it too, and Chromium does not render a
separate footer document for every page. JavaScript is off in the printing page, so
nothing a chatbot wrote can run, and the context is offline. An audit prints with the
browser it gathered with, still open (a `BrowserRunner`): starting another would cost a
second on every audit. A re-report has no browser open and starts one of its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Protocol, TypeVar

from playwright.async_api import Browser, async_playwright

from botaudit.browser import launch_options
from botaudit.loop import run_blocking

T = TypeVar("T")


class BrowserRunner(Protocol):
    """An open browser to print with (the audit's `BrowserSession`)."""

    @property
    def remote(self) -> bool: ...

    def with_browser(self, work: Callable[[Browser], Awaitable[T]]) -> T: ...


async def _print(browser: Browser, html: Path, pdf: Path, inline: bool) -> None:
    context = await browser.new_context(java_script_enabled=False, offline=True)
    try:
        page = await context.new_page()
        if inline:  # a browser on another machine cannot open this machine's file
            await page.set_content(html.read_text(encoding="utf-8"), wait_until="load")
        else:
            await page.goto(html.resolve().as_uri(), wait_until="load")
        # No emulate_media("print"): printing renders with print media already.
        await page.pdf(
            path=str(pdf),
            format="A4",
            print_background=True,
            margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
        )
    finally:
        await context.close()


async def _launch_and_print(html: Path, pdf: Path, executable: str | None) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options(executable))  # type: ignore[arg-type]
        try:
            await _print(browser, html, pdf, inline=False)
        finally:
            await browser.close()


def write_pdf(
    html: Path, pdf: Path, executable: str | None = None, runner: BrowserRunner | None = None
) -> Path:
    """Print `html` to `pdf` (A4; the footer is the report's print CSS); return its path."""
    if runner is not None:
        runner.with_browser(lambda browser: _print(browser, html, pdf, runner.remote))
    else:
        run_blocking(_launch_and_print(html, pdf, executable))
    return pdf
