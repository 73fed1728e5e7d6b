"""Page-side JavaScript of the keyboard walkthrough (`botaudit.gather.keyboard`).

Every function runs in the frame of the element it is evaluated on, so the same code works
for a widget on the page, inside an iframe (same- or cross-origin) or in a shadow root:
focus is followed down through open shadow roots (`shadowRoot.activeElement`) and "inside"
walks up through shadow hosts, as document.activeElement and Node.contains stop at both.
"""

from __future__ import annotations

_HELPERS = """
const deepActive = (doc) => {
  let a = doc.activeElement;
  while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
  return a;
};
const up = (n) => n.parentNode instanceof ShadowRoot ? n.parentNode.host : n.parentNode;
const inside = (root, node) => {
  for (let n = node; n; n = up(n)) if (n === root) return true;
  return false;
};
const focused = (doc) => {
  const a = deepActive(doc);
  if (!doc.hasFocus() || !a || a === doc.body || a === doc.documentElement) return null;
  return a;
};
// Whether the element can be seen: some widgets "close" by sliding the chat off screen or
// fading it out, leaving it in the layout, where Playwright still calls it visible. Fixed
// (floating) chats are placed against the viewport, others against the page, which may
// be scrolled to them.
const shown = (el) => {
  const r = el.getBoundingClientRect();
  let fixed = false;
  for (let n = el; n && n.nodeType === 1; n = n.parentElement || n.getRootNode().host) {
    if (getComputedStyle(n).position === 'fixed') { fixed = true; break; }
  }
  const page = el.ownerDocument.documentElement;
  const w = fixed ? innerWidth : Math.max(page.scrollWidth, innerWidth);
  const h = fixed ? innerHeight : Math.max(page.scrollHeight, innerHeight);
  const x = fixed ? r.left : r.left + scrollX, y = fixed ? r.top : r.top + scrollY;
  const onPage = r.width > 0 && r.height > 0 && x + r.width > 0 && y + r.height > 0
    && x < w && y < h;
  const seen = el.checkVisibility
    ? el.checkVisibility({opacityProperty: true, visibilityProperty: true}) : true;
  return onPage && seen;
};
const describe = (el, cap) => {
  if (!el) return '';
  const html = el.outerHTML || '';
  const open = html.slice(0, html.indexOf('>') + 1) || `<${el.tagName.toLowerCase()}>`;
  return open.length > cap ? open.slice(0, cap - 1) + '…' : open;
};
"""

# Whether the element (or the control it wraps, or the control wrapping it) has focus.
HAS_FOCUS_JS = f"""
(el) => {{
  {_HELPERS}
  const a = focused(el.ownerDocument);
  return !!a && (a === el || inside(el, a) || inside(a, el));
}}
"""

# Whether focus is inside `root` (the chat), and the focused element as markup.
FOCUS_INSIDE_JS = f"""
(root, cap) => {{
  {_HELPERS}
  const a = focused(root.ownerDocument);
  return {{inside: !!a && inside(root, a), element: describe(a, cap)}};
}}
"""

# The focused element of this frame as markup ('' when nothing but the page has focus);
# `visible` says whether it can still be seen (a control in a closed chat cannot: focus
# left there is lost).
FOCUSED_JS = f"""
(cap) => {{
  {_HELPERS}
  const a = focused(document);
  return {{element: describe(a, cap), visible: !!a && shown(a),
           frame: !!a && a.tagName === 'IFRAME'}};
}}
"""

# The focused element inside `root` and its accessible name (for finding a close button).
FOCUSED_NAME_JS = f"""
(root, cap) => {{
  {_HELPERS}
  const a = focused(root.ownerDocument);
  if (!a || !inside(root, a)) return null;
  const name = a.getAttribute('aria-label') || a.getAttribute('title')
    || (a.innerText || a.textContent || '').trim() || a.getAttribute('value') || '';
  return name.trim().slice(0, cap);
}}
"""

DESCRIBE_JS = f"""
(el, cap) => {{
  {_HELPERS}
  return describe(el, cap);
}}
"""

SHOWN_JS = f"""
(el) => {{
  {_HELPERS}
  return shown(el);
}}
"""

# The text in an input, textarea or contenteditable element.
VALUE_JS = "(el) => (el.value !== undefined ? el.value : el.textContent) || ''"

# Whether a message node is announced: the nearest aria-live decides (off: not), else a
# role that is live by definition (log, status, alert); aria-hidden on the way hides it.
LIVE_JS = f"""
(node, cap) => {{
  {_HELPERS}
  const LIVE_ROLES = ['log', 'status', 'alert'];
  for (let n = node; n && n.nodeType === 1; n = up(n)) {{
    if (n.getAttribute('aria-hidden') === 'true') {{
      return {{announced: false, region: describe(n, cap), hidden: true}};
    }}
    const live = n.getAttribute('aria-live');
    if (live !== null) {{
      return {{announced: live !== 'off', region: describe(n, cap), hidden: false}};
    }}
    if (LIVE_ROLES.includes(n.getAttribute('role'))) {{
      return {{announced: true, region: describe(n, cap), hidden: false}};
    }}
  }}
  return {{announced: false, region: '', hidden: false}};
}}
"""

# After scrolling it into view: is the element's visible part inside the viewport, and is
# it what a tap there would hit (not clipped away by an overflow, not covered)? A control
# must be wholly inside; a message (`whole` false) may be taller than the viewport.
USABLE_JS = f"""
(el, whole) => {{
  {_HELPERS}
  el.scrollIntoView({{block: whole ? 'center' : 'start', inline: 'nearest'}});
  const r = el.getBoundingClientRect();
  const top = Math.max(r.top, 0), bottom = Math.min(r.bottom, innerHeight);
  const left = Math.max(r.left, 0), right = Math.min(r.right, innerWidth);
  const within = r.width > 0 && r.height > 0 && (whole
    ? r.left >= -1 && r.top >= -1 && r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1
    : bottom - top >= Math.min(r.height, 16) && right - left >= Math.min(r.width, 16));
  const x = (left + right) / 2, y = (top + bottom) / 2;
  let hit = document.elementFromPoint(x, y);
  while (hit && hit.shadowRoot) {{
    const deeper = hit.shadowRoot.elementFromPoint(x, y);
    if (!deeper || deeper === hit) break;
    hit = deeper;
  }}
  return {{within, hit: !!hit && (hit === el || inside(el, hit)),
           box: [Math.round(r.left), Math.round(r.top), Math.round(r.width),
                 Math.round(r.height)]}};
}}
"""

# The chat's box against the viewport's width, and whether it scrolls sideways itself.
FITS_JS = """
(root) => {
  const whole = root === document.body || root === document.documentElement;
  const box = whole ? document.scrollingElement : root;
  const r = root.getBoundingClientRect();
  const overflow = getComputedStyle(box).overflowX;
  const scrolls = box.scrollWidth > box.clientWidth + 1
    && (whole || overflow === 'auto' || overflow === 'scroll');
  return {width: whole ? box.scrollWidth : r.width, scrolls,
          fits: whole ? box.scrollWidth <= innerWidth + 1
                      : r.left >= -1 && r.right <= innerWidth + 1};
}
"""

NEXT_FRAME_JS = "() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))"
