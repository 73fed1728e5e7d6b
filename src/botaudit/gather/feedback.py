"""Look for the ways the widget lets a citizen give feedback, without giving any.

OuluBot offered "onnistui / epäonnistui" buttons and text feedback (METKU 2022, Lisäselvitys
2, 4.2.2), and its greeting said "voit antaa minulle palautetta kun suljet chatin" (4.2.3);
the study recommends a graded scale (4.2.4 Hyväksyttävyys). After a conversation, the step
looks in three places, in this order:

1. *per answer*: controls inside or right after a bot answer named like the lexicon's
   `feedback_controls` or `feedback_choices` (fi, sv, en: "Oliko vastauksesta apua",
   "Helpful", 👍 …);
2. *anytime*: such a control elsewhere in the open chat ("Anna palautetta"); a lone one is
   clicked to show its form (a link to another page is recorded, not followed);
3. *on close*: the close/end control (`close_chat`) is clicked and whatever form appears
   is read.

For each form: the scale (radio group, range, select, or choice buttons — numbers, stars,
faces, thumbs, yes/no), its number of levels, whether it takes free text. Nothing is ever
submitted: the audit must not pollute the city's feedback statistics. Per-answer thumbs are
not pressed, so a text field that only a pressed thumb would show is not seen.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import time
from typing import Any
from urllib.parse import urldefrag

from playwright.async_api import Error as PlaywrightError

from botaudit.evidence.feedback import FeedbackControls, FeedbackForm, Where
from botaudit.gather.feedback_dom import FeedbackDom
from botaudit.gather.step_base import NoParams, RunContext, loaded, step

FORM_WAIT_S = 2.0  # a form shows at once after the click that asks for it, if at all
RENDER_S = 0.3  # then let it finish drawing
CLICK_MS = 5_000
MAX_CLOSE_TRIES = 2


class _Words:
    """The lexicon's feedback categories, every language at once (a widget's labels need
    not be in the audit language)."""

    def __init__(self, ctx: RunContext) -> None:
        def compiled(category: str) -> list[re.Pattern[str]]:
            phrases = [ctx.lexicon.for_language(lang) for lang in ("fi", "sv", "en")]
            return [re.compile(p, re.I) for ph in phrases for p in getattr(ph, category)]

        self.choice = compiled("feedback_choices") + compiled("scale_choices")
        self.feedback = compiled("feedback_controls") + compiled("feedback_choices")
        self.action = compiled("feedback_actions") + compiled("feedback_dismiss")
        self.dismiss = compiled("feedback_dismiss")
        # Per language: the close/end controls are ranked in each list's own order.
        self.close = [
            [re.compile(p, re.I) for p in ctx.lexicon.for_language(lang).close_chat]
            for lang in ("fi", "sv", "en")
        ]

    @staticmethod
    def rank(patterns: list[re.Pattern[str]], names: list[str]) -> int | None:
        """The index of the first pattern any name matches (the lexicon's order is the
        order of preference), or None."""
        hits = [i for i, p in enumerate(patterns) for n in names if p.search(n)]
        return min(hits) if hits else None

    def any(self, patterns: list[re.Pattern[str]], names: list[str]) -> bool:
        return self.rank(patterns, names) is not None

    def close_rank(self, names: list[str]) -> int | None:
        ranks = [r for patterns in self.close if (r := self.rank(patterns, names)) is not None]
        return min(ranks, default=None)


def _levels(range_: dict[str, Any]) -> int:
    span = (range_["max"] - range_["min"]) / range_["step"]
    return int(span) + 1 if span >= 0 else 0


def read_form(
    ctx: RunContext, words: _Words, found: dict[str, Any], where: Where, opened_by: str = ""
) -> FeedbackForm:
    """A form's scale, levels and text field, from the controls the page listed in it."""
    controls = [c for c in found["controls"] if not c["chat_input"]]
    scales: list[tuple[int, str, list[str]]] = []
    groups: dict[str, list[str]] = {}
    for c in controls:
        if c["group"]:
            groups.setdefault(c["group"], []).append(c["names"][0] if c["names"] else "")
        elif c["type"] == "range" or c["role"] == "slider":
            scales.append((_levels(c), "range", [f"{c['min']:g}–{c['max']:g}"]))
        elif c["tag"] == "select":
            scales.append((c["options"], "select", c["names"][:1]))
    scales += [(len(labels), "radio", labels) for labels in groups.values()]
    buttons = [
        c["names"][0]
        for c in controls
        if not c["group"]
        and not c["text_field"]
        and c["tag"] not in ("select", "textarea")
        and c["type"] != "range"
        and c["names"]
        and c["names"][0] != opened_by
        and not words.any(words.action, c["names"])
        and words.any(words.choice, c["names"])
    ]
    choices = list(dict.fromkeys(buttons))
    if choices:
        scales.append((len(choices), "buttons", choices))
    levels, kind, labels = max(scales, default=(0, "", []))
    fields = [c for c in controls if c["text_field"]]
    scale = "graded" if levels >= 3 else "binary" if levels == 2 else "single" if levels else "none"
    return FeedbackForm(
        where=where,
        opened_by=ctx.mask(opened_by),
        scale=scale,
        scale_type=kind,
        levels=levels,
        choices=[ctx.mask(label) for label in labels][:12],
        text_field=bool(fields),
        text_field_label=ctx.mask(fields[0]["names"][0]) if fields and fields[0]["names"] else "",
        prompt=ctx.mask(found["prompt"][:300]),
    )


