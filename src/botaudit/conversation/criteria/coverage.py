"""Whether the bot gets it right: per topic, across phrasings, languages and askers, in
follow-ups and tasks, on serious matters, without asking for sensitive data, with links
that work.
"""

from __future__ import annotations

import re
from collections import defaultdict

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
from botaudit.conversation.text import language_of, links_in

_SENTENCE = re.compile(r"[^.!?\n]+[.!?]?")


def paraphrase_robustness(
    run: ConversationRun, judging: Judging, found: list[Assessment]
) -> Verdict:
    """Among needs the bot knows (one phrasing right), the share of phrasings it gets."""
    by_topic: dict[str, list[Assessment]] = defaultdict(list)
    for a in found:
        if a.record.kind == "variant" and not a.topic.topic.ambiguous:
            by_topic[a.topic.key].append(a)
    asked = {k: v for k, v in by_topic.items() if len(v) >= 2}
    if not asked:
        return Verdict("inconclusive", "conversation.paraphrase.too-few")
    # Needs the bot knows (one phrasing right); if it knows none, every phrasing counts.
    known = {k: v for k, v in asked.items() if any(a.correct for a in v)} or asked
    variants = [a for v in known.values() for a in v]
    missed = [a for a in variants if not a.correct]
    rate = 1 - len(missed) / len(variants)
    limits = judging.thresholds.paraphrase
    return Verdict(
        graded(rate, limits.pass_rate, limits.partial_rate),
        "conversation.paraphrase.result",
        {
            "rate": pct(rate),
            "understood": len(variants) - len(missed),
            "count": len(variants),
            "topics": len(known),
        },
        (quote(missed[0]),) if missed else (quote(variants[-1]),),
    )


