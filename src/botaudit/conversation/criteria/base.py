"""What a conversation criterion returns, and the helpers every criterion shares.

A verdict carries a message key and named parameters, never a sentence: the sentences live
in messages/<lang>/conversations.yaml (fi, en, sv). Quotes are the question and the
(already masked) answer the verdict rests on.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from botaudit.conversation.assess import Assessment, assess
from botaudit.conversation.model import ConversationRun
from botaudit.conversation.signals import Judging

Param = str | int | float


@dataclass(frozen=True)
class Quote:
    topic: str
    question: str
    answer: str

    def __str__(self) -> str:
        answer = " ".join(self.answer.split())
        return f"[{self.topic}] “{self.question}” → “{answer[:300]}”"


@dataclass(frozen=True)
class Verdict:
    outcome: str  # pass | partial | fail | inconclusive
    key: str
    params: dict[str, Param] = field(default_factory=dict)
    quotes: tuple[Quote, ...] = ()


def quote(item: Assessment) -> Quote:
    return Quote(item.topic.key, item.record.asked, item.record.answer)


def graded(share: float, pass_at: float, partial_at: float) -> str:
    return "pass" if share >= pass_at else "partial" if share >= partial_at else "fail"


def share_verdict(
    judging: Judging,
    items: list[Assessment],
    short: list[Assessment],
    key: str,
    good: str,
    **params: Param,
) -> Verdict:
    """The share of `items` not in `short`, graded by the judging thresholds, quoting the
    first shortfall (or, when there is none, the first item): the shape of most criteria."""
    shares = judging.thresholds.shares
    share = 1 - len(short) / len(items)
    return Verdict(
        graded(share, shares.pass_, shares.partial),
        key,
        {good: len(items) - len(short), "count": len(items), **params},
        (quote((short or items)[0]),),
    )


def pct(share: float) -> int:
    return round(share * 100)


def no_answers(run: ConversationRun) -> Verdict | None:
    """Inconclusive when the bot answered nothing at all, with the first error as reason."""
    if run.answered():
        return None
    errors = run.errors()
    reason = run.error or (errors[0] if errors else "no question was asked")
    return Verdict("inconclusive", "conversation.no-answers", {"reason": reason})


Criterion = Callable[[ConversationRun, Judging, list[Assessment]], Verdict]


def run_criterion(criterion: Criterion, run: ConversationRun, judging: Judging) -> Verdict:
    """Apply one criterion, or say why the run cannot support any verdict."""
    return no_answers(run) or criterion(run, judging, assess(run, judging))
