"""What the `find_feedback` step observes: the ways the widget offers to give feedback.

OuluBot let users rate a conversation only with success/failure buttons and text, and its
greeting said feedback could be given "kun suljet chatin" (METKU 2022, Lisäselvitys 2,
4.2.2, 4.2.3); the study recommends a graded scale (4.2.4 Hyväksyttävyys). So each form
records where it was offered, what kind of scale it has and whether it takes free text.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from botaudit.evidence.model import observation

Where = Literal["per_answer", "anytime", "on_close"]
Scale = Literal["graded", "binary", "single", "none"]


class FeedbackForm(BaseModel):
    """One feedback form or row of controls, as found (nothing was submitted)."""

    where: Where = Field(
        description="per_answer: beside a bot answer; anytime: elsewhere in the open chat; "
        "on_close: appeared only when the chat was closed or ended."
    )
    opened_by: str = Field(default="", description="The control clicked to show it, if any.")
    scale: Scale = Field(
        description="graded: 3 or more ordered choices; binary: two (thumbs, yes/no, "
        "onnistui/epäonnistui); single: one; none: no choices (text only)."
    )
    scale_type: str = Field(default="", description="radio, range, select or buttons.")
    levels: int = 0
    choices: list[str] = Field(default_factory=list, description="The choices' labels.")
    text_field: bool = Field(default=False, description="It has a free-text field.")
    text_field_label: str = ""
    prompt: str = Field(default="", description="The form's own text, capped.")
    inspected: bool = Field(
        default=True,
        description="False: what it asks could not be seen (a link not followed, a control "
        "that showed no form in the chat).",
    )
    link: str = Field(
        default="", description="The address of a feedback link that was not followed."
    )


@observation
class FeedbackControls(BaseModel):
    """Every feedback form found in the open widget, and how closing the chat went."""

    forms: list[FeedbackForm] = Field(default_factory=list)
    close: Literal["clicked", "not_found", "failed", "skipped"] = Field(
        default="not_found",
        description="The close/end control: clicked, none found, the click failed, or not "
        "tried (a form opened earlier could not be dismissed).",
    )
    close_control: str = Field(default="", description="The name of the control clicked.")
    detail: str = ""

    def where(self, *places: Where) -> list[FeedbackForm]:
        return [f for f in self.forms if f.where in places]
