"""Driving a chat widget: open it, read it, send a message and wait for the whole reply.

Waiting is the hard part (Botium users' most common complaint is half-captured replies):
we wait for new bot-message nodes, then until the widget's own "still answering" signals
are off and the text has stopped changing (`reply_wait`). Never a fixed sleep. Before a
message is sent, whatever arrived after the previous reply was taken as complete is kept
as that reply's late parts, so no part of one answer is ever attributed to a later message.

What goes wrong on the page's side is said in the user's terms (`PageProblem`): the input
is disabled, the widget disappeared, the page navigated away, a selector is not valid CSS.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Awaitable
from pathlib import Path
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import FrameLocator, Locator, Page

from botaudit.config import Selector, Timing, Widget
from botaudit.evidence.observations import Exchange, LinkView, MessageView, WidgetView
from botaudit.evidence.text import MAX_MESSAGE_CHARS, capped
from botaudit.gather.dom import evaluate_all_as_json, evaluate_first, evaluate_in
from botaudit.gather.reply_wait import (
    BUSY_JS,
    PAUSE_GRACE_S,
    PAUSE_JS,
    PAUSE_MIN_S,
    Cadence,
    ChatRequests,
    WaitState,
)

POLL_S = 0.1
# While the widget shows it is answering, the pause ends when it stops showing that (the
# page checks it at every change); this bounds how long one pause may then last.
DOM_BUSY_POLL_S = 1.0
NAVIGATION_COMMIT_POLLS = 30  # a navigation under way commits within 3 s, or it was a reload
STATIC_BUSY_S = 5.0  # a signal on this long with nothing changing is decoration

# Runs in the widget's frame over every bot-message node; reads what a sighted reader and
# a screen reader would meet.
_READ_MESSAGES_JS = """
(nodes, args) => nodes.map((node) => {
  const labelNode = args.label ? node.querySelector(args.label) : null;
  const text = (node.innerText || node.textContent || '').trim();
  return {
    text: text.slice(0, args.cap),
    length: text.length,
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

# Every link in the widget (header, footer, messages) with its text or accessible name and
# its resolved address; capped, since a hostile page may hold thousands.
_LINKS_JS = """
(root, args) => [...root.querySelectorAll('a[href]')].slice(0, args.max).map((a) => ({
  text: ((a.innerText || a.textContent || '').trim() || a.getAttribute('aria-label')
         || a.getAttribute('title') || '').slice(0, args.cap),
  href: (a.href || a.getAttribute('href') || '').slice(0, args.cap),
}))
"""
MAX_LINKS = 50

_VIEW_JS = f"""
(root, args) => ({{
  text: root.innerText || '',
  hidden: ({_HIDDEN_NAMES_JS.strip()})(root),
  links: ({_LINKS_JS.strip()})(root, args),
}})
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
  return true;
}
"""


# Signals first, then the messages, in one script: a read of one moment.
_READ_JS = f"""
(nodes, args) => ({{
  busy: ({BUSY_JS})([args.typing, false]),
  messages: ({_READ_MESSAGES_JS})(nodes, args),
}})
"""


def _views(raw: list[dict[str, Any]]) -> list[MessageView]:
    for item in raw:
        if item["length"] > len(item["text"]):
            item["chars_on_page"] = item["length"]
    return [MessageView.model_validate(item) for item in raw]


class WidgetNotFound(Exception):
    """The configured selectors match nothing usable: the config, not the bot, is wrong."""


class PageProblem(Exception):
    """A step could not be done because of what the page did; the message says what."""


class PageLeft(PageProblem):
    """The page navigated away by itself: the audit cannot be finished there, whatever it
    managed before (how much that is depends on timing, so it must not decide the exit)."""


# Selectors known to parse: parsing does not depend on the page, so each is checked once.
_PARSED: set[str] = set()


def _invalid_css(exc: BaseException) -> bool:
    return "while parsing css selector" in str(exc)


class WidgetDriver:
    def __init__(
        self, page: Page, widget: Widget, timing: Timing, cadence: Cadence | None = None
    ) -> None:
        self.page = page
        self.widget = widget
        self.timing = timing
        self.requests = ChatRequests(page)
        self.cadence = cadence or Cadence()
        self.loaded_url = page.url
        self._since = time.monotonic()
        self._captured: list[str] | None = None  # message texts when the last wait ended
        self._captured_quiet_s = 0.0  # the quiet period that wait used
        self._never_ended = False  # that wait gave up while the reply was still going on

    def scope(self, selector: Selector) -> Page | FrameLocator:
        frame = self.widget.frame_of(selector)
        return self.page.frame_locator(frame) if frame else self.page

    def locator(self, selector: Selector) -> Locator:
        return self.scope(selector).locator(selector.css)

    @property
    def default_scope(self) -> Page | FrameLocator:
        return self.page.frame_locator(self.widget.iframe) if self.widget.iframe else self.page

    def loaded(self, url: str) -> None:
        """The audit loaded `url` (a goto's or reload's final URL, after HTTP redirects):
        if the page is elsewhere when something fails, the page went there by itself."""
        self.loaded_url = url

    def navigated_away(self, doing: str) -> PageProblem | None:
        # Before the first load succeeds the page is on about:blank: a slow `goto` that
        # has committed the target URL but not finished is a timeout, not a page leaving.
        if self.page.url == self.loaded_url or self.loaded_url == "about:blank":
            return None
        return PageLeft(
            f"the page navigated away by itself, from {self.loaded_url} to {self.page.url}, "
            f"while botaudit was {doing}; the chat could not be used there"
        )

    async def _page_moved(self, exc: PlaywrightError, doing: str) -> Exception:
        """`exc` in the user's terms when the page navigated or reloaded by itself."""
        if "context was destroyed" not in str(exc) and "navigat" not in str(exc):
            return self.navigated_away(doing) or exc
        # Let the navigation commit, so that the URL says where the page went.
        for _ in range(NAVIGATION_COMMIT_POLLS):
            if self.page.url != self.loaded_url:
                break
            await asyncio.sleep(POLL_S)
        with contextlib.suppress(PlaywrightError):
            await self.page.wait_for_load_state("domcontentloaded", timeout=5_000)
        return self.navigated_away(doing) or PageProblem(
            f"the page reloaded itself while botaudit was {doing}"
        )

    async def check_selectors(self) -> None:
        """Every configured selector must parse, before a typo becomes a 30 s timeout."""
        # `preset` and `detected` name where the selectors came from; they are not CSS.
        fields = self.widget.model_dump(exclude_none=True, exclude={"preset", "detected"})
        named: dict[str, str] = {}  # selector -> the config field it is in
        for name, value in fields.items():
            for item in value if isinstance(value, list) else [value]:
                css = item["css"] if isinstance(item, dict) else item
                frames = [item.get("iframe")] if isinstance(item, dict) else []
                for text in [css, *filter(None, frames)]:
                    if text not in _PARSED:
                        named.setdefault(text, name)
        # All at once: one round trip to the browser instead of one per selector.
        counted = await asyncio.gather(
            *(self.page.locator(text).count() for text in named), return_exceptions=True
        )
        for (text, name), result in zip(named.items(), counted, strict=True):
            if isinstance(result, PlaywrightError) and _invalid_css(result):
                raise WidgetNotFound(
                    f"widget.{name} '{text}' is not a valid CSS selector; fix it in the config"
                ) from result
            if isinstance(result, BaseException):
                raise result
            _PARSED.add(text)

    async def open(self) -> None:
        """Make the input visible, clicking the launcher if the chat starts closed."""
        field = self.locator(self.widget.input).first
        # Together: one round trip's wait. Visibility only matters with a launcher to click.
        checks: list[Awaitable[object]] = [self.check_selectors(), self._mark_static_busy()]
        if self.widget.launcher is not None:
            checks.append(self._visible(field))
        done = await asyncio.gather(*checks)
        timeout_ms = self.timing.navigation_timeout_s * 1000
        self._since = time.monotonic()
        if self.widget.launcher is not None and not done[2]:
            launcher = self.locator(self.widget.launcher).first
            try:
                await launcher.click(timeout=timeout_ms)
            except PlaywrightError as exc:
                raise self.navigated_away("opening the chat") or WidgetNotFound(
                    f"the launcher '{self.widget.launcher.css}' could not be clicked on "
                    f"{self.page.url} ({_first_line(exc)}); check widget.launcher in the config"
                ) from exc
        try:
            await field.wait_for(state="visible", timeout=timeout_ms)
        except PlaywrightError as exc:
            raise self.navigated_away("opening the chat") or WidgetNotFound(
                f"the chat input '{self.widget.input.css}' did not become visible on "
                f"{self.page.url}; check widget.input (and widget.launcher) in the config"
            ) from exc

    async def _visible(self, locator: Locator) -> bool:
        # Not waited for, except that a locator in a frame waits for the frame: bounded.
        try:
            return await asyncio.wait_for(locator.is_visible(), self.timing.navigation_timeout_s)
        except (PlaywrightError, TimeoutError):
            return False

    def _read_args(self) -> dict[str, object]:
        return {
            "label": self.widget.sender_label,
            "agent": self.widget.agent_message.css if self.widget.agent_message else None,
            "cap": 2 * MAX_MESSAGE_CHARS,  # not megabytes over the wire ten times a second
            "typing": self.widget.typing.css if self.widget.typing else None,
        }

    async def _evaluate_messages(self, script: str) -> Any:
        locator = self.locator(self.widget.bot_message)
        # `evaluate_all` has no timeout of its own: in a chat frame that never loads it would
        # wait as long as the frame does.
        limit = self.timing.navigation_timeout_s
        try:
            read = evaluate_all_as_json(locator, script, self._read_args())
            return await asyncio.wait_for(read, limit)
        except TimeoutError:
            raise PageProblem(
                f"the chat's messages could not be read: its frame did not answer within "
                f"{limit:g} s"
            ) from None
        except PlaywrightError as exc:
            raise await self._page_moved(exc, "reading the replies") from None

    async def messages(self) -> list[MessageView]:
        return _views(await self._evaluate_messages(_READ_MESSAGES_JS))

    async def _read(self) -> tuple[bool, list[MessageView]]:
        """Whether a busy element is shown, and the bot messages: both read by one script in
        one moment, signals first (one round trip a poll, and no change can fall between)."""
        raw = await self._evaluate_messages(_READ_JS)
        dom = raw["busy"] > 0
        if dom:
            self.cadence.signals = True
        return dom, _views(raw["messages"])

    async def _busy_elements(self, mark: bool = False) -> int:
        scope = self.scope(self.widget.bot_message)
        typing = self.widget.typing.css if self.widget.typing else None
        limit = self.timing.navigation_timeout_s  # a frame that never loads: see above
        try:
            return int(await asyncio.wait_for(evaluate_in(scope, BUSY_JS, [typing, mark]), limit))
        except (PlaywrightError, TimeoutError):
            return 0  # the frame is reloading, gone or not answering: the message read says so

    async def pause(self, seconds: float, until_idle: bool = False) -> None:
        """Wait `seconds` of the page's time in the bot messages' frame, or until its DOM
        changes (`reply_wait.PAUSE_JS`) and, `until_idle`, no busy signal is shown any
        more; where the page cannot run it, in our own time."""
        scope = self.scope(self.widget.bot_message)
        typing = self.widget.typing.css if self.widget.typing else None
        args = [max(seconds, PAUSE_MIN_S) * 1000, PAUSE_MIN_S * 1000, until_idle, typing]
        try:
            await asyncio.wait_for(evaluate_in(scope, PAUSE_JS, args), seconds + PAUSE_GRACE_S)
        except (TimeoutError, PlaywrightError):
            await asyncio.sleep(min(seconds, POLL_S))  # the next read says what happened

    async def _mark_static_busy(self) -> None:
        """Whatever looks busy while the widget is idle is decoration, not a signal."""
        await self._busy_elements(mark=True)

    async def wait_for_reply(
        self,
        before: int,
        timeout_s: float | None = None,
        *,
        give_up_if_idle_s: float | None = None,
        require_new: bool = True,
    ) -> tuple[list[MessageView], bool]:
        """Bot messages after the first `before`, once complete; and whether it timed out.

        `give_up_if_idle_s`: stop early when by then nothing has appeared and no signal is
        on (a greeting that may never come); a bot visibly typing is waited for in full.
        """
        started = time.monotonic()
        deadline = started + (timeout_s or self.timing.reply_timeout_s)
        idle_deadline = started + give_up_if_idle_s if give_up_if_idle_s else deadline
        state = WaitState(started=started)
        settle_factor = 1
        while True:
            # Signals first: a widget turns them off once its text is complete, so text
            # read after a read that saw them off is the whole of it.
            dom_busy, messages = await self._read()
            net_busy = self.requests.pending_since(self._since)
            busy = dom_busy or net_busy
            if busy:
                # The page renders what a response brought a moment after the network layer
                # says it ended (more so on a loaded machine): a longer settle after that.
                settle_factor = 1 if dom_busy else 2
            now = time.monotonic()
            signature = [m.text for m in messages]
            state.observe(signature, before, busy, now, self.cadence)
            if self.requests.started_since(self._since):
                state.signalled = True
            new = [m for m in messages[before:] if m.text]
            signalled = state.signalled or self.cadence.signals
            base = self.timing.settle_ms * settle_factor if signalled else self.timing.quiet_ms
            quiet_s = self.cadence.quiet_s(base / 1000)
            ready = bool(new) or not require_new
            # A signal on this long with nothing changing is decoration; not a response
            # still streaming (a bot pausing inside its answer, a page slowed by load).
            streaming = self.requests.streaming_since(self._since)
            if busy and ready and now - state.changed_at >= STATIC_BUSY_S and not streaming:
                await self._mark_static_busy()
                self._since = now  # and a request open this long is not this answer's
                self.cadence.signals = False  # what looked like a signal was decoration
            elif ready and not busy and state.still_for(now) >= quiet_s:
                self._captured, self._captured_quiet_s = signature, quiet_s
                self._never_ended = False
                result = new, False
                break
            if now >= deadline or (now >= idle_deadline and not new and not busy):
                self._captured, self._captured_quiet_s = signature, quiet_s
                self._never_ended = busy or bool(new)  # not silence: an answer not finished
                result = new, True
                break
            # Quiet so far: the rest of the quiet period, on the page's clock; otherwise
            # until the next read, woken early by a change. A typing indicator or aria-busy
            # goes off by a change of the DOM, which wakes the pause: no need to read often.
            if ready and not busy:
                rest = quiet_s - state.still_for(now)
            else:
                rest = DOM_BUSY_POLL_S if dom_busy else POLL_S
            await self.pause(min(rest, deadline - now), until_idle=dom_busy)
        # The page may have gone elsewhere during the wait, where the reads go on without an
        # error (no bot messages there): that is no reply, and not the page the audit loaded.
        if problem := self.navigated_away("waiting for the bot's reply"):
            raise problem
        return result

    async def settle(self) -> list[MessageView]:
        """Wait for what the widget shows unprompted (a greeting) to finish appearing."""
        replies, _ = await self.wait_for_reply(
            0, self.timing.reply_timeout_s, give_up_if_idle_s=self.timing.greeting_timeout_s
        )
        return replies

    async def _late_parts(self) -> tuple[list[MessageView], int]:
        """What changed since the last wait ended: late parts of *that* answer, waited for;
        and how many bot messages there are now."""
        dom_busy, messages = await self._read()
        if self._captured is None:
            return [], len(messages)
        captured = self._captured
        busy = dom_busy or self.requests.pending_since(self._since)
        if [m.text for m in messages] == captured and not busy:
            return [], len(messages)
        # The bot paused longer than we waited: learn that (bounded, as the exact moment
        # the late part came is unknown), then let the rest of it arrive.
        self.cadence.learn(2 * self._captured_quiet_s)
        await self.wait_for_reply(len(captured), require_new=False)
        messages = await self.messages()
        late = [
            m
            for i, m in enumerate(messages)
            if m.text and (i >= len(captured) or m.text != captured[i])
        ]
        return late, len(messages)

    async def _ready_to_type(self, field: Locator) -> None:
        if problem := self.navigated_away("about to type a message"):
            raise problem
        if not await self._visible(field):
            raise PageProblem(
                f"the chat widget disappeared: its input '{self.widget.input.css}' is no longer "
                "visible, so no message could be typed"
            )
        if not await self._editable(field):  # only once visible: it waits for the element
            raise PageProblem(
                f"the chat input '{self.widget.input.css}' is disabled or read-only, so no "
                "message could be typed"
            )

    async def _editable(self, field: Locator) -> bool:
        try:
            return await field.is_editable()
        except PlaywrightError:
            return False

    async def send(self, text: str, shown_as: str, source: str = "") -> Exchange:
        late, before = await self._late_parts()
        field = self.locator(self.widget.input).first
        await asyncio.gather(self._ready_to_type(field), self._mark_static_busy())
        started = self._since = time.monotonic()
        try:
            await field.fill(text)
            if self.widget.send is not None:
                await self.locator(self.widget.send).first.click()
            else:
                await field.press("Enter")
        except PlaywrightError as exc:
            if not await self._visible(self.locator(self.widget.input).first):
                raise PageProblem(
                    "the chat widget disappeared while a message was being typed and sent"
                ) from exc
            raise await self._page_moved(exc, "sending a message") from exc
        replies, timed_out = await self.wait_for_reply(before)
        return Exchange(
            sent=shown_as,
            source=source,
            replies=replies,
            timed_out=timed_out,
            never_ended=timed_out and self._never_ended,
            elapsed_ms=int((time.monotonic() - started) * 1000),
            late_parts_of_previous=late,
        )

    async def container(self) -> Locator:
        if self.widget.container is not None:
            return self.locator(self.widget.container).first
        if self.widget.iframe:
            return self.page.frame_locator(self.widget.iframe).locator("body")
        field = self.locator(self.widget.input).first
        if not await evaluate_first(field, _MARK_CONTAINER_JS, self.widget.bot_message.css):
            raise PageProblem(
                f"the chat widget disappeared: its input '{self.widget.input.css}' is no longer "
                "on the page"
            )
        return self.default_scope.locator("[data-botaudit-container]").first

    async def view(self, screenshot: Path | None = None) -> WidgetView:
        root = await self.container()
        users = self.locator(self.widget.user_message) if self.widget.user_message else None
        if screenshot is not None:
            screenshot.parent.mkdir(parents=True, exist_ok=True)
            # Users' own messages are masked: they may hold the personal data typed.
            await root.screenshot(
                path=str(screenshot), mask=[users] if users else [], animations="disabled"
            )
        # Independent reads of the same moment, at once: one round trip's wait.
        read, messages, user_count = await asyncio.gather(
            evaluate_first(root, _VIEW_JS, {"max": MAX_LINKS, "cap": 500}),
            self.messages(),
            users.count() if users else _none(),
        )
        if read is None:
            raise PageProblem("the chat widget disappeared while botaudit was reading it")
        return WidgetView(
            visible_text=capped(read["text"].strip(), 4 * MAX_MESSAGE_CHARS),
            hidden_names=read["hidden"],
            bot_messages=messages,
            links=[LinkView(**link) for link in read["links"]],
            user_message_count=user_count,
        )


async def _none() -> None:
    return None


def _first_line(exc: BaseException) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