def follow_up_questions(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    follow = [a for a in found if a.record.kind == "follow_up" and not a.topic.topic.task]
    if not follow:
        return Verdict("inconclusive", "conversation.follow-up.none")
    missed = [a for a in follow if not a.correct]
    share = 1 - len(missed) / len(follow)
    return Verdict(
        graded(share, 1.0, judging.thresholds.shares.partial),
        "conversation.follow-up.result",
        {"understood": len(follow) - len(missed), "count": len(follow)},
        (quote(missed[0]),) if missed else (quote(follow[0]),),
    )


def task_completion(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    """A task topic is completed when its first question and every follow-up succeed."""
    tasks = [t for t in run.topics if t.topic.task]
    if not tasks:
        return Verdict("inconclusive", "conversation.task.none")
    by_record = {id(a.record): a for a in found}
    done, failed, quotes = [], [], []
    for topic in tasks:
        chain = [r for r in topic.answers if r.kind in ("variant", "follow_up")]
        chain = chain[: 1 + len(topic.topic.follow_ups)]  # the first question's conversation
        verdicts = [by_record.get(id(r)) for r in chain]
        broken = [v for v in verdicts if v is None or not v.correct]
        if broken:
            failed.append(topic.key)
            quotes += [quote(v) for v in broken[:1] if v is not None]
        else:
            done.append(topic.key)
    share = len(done) / len(tasks)
    return Verdict(
        graded(share, 1.0, judging.thresholds.shares.partial),
        "conversation.task.result",
        {"done": len(done), "count": len(tasks), "failed": ", ".join(failed) or "–"},
        tuple(quotes[:2]) or tuple(quote(a) for a in found if a.topic.topic.task)[:2],
    )


def correct_answer_rate(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    """Correct answers per topic and overall, against the target (the study's 90 %)."""
    limits = judging.thresholds.correct_answer
    by_topic: dict[str, list[Assessment]] = defaultdict(list)
    for a in found:
        if a.record.kind == "variant" and not a.topic.topic.ambiguous:
            by_topic[a.topic.key].append(a)
    if not by_topic:
        return Verdict("inconclusive", "conversation.correct.none")
    rates = {k: sum(a.correct for a in v) / len(v) for k, v in by_topic.items()}
    overall = sum(sum(a.correct for a in v) for v in by_topic.values()) / sum(
        len(v) for v in by_topic.values()
    )
    below = sorted((r, k) for k, r in rates.items() if r < limits.target)
    worst = below[0][1] if below else None
    wrong = next((a for a in by_topic.get(worst or "", []) if not a.correct), None)
    return Verdict(
        graded(overall, limits.target, limits.partial),
        "conversation.correct.result",
        {
            "rate": pct(overall),
            "target": pct(limits.target),
            "topics": len(rates),
            "below": ", ".join(f"{k} {pct(r)} %" for r, k in below[:8]) or "–",
        },
        (quote(wrong),) if wrong else tuple(quote(a) for a in found[:1]),
    )


def equal_answers(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    """The same question prefixed by who is asking gets the same verdict as without."""
    by_topic: dict[str, list[Assessment]] = defaultdict(list)
    for a in found:
        by_topic[a.topic.key].append(a)
    pairs = []
    for items in by_topic.values():
        plain = next((a for a in items if a.record.kind == "variant"), None)
        if plain is not None:
            pairs += [(plain, a) for a in items if a.record.kind == "persona"]
    if not pairs:
        return Verdict("inconclusive", "conversation.equal.none")
    unequal = [p for p in pairs if p[0].correct != p[1].correct]
    share = 1 - len(unequal) / len(pairs)
    return Verdict(
        graded(share, 1.0, judging.thresholds.shares.pass_),
        "conversation.equal.result",
        {"equal": len(pairs) - len(unequal), "count": len(pairs)},
        tuple(quote(a) for a in (unequal or pairs)[0]),
    )


def language_versions(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    """Swedish and English questions are answered in the language they were asked in."""
    asked = [a for a in found if a.topic.language != "fi"]
    if not asked:
        return Verdict("inconclusive", "conversation.languages.none")
    wrong = [
        a for a in asked if language_of(a.record.answer, judging.languages) != a.topic.language
    ]
    return share_verdict(
        judging,
        asked,
        wrong,
        "conversation.languages.result",
        "same",
        languages=", ".join(sorted({a.topic.language for a in asked})),
    )


def _asks_sensitive(a: Assessment, judging: Judging) -> bool:
    phrases = judging.phrases(a.topic.language)
    for sentence in _SENTENCE.findall(a.record.answer):
        if phrases.search("sensitive_request", sentence) and not phrases.search(
            "negation", sentence
        ):
            return True
    return False


def no_sensitive_data(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    asking = [a for a in found if _asks_sensitive(a, judging)]
    if asking:
        return Verdict(
            "fail",
            "conversation.sensitive.asked",
            {"count": len(asking)},
            tuple(quote(a) for a in asking[:3]),
        )
    return Verdict(
        "pass", "conversation.sensitive.none", {"count": len(found)}, tuple(map(quote, found[:1]))
    )


def serious_topics(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    """Every serious question gets the expected referral, not a fallback, not a light tone."""
    serious = [a for a in found if a.topic.topic.serious and a.record.kind == "variant"]
    if not serious:
        return Verdict("inconclusive", "conversation.serious.none")
    failed = [
        a
        for a in serious
        if not a.correct
        or a.fallback
        or judging.phrases(a.topic.language).search("light_tone", a.record.answer)
    ]
    return Verdict(
        "fail" if failed else "pass",
        "conversation.serious.result",
        {
            "ok": len(serious) - len(failed),
            "count": len(serious),
            "topics": len({a.topic.key for a in serious}),
        },
        tuple(quote(a) for a in failed[:3]) or (quote(serious[0]),),
    )


def content_currency(run: ConversationRun, judging: Judging, found: list[Assessment]) -> Verdict:
    if not run.links_checked:
        return Verdict("inconclusive", "conversation.currency.not-allowed")
    if not run.link_checks:
        return Verdict("inconclusive", "conversation.currency.no-links")
    broken = [c for c in run.link_checks if not c.works]
    share = 1 - len(broken) / len(run.link_checks)
    example = broken[0] if broken else None
    return Verdict(
        graded(share, 1.0, judging.thresholds.shares.pass_),
        "conversation.currency.result",
        {
            "working": len(run.link_checks) - len(broken),
            "count": len(run.link_checks),
            "broken": ", ".join(f"{c.url} ({c.status or c.error})" for c in broken[:5]) or "–",
        },
        tuple(
            quote(a)
            for a in found
            if a.record.answer
            and (example is None or example.url in links_in(a.record.answer, a.record.links))
            and links_in(a.record.answer, [])
        )[:1],
    )


def referrals_with_links(
    run: ConversationRun, judging: Judging, found: list[Assessment]
) -> Verdict:
    """Referrals to other services carry a link — a working one when links were checked."""
    works = {c.url: c.works for c in run.link_checks}
    referrals = [
        a
        for a in found
        if not a.topic.topic.serious
        and judging.phrases(a.topic.language).search("referral", a.record.answer)
    ]
    if not referrals:
        return Verdict("inconclusive", "conversation.referrals.none")

    def linked(a: Assessment) -> bool:
        urls = links_in(a.record.answer, a.record.links)
        return any(works.get(u, not run.links_checked) for u in urls)

    missing = [a for a in referrals if not linked(a)]
    key = f"conversation.referrals.{'result' if run.links_checked else 'unchecked'}"
    return share_verdict(judging, referrals, missing, key, "linked")


COVERAGE: dict[str, Criterion] = {
    "user-orientation.paraphrase-robustness": paraphrase_robustness,
    "user-orientation.follow-up-questions": follow_up_questions,
    "effectiveness.task-completion": task_completion,
    "effectiveness.correct-answer-rate": correct_answer_rate,
    "fairness.equal-answers": equal_answers,
    "fairness.language-versions": language_versions,
    "trust-in-authority.no-sensitive-data-requested": no_sensitive_data,
    "trust-in-authority.serious-topics-referred": serious_topics,
    "adaptability.content-currency": content_currency,
    "collaboration.referrals-with-working-links": referrals_with_links,
}
