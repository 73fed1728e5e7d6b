"""Reply capture waits for the whole reply: slow typing, streaming, several messages.

Half-captured replies are the commonest complaint about widget test tools; these tests pin
the waiting rule (new message nodes, then a quiet period) on a page built to be awkward.
"""

from __future__ import annotations

import asyncio
import time
from http.server import BaseHTTPRequestHandler

import pytest
from local_site import LocalSite
from playwright.async_api import async_playwright

from botaudit.browser import launch_options
from botaudit.config import Timing, Widget
from botaudit.evidence.observations import Exchange, MessageView
from botaudit.gather.widget import WidgetDriver
from botaudit.loop import run_blocking

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


# No signal at all (no typing indicator, no aria-busy, no request). The greeting's parts
# come 0.6 s apart (under the 700 ms quiet period), the reply's 0.85 s apart (over it): a
# fixed quiet period splits the reply; the cadence learned from the greeting does not.
SILENT_PAGE = """
<div id="log"></div><input id="in"><button id="send">Lähetä</button>
<script>
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function parts(texts, gap) {
  for (const [i, text] of texts.entries()) {
    if (i) await sleep(gap);
    const node = document.createElement('div');
    node.className = 'bot';
    node.textContent = text;
    document.getElementById('log').append(node);
  }
}
parts(['Tervehdys 1', 'Tervehdys 2', 'Tervehdys 3'], 600).then(() => sleep(1500))
  .then(() => parts(['Myöhäinen lisäys'], 0));
document.getElementById('send').onclick = () => parts(['Vastaus 1', 'Vastaus 2'], 850);
</script>
"""

# The answer is one streamed response: a typing node first, the parts 0.7 s apart, a 2 s
# pause inside (no typing node then): only the open response says the answer goes on.
STREAM_PAGE = """
<div id="log"></div><input id="in"><button id="send">Lähetä</button>
<script>
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
document.getElementById('send').onclick = async () => {
  const log = document.getElementById('log');
  const typing = document.createElement('div');
  typing.className = 'typing-indicator';
  typing.textContent = '...';
  log.append(typing);
  const response = await fetch('/stream', {method: 'POST', body: 'x'});
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const {value, done} = await reader.read();
    if (done) break;
    typing.remove();
    for (const line of decoder.decode(value).split('\\n').filter(Boolean)) {
      const node = document.createElement('div');
      node.className = 'bot';
      node.textContent = line;
      log.append(node);
    }
  }
};
</script>
"""


def _stream_parts(handler: BaseHTTPRequestHandler) -> None:
    handler.rfile.read(int(handler.headers.get("Content-Length", "0")))
    handler.send_response(200)
    handler.send_header("Content-Type", "text/plain; charset=utf-8")
    handler.end_headers()
    for delay, text in ((1.0, "Osa 1"), (0.7, "Osa 2"), (2.0, "Osa 3 tauon jälkeen")):
        time.sleep(delay)
        handler.wfile.write(f"{text}\n".encode())
        handler.wfile.flush()


async def _conversation(
    page_html: str, timing: Timing, pause_before_send_s: float = 0
) -> tuple[list[MessageView], Exchange, list[float]]:
    widget = Widget.model_validate({"input": "#in", "send": "#send", "bot_message": ".bot"})
    with LocalSite({"/": page_html, "/stream": _stream_parts}) as url:
        async with async_playwright() as p:
            browser = await p.chromium.launch(**launch_options())
            page = await browser.new_page()
            await page.goto(url)
            driver = WidgetDriver(page, widget, timing)
            greeting = await driver.settle()
            await asyncio.sleep(pause_before_send_s)  # e.g. a screenshot step
            exchange = await driver.send("Hei", "Hei")
            await browser.close()
    return greeting, exchange, driver.cadence.gaps


def test_cadence_learned_from_the_greeting_keeps_a_slower_reply_whole() -> None:
    greeting, exchange, gaps = run_blocking(_conversation(SILENT_PAGE, Timing(quiet_ms=700), 2.0))
    assert [r.text for r in greeting] == ["Tervehdys 1", "Tervehdys 2", "Tervehdys 3"]
    assert max(gaps) >= 0.55, "the greeting's pauses were learned"
    # The greeting's late addition came before the message was sent: it is the greeting's.
    assert [r.text for r in exchange.late_parts_of_previous] == ["Myöhäinen lisäys"]
    assert [r.text for r in exchange.replies] == ["Vastaus 1", "Vastaus 2"]


def test_open_response_holds_a_split_answer_together() -> None:
    # Settle 300 ms, yet the 0.7 s and 2 s pauses inside the streamed answer do not split it.
    _, exchange, _ = run_blocking(_conversation(STREAM_PAGE, Timing(reply_timeout_s=20)))
    assert [r.text for r in exchange.replies] == ["Osa 1", "Osa 2", "Osa 3 tauon jälkeen"]
    assert not exchange.timed_out and not exchange.late_parts_of_previous
