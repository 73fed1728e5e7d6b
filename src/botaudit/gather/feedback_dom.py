"""The page side of `find_feedback`: list the widget's controls and read feedback forms.

Everything runs in the widget's frame and walks open shadow roots, since no selector for
feedback controls is configured (widgets never seen must work). Elements are tagged with
`data-botaudit-*` attributes so that Python can name them back to Playwright: the lexicon
(Python regular expressions) decides what is a feedback control; the page only reports
names, positions and form structure. Nothing here submits anything.
"""

from __future__ import annotations

import contextlib
from typing import Any

from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Locator

from botaudit.gather.widget import WidgetDriver

MAX_ELEMENTS = 5_000  # a hostile page may hold millions; feedback controls are few

# Shared helpers: every element under a root including open shadow roots, visibility, the
# names a sighted or screen-reader user meets, lowest common ancestor across shadow hosts.
_LIB = """
const up = (e) => e.parentElement || (e.parentNode && e.parentNode.host) || null;
const walk = (root) => {
  const out = []; const stack = [root];
  while (stack.length && out.length < args.max) {
    const n = stack.pop();
    for (const e of n.querySelectorAll('*')) {
      out.push(e); if (e.shadowRoot) stack.push(e.shadowRoot);
    }
  }
  return out;
};
const INTERACTIVE = 'button, a[href], input:not([type=hidden]), textarea, select, ' +
  '[role=button], [role=radio], [role=slider], [role=link], [role=option], ' +
  '[role=menuitemradio], [contenteditable=""], [contenteditable=true]';
const box = (e) => { const r = e.getBoundingClientRect(); if (r.width <= 0 || r.height <= 0)
  return false; const s = getComputedStyle(e); return s.visibility !== 'hidden'; };
const shown = (e) => box(e) || [...(e.labels || [])].some(box);
const text = (e) => (e.innerText || e.textContent || '').trim();
const names = (e) => {
  const out = [e.getAttribute('aria-label'), e.getAttribute('title'), text(e)];
  const root = e.getRootNode();
  for (const id of (e.getAttribute('aria-labelledby') || '').split(/\\s+/).filter(Boolean)) {
    const t = root.getElementById ? root.getElementById(id) : null; if (t) out.push(text(t));
  }
  for (const l of e.labels || []) out.push(text(l));
  for (const i of e.querySelectorAll('img[alt], [aria-label], [title]'))
    out.push(i.getAttribute('alt') || i.getAttribute('aria-label') || i.getAttribute('title'));
  if (e.tagName === 'INPUT' && ['button', 'submit'].includes(e.type)) out.push(e.value);
  return [...new Set(out.map((s) => (s || '').trim().slice(0, 200)).filter(Boolean))].slice(0, 8);
};
const contains = (a, b) => {
  for (let e = b; e; e = up(e)) if (e === a) return true;
  return false;
};
const lca = (nodes) => {
  let a = nodes.length > 1 ? nodes[0] : (nodes[0] ? up(nodes[0]) : null);
  for (const n of nodes) while (a && !contains(a, n)) a = up(a);
  return a;
};
const controls = (root) => walk(root).filter((e) => e.matches(INTERACTIVE) && shown(e));
const describe = (e) => {
  const group = e.closest('[role=radiogroup]');
  const tag = e.tagName.toLowerCase(); const type = (e.getAttribute('type') || '').toLowerCase();
  return {
    id: e.getAttribute('data-botaudit-fb') || '', tag, type, role: e.getAttribute('role') || '',
    names: names(e), href: e.getAttribute('href') || '',
    chat_input: e.hasAttribute('data-botaudit-chatinput'),
    group: (type === 'radio' && e.name) || (group ? 'rg' + (group.id || '') : ''),
    min: Number(e.getAttribute('min') || e.getAttribute('aria-valuemin') || 0),
    max: Number(e.getAttribute('max') || e.getAttribute('aria-valuemax') || 100),
    step: Number(e.getAttribute('step') || 1) || 1,
    options: tag === 'select' ? [...e.options].filter((o) => o.value && !o.disabled).length : 0,
    text_field: tag === 'textarea' || e.isContentEditable ||
      (tag === 'input' && ['', 'text'].includes(type)),
  };
};
const FB = 'data-botaudit-fb';
const byIds = (ids) => walk(document).filter((e) => ids.includes(e.getAttribute(FB)));
"""

