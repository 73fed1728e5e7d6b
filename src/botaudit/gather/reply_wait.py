"""When is a bot's reply complete? The widget's own signals first, its cadence otherwise.

A fixed quiet period races the bot: too short and a bot that pauses between the parts of one
answer is split (the late parts are then taken as the reply to the *next* message); too long
and every reply costs the wait. So botaudit watches what a widget tells a sighted user or a
screen reader that the bot is still answering:

- a typing indicator (the configured `widget.typing`, else an element whose class, id,
  test id or accessible name says typing / kirjoittaa / skriver) or `aria-busy="true"`;
- the chat request: a fetch/XHR (not GET, so long-polls and event streams are not
  mistaken for it) started since the message was sent, until its response has ended —
  a streamed answer keeps it open.

While any is on, the reply is not complete; once all are off and the text has not changed
for a short settle (counted from the first read that saw them off), it is. Where a widget
gives no signal at all, the quiet period is the configured `timing.quiet_ms`; once a
widget has shown it signals (a restored conversation after a reload shows none, having
nothing to answer), the short settle serves. In all cases the quiet period grows to
1.5 × the longest *unsignalled* still spell the bot has shown inside one answer so far
(its streaming cadence), learned from the greeting and from every reply.

Waits run on the page's clock (`PAUSE_JS`): between two reads, and for the rest of a quiet
period, botaudit waits inside the page, on the page's own timers, and wakes at once when
the page's DOM changes. A loaded machine starves the page's main thread: a quiet period
counted in Python's wall time then passes while the page has not yet shown what it has
received (the last part of a streamed answer, after the response ended), and the reply is
cut. The page's timers run only when the page runs, after what was queued before them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Page, Request

# Counts visible "still answering" elements in a frame, open shadow roots included.
# Elements present and busy when the widget was idle (`mark`) are static decoration (an
# input area called "typing-area") and ignored from then on. Form fields and anything
# holding one are ignored: some widgets mark the *user* as typing.
BUSY_JS = """
([typing, mark]) => {
  const words = /typing|kirjoittaa|skriver|writing/i;
  let busy = 0;
  const isBusy = (el) => {
    if (el.getAttribute('aria-busy') === 'true') return true;
    if (typing && el.matches(typing)) return true;
    const cls = typeof el.className === 'string' ? el.className : '';
    const text = [cls, el.id, el.getAttribute('data-testid'), el.getAttribute('aria-label')]
      .filter(Boolean).join(' ');
    return words.test(text);
  };
  const visit = (root) => {
    for (const el of root.querySelectorAll('*')) {
      if (el.shadowRoot) visit(el.shadowRoot);
      if (el.hasAttribute('data-botaudit-static-busy')) continue;
      if (el.matches('input, textarea, select, [contenteditable]')) continue;
      if (!isBusy(el) || el.getClientRects().length === 0) continue;
      if (el.querySelector('input, textarea, [contenteditable]')) continue;
      if (mark) el.setAttribute('data-botaudit-static-busy', '');
      else busy += 1;
    }
  };
  visit(document);
  return busy;
}
"""

# Resolves with whether the frame's DOM changed, after `ms` of the page's own time or soon
# after a change (not sooner than `minMs`: a page animating by script must not make us
# read it in a busy loop). With `idle`, a change ends the pause only once no busy signal
# is shown (checked at most every `minMs`): a widget streaming its answer under aria-busy
# is waited out in one call, not read at every character. The time is counted in short
# timer steps, so that a page whose main thread is starved counts it late. Open shadow
# roots (where many widgets live) are observed too.
PAUSE_JS = f"""
([ms, minMs, idle, typing]) => new Promise((resolve) => {{
  const busyCount = {BUSY_JS.strip()};
  const start = performance.now();
  let changed = false;
  let done = false;
  let scheduled = false;
  let checked = start;
  const finish = () => {{
    if (done) return;
    done = true;
    observer.disconnect();
    resolve(changed);
  }};
  const check = () => {{
    scheduled = false;
    checked = performance.now();
    if (!idle || busyCount([typing, false]) === 0) finish();
  }};
  const observer = new MutationObserver(() => {{
    changed = true;
    if (scheduled || done) return;
    scheduled = true;
    const since = idle ? checked : start;
    setTimeout(check, Math.max(0, minMs - (performance.now() - since)));
  }});
  const options = {{ subtree: true, childList: true, characterData: true, attributes: true }};
  const watch = (root) => {{
    observer.observe(root, options);
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) watch(el.shadowRoot);
  }};
  watch(document);
  const steps = Math.max(1, Math.ceil(ms / 50));
  let step = 0;
  const tick = () => {{ if (++step >= steps) finish(); else setTimeout(tick, ms / steps); }};
  setTimeout(tick, ms / steps);
}})
"""
PAUSE_MIN_S = 0.05
# A page that breaks its own timers must not hang us: past this much more than asked for,
# the pause is given up (and the next read decides).
PAUSE_GRACE_S = 2.0

MAX_QUIET_S = 10.0  # a learned cadence never makes one wait longer than this
CADENCE_FACTOR = 1.5


class ChatRequests:
    """The page's fetch/XHR requests other than GET, which are still pending, and which of
    those are streaming: their response has begun (headers came) and not yet ended. A
    streaming response is an answer being sent, however long it pauses; a request with no
    response yet may be a long poll or a hanging beacon, not this answer."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self._pending: dict[Request, float] = {}
        self._streaming: set[Request] = set()
        self._last_started = 0.0
        # Heard on the context, which hears them anyway, filtered to this page's requests:
        # a page's own listeners would cost four subscription calls for every driver.
        context = page.context
        context.on("request", self._started)
        context.on("response", lambda response: self._responded(response.request))
        context.on("requestfinished", self._ended)
        context.on("requestfailed", self._ended)

    def _started(self, request: Request) -> None:
        chat = request.resource_type in ("fetch", "xhr") and request.method != "GET"
        if chat and _page_of(request) is self._page:
            now = time.monotonic()
            self._pending[request] = now
            self._last_started = now

    def _responded(self, request: Request) -> None:
        if request in self._pending:
            self._streaming.add(request)

    def _ended(self, request: Request) -> None:
        self._pending.pop(request, None)
        self._streaming.discard(request)

    def pending_since(self, since: float) -> bool:
        return any(started >= since for started in self._pending.values())

    def streaming_since(self, since: float) -> bool:
        return any(self._pending[r] >= since for r in self._streaming)

    def started_since(self, since: float) -> bool:
        return self._last_started >= since


