"""The end/delete-conversation step finds the control by its name and answers "are you sure?"."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.async_api import async_playwright

from botaudit.browser import launch_options
from botaudit.config import parse_config
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.observations import EndConversation
from botaudit.gather.steps import RunContext, end_conversation
from botaudit.gather.widget import WidgetDriver
from botaudit.lexicon import Matcher, load_lexicon
from botaudit.loop import run_blocking

pytestmark = pytest.mark.browser

PAGE = """
<input id="in"><div class="bot">Hei</div>
<button id="del" aria-label="Radera samtalet">🗑</button>
<div id="ask" hidden><p>Haluatko varmasti poistaa?</p>
  <button id="no">Peruuta</button><button id="yes">Kyllä</button></div>
<script>
sessionStorage.setItem('chat', 'x');
document.getElementById('del').onclick = () => { document.getElementById('ask').hidden = false; };
document.getElementById('yes').onclick = () => {
  sessionStorage.clear(); document.getElementById('ask').hidden = true;
};
</script>
"""


async def _end(tmp_path: Path) -> tuple[EndConversation, int]:
    config = parse_config(
        {"name": "t", "target": {"url": "http://127.0.0.1:1/"},
         "widget": {"input": "#in", "bot_message": ".bot"}},
        "test",
    )  # fmt: skip
    lexicon, _ = load_lexicon()
    async with async_playwright() as p:
        browser = await p.chromium.launch(**launch_options())
        context = await browser.new_context()
        page = await context.new_page()
        await page.goto("about:blank")
        await page.route(
            "http://127.0.0.1:1/",
            lambda r: r.fulfill(body=PAGE, content_type="text/html; charset=utf-8"),
        )
        await page.goto("http://127.0.0.1:1/")
        ctx = RunContext(
            config=config, context=context, page=page,
            driver=WidgetDriver(page, config.widget, config.timing),
            matcher=Matcher(lexicon.fi), lexicon=lexicon, probes=[],
            scenario_id="t", bundle_dir=tmp_path, record=ScenarioRecord(id="t", title="t"),
        )  # fmt: skip
        result = await end_conversation(ctx, None)
        left = await page.evaluate("sessionStorage.length")
        await browser.close()
    return result, left


def test_control_found_by_accessible_name_and_confirmed(tmp_path: Path) -> None:
    result, left = run_blocking(_end(tmp_path))
    assert result.found and result.via == "lexicon"
    assert result.labels == ["Radera samtalet"]
    assert result.detail == "confirmed with 'Kyllä'"
    assert left == 0
