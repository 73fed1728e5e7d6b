"""The chat widget in a browser, for bots without an API: the same driving as the browser
scenarios (botaudit.gather.widget.WidgetDriver), one fresh browser context per
conversation so that no state carries over between questions.
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from playwright.async_api import Browser, BrowserContext, Playwright, async_playwright
from playwright.async_api import Error as PlaywrightError

from botaudit.browser import launch_options
from botaudit.conversation.connectors.base import BotReply, Connector, Conversation, ProtocolError
from botaudit.conversation_config import Politeness
from botaudit.gather.widget import WidgetDriver, WidgetNotFound

if TYPE_CHECKING:
    from botaudit.config import AuditConfig


def _why(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class WidgetConversation(Conversation):
    def __init__(self, bot: WidgetBot, context: BrowserContext, driver: WidgetDriver) -> None:
        super().__init__(bot.politeness)
        self.bot = bot
        self.context = context
        self.driver = driver

    async def _exchange(self, text: str) -> BotReply:
        try:
            exchange = await self.driver.send(text, shown_as=text)
        except PlaywrightError as exc:
            raise ProtocolError(f"the widget could not be used: {_why(exc)}") from None
        if exchange.timed_out and not exchange.replies:
            timeout = self.driver.timing.reply_timeout_s
            raise ProtocolError(f"the widget showed no reply within {timeout:g} s")
        reply = BotReply()
        for message in exchange.replies:
            reply.texts.append(message.text)
            reply.links += message.links
        return reply

    async def close(self) -> None:
        with contextlib.suppress(PlaywrightError):  # the browser may already be gone
            await self.context.close()


class WidgetBot(Connector):
    kind = "widget"

    def __init__(self, audit: AuditConfig, politeness: Politeness) -> None:
        super().__init__(politeness)
        self.audit = audit
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None

    @property
    def endpoint(self) -> str:
        return self.audit.target.url

    async def _launch(self) -> Browser:
        if self._browser is None:
            options = launch_options(self.audit.browser.executable, self.audit.browser.headless)
            self._playwright = await async_playwright().start()
            try:
                self._browser = await self._playwright.chromium.launch(**options)
            except PlaywrightError as exc:
                raise ProtocolError(f"Chromium did not start: {_why(exc)}") from None
        return self._browser

    async def start(self) -> Conversation:
        browser = await self._launch()
        width, height = self.audit.browser.viewport
        context = await browser.new_context(viewport={"width": width, "height": height})
        timing = self.audit.timing
        context.set_default_timeout(timing.navigation_timeout_s * 1000)
        try:
            page = await context.new_page()
            await page.goto(self.audit.target.url, wait_until="load")
            driver = WidgetDriver(page, self.audit.widget, timing)
            await driver.open()
            await driver.settle()
        except (PlaywrightError, WidgetNotFound) as exc:
            await context.close()
            raise ProtocolError(f"the widget could not be opened: {_why(exc)}") from None
        return WidgetConversation(self, context, driver)

    async def aclose(self) -> None:
        if self._browser is not None:
            await self._browser.close()
        if self._playwright is not None:
            await self._playwright.stop()
