"""SWOT and ERRC from criterion outcomes: fixed, documented rules, no judgement added.

The study ends in a SWOT (table L2.2) and proposes the Blue Ocean ERRC grid as a follow-up
to the traffic lights. botaudit fills both mechanically from the results, so the same
evidence always gives the same analysis and every entry can be traced to its criteria.

Rules (T = the criterion title, R = its recommendation, both in the report language):

Strengths
  * each *passed* criterion of severity critical or major: "T";
  * each value that is green with coverage >= 0.5:
    "<value name>: green, <n> % of weight judged".
Weaknesses
  * each *failed* criterion, any severity: "Not met: T";
  * each *partial* critical criterion: "Only partly met: T";
  * one item, if any value has coverage < 0.5 or is not assessed, saying how many of the
    values could not be judged and naming them -- gaps are reported, not hidden.
Opportunities
  * the recommendation R of each partial or failed criterion.
Threats
  * each failed or partial criterion marked `regulatory`:
    "Regulatory risk, not fully met: T (<first source that is not the study>)";
  * each failed *critical* criterion of a trust-bearing value (transparency,
    accountability, privacy, trust-in-authority, legitimacy): "Trust risk, not met: T".
ERRC
  * the recommendation R of each partial or failed criterion goes into the cell named by
    the criterion's `errc` action (eliminate, reduce, raise, create).

Every item lists the ids of the criteria behind it. Items with the same text are merged
(their criteria joined), so nothing appears twice. Criterion-based items are ordered by
severity (critical, major, minor) and then criterion id; value-based items follow in the
checklist's value order. The fixed phrases are in the message catalogue
(`messages/<lang>/swot.yaml`).
"""

from __future__ import annotations

from collections.abc import Iterable

from botaudit.messages import message
from botaudit.report.model import CriterionResult, Errc, Item, Swot, ValueResult
from botaudit.types import JUDGED

SEVERITY_RANK: dict[str, int] = {"critical": 0, "major": 1, "minor": 2}
TRUST_VALUES: frozenset[str] = frozenset(
    {"transparency", "accountability", "privacy", "trust-in-authority", "legitimacy"}
)
COVERAGE_FLOOR = 0.5
_NEEDS_ACTION = frozenset({"partial", "fail"})


def _phrase(language: str, key: str, **fields: object) -> str:
    return message(f"swot.{key}", language, **fields)


def _legal_source(criterion: CriterionResult) -> str:
    """The first source that is not the study itself: a regulatory risk cites the law."""
    return next((s for s in criterion.source if not s.startswith("METKU")), criterion.source[0])


def _key(criterion: CriterionResult) -> tuple[int, str]:
    return SEVERITY_RANK[criterion.severity], criterion.id


def _ordered(criteria: Iterable[CriterionResult]) -> list[CriterionResult]:
    """Criteria most severe first, then by id: the order every list is built in."""
    return sorted(criteria, key=_key)


def _items(entries: Iterable[tuple[CriterionResult, str]]) -> list[Item]:
    """Merge entries with the same text and sort them by their most severe criterion.

    The sort is stable, so two items of the same criterion (e.g. a regulatory and a trust
    risk) keep the order the rules produced them in.
    """
    merged: dict[str, tuple[tuple[int, str], dict[str, tuple[int, str]]]] = {}
    for criterion, text in entries:
        best, ids = merged.get(text, (_key(criterion), {}))
        ids[criterion.id] = _key(criterion)
        merged[text] = (min(best, _key(criterion)), ids)
    ordered = sorted(merged.items(), key=lambda entry: entry[1][0])
    return [
        Item(text=text, criteria=sorted(ids, key=ids.__getitem__)) for text, (_, ids) in ordered
    ]


def _ids(criteria: Iterable[CriterionResult]) -> list[str]:
    return list(dict.fromkeys(c.id for c in _ordered(criteria)))


def build_swot(values: list[ValueResult], criteria: list[CriterionResult], language: str) -> Swot:
    """Fill the four SWOT quadrants from the results by the rules in the module docstring."""
    ordered = _ordered(criteria)
    by_value: dict[str, list[CriterionResult]] = {}
    for criterion in ordered:
        by_value.setdefault(criterion.value, []).append(criterion)
    sorted_values = sorted(values, key=lambda v: (v.number, v.id))

    strengths = _items(
        (c, c.title.get(language))
        for c in ordered
        if c.outcome == "pass" and c.severity in ("critical", "major")
    )
    for value in sorted_values:
        if value.status == "green" and value.coverage >= COVERAGE_FLOOR:
            text = _phrase(
                language,
                "green_value",
                name=value.name.get(language),
                percent=round(value.coverage * 100),
            )
            judged = [c for c in by_value.get(value.id, []) if c.outcome in JUDGED]
            strengths.append(Item(text=text, criteria=_ids(judged)))

    weak_entries: list[tuple[CriterionResult, str]] = []
    for c in ordered:
        if c.outcome == "fail":
            weak_entries.append((c, _phrase(language, "not_met", title=c.title.get(language))))
        elif c.outcome == "partial" and c.severity == "critical":
            weak_entries.append((c, _phrase(language, "partly_met", title=c.title.get(language))))
    weaknesses = _items(weak_entries)
    gaps = [v for v in sorted_values if v.coverage < COVERAGE_FLOOR or v.status == "not_assessed"]
    if gaps:
        text = _phrase(
            language,
            "gaps",
            count=len(gaps),
            total=len(values),
            names=", ".join(v.name.get(language) for v in gaps),
        )
        # The value names say enough; listing every unjudged criterion buries the quadrant.
        weaknesses.append(Item(text=text, criteria=[]))

    opportunities = _items(
        (c, c.recommendation.get(language)) for c in ordered if c.outcome in _NEEDS_ACTION
    )

    threat_entries: list[tuple[CriterionResult, str]] = []
    for c in ordered:
        title = c.title.get(language)
        if c.outcome in _NEEDS_ACTION and c.regulatory:
            source = f" ({_legal_source(c)})" if c.source else ""
            threat_entries.append((c, _phrase(language, "regulatory", title=title, source=source)))
        if c.outcome == "fail" and c.severity == "critical" and c.value in TRUST_VALUES:
            threat_entries.append((c, _phrase(language, "trust", title=title)))
    threats = _items(threat_entries)

    return Swot(
        strengths=strengths, weaknesses=weaknesses, opportunities=opportunities, threats=threats
    )


def build_errc(criteria: list[CriterionResult], language: str) -> Errc:
    """Place each partial or failed criterion's recommendation in its ERRC cell."""
    cells: dict[str, list[tuple[CriterionResult, str]]] = {
        "eliminate": [],
        "reduce": [],
        "raise": [],
        "create": [],
    }
    for c in _ordered(criteria):
        if c.outcome in _NEEDS_ACTION:
            cells[c.errc].append((c, c.recommendation.get(language)))
    return Errc(
        eliminate=_items(cells["eliminate"]),
        reduce=_items(cells["reduce"]),
        raise_=_items(cells["raise"]),
        create=_items(cells["create"]),
    )
