"""How botaudit launches Chromium costs what the audit needs, not what a desktop needs."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

pytestmark = pytest.mark.browser


def test_a_context_window_loads_no_browser_ui(browser: Browser) -> None:
    # Chromium 156 loads the address-bar popup (a WebUI app, 1.2 CPU-seconds) into every
    # window a context opens unless its features are disabled (botaudit.browser).
    context = browser.new_context()
    try:
        context.new_page()
        session = browser.new_browser_cdp_session()
        targets = session.send("Target.getTargets")["targetInfos"]
        session.detach()
    finally:
        context.close()
    assert [t["url"] for t in targets if t["type"] == "browser_ui"] == []
