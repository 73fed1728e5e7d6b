"""A merged `Tally` to the saved `TranscriptStats`: derived rows, examples with file names."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

from botaudit.evidence.transcripts import (
    Conversations,
    Example,
    Feedback,
    Group,
    Malformed,
    PersonalKind,
    SourceFile,
    TranscriptStats,
    Unanswered,
    Week,
)
from botaudit.transcripts.tally import Tally

TOP_GROUPS = 20


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
                Group(key=k, count=n, examples=[_example(files, r, t) for r, t, _ in ex])
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
