"""The four transcript criteria as pure functions of the saved statistics.

Each returns an outcome, a message key with its parameters, and quotes of the figures it
rests on. Thresholds are data (`checklists/transcript-thresholds.yaml`). Too few
conversations give *inconclusive*, never a pass: scarce logs prove nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from botaudit.errors import UsageError
from botaudit.resources import data_dir
from botaudit.transcripts.stats import TranscriptStats, Week, rate


class _Rule(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)


class UsageRule(_Rule):
    min_weeks: int = Field(ge=1)
    min_feedback_rate: float = Field(ge=0, le=1)


class RateRule(_Rule):
    pass_: float = Field(alias="pass", ge=0, le=1)
    partial: float = Field(ge=0, le=1)
    trend_tolerance: float = Field(ge=0, le=1)


class LogsRule(_Rule):
    fail_kinds: list[str]
    partial_kinds: list[str]
    partial_senders: list[str]


class Thresholds(_Rule):
    min_conversations: int = Field(ge=1)
    usage: UsageRule = Field(alias="usage-and-satisfaction-trends")
    containment: RateRule = Field(alias="containment-rate")
    fallback: RateRule = Field(alias="fallback-rate")
    logs: LogsRule = Field(alias="logs-redacted")


def load_thresholds(path: Path | None = None) -> Thresholds:
    path = path or data_dir("checklists") / "transcript-thresholds.yaml"
    try:
        return Thresholds.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        first = " ".join(str(exc).splitlines()[:3])
        raise UsageError(f"{path} is not a valid threshold file ({first}); fix it.") from exc


@dataclass(frozen=True)
class Verdict:
    outcome: str  # pass, partial, fail, inconclusive
    key: str
    params: dict[str, Any] = field(default_factory=dict)
    quotes: list[str] = field(default_factory=list)


def _too_few(stats: TranscriptStats, th: Thresholds) -> Verdict | None:
    engaged = stats.conversations.engaged
    if engaged >= th.min_conversations:
        return None
    return Verdict(
        "inconclusive",
        "transcripts.judge.too-few",
        {"engaged": engaged, "minimum": th.min_conversations},
    )


def _trend(
    weeks: list[Week], part: Callable[[Week], int], whole: Callable[[Week], int], min_weeks: int
) -> tuple[str, float]:
    """('rising'|'falling'|'steady'|'unknown', change) between the halves of the weeks."""
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


def judge_usage(stats: TranscriptStats, th: Thresholds) -> Verdict:
    early = _too_few(stats, th)
    if early:
        return early
    c, fb, rule = stats.conversations, stats.feedback, th.usage
    weeks = len(stats.weeks)
    params = {
        "weeks": weeks,
        "conversations": c.total,
        "engaged": c.engaged,
        "feedback_rate": stats.feedback_rate or 0.0,
        "min_weeks": rule.min_weeks,
        "min_feedback_rate": rule.min_feedback_rate,
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
    if weeks < rule.min_weeks:
        return Verdict("partial", "transcripts.judge.usage.few-weeks", params, quotes)
    if c.with_feedback == 0:
        return Verdict("fail", "transcripts.judge.usage.no-feedback", params, quotes)
    if params["feedback_rate"] < rule.min_feedback_rate:
        return Verdict("partial", "transcripts.judge.usage.scarce-feedback", params, quotes)
    return Verdict("pass", "transcripts.judge.usage.pass", params, quotes)


def _rate_verdict(
    name: str,
    value: float,
    rule: RateRule,
    higher_is_better: bool,
    trend: tuple[str, float],
    params: dict,
    quotes: list[str],
) -> Verdict:
    direction, change = trend
    worse = -change if higher_is_better else change
    if direction != "unknown" and abs(change) <= rule.trend_tolerance:
        direction = "steady"
    params = {
        **params,
        "pass": rule.pass_,
        "partial": rule.partial,
        "trend_direction": direction,
        "change": abs(change),
    }
    good = value >= rule.pass_ if higher_is_better else value <= rule.pass_
    fair = value >= rule.partial if higher_is_better else value <= rule.partial
    getting_worse = direction != "unknown" and worse > rule.trend_tolerance
    if good and not getting_worse:
        outcome = "pass"
    elif fair or good:
        outcome = "partial"
    else:
        outcome = "fail"
    return Verdict(outcome, f"transcripts.judge.{name}.{outcome}", params, quotes)


def judge_containment(stats: TranscriptStats, th: Thresholds) -> Verdict:
    early = _too_few(stats, th)
    if early:
        return early
    c = stats.conversations
    trend = _trend(stats.weeks, lambda w: w.contained, lambda w: w.engaged, th.usage.min_weeks)
    value = stats.containment_rate or 0.0
    quotes = [
        f"contained {c.contained}/{c.engaged} = {value:.1%} (with a fallback: "
        f"{c.with_fallback}, handed to a person: {c.handoffs})",
        "per week: " + _weekly(stats.weeks, lambda w: w.containment_rate),
    ]
    params = {"containment_rate": value, "engaged": c.engaged}
    return _rate_verdict("containment", value, th.containment, True, trend, params, quotes)


def judge_fallback(stats: TranscriptStats, th: Thresholds) -> Verdict:
    early = _too_few(stats, th)
    if early:
        return early
    if not stats.answers:
        return Verdict("inconclusive", "transcripts.judge.fallback.no-answers")
    trend = _trend(stats.weeks, lambda w: w.fallbacks, lambda w: w.answers, th.usage.min_weeks)
    value = stats.fallback_rate or 0.0
    quotes = [
        f"fallbacks {stats.fallbacks}/{stats.answers} answers = {value:.1%}",
        "per week: " + _weekly(stats.weeks, lambda w: w.fallback_rate),
    ]
    quotes += [f"unanswered ×{g.count}: {g.examples[0].text}" for g in stats.unanswered.groups[:3]]
    params = {"fallback_rate": value, "answers": stats.answers}
    return _rate_verdict("fallback", value, th.fallback, False, trend, params, quotes)


def judge_logs_redacted(stats: TranscriptStats, th: Thresholds) -> Verdict:
    """Any identity code or IBAN fails; citizens' phones and e-mails give partial."""
    if stats.messages == 0:
        return Verdict(
            "inconclusive",
            "transcripts.judge.too-few",
            {"engaged": 0, "minimum": th.min_conversations},
        )
    rule = th.logs
    counted: dict[str, int] = {}
    for kind, entry in stats.personal_data.items():
        if kind in rule.fail_kinds:
            counted[kind] = entry.total
        elif kind in rule.partial_kinds:
            n = sum(v for s, v in entry.by_sender.items() if s in rule.partial_senders)
            if n:
                counted[kind] = n
    found = ", ".join(f"{kind} ×{n}" for kind, n in sorted(counted.items()))
    quotes = [
        f"{kind} ({ex.sender}, {ex.file}:{ex.line}): {ex.text}"
        for kind in sorted(counted)
        for ex in stats.personal_data[kind].examples[:2]
    ]
    params = {"messages": stats.messages, "found": found, **counted}
    if any(kind in rule.fail_kinds for kind in counted):
        return Verdict("fail", "transcripts.judge.logs.fail", params, quotes)
    if counted:
        return Verdict("partial", "transcripts.judge.logs.partial", params, quotes)
    return Verdict(
        "pass", "transcripts.judge.logs.pass", params, [f"messages searched: {stats.messages}"]
    )


JUDGES: dict[str, Callable[[TranscriptStats, Thresholds], Verdict]] = {
    "acceptability.usage-and-satisfaction-trends": judge_usage,
    "efficiency.containment-rate": judge_containment,
    "efficiency.fallback-rate": judge_fallback,
    "privacy.logs-redacted": judge_logs_redacted,
}


def sentence(verdict: Verdict, language: str) -> str:
    """The verdict's explanation in `language`, its trend phrase filled in."""
    from botaudit.transcripts.messages import text

    params = dict(verdict.params)
    if "trend_direction" in params:
        params["trend"] = text(f"transcripts.trend.{params['trend_direction']}", language, **params)
    return text(verdict.key, language, **params)
