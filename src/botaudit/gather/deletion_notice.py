"""Read what the widget says about deleting the conversation, without deleting it.

`read_deletion_notice` runs before `end_conversation` and finds the same control (the
config's `end_conversation` selectors, else a visible button or link named like the
lexicon's `end_conversation` names) and records its accessible description and the text
around it. Clicking stays with `end_conversation`, which records the "are you sure?" text
through `accept_dialogs` and `confirmation_text` below: the control is clicked once.
"""

from __future__ import annotations

from playwright.async_api import Dialog, Locator, Page
from playwright.async_api import Error as PlaywrightError

from botaudit.evidence.deletion_notice import DeletionNotice
from botaudit.evidence.text import capped
from botaudit.gather.dom import find_named_control
from botaudit.gather.step_base import NoParams, RunContext, step

NEAR_CAP = 1_000
CONFIRM_CAP = 600

# The control's description, and the text of the closest ancestor (up to four levels) that
# says more than the control's own name: a note beside the button, not the whole site.
_NEAR_JS = """(el) => {
  const own = (el.innerText || el.getAttribute("aria-label") || "").trim();
  const root = el.getRootNode();
  const byId = (id) => (root.getElementById ? root.getElementById(id) : null)
    || document.getElementById(id);
  const described = (el.getAttribute("aria-describedby") || "").split(/\\s+/)
    .filter(Boolean).map((id) => { const d = byId(id); return d ? d.textContent : ""; });
  const parts = [el.getAttribute("title"), el.getAttribute("aria-description"), ...described];
  let near = "";
  let node = el.parentElement;
  for (let i = 0; node && i < 4; i += 1, node = node.parentElement) {
    const text = (node.innerText || "").trim();
    if (text.length > own.length + 10) { near = text; break; }
  }
  return { described: parts.filter(Boolean).join("\\n").trim(), near };
}"""

# The text of the "are you sure?" holding a confirm button: its dialog, else its parent.
_CONFIRM_JS = """(el) => {
  const box = el.closest('[role=dialog],[role=alertdialog],dialog,[aria-modal=true]')
    || el.parentElement || el;
  return (box.innerText || "").trim();
}"""


@step(
    "read_deletion_notice",
    NoParams,
    DeletionNotice,
    "Read the text beside the delete-conversation control (without clicking it).",
)
async def read_deletion_notice(ctx: RunContext, _: NoParams) -> DeletionNotice:
    widget = ctx.config.widget
    if widget.end_conversation:
        # The last selector is the delete control itself (the others open a menu to it).
        for selector in reversed(widget.end_conversation):
            control = ctx.driver.locator(selector).first
            if await _visible(control):
                return await _read(ctx, control, selector.css, "config")
        return DeletionNotice(found=True, via="config", label=widget.end_conversation[-1].css)
    lexicon = ctx.lexicon
    names = [n for lang in ("fi", "sv", "en") for n in lexicon.for_language(lang).end_conversation]
    if found := await find_named_control(ctx.driver.default_scope, names):
        return await _read(ctx, *found, "lexicon")
    return DeletionNotice(found=False, searched=names)


async def _visible(control: Locator) -> bool:
    try:
        return await control.is_visible()
    except PlaywrightError:
        return False


async def _read(ctx: RunContext, control: Locator, label: str, via: str) -> DeletionNotice:
    try:
        text = await control.evaluate(_NEAR_JS)
    except PlaywrightError:
        text = {"described": "", "near": ""}
    return DeletionNotice(
        found=True,
        via=via,  # type: ignore[arg-type]
        label=label,
        described=capped(ctx.mask(text["described"]), NEAR_CAP),
        near_text=capped(ctx.mask(text["near"]), NEAR_CAP),
    )


def accept_dialogs(page: Page) -> list[str]:
    """Accept every native dialog (confirm/alert) from now on; the list fills with what
    they said, so the step that clicked can record the question it answered."""
    said: list[str] = []

    async def accept(dialog: Dialog) -> None:
        said.append(dialog.message)
        await dialog.accept()

    page.on("dialog", accept)
    return said


async def confirmation_text(button: Locator) -> str:
    """What an in-page "are you sure?" says around its confirm button."""
    try:
        return capped(await button.evaluate(_CONFIRM_JS), CONFIRM_CAP)
    except PlaywrightError:
        return ""
