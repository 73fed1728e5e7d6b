"""Page reads in one round trip.

`Locator.evaluate` costs three calls to the browser (find the element, evaluate, release the
handle), and it waits for the element up to the default timeout. An audit reads the page
hundreds of times on a machine it shares with the bot's page: each call is CPU that the
page under test then lacks. These run the script over the locator's matches instead, in
one call, and say at once when there is no element.
"""

from __future__ import annotations

from typing import Any

from playwright.async_api import FrameLocator, Locator, Page


async def evaluate_first(
    locator: Locator, script: str, arg: Any = None, missing: Any = None
) -> Any:
    """`script(element, arg)` on the locator's first match, or `missing` when none matches."""
    found = await locator.evaluate_all(
        f"(els, arg) => els.length ? [({script})(els[0], arg)] : []", arg
    )
    return found[0] if found else missing


async def evaluate_in(scope: Page | FrameLocator, script: str, arg: Any = None) -> Any:
    """`script(arg)` in the scope's document (the page, or the frame a locator enters)."""
    if isinstance(scope, Page):
        return await scope.evaluate(script, arg)
    # Awaited like `evaluate`: a script that returns a promise is waited for.
    return await scope.locator(":root").evaluate_all(f"(_, arg) => ({script})(arg)", arg)
