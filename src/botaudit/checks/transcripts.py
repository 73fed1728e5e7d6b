"""The four transcript criteria: pure functions of the saved log statistics.

Each criterion's thresholds are its `params:` in the checklist YAML, so an ethics lead
changes them without Python, and `botaudit transcripts` (which reads the same checklist)
and the audit judge alike. Too few conversations give *inconclusive*, never a pass: scarce
logs prove nothing. A trend compares the later half of the weeks with the earlier half.
"""

from __future__ import annotations

from collections.abc import Callable

from pydantic import ConfigDict, Field

from botaudit.checks.base import CheckParams, CheckResult, Evidence, Need, check, result
from botaudit.evidence.transcripts import TranscriptStats, Week, rate
from botaudit.lexicon import Matcher
from botaudit.messages import msg

STATS = Need("transcript", "logs", "stats", TranscriptStats)


class TranscriptParams(CheckParams):
    min_conversations: int = Field(30, ge=1, description="Fewer (with a user message): too few.")
    min_weeks: int = Field(4, ge=1, description="Weeks of logs needed to see a trend.")


class UsageParams(TranscriptParams):
    min_feedback_rate: float = Field(0.05, ge=0, le=1)


class RateParams(TranscriptParams):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    pass_: float = Field(alias="pass", ge=0, le=1)
    partial: float = Field(ge=0, le=1)
    trend_tolerance: float = Field(0.03, ge=0, le=1)


class LogsParams(TranscriptParams):
    fail_kinds: list[str] = Field(default_factory=lambda: ["hetu", "iban"])
    partial_kinds: list[str] = Field(default_factory=lambda: ["phone", "email"])
    partial_senders: list[str] = Field(
        default_factory=lambda: ["user", "agent"],
        description="A bot quoting the city's switchboard number is not personal data.",
    )


def _too_few(stats: TranscriptStats, p: TranscriptParams) -> CheckResult | None:
    engaged = stats.conversations.engaged
    if engaged >= p.min_conversations:
        return None
    return result(
        "inconclusive", "transcripts.judge.too-few", engaged=engaged, minimum=p.min_conversations
    )


def _trend(
    weeks: list[Week], part: Callable[[Week], int], whole: Callable[[Week], int], min_weeks: int
) -> tuple[str, float]:
    """('rising' | 'falling' | 'unknown', change) from the earlier to the later half."""
    used = [w for w in weeks if whole(w)]
    if len(used) < max(2, min_weeks):
        return "unknown", 0.0
    half = len(used) // 2
    early, late = used[:half], used[len(used) - half :]
    before = rate(sum(map(part, early)), sum(map(whole, early))) or 0.0
    after = rate(sum(map(part, late)), sum(map(whole, late))) or 0.0
    return ("rising" if after > before else "falling"), after - before


def _weekly(weeks: list[Week], value: Callable[[Week], float | None]) -> str:
    shown = [f"{w.week}: {v:.1%}" for w in weeks if (v := value(w)) is not None]
    return ", ".join(shown if len(shown) <= 8 else [*shown[:3], "…", *shown[-4:]])


def usage_trends(stats: TranscriptStats, p: UsageParams) -> CheckResult:
    """Can use, handovers and satisfaction be followed over time from these logs?"""
    if early := _too_few(stats, p):
        return early
    c, fb = stats.conversations, stats.feedback
    weeks = len(stats.weeks)
    params = {
        "weeks": weeks,
        "conversations": c.total,
        "engaged": c.engaged,
        "feedback_rate": stats.feedback_rate or 0.0,
        "min_weeks": p.min_weeks,
        "min_feedback_rate": p.min_feedback_rate,
        "satisfied_share": rate(fb.satisfied, fb.judged) or 0.0,
        "handoff_rate": rate(c.handoffs, c.engaged) or 0.0,
    }
    quotes = [
        f"weeks {stats.weeks[0].week}–{stats.weeks[-1].week}: {weeks}",
        "conversations per week: "
        + ", ".join(f"{w.week}: {w.conversations}" for w in stats.weeks[-8:]),
        f"conversations with feedback: {c.with_feedback}/{c.engaged}",
        f"feedback: thumbs {fb.thumbs}, stars {fb.stars}",
    ]
    if weeks < p.min_weeks:
        outcome, key = "partial", "few-weeks"
    elif c.with_feedback == 0:
        outcome, key = "fail", "no-feedback"
    elif params["feedback_rate"] < p.min_feedback_rate:
        outcome, key = "partial", "scarce-feedback"
    else:
        outcome, key = "pass", "pass"
    return result(outcome, f"transcripts.judge.usage.{key}", quotes=quotes, **params)


