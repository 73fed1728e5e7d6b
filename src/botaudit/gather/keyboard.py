"""The chat used with the keyboard alone, then shown 320 CSS px wide.

A citizen who cannot use a mouse meets the widget from the top of the page: Tab until the
launcher has focus, Enter (or Space) to open it, type and send, hear the reply, Escape (or
a close button found by Tab) to close it and be back where they were. Each part is recorded
as it happened (`KeyboardWalkthrough`), so the check can quote it. When the keyboard cannot
open the chat, the step opens it with the mouse and goes on, so that the report still says
what else a keyboard user would meet. Finally the open chat is shown in a 320×256 CSS px
viewport, which is a 1280×1024 window at 400 % zoom (WCAG 2.1 SC 1.4.10 Reflow).

Nothing here knows a particular widget: the launcher, input, send control and iframe come
from the config (written, preset or detected), and close controls are found by their
accessible names in the lexicon (`close_widget`, fi/sv/en). The step runs in a scenario of
its own, so that it starts in a fresh browser context with the chat closed.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Awaitable, Callable

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator
from pydantic import Field

from botaudit.evidence.keyboard import KeyboardWalkthrough
from botaudit.gather import keyboard_js as js
from botaudit.gather.dom import evaluate_first
from botaudit.gather.reflow import show_narrow, shown
from botaudit.gather.step_base import NoParams, RunContext, step
from botaudit.gather.widget import PageProblem, WidgetDriver

POLL_S = 0.1
OPEN_WAIT_S = 3.0  # an opening animation is over by then
CLOSE_WAIT_S = 1.5
SENT_WAIT_S = 3.0
FOCUS_WAIT_S = 1.0  # widgets move focus in after their opening animation
MAX_TABS_INSIDE = 30  # enough for any chat window's controls
CAP = 160  # characters of markup kept per element


class KeyboardParams(NoParams):
    max_tabs: int = Field(default=60, ge=1, le=500)


async def _poll(check: Callable[[], Awaitable[bool]], seconds: float) -> bool:
    deadline = asyncio.get_running_loop().time() + seconds
    while True:
        if await check():
            return True
        if asyncio.get_running_loop().time() >= deadline:
            return False
        await asyncio.sleep(POLL_S)


async def _visible(locator: Locator) -> bool:
    try:
        return await locator.is_visible()
    except PlaywrightError:
        return False


async def _has_focus(locator: Locator) -> bool:
    try:
        return bool(await evaluate_first(locator, js.HAS_FOCUS_JS, missing=False))
    except PlaywrightError:
        return False


async def _focused(ctx: RunContext) -> tuple[str, bool]:
    """The focused element as markup ('' for none) and whether it is visible; inside the
    widget's iframe when focus is there."""
    driver = ctx.driver
    found = await ctx.page.evaluate(js.FOCUSED_JS, CAP)
    if found["frame"] and driver.widget.iframe:
        try:
            inner = await driver.default_scope.locator(":root").evaluate(js.FOCUSED_JS, CAP)
        except PlaywrightError:
            inner = None
        if inner and inner["element"]:
            return f"{found['element']} › {inner['element']}", bool(inner["visible"])
    return found["element"], bool(found["visible"])


async def _tab_to(ctx: RunContext, target: Locator, presses: int, key: str = "Tab") -> int | None:
    """Press `key` until `target` has focus; how many presses it took, or None."""
    if await _has_focus(target):
        return 0
    for count in range(1, presses + 1):
        await ctx.page.keyboard.press(key)
        if await _has_focus(target):
            return count
    return None


async def _open(ctx: RunContext, record: KeyboardWalkthrough, launcher: Locator) -> None:
    field = ctx.driver.locator(ctx.driver.widget.input).first
    record.tab_presses = await _tab_to(ctx, launcher, record.max_tabs)
    record.launcher = "not_reached" if record.tab_presses is None else "reached"
    if record.tab_presses is not None:
        for key in ("Enter", "Space"):
            await ctx.page.keyboard.press(key)
            if await _poll(lambda: shown(field), OPEN_WAIT_S):
                record.opened_with = key
                return
            if not await _has_focus(launcher):  # Enter moved focus away: back, then Space
                await _tab_to(ctx, launcher, record.max_tabs)
    record.opened_by_mouse = True
    await ctx.driver.open()


async def _focus_in(ctx: RunContext, record: KeyboardWalkthrough) -> None:
    root = await ctx.driver.container()

    async def inside() -> bool:
        found = await evaluate_first(root, js.FOCUS_INSIDE_JS, CAP)
        return bool(found and found["inside"])

    record.focus_moved_in = await _poll(inside, FOCUS_WAIT_S)
    record.focus_after_open = ctx.mask((await _focused(ctx))[0])


async def _send(ctx: RunContext, record: KeyboardWalkthrough) -> None:
    driver = ctx.driver
    widget = driver.widget
    field = driver.locator(widget.input).first
    await driver.settle()  # the greeting, so that the reply is told from it
    record.tabs_to_input = await _tab_to(ctx, field, record.max_tabs)
    if record.tabs_to_input is None:
        record.message_sent = False
        return
    text = ctx.lexicon.for_language(ctx.config.language).neutral_opening
    before = len(await driver.messages())
    users = driver.locator(widget.user_message) if widget.user_message else None
    users_before = await users.count() if users else 0
    await ctx.page.keyboard.type(text)
    if text not in await field.evaluate(js.VALUE_JS):
        record.message_sent = False
        record.skipped.append("the text typed did not reach the input")
        return

    async def sent() -> bool:
        if users is not None and await users.count() > users_before:
            return True
        return len(await driver.messages()) > before or not await field.evaluate(js.VALUE_JS)

    await ctx.page.keyboard.press("Enter")
    if await _poll(sent, SENT_WAIT_S):
        record.sent_with = "Enter"
    elif widget.send is not None:
        button = driver.locator(widget.send).first
        if await _tab_to(ctx, button, MAX_TABS_INSIDE) is not None:
            await ctx.page.keyboard.press("Enter")
            if await _poll(sent, SENT_WAIT_S):
                record.sent_with = "send button"
    record.message_sent = record.sent_with is not None
    if record.message_sent:
        replies, _ = await driver.wait_for_reply(before)
        record.reply_seen = bool(replies)