def _page_of(request: Request) -> Page | None:
    try:
        return request.frame.page
    except PlaywrightError:  # a service worker's request has no frame
        return None


@dataclass
class Cadence:
    """What this bot has shown of its pace: the longest unsignalled still spell inside one
    answer, and whether its widget signals "still answering" at all. Shared by the drivers
    of one scenario (a second tab is the same bot)."""

    longest_gap_s: float = 0.0
    gaps: list[float] = field(default_factory=list)
    signals: bool = False  # a typing indicator or aria-busy was seen in some answer

    def learn(self, gap_s: float) -> None:
        self.gaps.append(round(gap_s, 3))
        self.longest_gap_s = max(self.longest_gap_s, gap_s)

    def quiet_s(self, base_s: float) -> float:
        return min(max(base_s, CADENCE_FACTOR * self.longest_gap_s), max(base_s, MAX_QUIET_S))


@dataclass
class WaitState:
    """One wait's bookkeeping: when the text last changed and whether a signal was on."""

    started: float
    signature: list[str] | None = None
    changed_at: float = 0.0
    busy_at: float = 0.0  # last poll that saw a signal on
    off_at: float = 0.0  # first poll that saw every signal off (again)
    busy_since_change: bool = False
    signalled: bool = False  # a signal was seen during this wait

    def observe(
        self, signature: list[str], before: int, busy: bool, now: float, cadence: Cadence
    ) -> None:
        if busy:
            self.signalled = True
            self.busy_at = now
            self.busy_since_change = True
            self.off_at = 0.0
        elif not self.off_at:
            self.off_at = now
        if signature != self.signature:
            # A still spell between two changes of an answer already begun, with no signal
            # on, is the bot's own cadence (the wait before the answer begins is not).
            begun = self.signature is not None and any(self.signature[before:])
            if begun and not self.busy_since_change:
                cadence.learn(now - self.changed_at)
            elif self.busy_since_change and not busy and self.off_at < now:
                # Text that changes after a read saw the signals off: how long this page
                # takes to show what came (a settle shorter than that would cut the reply).
                # Not since the last read that saw one on: on a loaded machine that is
                # the time between two reads, and the quiet period would grow with it.
                cadence.learn(now - self.off_at)
            self.signature, self.changed_at = signature, now
            self.busy_since_change = busy

    def still_for(self, now: float) -> float:
        """How long the text has not changed with every signal seen off. Counted from the
        first read that saw them off, not from the last that saw one on: reads are far
        apart on a loaded machine, and the signal may have gone off just before this one."""
        return now - max(self.changed_at, self.off_at)
