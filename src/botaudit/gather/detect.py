"""Finding a page's chat widget without hand-written selectors.

Known widgets first: a preset's script host or an element only that widget renders, in the
page or in one of its iframes, is strong evidence. Otherwise the page is read as a user of
assistive technology would meet it (`detect_generic`): a launcher named "chat",
"keskustelu", "chatt", "asiakaspalvelu", "Kysy"…, a text field, a message log. Either way
a neutral message is sent and the guess counts as confirmed only when a reply appears: a
selector that matched something is not yet a selector that reads the bot's answers.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import Any, Literal

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Frame, Page
from pydantic import BaseModel

from botaudit.config import AuditConfig, BrowserSettings, Timing, Widget
from botaudit.errors import UsageError
from botaudit.evidence.pii import mask_text
from botaudit.evidence.text import safe_text
from botaudit.gather.detect_generic import detect_generic
from botaudit.gather.run import preflight
from botaudit.gather.session import CLOSE_WAIT_S, BrowserSession
from botaudit.gather.widget import PageProblem, WidgetDriver, WidgetNotFound
from botaudit.widget_presets import Preset, presets

NEUTRAL_MESSAGE = {"fi": "Hei", "sv": "Hej", "en": "Hello"}

_SCRIPTS_JS = "() => [...document.scripts].map((s) => s.src).filter(Boolean)"
_FRAME_CSS_JS = """
(el) => {
  if (el.id) return '#' + CSS.escape(el.id);
  for (const a of ['name', 'title']) {
    const v = el.getAttribute(a);
    if (v) return `iframe[${a}=${JSON.stringify(v)}]`;
  }
  const src = (el.getAttribute('src') || '').split('?')[0];
  return src ? `iframe[src^=${JSON.stringify(src)}]` : null;
}
"""


class Detection(BaseModel):
    """What was found, how, and how sure: written into the config and the evidence."""

    widget: dict[str, Any]
    how: str
    confidence: Literal["high", "medium", "low"]
    reply: str | None = None  # the bot's reply to the neutral message, masked


async def _frame_css(frame: Frame) -> str | None:
    """CSS of the iframe element holding `frame`; None for the page itself."""
    if frame.parent_frame is None:
        return None
    element = await frame.frame_element()
    return await element.evaluate(_FRAME_CSS_JS)


async def _preset_in(frame: Frame, preset: Preset) -> str | None:
    """Why `preset` is thought to be in `frame` (its script or its element), or None."""
    scripts = await frame.evaluate(_SCRIPTS_JS)
    for host in preset.detect.script_hosts:
        hit = next((s for s in scripts if host in s.split("://", 1)[-1]), None)
        if hit:
            return f"its script is loaded from {hit}"
    for css in preset.detect.dom:
        if await frame.locator(css).count():
            return f"its element '{css}' is on the page"
    return None


async def _chat_frames(page: Page) -> list[Frame]:
    """The page and its direct iframes (a chat is rarely framed twice)."""
    return [page.main_frame] + [f for f in page.frames if f.parent_frame == page.main_frame]


async def find_preset(page: Page) -> tuple[dict[str, Any], str] | None:
    """A widget section naming a preset found on the page, and why; None if none is."""
    for frame in await _chat_frames(page):
        for preset in presets().values():
            try:
                reason = await _preset_in(frame, preset)
                iframe = await _frame_css(frame) if reason else None
            except PlaywrightError:  # a frame that went away meanwhile
                continue
            if reason:
                section: dict[str, Any] = {"preset": preset.name}
                where = ""
                if iframe:
                    section["iframe"] = iframe
                    where = f" inside the iframe '{iframe}'"
                unverified = (
                    f" (unverified preset fields: {', '.join(preset.unverified)})"
                    if preset.unverified
                    else ""
                )
                return section, f"preset {preset.name}: {reason}{where}{unverified}"
    return None


async def confirm(
    page: Page, section: dict[str, Any], timing: Timing, language: str
) -> tuple[bool, str]:
    """Open the chat, send a neutral message: (a reply came, the reply or why not)."""
    driver = WidgetDriver(page, Widget.model_validate(section), timing)
    try:
        await driver.open()
        await driver.settle()
        exchange = await driver.send(NEUTRAL_MESSAGE.get(language, "Hello"), "greeting")
    except (WidgetNotFound, PageProblem, PlaywrightError) as exc:
        return False, str(exc).splitlines()[0]
    if not exchange.replies:
        return False, f"no reply appeared within {timing.reply_timeout_s:g} s"
    return True, safe_text(mask_text(" ".join(m.text for m in exchange.replies)))[:200]


async def detect(page: Page, timing: Timing, language: str) -> Detection:
    """The widget on the loaded `page`; WidgetNotFound when there is no sign of one."""
    found = await find_preset(page)
    generic = found is None
    if found is None:
        found = await detect_generic(page, NEUTRAL_MESSAGE.get(language, "Hello"), timing)
    if found is None:
        raise WidgetNotFound(
            f"no chat widget was found on {page.url}: no known widget's script or element, "
            "and no chat input with a launcher or message log; write the widget section by "
            "hand (see the README)"
        )
    section, how = found
    if generic:  # the guess already sent a message: reload so the check starts clean
        await page.reload(wait_until="domcontentloaded")
    ok, reply = await confirm(page, section, timing, language)
    if not ok:
        return Detection(widget=section, how=f"{how}; NOT confirmed: {reply}", confidence="low")
    confidence: Literal["high", "medium"] = "medium" if generic else "high"
    return Detection(
        widget=section, how=f"{how}; confirmed: a reply came", confidence=confidence, reply=reply
    )


async def _detect_url(
    session: BrowserSession, url: str, browser: BrowserSettings, timing: Timing, language: str
) -> Detection:
    width, height = browser.viewport
    context = await (await session.browser()).new_context(
        viewport={"width": width, "height": height}
    )
    try:
        context.set_default_timeout(timing.navigation_timeout_s * 1000)
        page = await context.new_page()
        try:
            await page.goto(url, wait_until="domcontentloaded")
        except PlaywrightError as exc:
            raise UsageError(
                f"Could not open {url} ({str(exc).splitlines()[0]}); check the URL."
            ) from exc
        await asyncio.sleep(timing.greeting_timeout_s / 5)  # let widget scripts start
        try:
            return await detect(page, timing, language)
        except WidgetNotFound as exc:
            raise UsageError(f"{str(exc)[0].upper()}{str(exc)[1:]}.") from exc
        except PlaywrightError as exc:  # the page reloaded or closed itself meanwhile
            first = str(exc).splitlines()[0]
            raise UsageError(
                f"{url} changed while its chat widget was looked for ({first}); try again "
                "or write the widget section by hand."
            ) from exc
    finally:
        with contextlib.suppress(Exception):
            await asyncio.wait_for(context.close(), CLOSE_WAIT_S)


def detect_widget(
    url: str,
    browser: BrowserSettings,
    timing: Timing,
    language: str = "fi",
    session: BrowserSession | None = None,
) -> Detection:
    """Open `url` and find its widget, in `session`'s browser or one of its own; UsageError
    when there is none."""
    if session is not None:
        return session.run(_detect_url(session, url, browser, timing, language))
    with BrowserSession(browser, timing.navigation_timeout_s) as own:
        return own.run(_detect_url(own, url, browser, timing, language))


def with_widget(config: AuditConfig, session: BrowserSession | None = None) -> AuditConfig:
    """`config` itself when it has a widget section; else with the one detected, whose
    `detected` field says how it was found, so the evidence's config record shows it."""
    if config.widget is not None:
        return config
    preflight(config.target.url, config.timing.navigation_timeout_s)
    found = detect_widget(
        config.target.url, config.browser, config.timing, config.language, session
    )
    how = f"{found.how} (confidence {found.confidence})"
    widget = Widget.model_validate({**found.widget, "detected": how})
    return config.model_copy(update={"widget": widget})
