"""The open chat at 400 % zoom: a 320×256 CSS px viewport (WCAG 2.1 SC 1.4.10 Reflow).

A 1280×1024 window at 400 % shows 320×256 CSS px. Content must then need no sideways
scrolling, and a chat must still be usable: its input, send control and last message,
scrolled into view, must lie inside the viewport and be what a tap at their centre hits
(an overflow that clips them away, or something covering them, fails). Inside an iframe
they are placed against the frame, and the frame against the page's width.
"""

from __future__ import annotations

import asyncio

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator

from botaudit.evidence.keyboard import Reflow
from botaudit.gather import keyboard_js as js
from botaudit.gather.step_base import RunContext
from botaudit.gather.widget import PageProblem, WidgetNotFound

REFLOW_VIEWPORT = (320, 256)
OPEN_POLLS = 30  # 3 s


async def shown(locator: Locator) -> bool:
    """Visible, on the page and not faded out: what a person would call open."""
    try:
        return await locator.is_visible() and bool(await locator.evaluate(js.SHOWN_JS))
    except PlaywrightError:
        return False


async def show_narrow(ctx: RunContext) -> Reflow:
    """Open the chat at the usual size, then zoom in (a smaller viewport); measure it."""
    driver = ctx.driver
    width, height = REFLOW_VIEWPORT
    field = driver.locator(driver.widget.input).first
    try:  # at the usual size, then zoomed in, as a person would
        await driver.open()
        if not await shown(field) and driver.widget.launcher is not None:
            await driver.locator(driver.widget.launcher).first.click()  # slid away, not hidden
            for _ in range(OPEN_POLLS):  # its opening animation
                if await shown(field):
                    break
                await asyncio.sleep(0.1)
    except WidgetNotFound as exc:  # it opened before: the page, not the config, is at fault
        raise PageProblem(f"the chat could not be opened again: {exc}") from exc
    await ctx.page.set_viewport_size({"width": width, "height": height})
    try:
        await ctx.page.evaluate(js.NEXT_FRAME_JS)
        root = await driver.container()
        fits = await root.evaluate(js.FITS_JS)
        frame_fits, widget_width = True, float(fits["width"])
        if driver.widget.iframe:
            frame = await ctx.page.locator(driver.widget.iframe).first.evaluate(js.FITS_JS)
            frame_fits, widget_width = bool(frame["fits"]), float(frame["width"])
        messages = driver.locator(driver.widget.bot_message)
        message = None
        if await messages.count():
            message = await messages.last.evaluate(js.USABLE_JS, False)
        usable = await field.evaluate(js.USABLE_JS, True)
        send = None
        if driver.widget.send is not None:
            send = await driver.locator(driver.widget.send).first.evaluate(js.USABLE_JS, True)
    finally:
        normal_width, normal_height = ctx.config.browser.viewport
        await ctx.page.set_viewport_size({"width": normal_width, "height": normal_height})
    boxes = ", ".join(
        f"{name} at {found['box']}"
        for name, found in (("last message", message), ("input", usable), ("send", send))
        if found
    )
    return Reflow(
        width=width,
        height=height,
        widget_width=round(widget_width, 1),
        widget_fits=bool(fits["fits"]) and frame_fits,
        scrolls_sideways=bool(fits["scrolls"]),
        input_usable=bool(usable["within"] and usable["hit"]),
        send_usable=None if send is None else bool(send["within"] and send["hit"]),
        message_readable=None if message is None else bool(message["within"] and message["hit"]),
        detail=boxes,
    )
