"""When is a failure the page leaving by itself? Only once the audit has loaded a page."""

from __future__ import annotations

from typing import Any

from botaudit.config import Timing, Widget
from botaudit.gather.widget import PageLeft, WidgetDriver


class FakeContext:
    def on(self, _event: str, _handler: Any) -> None:
        pass


class FakePage:
    """Just what WidgetDriver reads at construction and in `navigated_away`."""

    def __init__(self) -> None:
        self.url = "about:blank"
        self.context = FakeContext()


def driver() -> tuple[FakePage, WidgetDriver]:
    page = FakePage()
    widget = Widget.model_validate({"input": "#in", "bot_message": ".bot"})
    return page, WidgetDriver(page, widget, Timing())  # type: ignore[arg-type]


def test_a_slow_first_load_is_not_the_page_leaving() -> None:
    page, drv = driver()
    page.url = "http://127.0.0.1:8000/"  # the goto committed, then timed out
    assert drv.navigated_away("running the step 'open_page'") is None


def test_a_loaded_page_that_goes_elsewhere_has_left() -> None:
    page, drv = driver()
    page.url = "http://127.0.0.1:8000/"
    drv.loaded(page.url)
    assert drv.navigated_away("opening the chat") is None
    page.url = "http://127.0.0.1:8000/elsewhere"
    left = drv.navigated_away("opening the chat")
    assert isinstance(left, PageLeft)
    assert "from http://127.0.0.1:8000/ to http://127.0.0.1:8000/elsewhere" in str(left)
