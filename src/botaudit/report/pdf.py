"""The PDF: the HTML report printed by the same Chromium, A4, with page numbers.

Printing the very HTML file keeps one rendering path (what the PDF shows is what the HTML
shows). JavaScript is off in the printing page, so nothing a chatbot wrote can run, and
the page is loaded from the file system with no network. Playwright's sync API cannot
run inside a running asyncio loop (pytest-playwright, an embedding app), so the print
runs in its own thread.
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from markupsafe import escape

from botaudit.browser import launch_options
from botaudit.messages import message

_FOOTER = (
    '<div style="font-size:8px;width:100%;padding:0 14mm;display:flex;'
    'justify-content:space-between;color:#333;font-family:sans-serif">'
    '<span>{title}</span><span>{page} <span class="pageNumber"></span> / '
    '<span class="totalPages"></span></span></div>'
)


def _print(html: Path, pdf: Path, footer: str, executable: str | None) -> None:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(**launch_options(executable))  # type: ignore[arg-type]
        try:
            context = browser.new_context(java_script_enabled=False, offline=True)
            page = context.new_page()
            page.goto(html.resolve().as_uri(), wait_until="load")
            page.emulate_media(media="print")
            page.pdf(
                path=str(pdf),
                format="A4",
                print_background=True,
                display_header_footer=True,
                header_template="<span></span>",
                footer_template=footer,
                margin={"top": "14mm", "bottom": "16mm", "left": "14mm", "right": "14mm"},
            )
        finally:
            browser.close()


def write_pdf(
    html: Path, pdf: Path, title: str, language: str, executable: str | None = None
) -> Path:
    """Print `html` to `pdf` (A4, page x / y in the footer) and return the PDF's path."""
    footer = _FOOTER.format(title=escape(title), page=escape(message("pdf.page", language)))
    with ThreadPoolExecutor(max_workers=1) as pool:
        pool.submit(_print, html, pdf, footer, executable).result()
    return pdf