# Tag and describe every shown control of the widget, with the bot answer it follows (-1:
# not beside an answer). Beside an answer: inside a bot message, or inside the message
# list (the messages' common ancestor) after a bot message and before the next message.
_SCAN = """
let n = 0;
for (const e of walk(root.ownerDocument))
  if (!(e.getAttribute(FB) || 'n').startsWith('n')) e.removeAttribute(FB);
const all = walk(root);
const msgs = all.filter((e) => e.hasAttribute('data-botaudit-msg'));
const bots = msgs.filter((m) => m.getAttribute('data-botaudit-msg') === 'b');
const list = msgs.length ? lca(msgs) : null;
const answerOf = (e) => {
  for (let a = e; a; a = up(a)) if (a.getAttribute && a.getAttribute('data-botaudit-msg') === 'b')
    return bots.indexOf(a);
  if (!list || !contains(list, e)) return -1;
  let prev = null;
  for (const m of msgs)
    if (m.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING) prev = m;
  return prev && prev.getAttribute('data-botaudit-msg') === 'b' ? bots.indexOf(prev) : -1;
};
return controls(root).map((e) => {
  e.setAttribute('data-botaudit-fb', String(n++));
  const parent = up(e);
  if (parent && !parent.hasAttribute('data-botaudit-fbp'))
    parent.setAttribute('data-botaudit-fbp', String(n));
  const group = parent ? parent.getAttribute('data-botaudit-fbp') : '';
  return { ...describe(e), answer: answerOf(e), parent: group };
});
"""

# Read the smallest region holding the given controls (their parent, for one control):
# its text and every control in it.
_REGION = """
const region = lca(byIds(args.ids));
if (!region) return null;
return { prompt: text(region).slice(0, 400), controls: controls(region).map(describe) };
"""

# Remember what is shown now, before a click, to tell what the click made appear.
_SNAPSHOT = """
for (const e of walk(root.ownerDocument)) {
  e.removeAttribute('data-botaudit-seen');
  if (e.matches(INTERACTIVE) && shown(e)) e.setAttribute('data-botaudit-seen', '');
}
return true;
"""

# Controls shown since the snapshot, grouped by the form or dialog holding them (the rest
# together); a group's text is its holder's, else its common ancestor's. Each control is
# tagged "n0", "n1" …, which a later scan keeps.
_APPEARED = """
let n = 0;
for (const e of walk(root.ownerDocument))
  if ((e.getAttribute(FB) || '').startsWith('n')) e.removeAttribute(FB);
const fresh = controls(root.ownerDocument).filter((e) => !e.hasAttribute('data-botaudit-seen')
  && !e.hasAttribute('data-botaudit-launcher') && !e.hasAttribute('data-botaudit-chatinput'));
const holders = new Map();
for (const e of fresh) {
  e.setAttribute(FB, 'n' + n++);
  const key = e.closest('form, dialog, [role=dialog], [role=form]') || 'rest';
  if (!holders.has(key)) holders.set(key, []);
  holders.get(key).push(e);
}
return [...holders.entries()].map(([holder, els]) => {
  const region = holder === 'rest' ? lca(els) : holder;
  const prompt = region ? text(region).slice(0, 400) : '';
  return { ids: els.map((e) => e.getAttribute(FB)), prompt, controls: els.map(describe) };
});
"""


def _js(body: str) -> str:
    return f"(root, args) => {{ {_LIB}\n{body} }}"


class FeedbackDom:
    """The widget's frame, as `find_feedback` needs to read it."""

    def __init__(self, driver: WidgetDriver) -> None:
        self.driver = driver
        self.document = driver.default_scope.locator(":root").first
        self.args: dict[str, Any] = {"max": MAX_ELEMENTS}

    async def _mark(self, locator: Locator, attribute: str, value: str = "") -> None:
        js = f"(ns) => ns.forEach((n) => n.setAttribute('{attribute}', '{value}'))"
        with contextlib.suppress(PlaywrightError):  # a part not there needs no tag
            await locator.evaluate_all(js)

    async def mark_parts(self) -> None:
        """Tag the messages, the chat input and the launcher, which are not feedback."""
        widget, driver = self.driver.widget, self.driver
        await self._mark(driver.locator(widget.bot_message), "data-botaudit-msg", "b")
        if widget.user_message is not None:
            await self._mark(driver.locator(widget.user_message), "data-botaudit-msg", "u")
        await self._mark(driver.locator(widget.input), "data-botaudit-chatinput")
        if widget.launcher is not None:
            await self._mark(driver.locator(widget.launcher), "data-botaudit-launcher")

    async def scan(self) -> list[dict[str, Any]]:
        container = await self.driver.container()
        return await container.evaluate(_js(_SCAN), self.args)

    async def region(self, ids: list[str]) -> dict[str, Any] | None:
        return await self.document.evaluate(_js(_REGION), {**self.args, "ids": ids})

    async def snapshot(self) -> None:
        await self.document.evaluate(_js(_SNAPSHOT), self.args)

    async def appeared(self) -> list[dict[str, Any]]:
        return await self.document.evaluate(_js(_APPEARED), self.args)

    def control(self, control_id: str) -> Locator:
        selector = f'[data-botaudit-fb="{control_id}"]'
        return self.driver.default_scope.locator(selector).first
