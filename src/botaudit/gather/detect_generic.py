"""Finding an unknown chat widget from what any user meets: a launcher, a field, a log.

Used when no preset matches. The launcher is found by its accessible name in the
languages of Finnish public services (and English); the input by being a text field near a
message log or labelled for messages. The message selectors cannot be guessed from an
empty chat, so a neutral message is sent: the element holding exactly that text is the
user's message, its new siblings with other text are the bot's, and the classes that tell
them apart become the selectors. No class that both share is trusted to mean "bot".
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Frame, Page

from botaudit.config import Timing

LAUNCHER_NAME = (
    r"chat|keskustel|chatt|asiakaspalvel|kundtjänst|\bkysy|fråga|ask us|assistant|avustaja|"
    r"virtuaali|botti|chatbot"
)
STABLE_S = 1.5  # the reply has stopped changing for this long

# A CSS path unique in the document, preferring ids and stable attributes over positions.
_CSS_OF = """
const cssOf = (el) => {
  const uniq = (s) => { try { return document.querySelectorAll(s).length === 1; }
                        catch (e) { return false; } };
  if (el.id && uniq('#' + CSS.escape(el.id))) return '#' + CSS.escape(el.id);
  const tag = el.tagName.toLowerCase();
  for (const a of ['data-testid', 'aria-label', 'name', 'role', 'placeholder']) {
    const v = el.getAttribute(a);
    const s = v ? `${tag}[${a}=${JSON.stringify(v)}]` : '';
    if (s && uniq(s)) return s;
  }
  const cls = [...el.classList].map((c) => '.' + CSS.escape(c)).join('');
  if (cls && uniq(tag + cls)) return tag + cls;
  const parent = el.parentElement;
  if (!parent || parent === document.documentElement) return null;
  const up = cssOf(parent);
  return up ? `${up} > ${tag}:nth-child(${[...parent.children].indexOf(el) + 1})` : null;
};
const shown = (e) => { const r = e.getBoundingClientRect(); const s = getComputedStyle(e);
  return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none'; };
const nameOf = (e) => (e.getAttribute('aria-label') || e.getAttribute('title') ||
  e.innerText || '').trim();
"""

_LAUNCHER_JS = (
    "(pattern) => {"
    + _CSS_OF
    + """
  const re = new RegExp(pattern, 'i');
  const found = [...document.querySelectorAll('button, [role=button], a, [aria-haspopup]')]
    .find((e) => shown(e) && re.test(nameOf(e)) && !e.closest('nav, header, footer'));
  return found ? { css: cssOf(found), name: nameOf(found).slice(0, 60) } : null;
}"""
)

_INPUT_JS = (
    "() => {"
    + _CSS_OF
    + """
  const label = /viesti|kirjoita|kysy|message|type|meddelande|skriv|fråga|question|chat/i;
  let best = null, bestScore = 0;
  for (const e of document.querySelectorAll('textarea, input:not([type]), input[type=text], '
      + '[contenteditable=true], [role=textbox]')) {
    if (!shown(e) || e.closest('form[role=search], [role=search]')) continue;
    let score = 0;
    if (e.closest('[role=dialog], [role=log], [aria-live]') ||
        e.parentElement?.closest('*')?.parentElement?.querySelector('[role=log], [aria-live]'))
      score += 3;
    const text = (e.getAttribute('placeholder') || '') + ' ' + nameOf(e);
    if (label.test(text)) score += 2;
    if (score > bestScore) { best = e; bestScore = score; }
  }
  if (!best) return null;
  let send = null;
  for (let p = best.parentElement, i = 0; p && i < 3 && !send; p = p.parentElement, i++) {
    send = [...p.querySelectorAll('button, [role=button], input[type=submit]')].find((b) =>
      shown(b) && (b.type === 'submit' || /send|lähetä|skicka|submit|➤/i.test(nameOf(b))));
  }
  window.__botauditSeen = new WeakSet(document.querySelectorAll('body *'));
  return { input: cssOf(best), send: send ? cssOf(send) : null, score: bestScore };
}"""
)

# After the neutral message: the user's message node and its new siblings, the bot's.
_MESSAGES_JS = (
    "(msg) => {"
    + _CSS_OF
    + """
  const seen = window.__botauditSeen;
  if (!seen) return null;
  const text = (e) => (e.innerText || '').trim();
  const fresh = [...document.querySelectorAll('body *')].filter((e) => !seen.has(e));
  let user = fresh.find((e) => text(e) === msg && ![...e.children].some((c) => text(c) === msg));
  if (!user) return null;
  while (user.parentElement && text(user.parentElement) === msg) user = user.parentElement;
  const list = user.parentElement;
  const bots = [...list.children].filter((c) => c !== user && !seen.has(c) && text(c)
    && !text(c).includes(msg) && !c.matches('input, textarea, button, form'));
  if (!list || !bots.length) return { waiting: true };
  const common = [...bots[0].classList].filter((c) => bots.every((b) => b.classList.contains(c)));
  const botOnly = common.filter((c) => !user.classList.contains(c));
  const userOnly = [...user.classList].filter((c) => !common.includes(c));
  const listCss = cssOf(list);
  if (!listCss || !botOnly.length) return { undecidable: true };
  const cls = (names) => names.map((c) => '.' + CSS.escape(c)).join('');
  return {
    bot_message: `${listCss} > ${cls(botOnly)}`,
    user_message: userOnly.length ? `${listCss} > ${cls(userOnly)}` : null,
    log: list.getAttribute('role') === 'log' || list.hasAttribute('aria-live'),
    reply: bots.map(text).join(' '),
  };
}"""
)


async def _launch(frame: Frame) -> str | None:
    """Click a launcher named like a chat; its CSS, or None when there is none."""
    launcher = await frame.evaluate(_LAUNCHER_JS, LAUNCHER_NAME)
    if not launcher or not launcher["css"]:
        return None
    await frame.locator(launcher["css"]).first.click(timeout=5000)
    return str(launcher["css"])


async def _input_after_launch(frame: Frame) -> tuple[dict[str, Any] | None, str | None]:
    found = await frame.evaluate(_INPUT_JS)
    if found:
        return found, None
    launcher = await _launch(frame)
    if launcher is None:
        return None, None
    for _ in range(30):  # the chat opens within 3 s of the click, or it is not a chat
        await asyncio.sleep(0.1)
        found = await frame.evaluate(_INPUT_JS)
        if found:
            return found, launcher
    return None, launcher


async def _messages(frame: Frame, message: str, timing: Timing) -> dict[str, Any] | None:
    """Wait until the bot's reply stops changing; the message selectors, or None."""
    deadline = time.monotonic() + timing.reply_timeout_s
    last, since = None, time.monotonic()
    while time.monotonic() < deadline:
        result = await frame.evaluate(_MESSAGES_JS, message)
        if result and result.get("undecidable"):
            return None
        if result != last:
            last, since = result, time.monotonic()
        elif result and "bot_message" in result and time.monotonic() - since >= STABLE_S:
            return result
        await asyncio.sleep(0.2)
    return last if last and "bot_message" in last else None


