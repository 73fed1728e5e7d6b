"""The step vocabulary scenarios are written in; each step is implemented once, here.

A step gets the run's context and its parameters and returns what it observed, as the
model of `botaudit.evidence.observations` it declares (`produces`): the cross-validation
(`botaudit.validate`) checks that every check reads a step with the model it produces.
Everything a step records passes through `mask_text` first: evidence never holds the
personal data typed or found.
"""

from __future__ import annotations

import re
import time
from typing import Literal
from urllib.parse import urlsplit

from playwright.async_api import Error as PlaywrightError

from botaudit.evidence.observations import (
    AccessibilityScan,
    EndConversation,
    Exchange,
    HandoffRequests,
    NetworkTraffic,
    NewTab,
    PageOpened,
    PersonalDataInput,
    Reloaded,
    StorageSnapshot,
    WidgetOpened,
    WidgetView,
)
from botaudit.evidence.text import MAX_MESSAGE_CHARS, capped
from botaudit.gather import accessibility, storage
from botaudit.gather.deletion_notice import accept_dialogs, confirmation_text
from botaudit.gather.dom import find_named_control
from botaudit.gather.step_base import (  # STEPS: importing this module fills the registry
    STEPS,  # noqa: F401
    NoParams,
    RunContext,
    current_step,
    loaded,
    step,
)
from botaudit.gather.widget import PageProblem, WidgetDriver
from botaudit.signals import classify_handoff, greeting_labels


class CaptureParams(NoParams):
    screenshot: bool = True


class SendParams(NoParams):
    phrase: Literal["neutral_opening", "location_question"] | None = None
    text: str | None = None


class RequestHumanParams(NoParams):
    greeting: str = "greeting"
    max_attempts: int = 5


@step("open_page", NoParams, PageOpened, "Load the target URL.")
async def open_page(ctx: RunContext, _: NoParams) -> PageOpened:
    response = await ctx.page.goto(ctx.config.target.url, wait_until="domcontentloaded")
    load_event = await loaded(ctx.page)
    ctx.driver.loaded(response.url if response else ctx.config.target.url)
    return PageOpened(
        url=ctx.page.url,
        status=response.status if response else None,
        title=ctx.mask(await ctx.page.title()),
        load_event=load_event,
    )


@step(
    "open_widget",
    NoParams,
    WidgetOpened,
    "Open the chat (click the launcher) and wait for the greeting.",
)
async def open_widget(ctx: RunContext, _: NoParams) -> WidgetOpened:
    await ctx.driver.open()
    greeting = await ctx.driver.settle()
    return WidgetOpened(greeting_messages=len(greeting))


@step("capture_widget", CaptureParams, WidgetView, "Read and screenshot what the widget shows now.")
async def capture_widget(ctx: RunContext, params: CaptureParams) -> WidgetView:
    shot = ctx.artefact_path(current_step(ctx), ".png") if params.screenshot else None
    view = await ctx.driver.view(shot)
    masked = view.model_copy(
        update={
            "visible_text": capped(ctx.mask(view.visible_text), 2 * MAX_MESSAGE_CHARS),
            "hidden_names": [ctx.mask(n) for n in view.hidden_names],
            "bot_messages": [ctx.mask_message(m) for m in view.bot_messages],
            "links": [
                link.model_copy(update={"text": ctx.mask(link.text), "href": ctx.mask(link.href)})
                for link in view.links
            ],
        }
    )
    if shot is not None:
        masked.screenshot = ctx.keep(shot, "screenshot", "The widget as the user sees it.")
    return masked


@step(
    "accessibility_scan",
    NoParams,
    AccessibilityScan,
    "Run axe-core's WCAG 2.1 A/AA rules over the widget.",
)
async def accessibility_scan(ctx: RunContext, _: NoParams) -> AccessibilityScan:
    return await accessibility.scan(ctx.driver)


@step("send", SendParams, Exchange, "Type a message and wait for the whole reply.")
async def send(ctx: RunContext, params: SendParams) -> Exchange:
    phrases = ctx.lexicon.for_language(ctx.config.language)
    text = params.text or (getattr(phrases, params.phrase) if params.phrase else None)
    if not text:
        raise ValueError("send needs 'text' or 'phrase'")
    exchange = await ctx.driver.send(text, ctx.mask(text), params.phrase or "text")
    return ctx.mask_exchange(exchange)


