"""The study's self-assessment workshop: traffic lights on two four-fields, then ERRC.

METKU 2022, appendix 2: each team member rates the four basic experiences of meaningful
work (Martela & Pessi 2018) and the four customer-value factors green / yellow / red with
reasons; for each field the team then asks, at the individual and the work-community level,
what to reduce, create, raise and eliminate, each action with an owner, a measure and a
timeframe. The third interview round's twelve questions (appendix 1) are an optional
reflection.

Answers are anonymous (a response has no name field, and extra fields are refused), and
a round is shown only as an aggregate of at least `MIN_RESPONDENTS` responses: with fewer,
counts and reasons could be traced to one person, so nothing but the number of responses
is shown. Reasons and actions are sorted, so their order does not reveal who wrote what.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

MIN_RESPONDENTS = 3
MEANINGFUL_WORK = ("autonomy", "competence", "relatedness", "beneficence")
CUSTOMER_VALUE = ("benefit-over-sacrifice", "customer-role", "not-alone", "co-creation")
FIELDS = MEANINGFUL_WORK + CUSTOMER_VALUE
Light = Literal["green", "yellow", "red"]
LIGHT_RANK = {"red": 0, "yellow": 1, "green": 2}
ErrcKind = Literal["eliminate", "reduce", "raise", "create"]
Field_ = Literal[
    "autonomy",
    "competence",
    "relatedness",
    "beneficence",
    "benefit-over-sacrifice",
    "customer-role",
    "not-alone",
    "co-creation",
]


class Rating(BaseModel):
    model_config = ConfigDict(extra="forbid")

    light: Light
    reason: str = ""


class WorkshopAction(BaseModel):
    model_config = ConfigDict(extra="forbid")

    field: Field_
    level: Literal["individual", "community"]
    kind: ErrcKind
    text: str = Field(min_length=1)
    owner: str = ""
    measure: str = ""
    timeframe: str = ""


class Response(BaseModel):
    """One team member's answers; deliberately without any name."""

    model_config = ConfigDict(extra="forbid")

    ratings: dict[Field_, Rating] = Field(default_factory=dict)
    actions: list[WorkshopAction] = Field(default_factory=list)
    reflection: dict[int, str] = Field(
        default_factory=dict, description="Answers to the third round's questions 1-12."
    )


class WorkshopRound(BaseModel):
    model_config = ConfigDict(extra="forbid")

    round: str = Field(min_length=1)
    date: dt.date | None = None
    responses: list[Response] = Field(default_factory=list)


class FieldAggregate(BaseModel):
    field: str
    counts: dict[str, int]
    light: Light | None = Field(description="The most common light; a tie goes to the worse.")
    reasons: list[str] = Field(default_factory=list)
    change: Literal["improved", "regressed", "unchanged"] | None = None


class RoundAggregate(BaseModel):
    round: str
    date: dt.date | None = None
    respondents: int
    shown: bool = Field(description=f"False when fewer than {MIN_RESPONDENTS} answered.")
    fields: list[FieldAggregate] = Field(default_factory=list)
    actions: list[WorkshopAction] = Field(default_factory=list)
    reflection: dict[int, list[str]] = Field(default_factory=dict)
    previous: str | None = None


def _mean(counts: Counter[str]) -> float:
    total = sum(counts.values())
    return sum(LIGHT_RANK[k] * n for k, n in counts.items()) / total if total else 0.0


def _field(responses: list[Response], name: str) -> tuple[Counter[str], list[str]]:
    ratings = [r.ratings[name] for r in responses if name in r.ratings]  # type: ignore[index]
    counts = Counter(r.light for r in ratings)
    reasons = sorted(r.reason.strip() for r in ratings if r.reason.strip())
    return counts, reasons


def aggregate(
    rounds: list[WorkshopRound], min_respondents: int = MIN_RESPONDENTS
) -> RoundAggregate | None:
    """The latest round as an aggregate, compared with the previous shown round."""
    if not rounds:
        return None
    latest, earlier = rounds[-1], rounds[:-1]
    count = len(latest.responses)
    if count < min_respondents:
        return RoundAggregate(round=latest.round, date=latest.date, respondents=count, shown=False)
    previous = next((r for r in reversed(earlier) if len(r.responses) >= min_respondents), None)
    fields = []
    for name in FIELDS:
        counts, reasons = _field(latest.responses, name)
        if not counts:
            continue
        top = max(counts.values())
        light = min((k for k, n in counts.items() if n == top), key=LIGHT_RANK.__getitem__)
        change = None
        if previous is not None:
            before, _ = _field(previous.responses, name)
            if before:
                delta = _mean(counts) - _mean(before)
                change = (
                    "improved" if delta > 0.25 else "regressed" if delta < -0.25 else "unchanged"
                )
        fields.append(
            FieldAggregate(
                field=name, counts=dict(counts), light=light, reasons=reasons, change=change
            )
        )
    actions = sorted(
        (a for r in latest.responses for a in r.actions),
        key=lambda a: (FIELDS.index(a.field), a.level, a.kind, a.text),
    )
    reflection: dict[int, list[str]] = {}
    for response in latest.responses:
        for number, answer in response.reflection.items():
            if 1 <= number <= 12 and answer.strip():
                reflection.setdefault(number, []).append(answer.strip())
    return RoundAggregate(
        round=latest.round,
        date=latest.date,
        respondents=count,
        shown=True,
        fields=fields,
        actions=actions,
        reflection={k: sorted(v) for k, v in sorted(reflection.items())},
        previous=previous.round if previous else None,
    )