async def _in_frame(
    frame: Frame, message: str, timing: Timing
) -> tuple[dict[str, Any], str] | None:
    found, launcher = await _input_after_launch(frame)
    if not found or not found["input"]:
        return None
    field = frame.locator(found["input"]).first
    await field.fill(message)
    if found["send"]:
        await frame.locator(found["send"]).first.click()
    else:
        await field.press("Enter")
    result = await _messages(frame, message, timing)
    if result is None:
        return None
    section = {
        "launcher": launcher,
        "input": found["input"],
        "send": found["send"],
        "bot_message": result["bot_message"],
        "user_message": result["user_message"],
    }
    parts = [f"launcher '{launcher}'" if launcher else "no launcher needed"]
    parts.append("an input labelled for messages" if found["score"] >= 2 else "a text input")
    parts.append("a message log (role=log/aria-live)" if result["log"] else "a message list")
    how = "generic detection: " + ", ".join(parts)
    return {k: v for k, v in section.items() if v}, how


async def detect_generic(
    page: Page, message: str, timing: Timing
) -> tuple[dict[str, Any], str] | None:
    """A widget section found without a preset and how; None when nothing chat-like is."""
    frames = [page.main_frame] + [f for f in page.frames if f.parent_frame == page.main_frame]
    for frame in frames:
        try:
            found = await _in_frame(frame, message, timing)
        except PlaywrightError:
            continue
        if found is None:
            continue
        section, how = found
        if frame.parent_frame is not None:
            element = await frame.frame_element()
            iframe = await element.evaluate("(el) => el.id ? '#' + CSS.escape(el.id) : null")
            if iframe is None:
                continue  # a frame we cannot name again would not be found by the audit
            section["iframe"] = iframe
            how += f" inside the iframe '{iframe}'"
        return section, how
    return None
