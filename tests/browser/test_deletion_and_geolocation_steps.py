"""The steps behind legitimacy.deletion-scope-explained and
legitimacy.geolocation-after-user-action, on small pages served from memory (no demo
audit): a native "are you sure?" is read once and answered, and location requests are seen
in the page and in a cross-origin chat iframe, denied, and tagged with the running step."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from playwright.async_api import Route, async_playwright

from botaudit.browser import launch_options
from botaudit.config import parse_config
from botaudit.evidence.model import ScenarioRecord, StepRecord
from botaudit.gather.deletion_notice import read_deletion_notice
from botaudit.gather.geolocation import CallsParams, geolocation_calls, watch_geolocation
from botaudit.gather.steps import RunContext, end_conversation
from botaudit.gather.widget import WidgetDriver
from botaudit.lexicon import Matcher, load_lexicon
from botaudit.loop import run_blocking

pytestmark = pytest.mark.browser

PAGE = "http://127.0.0.1:1/"
FRAME = "http://localhost:1/chat"  # another site: Chromium puts it in its own process

DELETE_PAGE = """
<input id="in"><div class="bot">Hei</div>
<div class="tools"><button id="del" title="Deletes it only from this browser.">Delete
conversation</button></div>
<script>
sessionStorage.setItem('chat', 'x');
document.getElementById('del').onclick = () => {
  if (confirm('Delete the conversation? Conversation logs are kept for 30 days.'))
    sessionStorage.clear();
};
</script>
"""

ASK_ON_LOAD = f"""
<script>
navigator.geolocation.getCurrentPosition(() => {{ window.got = 'position'; }},
                                         (e) => {{ window.got = e.code; }});
</script>
<iframe id="chat" src="{FRAME}"></iframe>
"""

FRAME_ASKS = """
<input id="in"><div class="bot">Hei</div>
<script>
navigator.permissions.query({name: 'geolocation'});
navigator.geolocation.watchPosition(() => {});
</script>
"""

REPLACES_API = """
<input id="in"><div class="bot">Hei</div>
<script>Geolocation.prototype.getCurrentPosition = function () {};</script>
"""


async def _with_page(
    tmp_path: Path,
    pages: dict[str, str],
    widget: dict[str, Any],
    body: Callable[[RunContext], Awaitable[Any]],
) -> Any:
    config = parse_config(
        {"name": "t", "target": {"url": PAGE}, "language": "en", "widget": widget}, "test"
    )
    lexicon, _ = load_lexicon()
    async with async_playwright() as p:
        browser = await p.chromium.launch(**launch_options())
        context = await browser.new_context()
        for url, html in pages.items():
            await context.route(url, _serve(html))
        page = await context.new_page()
        ctx = RunContext(
            config=config, context=context, page=page,
            driver=WidgetDriver(page, config.widget, config.timing),
            matcher=Matcher(lexicon.en), lexicon=lexicon, probes=[],
            scenario_id="t", bundle_dir=tmp_path, record=ScenarioRecord(id="t", title="t"),
        )  # fmt: skip
        try:
            return await body(ctx)
        finally:
            await browser.close()


def _serve(html: str) -> Callable[[Route], Awaitable[None]]:
    async def fulfil(route: Route) -> None:
        await route.fulfill(body=html, content_type="text/html; charset=utf-8")

    return fulfil


def _running(ctx: RunContext, kind: str, name: str) -> None:
    """Record that a step started, as the scenario runner does before running it."""
    ctx.record.steps.append(StepRecord(step=kind, name=name, ok=False))


def test_delete_note_and_native_confirmation_are_read_and_clicked_once(tmp_path: Path) -> None:
    async def body(ctx: RunContext) -> Any:
        await ctx.page.goto(PAGE)
        notice = await read_deletion_notice(ctx, None)
        end = await end_conversation(ctx, None)
        return notice, end, await ctx.page.evaluate("sessionStorage.length")

    widget = {"input": "#in", "bot_message": ".bot"}
    notice, end, left = run_blocking(_with_page(tmp_path, {PAGE: DELETE_PAGE}, widget, body))
    assert notice.found and notice.via == "lexicon" and notice.label == "Delete conversation"
    assert "only from this browser" in notice.described
    assert end.found and "kept for 30 days" in end.confirmation_text
    assert left == 0  # the confirmation was accepted, so the control really deleted


def test_location_requests_in_page_and_cross_origin_frame(tmp_path: Path) -> None:
    async def body(ctx: RunContext) -> Any:
        await watch_geolocation(ctx, None)
        _running(ctx, "open_page", "open_page")
        await ctx.page.goto(PAGE)
        frame = ctx.page.frame(url=FRAME)
        assert frame is not None
        await frame.wait_for_load_state()
        await ctx.page.wait_for_function("window.got !== undefined")
        _running(ctx, "geolocation_calls", "geolocation")
        watch = await geolocation_calls(ctx, CallsParams(location_question="location_question"))
        return watch, await ctx.page.evaluate("window.got")

    pages = {PAGE: ASK_ON_LOAD, FRAME: FRAME_ASKS}
    widget = {"iframe": "#chat", "input": "#in", "bot_message": ".bot"}
    watch, got = run_blocking(_with_page(tmp_path, pages, widget, body))
    assert got == 1  # PERMISSION_DENIED: no real location is ever given
    assert watch.confirmed, watch.probes
    assert [p.widget for p in watch.probes] == [False, True]
    calls = {(c.api, c.frame_url, c.step, c.after_user_message) for c in watch.calls}
    assert calls == {
        ("getCurrentPosition", PAGE, "open_page", False),
        ("watchPosition", FRAME, "open_page", False),
        ("permissions.query", FRAME, "open_page", False),
    }


def test_a_page_that_replaces_the_api_leaves_the_watch_unconfirmed(tmp_path: Path) -> None:
    async def body(ctx: RunContext) -> Any:
        await watch_geolocation(ctx, None)
        await ctx.page.goto(PAGE)
        return await geolocation_calls(ctx, CallsParams())

    widget = {"input": "#in", "bot_message": ".bot"}
    watch = run_blocking(_with_page(tmp_path, {PAGE: REPLACES_API}, widget, body))
    assert not watch.confirmed and watch.calls == []
    assert watch.detail.startswith("not in place in: http://127.0.0.1:1/")
