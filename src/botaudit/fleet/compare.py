"""`--compare-to` for a multi-target audit: each deployment against its earlier namesake.

The earlier output folder must be a multi-target one (its report.json a combined report);
each deployment's own earlier report is then `<folder>/<name>/report.json`, compared by the
single audit's diff. A deployment the earlier audit did not have is a *new deployment*, one
it had but could not audit is *not compared*: neither is an error. Everything is read and
validated before the first browser starts, so a wrong folder costs nothing.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from pydantic import ValidationError

from botaudit.fleet.model import FleetReport, Since
from botaudit.messages import LocalisedError, msg
from botaudit.report.diff import load_report
from botaudit.report.extras import Comparison


@dataclass
class Earlier:
    folder: Path
    reports: dict[str, Path]  # deployment → its earlier report.json
    states: dict[str, Since]  # deployments not compared: new, or no earlier report
    dropped: list[str]  # earlier deployments this audit no longer has


def _read(path: Path) -> tuple[Path, FleetReport]:
    folder, file = (path, path / "report.json") if path.is_dir() else (path.parent, path)
    try:
        data = json.loads(file.read_text(encoding="utf-8"))
    except OSError as exc:
        raise LocalisedError(
            msg("fleet.error.compare_read", path=str(file), error=exc.strerror)
        ) from None
    except json.JSONDecodeError as exc:
        raise LocalisedError(msg("fleet.error.compare_not_fleet", path=str(file))) from exc
    if isinstance(data, dict) and "audit" in data and "criteria" in data:
        raise LocalisedError(msg("fleet.error.compare_single", path=str(file)))
    try:
        return folder, FleetReport.model_validate(data)
    except ValidationError as exc:
        raise LocalisedError(msg("fleet.error.compare_not_fleet", path=str(file))) from exc


def earlier_fleet(path: Path, names: list[str]) -> Earlier:
    """The earlier audit's report per deployment; raises a one-sentence error if unusable."""
    folder, earlier = _read(path)
    before = {t.name for t in earlier.targets}
    reports: dict[str, Path] = {}
    states: dict[str, Since] = {}
    for name in names:
        candidate = folder / name / "report.json"
        if name not in before:
            states[name] = Since(state="new")
        elif candidate.is_file():
            load_report(candidate)  # a damaged earlier report is named now, not mid-audit
            reports[name] = candidate
        else:
            states[name] = Since(state="no_report")
    dropped = [t.name for t in earlier.targets if t.name not in names]
    return Earlier(folder, reports, states, dropped)


def since(comparison: Comparison | None) -> Since | None:
    """A deployment's changes, counted as the single report's trend section counts them."""
    if comparison is None:
        return None
    counts = Counter(d.change for d in comparison.changed())
    return Since(
        state="compared",
        improved=counts["improved"],
        regressed=counts["regressed"],
        new=counts["new"],
        gone=counts["no_longer_judged"],
    )
