"""The npm widget fixture works, and its audit.yaml selectors match the real widget's DOM.

botaudit's results on this fixture are only worth something if the fixture itself behaves
as its README says: a bot disclosure before typing, the handoff answer, and what the widget
writes to localStorage. These tests pin those facts so a version bump that changes them
fails here, not in an audit.
"""

from __future__ import annotations

import json
import re

import pytest
import yaml
from npm_widget import (
    AUDIT_CONFIG,
    CHATFLOW_ID,
    GENERIC_REPLY,
    HANDOFF_REPLY,
)
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

# Synthetic Finnish identity code in the 900-999 (temporary/test) range, valid check char:
# "0123456789ABCDEFHJKLMNPRSTUVWXY"[10190900 % 31] == "P".
SYNTHETIC_HETU = "010190-900P"
DISCLOSURE = "I am Example City's chatbot, an automated assistant"


@pytest.fixture(scope="module")
def selectors() -> dict[str, str]:
    """The widget selectors from audit.yaml: the test checks the config botaudit uses."""
    config = yaml.safe_load(AUDIT_CONFIG.read_text(encoding="utf-8"))
    return dict(config["widget"])


def _open_widget(page: Page, url: str, sel: dict[str, str]) -> None:
    page.goto(url)
    expect(page.locator(sel["container"])).to_be_hidden()
    page.locator(sel["launcher"]).click()
    expect(page.locator(sel["container"])).to_be_visible()


def test_disclosure_shown_before_typing_and_reply_arrives(
    page: Page, widget_url: str, selectors: dict[str, str]
) -> None:
    """Launcher opens the window, the bot discloses itself, a typed question gets a reply."""
    _open_widget(page, widget_url, selectors)
    bot = page.locator(selectors["bot_message"])
    expect(bot).to_have_count(1)
    expect(bot.first).to_be_visible()
    expect(bot.first).to_contain_text(DISCLOSURE)
    expect(bot.first).to_contain_text("do not share personal data")
    expect(page.locator(selectors["user_message"])).to_have_count(0)

    page.locator(selectors["input"]).fill("Can I talk to a human?")
    page.locator(selectors["send"]).click()

    expect(page.locator(selectors["user_message"])).to_have_text(["Can I talk to a human?"])
    # Exactly two: the typing indicator must never be counted as a bot message.
    expect(bot).to_have_count(2)
    expect(bot.nth(1)).to_have_text(HANDOFF_REPLY)


def test_enter_sends_and_generic_reply(
    page: Page, widget_url: str, selectors: dict[str, str]
) -> None:
    """Enter in the input sends too (botaudit's fallback when no send button is given)."""
    _open_widget(page, widget_url, selectors)
    page.locator(selectors["input"]).fill("When is waste collected?")
    page.locator(selectors["input"]).press("Enter")
    expect(page.locator(selectors["bot_message"]).nth(1)).to_have_text(GENERIC_REPLY)


def test_widget_stores_typed_text_in_local_storage(
    page: Page, widget_url: str, selectors: dict[str, str]
) -> None:
    """Pins the README's storage finding: flowise-embed keeps the transcript in localStorage.

    A correct audit must therefore judge browser-storage privacy as failed on this fixture.
    """
    _open_widget(page, widget_url, selectors)
    page.locator(selectors["input"]).fill(f"My identity code is {SYNTHETIC_HETU}")
    page.locator(selectors["input"]).press("Enter")
    expect(page.locator(selectors["bot_message"])).to_have_count(2)

    local = page.evaluate("() => Object.fromEntries(Object.entries(localStorage))")
    assert set(local) == {"chatInputHistory", f"{CHATFLOW_ID}_EXTERNAL"}
    assert SYNTHETIC_HETU in local["chatInputHistory"]
    transcript = json.loads(local[f"{CHATFLOW_ID}_EXTERNAL"])
    assert re.fullmatch(r"[0-9a-f-]{36}", transcript["chatId"])
    assert any(SYNTHETIC_HETU in m["message"] for m in transcript["chatHistory"])
    assert page.evaluate("() => sessionStorage.length") == 0
    assert page.context.cookies() == []
    assert page.evaluate("async () => (await indexedDB.databases()).length") == 0
