"""What the `keyboard_walkthrough` step observes: the chat used with the keyboard alone.

Each part of the walkthrough is recorded as what happened, not as a verdict, so that the
check (and a person reading the bundle) can quote it: how many Tab presses reached the
launcher, which key opened the chat, where focus went, which live region holds the
messages, how the chat closed and where focus went then, and how the open chat fits a
320 CSS px wide viewport (WCAG 2.1 SC 1.4.10, 400 % zoom of a 1280 px wide window).
`None` in a field means the part could not be tried (see `skipped`), never "passed".
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from botaudit.evidence.model import observation


class Reflow(BaseModel):
    """The open chat in a small viewport: does it fit, can its input and send be used?"""

    width: int
    height: int
    widget_width: float = Field(description="The chat's (or its iframe's) width, CSS px.")
    widget_fits: bool = Field(description="The chat lies within the viewport's width.")
    scrolls_sideways: bool = Field(description="The chat itself scrolls horizontally.")
    input_usable: bool = Field(
        description="Scrolled into view, the input lies inside the viewport and is what a "
        "tap at its centre hits."
    )
    send_usable: bool | None = Field(
        default=None, description="The same for the send control; None: none configured."
    )
    message_readable: bool | None = Field(
        default=None,
        description="Scrolled into view, the last bot message can be seen (at least 16 px "
        "of it, not clipped or covered); None: no bot message to look at.",
    )
    detail: str = ""


@observation
class KeyboardWalkthrough(BaseModel):
    """The chat opened, used and closed by keyboard, and shown 320 px wide (`keyboard`)."""

    max_tabs: int
    launcher: Literal["reached", "not_reached", "none"] = Field(
        description="none: the chat is open from the start, with no launcher to reach."
    )
    tab_presses: int | None = Field(default=None, description="Tabs until the launcher had focus.")
    launcher_element: str = Field(default="", description="The launcher, as markup.")
    opened_with: Literal["Enter", "Space"] | None = None
    opened_by_mouse: bool = Field(
        default=False, description="The keyboard could not open it: clicked, to try the rest."
    )
    focus_after_open: str = ""
    focus_moved_in: bool | None = None
    tabs_to_input: int | None = Field(default=None, description="Tabs from there to the input.")
    sent_with: Literal["Enter", "send button"] | None = None
    message_sent: bool | None = None
    reply_seen: bool = False
    live_region: str = Field(default="", description="The live region around the messages.")
    announced: bool | None = Field(
        default=None, description="A bot message lies in a live region not hidden from AT."
    )
    closed_with: Literal["Escape", "close button"] | None = None
    close_button: str = Field(default="", description="The close control's name, if used.")
    closed: bool | None = None
    focus_after_close: str = ""
    focus_returned: Literal["launcher", "elsewhere", "lost"] | None = None
    reflow: Reflow | None = None
    skipped: list[str] = Field(
        default_factory=list, description="Parts that could not be tried, and why."
    )