async def _live(ctx: RunContext, record: KeyboardWalkthrough) -> None:
    messages = ctx.driver.locator(ctx.driver.widget.bot_message)
    if not await messages.count():
        record.skipped.append("no bot message appeared, so no live region could be looked for")
        return
    found = await messages.last.evaluate(js.LIVE_JS, CAP)
    record.announced = bool(found["announced"])
    record.live_region = ctx.mask(found["region"])


def _close_names(ctx: RunContext) -> re.Pattern[str]:
    words = [w for lang in ("fi", "sv", "en") for w in ctx.lexicon.for_language(lang).close_widget]
    return re.compile("|".join(f"(?:{w})" for w in words) or r"(?!)", re.IGNORECASE)


async def _close_button(
    ctx: RunContext, root: Locator, closed: Callable[[], Awaitable[bool]]
) -> str:
    """Find a close control by Tab (backwards first: they sit in the header, before the
    input), press Enter on it; its name if the chat closed, else ''."""
    names = _close_names(ctx)
    for key in ("Shift+Tab", "Tab"):
        was_inside = False
        for _ in range(MAX_TABS_INSIDE):
            await ctx.page.keyboard.press(key)
            try:
                name = await root.evaluate(js.FOCUSED_NAME_JS, CAP)
            except PlaywrightError:
                name = None
            if name is None:
                if was_inside:
                    break  # left the chat: every control of it was passed
                continue
            was_inside = True
            if names.search(name):
                await ctx.page.keyboard.press("Enter")
                if await _poll(closed, CLOSE_WAIT_S):
                    return name
    return ""


async def _close(ctx: RunContext, record: KeyboardWalkthrough, launcher: Locator) -> None:
    field = ctx.driver.locator(ctx.driver.widget.input).first
    root = await ctx.driver.container()

    async def closed() -> bool:
        return not await shown(field)

    if not await _has_focus(field):
        await _tab_to(ctx, field, MAX_TABS_INSIDE)
    await ctx.page.keyboard.press("Escape")
    if await _poll(closed, CLOSE_WAIT_S):
        record.closed_with = "Escape"
    elif name := await _close_button(ctx, root, closed):
        record.closed_with, record.close_button = "close button", ctx.mask(name)
    record.closed = record.closed_with is not None
    if not record.closed:
        return
    await asyncio.sleep(POLL_S)  # focus moves in the close handler or just after it
    element, visible = await _focused(ctx)
    record.focus_after_close = ctx.mask(element)
    if await _has_focus(launcher):
        record.focus_returned = "launcher"
    else:
        record.focus_returned = "elsewhere" if element and visible else "lost"


async def _attempt(
    ctx: RunContext,
    record: KeyboardWalkthrough,
    doing: str,
    part: Callable[[], Awaitable[None]],
) -> None:
    """Run one part; what the page did to stop it is recorded, the other parts still run."""
    try:
        await part()
    except (PlaywrightError, PageProblem) as exc:
        if left := ctx.driver.navigated_away(doing):
            raise left from exc
        record.skipped.append(f"{doing}: {str(exc).strip().splitlines()[0]}")


@step(
    "keyboard_walkthrough",
    KeyboardParams,
    KeyboardWalkthrough,
    "Open, use and close the chat with the keyboard alone; then show it 320 px wide.",
)
async def keyboard_walkthrough(ctx: RunContext, params: KeyboardParams) -> KeyboardWalkthrough:
    driver: WidgetDriver = ctx.driver
    await driver.check_selectors()
    widget = driver.widget
    record = KeyboardWalkthrough(max_tabs=params.max_tabs, launcher="none")
    field = driver.locator(widget.input).first
    launcher = driver.locator(widget.launcher).first if widget.launcher else None
    closed = launcher is not None and not await shown(field)
    if launcher is not None and closed:
        if not await _poll(lambda: _visible(launcher), ctx.config.timing.navigation_timeout_s):
            raise PageProblem(
                f"the launcher '{widget.launcher.css if widget.launcher else ''}' did not "
                f"become visible on {ctx.page.url}, so the keyboard walkthrough could not start"
            )
        closed = not await shown(field)  # some chats open by themselves after a while
    if launcher is not None and closed:
        record.launcher_element = ctx.mask(await launcher.evaluate(js.DESCRIBE_JS, CAP))
        await _open(ctx, record, launcher)
        await _focus_in(ctx, record)
    else:
        await driver.open()  # open from the start: nothing to reach, open or close
        record.skipped.append("the chat is open from the start: no launcher to open or close")
    await _attempt(ctx, record, "sending a message", lambda: _send(ctx, record))
    await _attempt(ctx, record, "looking for a live region", lambda: _live(ctx, record))
    if launcher is not None and closed:
        await _attempt(ctx, record, "closing the chat", lambda: _close(ctx, record, launcher))

    async def reflow() -> None:
        record.reflow = await show_narrow(ctx)

    await _attempt(ctx, record, "showing the chat 320 px wide", reflow)
    return record
