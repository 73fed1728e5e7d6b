"""What a conversation run records: every question asked and what the bot answered.

Stored as the `conversation` record (source `probes`, name `run`) of evidence.json, so a
saved bundle is re-judged offline from exactly this. Answers are masked (botaudit.evidence.pii)
before they are put here; judging (expectation met, fell back) is recomputed from them by
pure functions, never stored as a verdict.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, Field

from botaudit.conversation.questions import Expectation, Language, Topic
from botaudit.evidence.model import observation
from botaudit.evidence.producers import producer

SOURCE = "probes"  # the record's source in EvidenceBundle.records (kind "conversation")
RECORD_NAME = "run"

AskKind = Literal["variant", "persona", "follow_up"]


class AnswerRecord(BaseModel):
    """One question and the bot's whole reply to it."""

    kind: AskKind = "variant"
    asked: str = Field(description="What was sent, personal data masked.")
    persona: str | None = None
    follows: int | None = Field(default=None, description="Index of the follow-up in its topic.")
    texts: list[str] = Field(default_factory=list, description="Reply messages, masked.")
    buttons: list[str] = Field(default_factory=list)
    links: list[str] = Field(default_factory=list)
    latency_ms: int = 0
    error: str | None = Field(default=None, description="Why there is no answer.")

    @property
    def answer(self) -> str:
        return "\n".join(self.texts)


class TopicRun(BaseModel):
    set_id: str
    language: Language
    topic: Topic
    answers: list[AnswerRecord] = Field(default_factory=list)

    @property
    def key(self) -> str:
        return f"{self.set_id}/{self.topic.id}"

    def expectation_for(self, record: AnswerRecord) -> Expectation:
        if record.kind == "follow_up" and record.follows is not None:
            return self.topic.follow_ups[record.follows].expect
        return self.topic.expect


class QuestionSetInfo(BaseModel):
    id: str
    language: Language
    path: str
    sha256: str


class LinkCheck(BaseModel):
    url: str
    status: int | None = None
    error: str | None = None

    @property
    def works(self) -> bool:
        return self.status is not None and self.status < 400


@observation
class ConversationRun(BaseModel):
    connector: str
    endpoint: str
    started_at: datetime
    finished_at: datetime | None = None
    min_interval_s: float = 1.0
    question_sets: list[QuestionSetInfo] = Field(default_factory=list)
    topics: list[TopicRun] = Field(default_factory=list)
    links_checked: bool = False
    link_checks: list[LinkCheck] = Field(default_factory=list)
    error: str | None = Field(default=None, description="Why the run stopped early, if it did.")

    def answered(self) -> list[tuple[TopicRun, AnswerRecord]]:
        """Every (topic, record) with an answer."""
        return [(t, a) for t in self.topics for a in t.answers if a.error is None]

    def errors(self) -> list[str]:
        return [a.error for t in self.topics for a in t.answers if a.error]


@producer("conversation")
def conversation_model(source: str, name: str, folder: Path | None) -> type[BaseModel] | str:
    """The conversation probes record one run, under source `probes` and name `run`."""
    if (source, name) == (SOURCE, RECORD_NAME):
        return ConversationRun
    return (
        f"conversation probes record only {SOURCE}/{RECORD_NAME}, not {source}/{name}; "
        "fix the check's needs"
    )
