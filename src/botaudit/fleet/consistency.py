"""Consistency across deployments, judged from the per-deployment outcomes.

Reported as extra rows of the combined report, not as checklist criteria: a checklist
criterion is judged on one bundle, and these need every deployment's result. The rules
compare outcomes only (what each deployment's own check concluded); the quotes behind them
are shown side by side so a reader can compare the wording itself.

- Same disclosure everywhere: pass when every deployment passes
  `transparency.bot-identity-disclosed`; fail when any judged deployment does not.
- Uniform handoff instruction: pass when `accountability.handoff-instruction-up-front` has
  the same judged outcome on every deployment; fail when two judged outcomes differ
  (the study's "no uniform instruction across deployments", METKU 2022, Lisäselvitys 2,
  4.2.3).
Either is inconclusive when a deployment could not be judged and nothing already failed.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from botaudit.messages import Many, Message, msg
from botaudit.types import JUDGED

DISCLOSURE = "transparency.bot-identity-disclosed"
HANDOFF = "accountability.handoff-instruction-up-front"


class ConsistencyFields(BaseModel):
    """What a consistency row says in any language: the combined report's row adds the
    explanation rendered in its language (`fleet.model.ConsistencyRow`)."""

    id: str
    criterion: str
    outcome: str
    per_target: dict[str, str] = Field(default_factory=dict)
    quotes: dict[str, list[str]] = Field(default_factory=dict)


class Consistency(ConsistencyFields):
    model_config = ConfigDict(arbitrary_types_allowed=True)

    explanation: Message


def _listing(outcomes: dict[str, str]) -> Many:
    """ "main: Pass, visit: Fail": the outcome words in the report's language."""
    return Many(
        items=[
            msg("fleet.item", name=n, outcome=msg(f"report.outcome_{o}"))
            for n, o in outcomes.items()
        ]
    )


def _unjudged(names: list[str]) -> Message:
    return msg("fleet.unjudged", targets=", ".join(names)) if names else msg("fleet.unjudged_any")


def same_disclosure(outcomes: dict[str, str]) -> tuple[str, Message]:
    """Every deployment must disclose that it is a bot."""
    missing = [n for n, o in outcomes.items() if o in JUDGED and o != "pass"]
    unjudged = [n for n, o in outcomes.items() if o not in JUDGED]
    if missing:
        return "fail", msg("fleet.disclosure.fail", listing=_listing(outcomes))
    if unjudged or not outcomes:
        return "inconclusive", _unjudged(unjudged)
    return "pass", msg("fleet.disclosure.pass", listing=_listing(outcomes))


def uniform(outcomes: dict[str, str]) -> tuple[str, Message]:
    """The same judged outcome on every deployment."""
    judged = {o for o in outcomes.values() if o in JUDGED}
    unjudged = [n for n, o in outcomes.items() if o not in JUDGED]
    if len(judged) > 1:
        return "fail", msg("fleet.uniform.fail", listing=_listing(outcomes))
    if unjudged or not judged:
        return "inconclusive", _unjudged(unjudged)
    return "pass", msg("fleet.uniform.pass", listing=_listing(outcomes))


RULES = {
    "consistency.same-disclosure": (DISCLOSURE, same_disclosure),
    "consistency.uniform-handoff-instruction": (HANDOFF, uniform),
}


def judge_consistency(
    outcomes: dict[str, dict[str, str]], quotes: dict[str, dict[str, list[str]]]
) -> list[Consistency]:
    """`outcomes[target][criterion]`; a target that could not run has no entries."""
    rows = []
    for row_id, (criterion, rule) in RULES.items():
        per = {t: o.get(criterion, "not_assessed") for t, o in outcomes.items()}
        outcome, explanation = rule(per)
        cited = {t: q.get(criterion, []) for t, q in quotes.items()}
        rows.append(
            Consistency(
                id=row_id,
                criterion=criterion,
                outcome=outcome,
                explanation=explanation,
                per_target=per,
                quotes=cited,
            )
        )
    return rows
