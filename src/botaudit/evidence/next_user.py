"""What the `next_user` step observes: the chat as the next user of the computer sees it.

Kept with the other observation models, below both the step that records it and the
check that reads it.
"""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, Field

from botaudit.evidence.model import observation

How = Literal["back", "reopen", "new_tab"]


@observation
class NextUserView(BaseModel):
    """What the chat showed the next user (`next_user`)."""

    how: How
    conversation_shown: bool = Field(
        description="Any message of the citizen's conversation is on screen again."
    )
    typed_data_shown: list[str] = Field(
        default_factory=list, description="Probe kinds the citizen typed that are on screen."
    )
    bot_messages: int = 0
    visible_text: str = Field(default="", description="What the widget showed, masked.")
    screenshot: str | None = None
