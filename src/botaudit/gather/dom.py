"""Page reads in one round trip.

`Locator.evaluate` costs three calls to the browser (find the element, evaluate, release the
handle), and it waits for the element up to the default timeout. An audit reads the page
hundreds of times on a machine it shares with the bot's page: each call is CPU that the
page under test then lacks. These run the script over the locator's matches instead, in
one call, and say at once when there is no element.
"""

from __future__ import annotations

import json
import re
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import FrameLocator, Locator, Page


async def evaluate_first(
    locator: Locator, script: str, arg: Any = None, missing: Any = None
) -> Any:
    """`script(element, arg)` on the locator's first match, or `missing` when none matches."""
    found = await locator.evaluate_all(
        f"(els, arg) => els.length ? [({script})(els[0], arg)] : []", arg
    )
    return found[0] if found else missing


async def evaluate_all_as_json(locator: Locator, script: str, arg: Any = None) -> Any:
    """`script(elements, arg)` over the locator's matches, its result sent back as JSON text.

    For reads repeated at every poll: Playwright sends a structured result as a tree of
    typed values, which its driver builds and its Python side validates value by value; one
    string is one value (measured on the demo's message read: 5.2 instead of 6.6 ms of CPU).
    The result must be plain data (what `JSON.stringify` keeps).
    """
    wrapped = f"(els, arg) => JSON.stringify(({script})(els, arg)) ?? 'null'"
    return json.loads(await locator.evaluate_all(wrapped, arg))


async def evaluate_in(scope: Page | FrameLocator, script: str, arg: Any = None) -> Any:
    """`script(arg)` in the scope's document (the page, or the frame a locator enters)."""
    if isinstance(scope, Page):
        return await scope.evaluate(script, arg)
    # Awaited like `evaluate`: a script that returns a promise is waited for.
    return await scope.locator(":root").evaluate_all(f"(_, arg) => ({script})(arg)", arg)


async def find_named_control(
    scope: Page | FrameLocator, labels: list[str], with_text: bool = True
) -> tuple[Locator, str] | None:
    """The first visible control named by one of `labels` (the lexicon's order is the order
    of preference): for each label a button, else a link, else (`with_text`) any element
    with that text; with the label it matched. None when there is none.

    One call says "none", the usual answer on a widget without such a control: every label
    at once. Only when something matches are the labels tried in their order.
    """
    if not labels:
        return None

    def kinds(pattern: re.Pattern[str]) -> list[Locator]:
        found = [scope.get_by_role("button", name=pattern), scope.get_by_role("link", name=pattern)]
        if with_text:
            found.append(scope.get_by_text(pattern))
        return [locator.filter(visible=True) for locator in found]

    def union(locators: list[Locator]) -> Locator:
        first, *rest = locators
        for locator in rest:
            first = first.or_(locator)
        return first

    try:
        every = re.compile("|".join(map(re.escape, labels)), re.IGNORECASE)
        if not await union(kinds(every)).count():
            return None
        for label in labels:
            for locator in kinds(re.compile(re.escape(label), re.IGNORECASE)):
                if await locator.count():
                    return locator.first, label
    except PlaywrightError:
        return None  # the page is reloading or gone: nothing to find there
    return None
