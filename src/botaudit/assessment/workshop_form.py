"""The workshop page of `botaudit assess` (/workshop): one anonymous response per post.

The page never shows anyone's answers, only how many responses the round has; the report
shows the aggregate once there are enough (see workshop.py).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from botaudit.assessment.model import SelfAssessment
from botaudit.assessment.workshop import (
    CUSTOMER_VALUE,
    FIELDS,
    MEANINGFUL_WORK,
    MIN_RESPONDENTS,
    Response,
    WorkshopRound,
)

ACTION_ROWS = 3


def workshop_context(assessment: SelfAssessment, today: date) -> dict[str, Any]:
    rounds = assessment.workshop
    return {
        "round": rounds[-1].round if rounds else today.strftime("%Y-%m"),
        "groups": [("meaningful", MEANINGFUL_WORK), ("customer", CUSTOMER_VALUE)],
        "all_fields": FIELDS,
        "actions": ACTION_ROWS,
        "min_respondents": MIN_RESPONDENTS,
    }


def response_from(fields: dict[str, str]) -> Response:
    """A response from the posted fields; empty parts are left out. Raises ValidationError."""
    ratings = {
        name: {"light": fields[f"light:{name}"], "reason": fields.get(f"reason:{name}", "").strip()}
        for name in FIELDS
        if fields.get(f"light:{name}") in ("green", "yellow", "red")
    }
    actions = []
    for i in range(ACTION_ROWS):
        text = fields.get(f"a{i}:text", "").strip()
        if text:
            parts = ("field", "level", "kind", "owner", "measure", "timeframe")
            actions.append(
                {"text": text, **{p: fields.get(f"a{i}:{p}", "").strip() for p in parts}}
            )
    reflection = {
        n: fields[f"q:{n}"].strip() for n in range(1, 13) if fields.get(f"q:{n}", "").strip()
    }
    return Response.model_validate(
        {"ratings": ratings, "actions": actions, "reflection": reflection}
    )


def add_response(
    assessment: SelfAssessment, round_name: str, response: Response, today: date
) -> tuple[SelfAssessment, int]:
    """Append to the named round (a new round goes last); return it and the round's size."""
    rounds = list(assessment.workshop)
    index = next((i for i, r in enumerate(rounds) if r.round == round_name), None)
    if index is None:
        rounds.append(WorkshopRound(round=round_name, date=today, responses=[response]))
        index = len(rounds) - 1
    else:
        current = rounds[index]
        rounds[index] = current.model_copy(update={"responses": [*current.responses, response]})
    return assessment.model_copy(update={"workshop": rounds}), len(rounds[index].responses)
