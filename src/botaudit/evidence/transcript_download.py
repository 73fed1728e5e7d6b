"""What the `download_transcript` step observes: the conversation as a downloaded file."""

from __future__ import annotations

from pydantic import BaseModel, Field

from botaudit.evidence.model import observation


@observation
class TranscriptDownload(BaseModel):
    """The "download the conversation" control and the file it gave (`download_transcript`)."""

    found: bool
    label: str = Field(default="", description="The control's name, as looked for.")
    filename: str = ""
    size_bytes: int = 0
    holds_conversation: bool = Field(
        default=False, description="A reply the bot gave in this session is in the file."
    )
    typed_data_shown: list[str] = Field(
        default_factory=list, description="Probe kinds typed in the chat found in the file."
    )
    excerpt: str = Field(default="", description="The file's start, personal data masked.")
    transcript: str | None = Field(default=None, description="The masked copy in the bundle.")
    detail: str = ""