@step(
    "request_human",
    RequestHumanParams,
    HandoffRequests,
    "Ask for a human: the greeting's way, then plainly.",
)
async def request_human(ctx: RunContext, params: RequestHumanParams) -> HandoffRequests:
    greeting = ctx.record.observed(params.greeting, WidgetView)
    instruction = ctx.matcher.greeting_instruction(greeting.visible_text) if greeting else None
    requests: list[tuple[str, str]] = []
    if instruction:
        requests.append((instruction, "greeting-instruction"))
    phrases = ctx.lexicon.for_language(ctx.config.language)
    requests += [(r, "lexicon") for r in phrases.human_requests]
    result = HandoffRequests(greeting_instruction=instruction, stopped_because="all requests sent")
    seen: set[str] = set()
    labels = greeting_labels(greeting)
    for text, source in requests:
        if text.casefold() in seen:
            continue
        if len(result.attempts) >= params.max_attempts:
            result.stopped_because = f"max_attempts ({params.max_attempts}) reached"
            break
        seen.add(text.casefold())
        exchange = ctx.mask_exchange(await ctx.driver.send(text, ctx.mask(text), source))
        result.attempts.append(exchange)
        # Stop at a live handoff: every further message would occupy a real person.
        if classify_handoff(exchange.replies, ctx.matcher, labels).kind == "live":
            result.stopped_because = "a live handoff was detected"
            break
        # A bot still answering would mix that answer into the next request's reply.
        if exchange.never_ended:
            result.stopped_because = "a reply never ended"
            break
    return result


@step(
    "send_personal_data",
    NoParams,
    PersonalDataInput,
    "Type synthetic personal data as a citizen would.",
)
async def send_personal_data(ctx: RunContext, _: NoParams) -> PersonalDataInput:
    phrases = ctx.lexicon.for_language(ctx.config.language)
    values = {p.kind: p.value for p in ctx.probes}
    text = phrases.personal_data_message.format(**values)
    exchange = await ctx.driver.send(text, ctx.mask(text), "personal_data_message")
    return PersonalDataInput(kinds=list(values), exchanges=[ctx.mask_exchange(exchange)])


@step(
    "snapshot_storage",
    NoParams,
    StorageSnapshot,
    "Read every storage area of every frame and tab.",
)
async def snapshot_storage(ctx: RunContext, _: NoParams) -> StorageSnapshot:
    name = current_step(ctx)
    dump = ctx.artefact_path(name, "-storage.json")
    snap = await storage.snapshot(ctx.context, ctx.probes, name, dump)
    snap.dump = ctx.keep(dump, "storage-dump", "Browser storage, personal data masked.")
    return snap


@step(
    "network_traffic",
    NoParams,
    NetworkTraffic,
    "Which hosts received the typed probe values, and how.",
)
async def network_traffic(ctx: RunContext, _: NoParams) -> NetworkTraffic:
    first_party = {urlsplit(ctx.config.target.url).hostname, urlsplit(ctx.page.url).hostname}
    if ctx.config.widget.iframe:
        element = await ctx.page.query_selector(ctx.config.widget.iframe)
        frame = await element.content_frame() if element else None
        if frame is not None:
            first_party.add(urlsplit(frame.url).hostname)
    allowed = {h for h in first_party if h} | set(ctx.config.target.vendor_hosts)
    return ctx.network.summary(ctx.probes, allowed)


@step("reload", NoParams, Reloaded, "Reload the page and reopen the widget.")
async def reload(ctx: RunContext, _: NoParams) -> Reloaded:
    if left := ctx.driver.navigated_away("about to reload the page"):
        raise left  # reloading elsewhere would take that page for the one loaded
    response = await ctx.page.reload(wait_until="domcontentloaded")
    await loaded(ctx.page)
    ctx.driver.loaded(response.url if response else ctx.driver.loaded_url)
    await ctx.driver.open()
    restored = await ctx.driver.settle()
    return Reloaded(bot_messages_after_reload=len(restored))