def _is_form(words: _Words, found: dict[str, Any]) -> bool:
    """A group of controls that appeared is a feedback form when its text or a control's
    name asks for feedback (a login box or cookie banner does not)."""
    names = [n for c in found["controls"] for n in c["names"]]
    return words.any(words.feedback, [found["prompt"], *names])


async def _appeared(dom: FeedbackDom) -> list[dict[str, Any]]:
    deadline = time.monotonic() + FORM_WAIT_S
    while True:
        groups = await dom.appeared()
        if groups or time.monotonic() >= deadline:
            break
        await asyncio.sleep(0.1)
    if groups:
        await asyncio.sleep(RENDER_S)
        groups = await dom.appeared()
    return groups


async def _click_and_read(
    ctx: RunContext, dom: FeedbackDom, words: _Words, control: str, where: Where, name: str
) -> tuple[list[FeedbackForm], list[str]]:
    """Click `control`, and read the feedback forms that appeared (and their control ids)."""
    await dom.snapshot()
    await dom.control(control).click(timeout=CLICK_MS)
    appeared = await _appeared(dom)
    if _left(ctx):  # what appeared is another page's, not a form of the chat
        raise PlaywrightError("the click took the page elsewhere")
    groups = [g for g in appeared if _is_form(words, g)]
    forms = [read_form(ctx, words, g, where, name) for g in groups]
    return forms, [i for g in groups for i in g["ids"]]


async def _dismiss(ctx: RunContext, dom: FeedbackDom, words: _Words, ids: list[str]) -> bool:
    """Close a form opened to be read, without sending it: Escape, else its cancel or close
    control; else reload the page. False when the form is still there after all that."""

    async def still_open() -> bool:
        for i in ids:
            with contextlib.suppress(PlaywrightError):
                if await dom.control(i).is_visible():
                    return True
        return False

    await ctx.page.keyboard.press("Escape")
    if not await still_open():
        return True
    for control in await dom.scan():
        if control["id"] and words.any(words.dismiss, control["names"]):
            await dom.control(control["id"]).click(timeout=CLICK_MS)
            if not await still_open():
                return True
    response = await ctx.page.reload(wait_until="domcontentloaded")
    await loaded(ctx.page)
    ctx.driver.loaded(response.url if response else ctx.driver.loaded_url)
    await ctx.driver.open()
    await ctx.driver.settle()
    await dom.mark_parts()
    return not await still_open()


