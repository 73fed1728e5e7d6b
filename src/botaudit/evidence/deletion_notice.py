"""What the `read_deletion_notice` step observes: what the widget says beside its delete
control, before anyone clicks it.

The study found that OuluBot's "Poista keskustelu" deletes the conversation but left it
unclear whether it also leaves the bot trainers' view (METKU 2022, Lisäselvitys 2, 4.2.4
Legitiimiys); GDPR Art. 13(2)(a) asks for the retention period. The answer may be written
next to the control, in its accessible description, in an "are you sure?" (recorded by
`end_conversation`) or in the privacy notice (recorded by `read_linked_pages`).
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from botaudit.evidence.model import observation


@observation
class DeletionNotice(BaseModel):
    """The delete control and the text around it (`read_deletion_notice`)."""

    found: bool
    via: Literal["config", "lexicon"] | None = None
    label: str = Field(default="", description="The control's name, as looked for or configured.")
    described: str = Field(
        default="",
        description="The control's title, aria-description and aria-describedby text, masked.",
    )
    near_text: str = Field(
        default="",
        description="The text of the nearest element around the control that says more than "
        "the control's own name, masked and capped.",
    )
    searched: list[str] = Field(
        default_factory=list, description="The names looked for, when none was found."
    )
