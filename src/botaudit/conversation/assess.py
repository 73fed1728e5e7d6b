"""Per-answer verdicts shared by the criteria and the trainers' page: expectation met (and
why), fell back, forbidden content. Pure: computed from the recorded run every time.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from botaudit.conversation.model import AnswerRecord, ConversationRun, TopicRun
from botaudit.conversation.signals import Judging
from botaudit.conversation.text import meets, violates


@dataclass(frozen=True)
class Assessment:
    topic: TopicRun
    record: AnswerRecord
    met: bool
    why: str
    fallback: bool
    forbidden: str | None

    @property
    def correct(self) -> bool:
        """Met the expectation and said nothing forbidden."""
        return self.met and self.forbidden is None and self.record.error is None


def _normalised(text: str) -> str:
    return " ".join(text.casefold().split())


def assess(run: ConversationRun, judging: Judging) -> list[Assessment]:
    """One assessment per answered record, in run order.

    An answer is a fallback when it uses a fallback phrase of its language, or when the
    very same answer was given to questions of `fallback_repeat` different topics (a bot's
    "I did not understand" in words we have no phrase for).
    """
    topics_per_answer: Counter[str] = Counter()
    for topic in run.topics:
        for answer in {_normalised(a.answer) for a in topic.answers if a.error is None}:
            topics_per_answer[answer] += 1
    repeat = judging.thresholds.fallback_repeat
    found: list[Assessment] = []
    for topic, record in run.answered():
        phrases = judging.phrases(topic.language)
        expect = topic.expectation_for(record)
        met, why = meets(expect, record.answer, record.links + record.buttons)
        forbidden = violates(topic.topic.must_not, record.answer, record.links)
        fallback = bool(phrases.search("fallback", record.answer)) or (
            topics_per_answer[_normalised(record.answer)] >= repeat
        )
        if fallback and met and not expect.is_empty():
            fallback = False  # a right answer that also says "try asking" is not a dead end
        found.append(Assessment(topic, record, met, why, fallback, forbidden))
    return found