@step(
    "find_feedback",
    NoParams,
    FeedbackControls,
    "Look for feedback controls beside answers, in the open chat and on closing it; "
    "nothing is submitted.",
)
async def find_feedback(ctx: RunContext, _: NoParams) -> FeedbackControls:
    words, dom = _Words(ctx), FeedbackDom(ctx.driver)
    await dom.mark_parts()
    named = [c for c in await dom.scan() if c["id"] and words.any(words.feedback, c["names"])]
    forms: list[FeedbackForm] = []
    answers = sorted({c["answer"] for c in named if c["answer"] >= 0})
    if answers:  # the latest answer's controls stand for all: one form, not one per answer
        ids = [c["id"] for c in named if c["answer"] == answers[-1]]
        if found := await dom.region(ids):
            forms.append(read_form(ctx, words, found, "per_answer"))
    by_parent: dict[str, list[dict[str, Any]]] = {}
    for c in named:
        if c["answer"] < 0:
            by_parent.setdefault(c["parent"], []).append(c)
    openers = []
    for group in by_parent.values():
        if len(group) > 1 and (found := await dom.region([c["id"] for c in group])):
            shown = read_form(ctx, words, found, "anytime")
            if shown.levels >= 2:  # choices shown in place (a thumbs bar in the header)
                forms.append(shown)
                continue
        for c in group:  # each its own way in: a link to a page, or a control to click
            if c["href"] and not c["href"].startswith(("#", "javascript:")):
                link = FeedbackForm(
                    where="anytime",
                    opened_by=ctx.mask(c["names"][0]),
                    scale="none",
                    inspected=False,
                    link=ctx.mask(c["href"]),
                )
                forms.append(link)
            else:
                openers.append(c)
    if openers:  # one form opened from the chat is enough; each costs a dismissal
        name = openers[0]["names"][0]
        unseen = FeedbackForm(
            where="anytime", opened_by=ctx.mask(name), scale="none", inspected=False
        )
        try:
            found, ids = await _click_and_read(ctx, dom, words, openers[0]["id"], "anytime", name)
            forms += found or [unseen]
            if ids and not await _dismiss(ctx, dom, words, ids):
                detail = f"the form opened by {name!r} could not be closed without sending it"
                return FeedbackControls(forms=forms, close="skipped", detail=ctx.mask(detail))
        except PlaywrightError as exc:
            detail = ctx.mask(f"clicking {name!r} failed: {await _first_line(ctx, exc)}")
            return FeedbackControls(forms=[*forms, unseen], close="skipped", detail=detail)
    return await _on_close(ctx, dom, words, forms)


def _left(ctx: RunContext) -> bool:
    """The page is no longer the one loaded (a change of #fragment is no move)."""
    return urldefrag(ctx.page.url).url != urldefrag(ctx.driver.loaded_url).url


async def _first_line(ctx: RunContext, exc: PlaywrightError) -> str:
    """What went wrong, masked; a page our own click took elsewhere is brought back, so
    that the audit is not taken for a page that left by itself."""
    text = str(exc).strip()
    first = text.splitlines()[0] if text else type(exc).__name__
    if _left(ctx):
        first = f"the page went to {ctx.page.url}"
        with contextlib.suppress(PlaywrightError):
            await ctx.page.goto(ctx.driver.loaded_url, wait_until="domcontentloaded")
    return ctx.mask(first)


async def _close_candidates(
    dom: FeedbackDom, words: _Words, tried: list[str]
) -> list[tuple[int, str, str]]:
    """The close/end controls not tried yet, best first: (rank, id, name)."""
    return sorted(
        (rank, c["id"], c["names"][0])
        for c in await dom.scan()
        if c["id"] and c["names"] and c["answer"] < 0 and c["names"][0] not in tried
        if not c["href"] or c["href"].startswith(("#", "javascript:"))  # not a way off the page
        if (rank := words.close_rank(c["names"])) is not None
    )


async def _on_close(
    ctx: RunContext, dom: FeedbackDom, words: _Words, forms: list[FeedbackForm]
) -> FeedbackControls:
    """Close or end the chat as a citizen would, and read any feedback form that appears.
    A first control that closes the chat with no form (a minimise "×") leaves a second
    (an "End chat"), if the chat has one, to try after reopening the chat."""
    tried: list[str] = []
    try:
        for _ in range(MAX_CLOSE_TRIES):
            if tried and not await ctx.driver.locator(ctx.driver.widget.input).first.is_visible():
                await ctx.driver.open()
                await dom.mark_parts()
            candidates = await _close_candidates(dom, words, tried)
            if not candidates:
                break
            _, control, name = candidates[0]
            tried.append(name)
            found, _ids = await _click_and_read(ctx, dom, words, control, "on_close", "")
            if found:
                return FeedbackControls(
                    forms=forms + found, close="clicked", close_control=ctx.mask(name)
                )
            if len(candidates) == 1:
                break
    except PlaywrightError as exc:
        return FeedbackControls(
            forms=forms,
            close="failed",
            close_control=ctx.mask(" / ".join(tried)),
            detail=f"closing the chat failed: {await _first_line(ctx, exc)}",
        )
    close = "clicked" if tried else "not_found"
    return FeedbackControls(forms=forms, close=close, close_control=ctx.mask(" / ".join(tried)))
