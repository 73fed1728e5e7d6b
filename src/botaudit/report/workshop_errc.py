"""The workshop's actions in the ERRC grid, beside the ones that follow from the criteria."""

from __future__ import annotations

from botaudit.assessment.workshop import RoundAggregate
from botaudit.messages import message
from botaudit.report.model import Errc, Item


def action_text(action, language: str) -> str:
    details = "; ".join(x for x in (action.owner, action.measure, action.timeframe) if x)
    where = message(
        "workshop.where",
        language,
        field=message(f"workshop.field.{action.field}", language),
        level=message(f"workshop.level.{action.level}", language),
    )
    return f"{action.text} ({where}{': ' + details if details else ''})"


def add_workshop_actions(errc: Errc, workshop: RoundAggregate | None, language: str) -> Errc:
    """Append each action of a shown workshop round to its cell, marked `origin: workshop`."""
    if workshop is None or not workshop.shown:
        return errc
    cells = {
        "eliminate": list(errc.eliminate),
        "reduce": list(errc.reduce),
        "raise": list(errc.raise_),
        "create": list(errc.create),
    }
    for action in workshop.actions:
        cells[action.kind].append(Item(text=action_text(action, language), origin="workshop"))
    return Errc(
        eliminate=cells["eliminate"],
        reduce=cells["reduce"],
        raise_=cells["raise"],
        create=cells["create"],
    )
