"""Read the pages the widget links to (privacy notice, accessibility statement, about page).

Only links to the audited page's own host are fetched, through the browser context's
request client (the page's cookies, no new hosts contacted); others are recorded with
their text and address only. Pages are reduced to text with the standard library's HTML
parser, masked and capped: a check needs a few sentences, not the site.
"""

from __future__ import annotations

from html.parser import HTMLParser
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError

from botaudit.evidence.linked_pages import LinkedPage, LinkedPages
from botaudit.evidence.text import MAX_MESSAGE_CHARS, capped
from botaudit.gather.step_base import NoParams, RunContext, step

MAX_PAGES = 10
FETCH_TIMEOUT_MS = 10_000


class _Text(HTMLParser):
    """The visible text and title of an HTML page (scripts and styles left out)."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.title = ""
        self._skip = 0
        self._in_title = False

    def handle_starttag(self, tag: str, attrs: object) -> None:
        self._skip += tag in ("script", "style", "noscript", "template")
        self._in_title = self._in_title or tag == "title"

    def handle_endtag(self, tag: str) -> None:
        self._skip -= tag in ("script", "style", "noscript", "template") and self._skip > 0
        self._in_title = self._in_title and tag != "title"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data.strip()
        elif not self._skip and data.strip():
            self.parts.append(data.strip())


def page_text(html: str) -> tuple[str, str]:
    """(title, text) of an HTML document."""
    parser = _Text()
    parser.feed(html)
    parser.close()
    return parser.title, "\n".join(parser.parts)


@step(
    "read_linked_pages",
    NoParams,
    LinkedPages,
    "Read the widget's links and the text of the pages they lead to on the same site.",
)
async def read_linked_pages(ctx: RunContext, _: NoParams) -> LinkedPages:
    view = await ctx.driver.view()
    host = urlsplit(ctx.page.url).hostname
    pages = []
    for link in view.links[:MAX_PAGES]:
        page = LinkedPage(text=ctx.mask(link.text), href=ctx.mask(link.href))
        target = urlsplit(link.href)
        if target.scheme not in ("http", "https") or target.hostname != host:
            page.error = "not on the audited site: not read"
        else:
            page = await _read(ctx, link.href, page)
        pages.append(page)
    return LinkedPages(pages=pages)


async def _read(ctx: RunContext, href: str, page: LinkedPage) -> LinkedPage:
    try:
        response = await ctx.context.request.get(href, timeout=FETCH_TIMEOUT_MS)
        body = await response.text()
    except (PlaywrightError, UnicodeDecodeError) as exc:
        page.error = f"could not be read: {str(exc).strip().splitlines()[0][:200]}"
        return page
    page.status = response.status
    if not response.ok:
        page.error = f"the server answered {response.status}"
        return page
    title, text = page_text(body)
    page.title = capped(ctx.mask(title), 300)
    page.page_text = capped(ctx.mask(text), 2 * MAX_MESSAGE_CHARS)
    return page
