"""Reply capture waits for the whole reply: slow typing, streaming, several messages.

Half-captured replies are the commonest complaint about widget test tools; these tests pin
the waiting rule (new message nodes, then a quiet period) on a page built to be awkward.
"""

from __future__ import annotations

import pytest
from playwright.async_api import async_playwright

from botaudit.browser import launch_options
from botaudit.config import Timing, Widget
from botaudit.evidence.observations import Exchange
from botaudit.gather.loop import run_blocking
from botaudit.gather.widget import WidgetDriver

pytestmark = pytest.mark.browser

FIRST = "Ensimmäinen vastaus tulee hitaasti, merkki kerrallaan."
SECOND = "Toinen viesti tulee lyhyen tauon jälkeen."

# A bot that shows an empty "typing" node with the message class for 300 ms, streams one
# character every 20 ms, pauses 300 ms and types the next one (the longest still spell,
# 300 ms, stays well under the 700 ms quiet period, so a loaded machine cannot flake it).
PAGE = f"""
<div id="log"></div><input id="in"><button id="send">Lähetä</button>
<script>
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function say(text) {{
  const node = document.createElement('div');
  node.className = 'bot';
  document.getElementById('log').append(node);
  await sleep(300);
  for (let i = 1; i <= text.length; i++) {{ node.textContent = text.slice(0, i); await sleep(20); }}
}}
document.getElementById('send').onclick = async () => {{
  if (document.getElementById('in').value === 'hiljaa') return;
  await say({FIRST!r});
  await sleep(300);
  await say({SECOND!r});
}};
</script>
"""


async def _send(text: str, timing: Timing) -> Exchange:
    widget = Widget.model_validate({"input": "#in", "send": "#send", "bot_message": ".bot"})
    async with async_playwright() as p:
        browser = await p.chromium.launch(**launch_options())
        page = await browser.new_page()
        await page.set_content(PAGE)
        exchange = await WidgetDriver(page, widget, timing).send(text, text)
        await browser.close()
    return exchange


def test_whole_multi_message_reply_is_captured() -> None:
    exchange = run_blocking(_send("Hei", Timing(quiet_ms=700)))
    assert [r.text for r in exchange.replies] == [FIRST, SECOND]
    assert not exchange.timed_out


def test_silence_times_out_without_inventing_a_reply() -> None:
    exchange = run_blocking(_send("hiljaa", Timing(reply_timeout_s=1.5)))
    assert exchange.replies == [] and exchange.timed_out
