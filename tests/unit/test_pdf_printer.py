"""The PDF printer's contract with the audit's browser, on a fake browser: it prints the
file it is given to the PDF beside it, as content (a remote browser cannot open this
machine's files) hidden on screen, reports a failed print from `result`, and always closes
its context."""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Awaitable, Callable, Iterator
from concurrent.futures import Future
from pathlib import Path
from typing import Any, TypeVar

import pytest

from botaudit.report.pdf import MARGIN, SCREEN_HIDDEN, Printer

T = TypeVar("T")


class FakePage:
    def __init__(self, fail: bool) -> None:
        self.calls: list[tuple[str, Any]] = []
        self.closed = False
        self.fail = fail
        self.context = self

    async def set_content(self, html: str, wait_until: str) -> None:
        self.calls.append(("content", html))

    async def pdf(self, path: str, **options: Any) -> None:
        if self.fail:
            raise RuntimeError("Page.pdf: Printing failed")
        self.calls.append(("pdf", options))
        Path(path).write_bytes(b"%PDF-fake")

    async def close(self) -> None:  # the page's context
        self.closed = True


class FakeBrowser:
    def __init__(self, fail: bool) -> None:
        self.page = FakePage(fail)
        self.context_options: dict[str, Any] = {}

    async def new_context(self, **options: Any) -> FakeBrowser:
        self.context_options = options
        return self

    async def new_page(self) -> FakePage:
        return self.page


class FakeRunner:
    """What `BrowserSession` offers the printer: work run on a loop in a thread of its own."""

    def __init__(self, fail: bool = False) -> None:
        self.browser = FakeBrowser(fail)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self.submitted: list[Future[Any]] = []

    def submit(self, work: Callable[[Any], Awaitable[T]]) -> Future[T]:
        async def run() -> T:
            return await work(self.browser)

        future = asyncio.run_coroutine_threadsafe(run(), self.loop)
        self.submitted.append(future)
        return future

    def stop(self) -> None:
        for future in self.submitted:  # let every piece of work run before the loop stops
            future.exception(timeout=5)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(5)
        self.loop.close()


@pytest.fixture
def html(tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    path.write_text(
        "<!DOCTYPE html><html><head><title>r</title></head><body><p>Raportti</p></body></html>",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def make_runner() -> Iterator[Callable[..., FakeRunner]]:
    made: list[FakeRunner] = []

    def make(fail: bool = False) -> FakeRunner:
        made.append(FakeRunner(fail))
        return made[-1]

    yield make
    for runner in made:
        runner.stop()


def test_prints_the_file_beside_it_as_content_hidden_on_screen(
    make_runner: Callable[..., FakeRunner], html: Path
) -> None:
    runner = make_runner()
    printer = Printer(runner)
    printer.start(html)
    pdf = printer.result()
    assert pdf == html.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    page = runner.browser.page
    (kind, content), printed = page.calls
    assert kind == "content"  # never the file: a remote browser could not open it
    assert content == html.read_text(encoding="utf-8").replace("</head>", SCREEN_HIDDEN + "</head>")
    assert printed == ("pdf", {"format": "A4", "print_background": True, "margin": MARGIN})
    options = runner.browser.context_options
    assert options["java_script_enabled"] is False and options["offline"] is True
    assert page.closed


def test_a_failed_print_is_raised_by_result_and_the_context_closed(
    make_runner: Callable[..., FakeRunner], html: Path
) -> None:
    failing = make_runner(fail=True)
    printer = Printer(failing)
    printer.start(html)
    with pytest.raises(RuntimeError, match="Printing failed"):
        printer.result()
    assert failing.browser.page.closed
    assert not html.with_suffix(".pdf").exists()


def test_result_before_start_is_an_error(make_runner: Callable[..., FakeRunner]) -> None:
    with pytest.raises(RuntimeError, match="nothing was given to print"):
        Printer(make_runner()).result()
