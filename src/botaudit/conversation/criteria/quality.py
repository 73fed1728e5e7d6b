"""How the bot answers: concise, consistent, in a fitting tone, explained, clarifying, plain."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations
from statistics import median

from botaudit.conversation.assess import Assessment
from botaudit.conversation.criteria.base import (
    Criterion,
    Verdict,
    graded,
    pct,
    quote,
    share_verdict,
)
from botaudit.conversation.model import ConversationRun
from botaudit.conversation.signals import Judging
from botaudit.conversation.text import links_in, lix, similarity, words


def concise_answers(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    """Share of real answers (not fallbacks) within the word limit."""
    limits = judging.thresholds.concise
    answers = [a for a in found if not a.fallback]
    if not answers:
        return Verdict("inconclusive", "conversation.only-fallbacks")
    lengths = [len(words(a.record.answer)) for a in answers]
    share = sum(n <= limits.max_words for n in lengths) / len(answers)
    longest = max(answers, key=lambda a: len(words(a.record.answer)))
    return Verdict(
        graded(share, limits.pass_share, limits.partial_share),
        "conversation.concise",
        {
            "share": pct(share),
            "max_words": limits.max_words,
            "longest": max(lengths),
            "count": len(answers),
        },
        (quote(longest),),
    )


def _consistent(items: list[Assessment], min_similarity: float) -> bool:
    if len({a.correct for a in items}) > 1:
        return False
    link_sets = {frozenset(links_in(a.record.answer, a.record.links)) for a in items}
    if len(link_sets) > 1:
        return False
    return all(
        similarity(x.record.answer, y.record.answer) >= min_similarity
        for x, y in combinations(items, 2)
    )


def consistent_answers(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    """The same need asked several ways gets the same substance (expectation, links, words)."""
    limits = judging.thresholds.consistency
    by_topic: dict[str, list[Assessment]] = defaultdict(list)
    for a in found:
        if a.record.kind == "variant" and not a.fallback:
            by_topic[a.topic.key].append(a)
    judged = {k: v for k, v in by_topic.items() if len(v) >= 2}
    if not judged:
        return Verdict("inconclusive", "conversation.consistent.too-few")
    bad = [k for k, v in judged.items() if not _consistent(v, limits.min_similarity)]
    share = 1 - len(bad) / len(judged)
    quotes = tuple(quote(a) for a in judged[bad[0] if bad else next(iter(judged))][:2])
    return Verdict(
        graded(share, limits.pass_share, limits.partial_share),
        "conversation.consistent.result",
        {
            "consistent": len(judged) - len(bad),
            "topics": len(judged),
            "inconsistent": ", ".join(bad) or "–",
            "similarity": pct(limits.min_similarity),
        },
        quotes,
    )


def consistent_tone(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    """No light tone on serious topics; elsewhere, the same register across topics."""

    def light(a: Assessment) -> bool:
        return bool(judging.phrases(a.topic.language).search("light_tone", a.record.answer))

    serious_light = [a for a in found if a.topic.topic.serious and light(a)]
    if serious_light:
        return Verdict(
            "fail",
            "conversation.tone.serious-light",
            {"count": len(serious_light)},
            (quote(serious_light[0]),),
        )
    topics: dict[str, set[bool]] = defaultdict(set)
    for a in found:
        if not a.topic.topic.serious and not a.fallback:
            topics[a.topic.key].add(light(a))
    light_topics = [k for k, marks in topics.items() if True in marks]
    if light_topics and len(light_topics) < len(topics):
        example = next(a for a in found if a.topic.key == light_topics[0] and light(a))
        return Verdict(
            "partial",
            "conversation.tone.varies",
            {"light": len(light_topics), "topics": len(topics)},
            (quote(example),),
        )
    serious = [a for a in found if a.topic.topic.serious] or found
    return Verdict("pass", "conversation.tone.ok", {"answers": len(found)}, (quote(serious[0]),))


def _decision(a: Assessment, judging: Judging) -> bool:
    return not a.topic.topic.serious and bool(
        judging.phrases(a.topic.language).search("referral", a.record.answer)
    )


def decisions_explained(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    """Referrals elsewhere say why, or link to the source they rest on."""
    decisions = [a for a in found if _decision(a, judging)]
    if not decisions:
        return Verdict("inconclusive", "conversation.decisions.none")
    unexplained = [
        a
        for a in decisions
        if not judging.phrases(a.topic.language).search("reason", a.record.answer)
        and not links_in(a.record.answer, a.record.links)
    ]
    return share_verdict(
        judging, decisions, unexplained, "conversation.decisions.result", "explained"
    )


def clarifying_questions(
    run: ConversationRun, judging: Judging, found: list[Assessment]
) -> Verdict:
    """Fallbacks and answers to vague questions ask back or offer options, not a dead end."""
    unsure = [a for a in found if a.fallback or a.topic.topic.ambiguous]
    if not unsure:
        return Verdict("inconclusive", "conversation.clarifying.none")
    dead_ends = [
        a
        for a in unsure
        if len(a.record.buttons) < 2
        and not judging.phrases(a.topic.language).search("clarifying", a.record.answer)
    ]
    return share_verdict(judging, unsure, dead_ends, "conversation.clarifying.result", "clarifying")


_ORDER = {"pass": 0, "partial": 1, "fail": 2}


def plain_language(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    """Median LIX per language against that language's lines; the worst language decides."""
    limits = judging.thresholds.readability
    scores: dict[str, list[tuple[float, Assessment]]] = defaultdict(list)
    for a in found:
        value = lix(re.sub(r"\[\w+ masked\]", " ", a.record.answer))
        if value is not None and not a.fallback:
            scores[a.topic.language].append((value, a))
    if not scores:
        return Verdict("inconclusive", "conversation.only-fallbacks")
    outcome, parts = "pass", []
    for language, values in sorted(scores.items()):
        middle = median(v for v, _ in values)
        pass_at = limits.pass_.get(language, limits.pass_["en"])
        partial_at = limits.partial.get(language, limits.partial["en"])
        verdict = graded(-middle, -pass_at, -partial_at)
        outcome = max(outcome, verdict, key=_ORDER.__getitem__)
        parts.append(f"{language} {middle:.0f}")
    worst = max((item for values in scores.values() for item in values), key=lambda i: i[0])
    return Verdict(
        outcome,
        "conversation.plain-language",
        {"medians": ", ".join(parts), "worst": round(worst[0])},
        (quote(worst[1]),),
    )


QUALITY: dict[str, Criterion] = {
    "professionalism.concise-answers": concise_answers,
    "professionalism.consistent-answers": consistent_answers,
    "professionalism.consistent-tone": consistent_tone,
    "transparency.decisions-explained": decisions_explained,
    "user-orientation.clarifying-questions": clarifying_questions,
    "user-orientation.plain-language": plain_language,
}
