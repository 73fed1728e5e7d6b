"""The one-page summary: three sentences, the values, the five most important actions.

Pure functions over the result model, so HTML, Markdown and PDF say the same thing.
Actions are ordered by severity (critical first), failed before partial, heavier weight
first, then the checklist's value order: what a management meeting should fix first.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from botaudit.messages import message
from botaudit.report.model import CriterionResult, Report
from botaudit.report.swot import SEVERITY_RANK

TOP_ACTIONS = 5
_NEEDS_ACTION = {"fail": 0, "partial": 1}


@dataclass(frozen=True)
class Action:
    criterion: CriterionResult
    value_name: str
    text: str


@dataclass(frozen=True)
class Summary:
    sentences: list[str]
    actions: list[Action]
    judged_values: int


def actions(report: Report, limit: int = TOP_ACTIONS) -> list[Action]:
    numbers = {v.id: v.number for v in report.values}
    names = {v.id: v.name.get(report.language) for v in report.values}
    chosen = sorted(
        (c for c in report.criteria if c.outcome in _NEEDS_ACTION),
        key=lambda c: (
            SEVERITY_RANK[c.severity],
            _NEEDS_ACTION[c.outcome],
            -c.weight,
            numbers.get(c.value, 99),
            c.id,
        ),
    )[:limit]
    return [
        Action(c, names.get(c.value, c.value), c.recommendation.get(report.language))
        for c in chosen
    ]


def summarise(report: Report) -> Summary:
    lang = report.language
    counts = Counter(v.status for v in report.values)
    judged = counts["green"] + counts["yellow"] + counts["red"]
    sentences = [
        message(
            "summary.judged",
            lang,
            judged=judged,
            total=len(report.values),
            green=counts["green"],
            yellow=counts["yellow"],
            red=counts["red"],
            insufficient=counts["insufficient"],
            not_assessed=counts["not_assessed"],
        )
    ]
    critical = [c for c in report.criteria if c.outcome == "fail" and c.severity == "critical"]
    scored = [v for v in report.values if v.status in ("green", "yellow", "red")]
    if critical:
        titles = "; ".join(c.title.get(lang) for c in critical)
        sentences.append(message("summary.critical", lang, titles=titles))
    elif any(v.status == "red" for v in scored):
        weakest = min(scored, key=lambda v: (v.score or 0, v.number))
        sentences.append(
            message(
                "summary.weakest",
                lang,
                name=weakest.name.get(lang),
                score=round(weakest.score or 0),
            )
        )
    else:
        sentences.append(message("summary.no_red", lang))
    info = report.assessment
    if info is not None:
        who = (
            ", ".join(
                f"{r.who} {r.when.isoformat()}" if r.when else r.who for r in info.respondents
            )
            or "?"
        )
        sentences.append(
            message(
                "summary.assessment",
                lang,
                answered=info.answered,
                dont_know=info.dont_know,
                who=who,
            )
        )
    else:
        waiting = sum(
            1
            for c in report.criteria
            if c.evidence_kind == "self-assessment" and c.outcome == "not_assessed"
        )
        sentences.append(message("summary.no_assessment", lang, count=waiting))
    return Summary(sentences=sentences, actions=actions(report), judged_values=judged)
