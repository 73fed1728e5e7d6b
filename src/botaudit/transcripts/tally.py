"""The running counts of one shard, and their exact merge.

Everything here adds up: counters keyed by week, sender, language and so on, a mergeable
group summary, and example lists that keep the earliest (file, line) references, so the
order shards finish in cannot change them. Conversations are the one thing a shard cannot
finish alone: one may start before the shard's byte range and end after it. Those edge
conversations travel as small `Conversation` states and are joined in file order.

A conversation is a run of messages with one conversation id and no gap longer than the
idle time. The sharded result equals a single pass when the log is in time order or grouped
by conversation, which is how exports come.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from botaudit.transcripts.groups import GroupCounter, Ref

EXAMPLES_PER_KIND = 5
MALFORMED_EXAMPLES = 20


class Conversation:
    """What the statistics need of one conversation (a few flags, no message texts
    except the last unanswered user question, kept to pair it with the next reply)."""

    __slots__ = (
        "cid",
        "engaged",
        "fallback",
        "feedback",
        "first",
        "handoff",
        "head",
        "human",
        "language",
        "last",
        "lead",
        "lead_week",
        "open",
        "pending",
        "week",
    )

    def __init__(self, cid: str, epoch: float, week: str, language: str, head: bool) -> None:
        self.cid = cid
        self.first = self.last = epoch
        self.week = week
        self.language = language
        self.engaged = self.fallback = self.handoff = self.human = self.feedback = False
        self.head = head  # may continue a conversation from the previous shard
        self.open = False  # still open when its shard ended
        # The first user/bot/agent message of this part: "user", "agent", or "fallback" /
        # "answer" for a bot reply, which answers a question left pending before the shard.
        self.lead: str | None = None
        self.lead_week = ""
        # The last user question not yet answered: (text, language, ref).
        self.pending: tuple[str, str, Ref] | None = None

    def key(self) -> tuple[str, str, bool, bool, bool, bool, bool]:
        return (
            self.week,
            self.language,
            self.engaged,
            self.fallback,
            self.handoff,
            self.human,
            self.feedback,
        )


@dataclass
class Tally:
    lines: Counter[int] = field(default_factory=Counter)  # lines read, per file index
    messages: int = 0
    senders: Counter[str] = field(default_factory=Counter)
    languages: Counter[str] = field(default_factory=Counter)  # messages per language
    week_messages: Counter[str] = field(default_factory=Counter)
    hour_messages: Counter[int] = field(default_factory=Counter)
    week_answers: Counter[str] = field(default_factory=Counter)  # first reply to a question
    week_fallbacks: Counter[str] = field(default_factory=Counter)  # ... that was a fallback
    fallback_messages: int = 0
    human_request_messages: int = 0
    feedback: Counter[str] = field(default_factory=Counter)
    week_feedback: Counter[str] = field(default_factory=Counter)
    # (week, language, engaged, fallback, handoff, human request, feedback) -> conversations
    conversations: Counter[tuple] = field(default_factory=Counter)
    personal: Counter[tuple[str, str, str]] = field(default_factory=Counter)  # kind,sender,wk
    personal_examples: dict[str, list[tuple[Ref, str, str]]] = field(default_factory=dict)
    malformed: Counter[str] = field(default_factory=Counter)
    malformed_examples: list[tuple[Ref, str]] = field(default_factory=list)
    unanswered: GroupCounter = field(default_factory=GroupCounter)
    edges: list[Conversation] = field(default_factory=list)  # open at either end of a shard
    warm: bool = True  # the shard never got past its first idle period

    # -- recording ---------------------------------------------------------------------

    def note_malformed(self, ref: Ref, reason: str) -> None:
        self.malformed[reason] += 1
        _keep_earliest(self.malformed_examples, (ref, reason), MALFORMED_EXAMPLES)

    def note_personal(self, kind: str, sender: str, week: str, ref: Ref, masked: str) -> None:
        self.personal[(kind, sender, week)] += 1
        self.note_personal_example(kind, ref, sender, masked)

    def answer(
        self, question: tuple[str, str, Ref] | None, week: str, fallback: bool, keyer
    ) -> None:
        """The first bot reply to a question: count it, and group the question if failed."""
        if question is None:
            return
        self.week_answers[week] += 1
        if fallback:
            self.week_fallbacks[week] += 1
            text, language, ref = question
            key = keyer(text, language)
            if key:
                self.unanswered.add(key, ref, text)

    def note_personal_example(self, kind: str, ref: Ref, sender: str, masked: str) -> None:
        _keep_earliest(
            self.personal_examples.setdefault(kind, []), (ref, sender, masked), EXAMPLES_PER_KIND
        )

    def finish(self, conversation: Conversation) -> None:
        self.conversations[conversation.key()] += 1


def _keep_earliest(kept: list, item: tuple, limit: int) -> None:
    if len(kept) < limit or item[0] < kept[-1][0]:
        kept.append(item)
        kept.sort(key=lambda x: x[0])
        del kept[limit:]


def _shift_ref(ref: Ref, shift: dict[int, int]) -> Ref:
    return (ref[0], ref[1] + shift.get(ref[0], 0))


def join(earlier: Conversation, later: Conversation, into: Tally, keyer) -> Conversation:
    """One conversation from its part before and after a shard boundary."""
    if later.lead in ("fallback", "answer"):
        into.answer(earlier.pending, later.lead_week, later.lead == "fallback", keyer)
    if later.lead is not None:
        earlier.pending = later.pending
    earlier.open = later.open
    earlier.last = later.last
    earlier.engaged |= later.engaged
    earlier.fallback |= later.fallback
    earlier.handoff |= later.handoff
    earlier.human |= later.human
    earlier.feedback |= later.feedback
    return earlier


class Merger:
    """Adds shard tallies in file order into one total, joining edge conversations."""

    def __init__(self, idle_seconds: float, keyer) -> None:
        self.total = Tally()
        self.idle = idle_seconds
        self.keyer = keyer
        self.carry: dict[str, Conversation] = {}

    def add(self, part: Tally, shift: dict[int, int]) -> None:
        total = self.total
        for name in (
            "lines",
            "senders",
            "languages",
            "week_messages",
            "hour_messages",
            "week_answers",
            "week_fallbacks",
            "feedback",
            "week_feedback",
            "conversations",
            "personal",
            "malformed",
        ):
            getattr(total, name).update(getattr(part, name))
        total.messages += part.messages
        total.fallback_messages += part.fallback_messages
        total.human_request_messages += part.human_request_messages
        for kind, examples in part.personal_examples.items():
            for ref, sender, masked in examples:
                total.note_personal_example(kind, _shift_ref(ref, shift), sender, masked)
        for ref, reason in part.malformed_examples:
            _keep_earliest(
                total.malformed_examples, (_shift_ref(ref, shift), reason), MALFORMED_EXAMPLES
            )
        total.unanswered.merge(part.unanswered, shift)
        self._join_edges(part, shift)

    def _join_edges(self, part: Tally, shift: dict[int, int]) -> None:
        carry, kept = self.carry, {}
        for conversation in part.edges:
            if conversation.pending is not None:
                text, language, ref = conversation.pending
                conversation.pending = (text, language, _shift_ref(ref, shift))
            before = carry.get(conversation.cid)
            if (
                conversation.head
                and before is not None
                and abs(conversation.first - before.last) <= self.idle
            ):
                del carry[conversation.cid]
                conversation = join(before, conversation, self.total, self.keyer)
            if conversation.open:
                old = kept.pop(conversation.cid, None)
                if old is not None:
                    self.total.finish(old)
                kept[conversation.cid] = conversation
            else:
                self.total.finish(conversation)
        for cid, conversation in carry.items():
            if part.warm and cid not in kept:
                kept[cid] = conversation  # the shard was too short to rule a sequel out
            else:
                self.total.finish(conversation)
        self.carry = kept

    def result(self) -> Tally:
        for conversation in self.carry.values():
            self.total.finish(conversation)
        self.carry = {}
        return self.total
