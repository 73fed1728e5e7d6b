"""Transcript statistics: every figure of a log review, typed and serialisable, and the
evidence record they travel in (kind `transcript`, source `logs`, name `stats`).

`TranscriptStats` is what `transcripts.json` holds, what goes into the evidence bundle and
what the criteria are judged from, so `botaudit report` can re-judge without the logs. It
holds counts, never message texts other than masked examples. It lives in the evidence
layer, so checks read it without the reading machinery (`botaudit.transcripts`).
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, Field

from botaudit.evidence.model import EvidenceRecord, observation
from botaudit.evidence.producers import producer

SCHEMA = "botaudit-transcripts/1"


def rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


class Week(BaseModel):
    week: str = Field(description="ISO week, e.g. 2025-W03 (of the conversation's start).")
    messages: int = 0
    conversations: int = 0
    engaged: int = Field(0, description="Conversations with at least one user message.")
    contained: int = 0
    handoffs: int = 0
    human_requests: int = 0
    with_feedback: int = 0
    answers: int = Field(0, description="First bot replies to a user message.")
    fallbacks: int = Field(0, description="... that were fallbacks.")
    feedback_messages: int = 0
    personal_data: int = 0

    @property
    def fallback_rate(self) -> float | None:
        return rate(self.fallbacks, self.answers)

    @property
    def containment_rate(self) -> float | None:
        return rate(self.contained, self.engaged)

    @property
    def handoff_rate(self) -> float | None:
        return rate(self.handoffs, self.engaged)


class Conversations(BaseModel):
    total: int = 0
    engaged: int = 0
    contained: int = 0
    handoffs: int = 0
    human_requests: int = 0
    with_fallback: int = 0
    with_feedback: int = 0
    by_language: dict[str, int] = Field(default_factory=dict)


class Feedback(BaseModel):
    messages: int = 0
    thumbs: dict[str, int] = Field(default_factory=dict, description="up / down")
    stars: dict[str, int] = Field(default_factory=dict, description="'1'..'5'")
    unreadable: int = 0

    @property
    def satisfied(self) -> int:
        return self.thumbs.get("up", 0) + self.stars.get("4", 0) + self.stars.get("5", 0)

    @property
    def judged(self) -> int:
        return sum(self.thumbs.values()) + sum(self.stars.values())


class Example(BaseModel):
    file: str
    line: int
    text: str = Field(description="The message with personal data masked.")
    sender: str | None = None


class Group(BaseModel):
    key: str = Field(description="Sorted word stems shared by the questions of the group.")
    count: int
    examples: list[Example]


class Unanswered(BaseModel):
    groups: list[Group] = Field(default_factory=list)
    distinct: int = 0
    exact: bool = True
    max_undercount: int = Field(0, description="Largest possible undercount of any group.")


class PersonalKind(BaseModel):
    total: int = 0
    by_sender: dict[str, int] = Field(default_factory=dict)
    by_week: dict[str, int] = Field(default_factory=dict)
    examples: list[Example] = Field(default_factory=list)


class Malformed(BaseModel):
    total: int = 0
    by_reason: dict[str, int] = Field(default_factory=dict)
    examples: list[Example] = Field(default_factory=list, description="text = the reason")


class SourceFile(BaseModel):
    path: str
    lines: int


@observation
class TranscriptStats(BaseModel):
    schema_version: str = SCHEMA
    files: list[SourceFile]
    shards: int
    idle_minutes: float
    messages: int
    senders: dict[str, int]
    languages: dict[str, int] = Field(description="Messages per language.")
    hours: list[int] = Field(description="Messages per hour of day 0-23, as logged.")
    weeks: list[Week]
    conversations: Conversations
    answers: int
    fallbacks: int
    fallback_messages: int
    human_request_messages: int
    feedback: Feedback
    unanswered: Unanswered
    personal_data: dict[str, PersonalKind]
    malformed: Malformed

    @property
    def fallback_rate(self) -> float | None:
        return rate(self.fallbacks, self.answers)

    @property
    def containment_rate(self) -> float | None:
        return rate(self.conversations.contained, self.conversations.engaged)

    @property
    def feedback_rate(self) -> float | None:
        return rate(self.conversations.with_feedback, self.conversations.engaged)


# -- the record in the evidence bundle ---------------------------------------------------

SOURCE = "logs"
NAME = "stats"


@producer("transcript")
def transcript_model(source: str, name: str, folder: Path | None) -> type[TranscriptStats] | str:
    """The transcript kind records only the statistics of source 'logs'."""
    if source != SOURCE or name != NAME:
        return f"transcripts produce only '{SOURCE}/{NAME}', not '{source}/{name}'"
    return TranscriptStats


def as_record(stats: TranscriptStats) -> EvidenceRecord:
    """The statistics as the bundle's record transcript:logs/stats."""
    return EvidenceRecord(
        kind="transcript", source=SOURCE, name=NAME, data=stats.model_dump(mode="json")
    )
