"""The PDF: the HTML report printed by Chromium, A4, with page numbers.

Printing the very HTML file keeps one rendering path (what the PDF shows is what the HTML
shows). JavaScript is off in the printing page, so nothing a chatbot wrote can run, and
the context is offline. An audit prints with the browser it gathered with, still open
(a `BrowserRunner`): starting another would cost a second on every audit. A re-report has
no browser open and starts one of its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Protocol, TypeVar

from markupsafe import escape
from playwright.async_api import Browser, async_playwright

from botaudit.browser import launch_options
from botaudit.loop import run_blocking
from botaudit.messages import message

T = TypeVar("T")

_FOOTER = (
    '<div style="font-size:8px;width:100%;padding:0 14mm;display:flex;'
    'justify-content:space-between;color:#333;font-family:sans-serif">'
    '<span>{title}</span><span>{page} <span class="pageNumber"></span> / '
    '<span class="totalPages"></span></span></div>'
)


class BrowserRunner(Protocol):
    """An open browser to print with (the audit's `BrowserSession`)."""

    @property
    def remote(self) -> bool: ...

    def with_browser(self, work: Callable[[Browser], Awaitable[T]]) -> T: ...


async def _print(browser: Browser, html: Path, pdf: Path, footer: str, inline: bool) -> None:
    context = await browser.new_context(java_script_enabled=False, offline=True)
    try:
        page = await context.new_page()
        if inline:  # a browser on another machine cannot open this machine's file
            await page.set_content(html.read_text(encoding="utf-8"), wait_until="load")
        else:
            await page.goto(html.resolve().as_uri(), wait_until="load")
        await page.emulate_media(media="print")
        await page.pdf(
            path=str(pdf),
            format="A4",
            print_background=True,
            display_header_footer=True,
            header_template="<span></span>",
            footer_template=footer,
            margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
        )
    finally:
        await context.close()


async def _launch_and_print(html: Path, pdf: Path, footer: str, executable: str | None) -> None:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(**launch_options(executable))  # type: ignore[arg-type]
        try:
            await _print(browser, html, pdf, footer, inline=False)
        finally:
            await browser.close()


def write_pdf(
    html: Path,
    pdf: Path,
    title: str,
    language: str,
    executable: str | None = None,
    runner: BrowserRunner | None = None,
) -> Path:
    """Print `html` to `pdf` (A4, page x / y in the footer) and return the PDF's path."""
    footer = _FOOTER.format(title=escape(title), page=escape(message("pdf.page", language)))
    if runner is not None:
        runner.with_browser(lambda browser: _print(browser, html, pdf, footer, runner.remote))
    else:
        run_blocking(_launch_and_print(html, pdf, footer, executable))
    return pdf
