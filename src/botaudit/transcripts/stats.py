"""The saved statistics: every figure of a transcript review, typed and serialisable.

`TranscriptStats` is what `transcripts.json` holds, what goes into the evidence bundle and
what the criteria are judged from, so `botaudit report` can re-judge without the logs. It
holds counts, never message texts other than masked examples.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from pydantic import BaseModel, Field

from botaudit.transcripts.tally import Tally

SCHEMA = "botaudit-transcripts/1"
TOP_GROUPS = 20


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


def _example(files: list[str], ref: tuple[int, int], text: str, sender: str | None = None):
    return Example(file=Path(files[ref[0]]).name, line=ref[1], text=text, sender=sender)


def from_tally(tally: Tally, files: list[str], shards: int, idle_minutes: float):
    """The statistics of a merged tally (every edge conversation already finished)."""
    weeks: dict[str, Week] = {}

    def week(name: str) -> Week:
        return weeks.setdefault(name, Week(week=name))

    totals = Conversations()
    languages: Counter[str] = Counter()
    for (wk, lang, engaged, fallback, handoff, human, feedback), n in tally.conversations.items():
        row = week(wk)
        row.conversations += n
        totals.total += n
        languages[lang] += n
        if engaged:
            row.engaged += n
            totals.engaged += n
            if not (fallback or handoff):
                row.contained += n
                totals.contained += n
        for flag, name in (
            (handoff, "handoffs"),
            (human, "human_requests"),
            (feedback, "with_feedback"),
        ):
            if flag:
                setattr(row, name, getattr(row, name) + n)
                setattr(totals, name, getattr(totals, name) + n)
        totals.with_fallback += n if fallback else 0
    totals.by_language = dict(languages.most_common())
    for name, counter in (
        ("messages", tally.week_messages),
        ("answers", tally.week_answers),
        ("fallbacks", tally.week_fallbacks),
        ("feedback_messages", tally.week_feedback),
    ):
        for wk, n in counter.items():
            setattr(week(wk), name, n)
    personal: dict[str, PersonalKind] = {}
    for (kind, sender, wk), n in sorted(tally.personal.items()):
        entry = personal.setdefault(kind, PersonalKind())
        entry.total += n
        entry.by_sender[sender] = entry.by_sender.get(sender, 0) + n
        entry.by_week[wk] = entry.by_week.get(wk, 0) + n
        week(wk).personal_data += n
    for kind, examples in tally.personal_examples.items():
        personal[kind].examples = [_example(files, r, t, s) for r, s, t in examples]
    feedback = Feedback(messages=sum(tally.feedback.values()))
    for value, n in sorted(tally.feedback.items()):
        if value in ("up", "down"):
            feedback.thumbs[value] = n
        elif value == "?":
            feedback.unreadable = n
        else:
            feedback.stars[value] = n
    groups = tally.unanswered
    return TranscriptStats(
        files=[SourceFile(path=f, lines=tally.lines[i]) for i, f in enumerate(files)],
        shards=shards,
        idle_minutes=idle_minutes,
        messages=tally.messages,
        senders=dict(tally.senders.most_common()),
        languages=dict(tally.languages.most_common()),
        hours=[tally.hour_messages.get(h, 0) for h in range(24)],
        weeks=[weeks[k] for k in sorted(weeks)],
        conversations=totals,
        answers=sum(tally.week_answers.values()),
        fallbacks=sum(tally.week_fallbacks.values()),
        fallback_messages=tally.fallback_messages,
        human_request_messages=tally.human_request_messages,
        feedback=feedback,
        unanswered=Unanswered(
            groups=[
                Group(key=k, count=n, examples=[_example(files, r, t) for r, t in ex])
                for k, n, ex in groups.top(TOP_GROUPS)
            ],
            distinct=len(groups.counts),
            exact=groups.undercount == 0,
            max_undercount=groups.undercount,
        ),
        personal_data=personal,
        malformed=Malformed(
            total=sum(tally.malformed.values()),
            by_reason=dict(tally.malformed.most_common()),
            examples=[_example(files, r, reason) for r, reason in tally.malformed_examples],
        ),
    )
