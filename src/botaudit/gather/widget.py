"""Driving a chat widget: open it, read it, send a message and wait for the whole reply.

Waiting is the hard part (Botium users' most common complaint is half-captured replies):
we wait for new bot-message nodes, then for the text of all messages to stop changing for
a quiet period. Never a fixed sleep: a fast bot costs one quiet period, a slow one is
waited for up to the timeout.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import FrameLocator, Locator, Page

from botaudit.config import Selector, Timing, Widget
from botaudit.evidence.observations import Exchange, MessageView, WidgetView

POLL_S = 0.1

# Runs in the widget's frame over every bot-message node; reads what a sighted reader and
# a screen reader would meet.
_READ_MESSAGES_JS = """
(nodes, args) => nodes.map((node) => {
  const labelNode = args.label ? node.querySelector(args.label) : null;
  return {
    text: (node.innerText || node.textContent || '').trim(),
    label: labelNode ? (labelNode.innerText || labelNode.textContent || '').trim() : '',
    accessible_name: node.getAttribute('aria-label') || node.getAttribute('title') || '',
    alt_texts: [...node.querySelectorAll('img[alt]')].map((i) => i.alt).filter(Boolean),
    links: [...node.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
    agent: args.agent ? node.matches(args.agent) : false,
  };
})
"""

_HIDDEN_NAMES_JS = """
(root) => {
  const names = [];
  for (const el of [root, ...root.querySelectorAll('*')]) {
    if (el.tagName === 'IMG' && el.alt) names.push(el.alt);
    for (const attr of ['aria-label', 'title']) {
      const v = el.getAttribute(attr);
      if (v) names.push(v);
    }
  }
  return [...new Set(names.map((n) => n.trim()).filter(Boolean))];
}
"""

# Without a configured container, the widget is the smallest ancestor of the input that
# holds every bot message: usually the chat window.
_MARK_CONTAINER_JS = """
(input, botCss) => {
  const total = document.querySelectorAll(botCss).length;
  let el = input;
  const up = (e) => e.parentElement || (e.parentNode && e.parentNode.host) || null;
  while (up(el) && (el.querySelectorAll(botCss).length < total || el === input)) el = up(el);
  if (total === 0) { for (let i = 0; i < 3 && up(el); i++) el = up(el); }
  el.setAttribute('data-botaudit-container', '');
}
"""


class WidgetNotFound(Exception):
    """The configured selectors match nothing usable: the config, not the bot, is wrong."""


class WidgetDriver:
    def __init__(self, page: Page, widget: Widget, timing: Timing) -> None:
        self.page = page
        self.widget = widget
        self.timing = timing

    def scope(self, selector: Selector) -> Page | FrameLocator:
        frame = self.widget.frame_of(selector)
        return self.page.frame_locator(frame) if frame else self.page

    def locator(self, selector: Selector) -> Locator:
        return self.scope(selector).locator(selector.css)

    @property
    def default_scope(self) -> Page | FrameLocator:
        return self.page.frame_locator(self.widget.iframe) if self.widget.iframe else self.page

    async def open(self) -> None:
        """Make the input visible, clicking the launcher if the chat starts closed."""
        field = self.locator(self.widget.input).first
        timeout_ms = self.timing.navigation_timeout_s * 1000
        if self.widget.launcher is not None and not await self._visible(field):
            launcher = self.locator(self.widget.launcher).first
            try:
                await launcher.click(timeout=timeout_ms)
            except PlaywrightError as exc:
                raise WidgetNotFound(
                    f"the launcher '{self.widget.launcher.css}' could not be clicked on "
                    f"{self.page.url} ({_first_line(exc)}); check widget.launcher in the config"
                ) from exc
        try:
            await field.wait_for(state="visible", timeout=timeout_ms)
        except PlaywrightError as exc:
            raise WidgetNotFound(
                f"the chat input '{self.widget.input.css}' did not become visible on "
                f"{self.page.url}; check widget.input (and widget.launcher) in the config"
            ) from exc

    async def _visible(self, locator: Locator) -> bool:
        try:
            return await locator.is_visible()
        except PlaywrightError:
            return False

    async def messages(self) -> list[MessageView]:
        args = {
            "label": self.widget.sender_label,
            "agent": self.widget.agent_message.css if self.widget.agent_message else None,
        }
        raw = await self.locator(self.widget.bot_message).evaluate_all(_READ_MESSAGES_JS, args)
        return [MessageView.model_validate(item) for item in raw]

    async def wait_for_reply(
        self, before: int, timeout_s: float | None = None
    ) -> tuple[list[MessageView], bool]:
        """Bot messages after the first `before`, once they have settled; and timed out?"""
        deadline = time.monotonic() + (timeout_s or self.timing.reply_timeout_s)
        quiet_s = self.timing.quiet_ms / 1000
        last: list[str] | None = None
        changed_at = time.monotonic()
        messages: list[MessageView] = []
        while time.monotonic() < deadline:
            messages = await self.messages()
            signature = [m.text for m in messages]
            now = time.monotonic()
            if signature != last:
                last, changed_at = signature, now
            elif any(m.text for m in messages[before:]) and now - changed_at >= quiet_s:
                return [m for m in messages[before:] if m.text], False
            await asyncio.sleep(POLL_S)
        return [m for m in messages[before:] if m.text], True

    async def settle(self) -> list[MessageView]:
        """Wait for what the widget shows unprompted (a greeting) to finish appearing."""
        replies, _ = await self.wait_for_reply(0, self.timing.greeting_timeout_s)
        return replies

    async def send(self, text: str, shown_as: str, source: str = "") -> Exchange:
        before = len(await self.messages())
        started = time.monotonic()
        field = self.locator(self.widget.input).first
        await field.fill(text)
        if self.widget.send is not None:
            await self.locator(self.widget.send).first.click()
        else:
            await field.press("Enter")
        replies, timed_out = await self.wait_for_reply(before)
        return Exchange(
            sent=shown_as,
            source=source,
            replies=replies,
            timed_out=timed_out,
            elapsed_ms=int((time.monotonic() - started) * 1000),
        )

    async def container(self) -> Locator:
        if self.widget.container is not None:
            return self.locator(self.widget.container).first
        if self.widget.iframe:
            return self.page.frame_locator(self.widget.iframe).locator("body")
        field = self.locator(self.widget.input).first
        await field.evaluate(_MARK_CONTAINER_JS, self.widget.bot_message.css)
        return self.default_scope.locator("[data-botaudit-container]").first

    async def view(self, screenshot: Path | None = None) -> WidgetView:
        root = await self.container()
        user_count = None
        mask: list[Locator] = []
        if self.widget.user_message is not None:
            users = self.locator(self.widget.user_message)
            user_count = await users.count()
            mask.append(users)
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            # Users' own messages are masked: they may hold the personal data typed.
            await root.screenshot(path=str(screenshot), mask=mask, animations="disabled")
        return WidgetView(
            visible_text=(await root.inner_text()).strip(),
            hidden_names=await root.evaluate(_HIDDEN_NAMES_JS),
            bot_messages=await self.messages(),
            user_message_count=user_count,
        )


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
