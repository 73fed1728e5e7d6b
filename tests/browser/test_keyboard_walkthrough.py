"""The keyboard walkthrough on a widget it was not built on: always open, sent only by its
button, so that the parts that do not apply and the send-button path are exercised. (The
demo's good and bad, the iframe and the npm widget are judged in their own audits.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from local_site import LocalSite

from botaudit.config import parse_config
from botaudit.pipeline import AuditOutcome, run_audit

pytestmark = pytest.mark.browser


def keyboard_audit(
    tmp_path: Path, page: str, language: str, widget: dict[str, str], greeting_s: float
) -> AuditOutcome:
    """The keyboard scenario alone, on `page` served from 127.0.0.1."""
    with LocalSite({"/": page}) as url:
        config = {
            "name": f"keyboard-{language}",
            "target": {"url": url},
            "language": language,
            "scenarios": ["keyboard"],
            "widget": widget,
            "timing": {"reply_timeout_s": 5, "greeting_timeout_s": greeting_s},
        }
        return run_audit(parse_config(config, "keyboard test"), tmp_path)


# Open from the start; Enter in the input does nothing, only the button sends.
PAGE = """<!doctype html><html lang="sv"><head><meta charset="utf-8"><title>Kommun</title>
</head><body><h1>Kommun</h1><a href="#">Start</a>
<section id="chat" aria-label="Chatt"><div id="log" role="log"></div>
<input id="in" aria-label="Meddelande"><button id="send" type="button">Skicka</button></section>
<script>
const log = document.getElementById('log');
const say = (cls, text) => {
  const node = document.createElement('div');
  node.className = cls;
  node.textContent = text;
  log.append(node);
};
document.getElementById('send').onclick = () => {
  const input = document.getElementById('in');
  say('user', input.value);
  input.value = '';
  setTimeout(() => say('bot', 'Tack för frågan, jag är en chattbot.'), 100);
};
say('bot', 'Hej! Jag är en chattbot.');
</script></body></html>"""


def test_an_always_open_chat_sent_by_its_button(tmp_path: Path) -> None:
    widget = {"input": "#in", "send": "#send", "bot_message": ".bot"}
    outcome = keyboard_audit(tmp_path, PAGE, "sv", widget, greeting_s=2)
    scenario = next(s for s in outcome.bundle.scenarios if s.id == "keyboard")
    walk = next(s for s in scenario.steps if s.name == "keyboard").data
    assert walk["launcher"] == "none" and walk["closed"] is None
    assert walk["sent_with"] == "send button" and walk["reply_seen"]
    assert walk["live_region"].startswith('<div id="log" role="log"')
    result = next(c for c in outcome.report.criteria if c.id == "fairness.widget-accessibility")
    assert result.outcome == "pass", result.explanation.en
    assert "open from the start" in result.explanation.en
    assert "the send button, reached by Tab" in result.explanation.en


# A floating chat that slides off screen when closed (still "visible" to Playwright), opened
# by a real button; Escape does nothing, only its header's close button closes it.
SLIDING = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Town</title>
<style>#chat { position: fixed; right: 0; bottom: 0; width: 300px; transition: none; }
#chat.closed { transform: translateX(150vw); }</style></head><body><h1>Town</h1>
<button id="open" type="button">Chat with us</button>
<section id="chat" class="closed"><button id="x" type="button" aria-label="Close chat">×</button>
<div id="log" aria-live="polite"></div><form id="f"><input id="in" aria-label="Message">
<button type="submit">Send</button></form></section>
<script>
const chat = document.getElementById('chat');
document.getElementById('open').onclick = () => {
  chat.classList.remove('closed');
  document.getElementById('in').focus();
};
document.getElementById('x').onclick = () => chat.classList.add('closed');
document.getElementById('f').onsubmit = (e) => {
  e.preventDefault();
  const node = document.createElement('p');
  node.className = 'bot';
  node.textContent = 'Thanks, I am a bot.';
  document.getElementById('log').append(node);
  document.getElementById('in').value = '';
};
</script></body></html>"""


def test_a_chat_that_slides_away_closed_by_its_button(tmp_path: Path) -> None:
    widget = {"launcher": "#open", "input": "#in", "bot_message": ".bot"}
    outcome = keyboard_audit(tmp_path, SLIDING, "en", widget, greeting_s=1)
    result = next(c for c in outcome.report.criteria if c.id == "fairness.widget-accessibility")
    # Opened by Tab + Enter, closed by the button found by Tab, but focus is then lost.
    assert result.outcome == "partial", result.explanation.en
    en = result.explanation.en
    assert "after 1 press of Tab and Enter opened the chat" in en
    assert "the close button 'Close chat' (found by Tab) closed the chat, but focus was lost" in en
    assert "at 320×256 CSS px (400 % zoom) the open chat fits" in en
