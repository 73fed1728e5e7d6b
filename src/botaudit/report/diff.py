"""Trend: what changed between two audits, per value and per criterion.

Only judged results are compared (a criterion that was inconclusive or not assessed has
no verdict to improve on); a result judged on one side only is *new* or *no longer
judged*, so a lost check is never mistaken for an improvement.

Exit code of `botaudit diff`: 0 nothing regressed, 1 something regressed, 2 bad input.
"""

from __future__ import annotations

import json
from pathlib import Path

from pydantic import ValidationError

from botaudit.errors import UsageError
from botaudit.report.extras import Change, Comparison, Delta
from botaudit.report.model import Report

OUTCOME_RANK = {"fail": 0, "partial": 1, "pass": 2}
STATUS_RANK = {"red": 0, "yellow": 1, "green": 2}


def _change(old: int | None, new: int | None) -> Change:
    if old is None and new is None:
        return "unchanged"
    if old is None:
        return "new"
    if new is None:
        return "no_longer_judged"
    if new > old:
        return "improved"
    return "regressed" if new < old else "unchanged"


def compare(old: Report, new: Report) -> Comparison:
    old_values = {v.id: v for v in old.values}
    values = []
    for v in new.values:
        before = old_values.get(v.id)
        old_rank = STATUS_RANK.get(before.status) if before else None
        new_rank = STATUS_RANK.get(v.status)
        change = _change(old_rank, new_rank)
        same_light = change == "unchanged" and old_rank is not None and before is not None
        if same_light and before.score is not None and v.score is not None:
            delta = v.score - before.score  # same light: a score move of a point or more counts
            if abs(delta) >= 1:
                change = "improved" if delta > 0 else "regressed"
        values.append(
            Delta(
                id=v.id,
                value=v.id,
                old=before.status if before else None,
                new=v.status,
                old_score=before.score if before else None,
                new_score=v.score,
                change=change,
            )
        )
    old_criteria = {c.id: c for c in old.criteria}
    criteria = []
    for c in new.criteria:
        before = old_criteria.get(c.id)
        change = _change(
            OUTCOME_RANK.get(before.outcome) if before else None, OUTCOME_RANK.get(c.outcome)
        )
        criteria.append(
            Delta(
                id=c.id,
                value=c.value,
                old=before.outcome if before else None,
                new=c.outcome,
                change=change,
            )
        )
    gone = [c for cid, c in old_criteria.items() if cid not in {x.id for x in new.criteria}]
    criteria += [
        Delta(id=c.id, value=c.value, old=c.outcome, new=None, change="no_longer_judged")
        for c in gone
        if c.outcome in OUTCOME_RANK
    ]
    return Comparison(
        old_started_at=old.audit.started_at.isoformat(timespec="seconds"),
        new_started_at=new.audit.started_at.isoformat(timespec="seconds"),
        old_target=old.target.url,
        values=values,
        criteria=criteria,
    )


def load_report(path: Path) -> Report:
    """A report.json, or a report folder holding one."""
    candidate = path / "report.json" if path.is_dir() else path
    try:
        data = json.loads(candidate.read_text(encoding="utf-8"))
    except OSError as exc:
        raise UsageError(
            f"Cannot read {candidate}: {exc.strerror}; give a report folder or its report.json."
        ) from exc
    except json.JSONDecodeError as exc:
        raise UsageError(f"{candidate} is not valid JSON (line {exc.lineno}).") from exc
    try:
        return Report.model_validate(data)
    except ValidationError as exc:
        where = ".".join(str(p) for p in exc.errors()[0]["loc"])
        raise UsageError(
            f"{candidate} is not a botaudit report ({where}); give a report.json that "
            "botaudit wrote."
        ) from exc