def _rate_result(
    name: str,
    value: float,
    p: RateParams,
    higher_is_better: bool,
    trend: tuple[str, float],
    quotes: list[str],
    **params: object,
) -> CheckResult:
    direction, change = trend
    if direction != "unknown" and abs(change) <= p.trend_tolerance:
        direction = "steady"
    worse = -change if higher_is_better else change
    good = value >= p.pass_ if higher_is_better else value <= p.pass_
    fair = value >= p.partial if higher_is_better else value <= p.partial
    getting_worse = direction not in ("unknown", "steady") and worse > p.trend_tolerance
    outcome = "pass" if good and not getting_worse else "partial" if fair or good else "fail"
    return result(
        outcome,
        f"transcripts.judge.{name}.{outcome}",
        quotes=quotes,
        trend=msg(f"transcripts.trend.{direction}", change=abs(change)),
        trend_direction=direction,
        change=abs(change),
        **{"pass": p.pass_, "partial": p.partial},
        **params,
    )


def containment(stats: TranscriptStats, p: RateParams) -> CheckResult:
    """The share of conversations that ended with neither a fallback nor a handoff."""
    if early := _too_few(stats, p):
        return early
    c = stats.conversations
    trend = _trend(stats.weeks, lambda w: w.contained, lambda w: w.engaged, p.min_weeks)
    value = stats.containment_rate or 0.0
    quotes = [
        f"contained {c.contained}/{c.engaged} = {value:.1%} (with a fallback: "
        f"{c.with_fallback}, handed to a person: {c.handoffs})",
        "per week: " + _weekly(stats.weeks, lambda w: w.containment_rate),
    ]
    return _rate_result(
        "containment", value, p, True, trend, quotes, containment_rate=value, engaged=c.engaged
    )


def fallback_rate(stats: TranscriptStats, p: RateParams) -> CheckResult:
    """The share of first replies to a question that were fallbacks."""
    if early := _too_few(stats, p):
        return early
    if not stats.answers:
        return result("inconclusive", "transcripts.judge.fallback.no-answers")
    trend = _trend(stats.weeks, lambda w: w.fallbacks, lambda w: w.answers, p.min_weeks)
    value = stats.fallback_rate or 0.0
    quotes = [
        f"fallbacks {stats.fallbacks}/{stats.answers} answers = {value:.1%}",
        "per week: " + _weekly(stats.weeks, lambda w: w.fallback_rate),
    ]
    quotes += [f"unanswered ×{g.count}: {g.examples[0].text}" for g in stats.unanswered.groups[:3]]
    return _rate_result(
        "fallback", value, p, False, trend, quotes, fallback_rate=value, answers=stats.answers
    )


def logs_redacted(stats: TranscriptStats, p: LogsParams) -> CheckResult:
    """Any identity code or IBAN fails; a citizen's phone number or e-mail is partial."""
    if stats.messages == 0:
        return result(
            "inconclusive", "transcripts.judge.too-few", engaged=0, minimum=p.min_conversations
        )
    counted: dict[str, int] = {}
    for kind, entry in stats.personal_data.items():
        if kind in p.fail_kinds:
            counted[kind] = entry.total
        elif kind in p.partial_kinds:
            n = sum(v for s, v in entry.by_sender.items() if s in p.partial_senders)
            if n:
                counted[kind] = n
    found = ", ".join(f"{kind} ×{n}" for kind, n in sorted(counted.items()))
    quotes = [
        f"{kind} ({ex.sender}, {ex.file}:{ex.line}): {ex.text}"
        for kind in sorted(counted)
        for ex in stats.personal_data[kind].examples[:2]
    ]
    if not counted:
        return result(
            "pass",
            "transcripts.judge.logs.pass",
            quotes=[f"messages searched: {stats.messages}"],
            messages=stats.messages,
        )
    outcome = "fail" if any(kind in p.fail_kinds for kind in counted) else "partial"
    return result(
        outcome, f"transcripts.judge.logs.{outcome}", quotes=quotes, found=found, **counted
    )


JUDGES: dict[str, Callable[[TranscriptStats, object], CheckResult]] = {
    "transcript_usage_trends": usage_trends,
    "transcript_containment": containment,
    "transcript_fallback_rate": fallback_rate,
    "transcript_logs_redacted": logs_redacted,
}
PARAMS = {
    "transcript_usage_trends": UsageParams,
    "transcript_containment": RateParams,
    "transcript_fallback_rate": RateParams,
    "transcript_logs_redacted": LogsParams,
}


def _register(name: str) -> None:
    pure = JUDGES[name]

    def judge(ev: Evidence, _matcher: Matcher, params: CheckParams) -> CheckResult:
        found = pure(ev["stats"], params)
        return found.model_copy(update={"evidence": [ev.ref("stats"), *found.evidence]})

    judge.__doc__ = pure.__doc__
    check(name, needs=(STATS,), params=PARAMS[name])(judge)


for _name in JUDGES:
    _register(_name)