@step("new_tab", NoParams, NewTab, "Open the target in a second tab of the same browser.")
async def new_tab(ctx: RunContext, _: NoParams) -> NewTab:
    page = await ctx.context.new_page()
    driver = WidgetDriver(page, ctx.config.widget, ctx.config.timing, ctx.driver.cadence)
    response = await page.goto(ctx.config.target.url, wait_until="domcontentloaded")
    await loaded(page)
    driver.loaded(response.url if response else ctx.config.target.url)
    await driver.open()
    restored = await driver.settle()
    # Back to the first tab, as its user would: a tab in the background gets no animation
    # frames, and every click there would wait about a second for the element to be stable.
    await ctx.page.bring_to_front()
    return NewTab(tabs=len(ctx.context.pages), bot_messages_in_new_tab=len(restored))


@step(
    "end_conversation",
    NoParams,
    EndConversation,
    "Click the end/delete-conversation control, if any.",
)
async def end_conversation(ctx: RunContext, _: NoParams) -> EndConversation:
    dialogs = accept_dialogs(ctx.page)
    widget = ctx.config.widget
    before = [m.text for m in await ctx.driver.messages()]
    if widget.end_conversation:
        for selector in widget.end_conversation:
            await ctx.driver.locator(selector).first.click()
        confirmed, asked = await _confirm(ctx, before)
        labels = [s.css for s in widget.end_conversation]
        return EndConversation(
            found=True,
            via="config",
            labels=labels,
            detail=confirmed,
            confirmation_text=ctx.mask("\n".join([*dialogs, asked]).strip()),
        )
    labels = [
        label
        for lang in ("fi", "sv", "en")
        for label in ctx.lexicon.for_language(lang).end_conversation
    ]
    found = await find_named_control(ctx.driver.default_scope, labels)
    if found is None:
        return EndConversation(found=False, searched=labels)
    control, label = found
    try:
        await control.click()
    except PlaywrightError as exc:  # covered by something, or gone: say so, do not guess on
        detail = f"the control could not be clicked: {str(exc).strip().splitlines()[0]}"
        return EndConversation(found=True, via="lexicon", labels=[label], detail=detail)
    confirmed, asked = await _confirm(ctx, before)
    return EndConversation(
        found=True,
        via="lexicon",
        labels=[label],
        detail=confirmed,
        confirmation_text=ctx.mask("\n".join([*dialogs, asked]).strip()),
    )


CONFIRM_WAIT_S = 0.5  # a confirmation appears at once after the click, if at all


async def _confirm(ctx: RunContext, before: list[str]) -> tuple[str, str]:
    """Answer an in-page "are you sure?" if one appears (native dialogs are auto-accepted):
    how it was answered, and what it said.

    Waited for only until the click shows its effect: a button to confirm, or the bot's
    messages changed (the conversation cleared: nothing is left to confirm).
    """
    words = {w for lang in ("fi", "sv", "en") for w in ctx.lexicon.for_language(lang).confirm}
    pattern = re.compile(f"^({'|'.join(map(re.escape, sorted(words)))})$", re.IGNORECASE)
    button = ctx.driver.default_scope.get_by_role("button", name=pattern).first
    deadline = time.monotonic() + CONFIRM_WAIT_S
    name = asked = ""
    while True:
        try:
            if await button.is_visible():
                name = (await button.inner_text()).strip()
                asked = await confirmation_text(button)
                await button.click()
                break
            if [m.text for m in await ctx.driver.messages()] != before:
                break
        except (PlaywrightError, PageProblem):
            break  # the page is reloading or gone: a confirmation may do that
        if time.monotonic() >= deadline:
            break
        await ctx.driver.pause(0.05)  # woken at once by the page's next change
    await loaded(ctx.page)  # a confirmation may reload the page
    return (f"confirmed with '{name}'" if name else ""), asked


# Steps defined in their own modules register themselves on import.
from botaudit.gather import feedback as _feedback  # noqa: E402, F401
from botaudit.gather import geolocation as _geolocation  # noqa: E402, F401
from botaudit.gather import keyboard as _keyboard  # noqa: E402, F401
from botaudit.gather import linked_pages as _linked_pages  # noqa: E402, F401
from botaudit.gather import next_user as _next_user  # noqa: E402, F401
from botaudit.gather import transcript_download as _transcript_download  # noqa: E402, F401
