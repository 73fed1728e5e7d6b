"""The combined report: a deployment × criterion matrix and the consistency rows.

Written at the top of the output folder as report.json (the `FleetReport` data), report.md
and report.html (both rendered from that same data, so they cannot disagree), in the
report's language: every fixed text comes from `messages/<lang>/fleet.yaml` and the outcome
words from the single report's own labels. Each target's full report stays in its subfolder
and is linked. Text from the pages (quotes, errors) is untrusted: autoescaped in HTML,
backslash-escaped in Markdown (the single report's filters), and masked once more here.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment
from markupsafe import Markup

from botaudit.evidence.pii import mask_text
from botaudit.fleet.consistency import Consistency
from botaudit.fleet.model import ConsistencyRow, FleetReport, Since, TargetResult, TargetSummary
from botaudit.messages import catalogue, message
from botaudit.report.labels import labels
from botaudit.report.render import template_environment

TEMPLATES = Path(__file__).parent / "templates"
SYMBOL = {
    "pass": "✅",
    "partial": "🟡",
    "fail": "❌",
    "inconclusive": "❔",
    "not_applicable": "–",
    "not_assessed": "·",
}


def combined_report(
    name: str,
    language: str,
    results: list[TargetResult],
    consistency: list[Consistency],
    since: dict[str, Since] | None = None,
    compared_to: str | None = None,
    dropped: list[str] | None = None,
) -> FleetReport:
    """The combined report as data, every sentence already in `language`."""
    ran = [r for r in results if r.outcome and not r.error]
    titles: dict[str, str] = {}
    for r in ran:
        for c in r.outcome.report.criteria:  # type: ignore[union-attr]
            titles.setdefault(c.id, c.title.get(language))
    outcomes = {r.name: {c.id: c.outcome for c in r.outcome.report.criteria} for r in ran}  # type: ignore[union-attr]
    matrix = {cid: {r.name: outcomes.get(r.name, {}).get(cid) for r in results} for cid in titles}
    texts = catalogue()
    return FleetReport(
        name=name,
        language=language,  # type: ignore[arg-type]
        generated_at=datetime.now(UTC),
        targets=[
            TargetSummary(
                name=r.name,
                url=r.url,
                exit_code=r.exit_code,
                error=mask_text(r.reason or r.error) if (r.reason or r.error) else None,
                report=f"{r.name}/report.html" if r.outcome else None,
                since=(since or {}).get(r.name),
            )
            for r in results
        ],
        titles=titles,
        consistency=[
            ConsistencyRow(
                **c.model_dump(exclude={"explanation", "quotes"}),
                explanation=texts.render(c.explanation, language),
                quotes={t: [mask_text(q) for q in qs] for t, qs in c.quotes.items()},
            )
            for c in consistency
        ],
        matrix=matrix,
        compared_to=compared_to,
        dropped=dropped or [],
    )


@lru_cache(maxsize=2)
def _environment(markdown: bool) -> Environment:
    return template_environment(TEMPLATES, markdown)


def _context(report: FleetReport) -> dict[str, Any]:
    lang = report.language
    words = labels(lang)

    def cell(outcome: str | None) -> str:
        if outcome is None:
            return message("fleet.could_not_run", lang)
        return f"{SYMBOL.get(outcome, '')} {words.get('outcome_' + outcome, outcome)}".strip()

    def badge(outcome: str | None) -> Markup:
        """The single report's outcome badge: a word and a colour, no symbol a font may lack."""
        word = words.get(f"outcome_{outcome}") if outcome else message("fleet.could_not_run", lang)
        return Markup('<span class="badge o-{}">{}</span>').format(outcome or "error", word)

    def state(target: TargetSummary) -> str:
        if target.error:
            return message("fleet.state.could_not_run", lang, error=target.error)
        return message("fleet.state.passed" if target.exit_code == 0 else "fleet.state.below", lang)

    def since(target: TargetSummary) -> str:
        s = target.since
        if s is None:
            return ""
        if s.state != "compared":
            return message(f"fleet.since.{s.state}", lang)
        counts = s.model_dump(exclude={"state"})
        return message("fleet.since.compared", lang, **counts)

    # Rows no deployment could assess (they need answers, logs or conversations) would
    # bury the differences; they stay in report.json and each deployment's own report.
    shown = [
        (cid, row)
        for cid, row in report.matrix.items()
        if any(outcome not in ("not_assessed", None) for outcome in row.values())
    ]
    return {
        "r": report,
        "shown": shown,
        "hidden": len(report.matrix) - len(shown),
        "lang": lang,
        "m": lambda key, **params: message(key, lang, **params),
        "cell": cell,
        "badge": badge,
        "state": state,
        "since": since,
        "names": [t.name for t in report.targets],
    }


def render_markdown(report: FleetReport) -> str:
    return _environment(True).get_template("combined.md.j2").render(_context(report))


def render_html(report: FleetReport) -> str:
    return _environment(False).get_template("combined.html.j2").render(_context(report))


def write_combined(report: FleetReport, out_dir: Path) -> dict[str, Path]:
    """report.json, report.md and report.html at the top of the fleet's output folder."""
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {
        "json": out_dir / "report.json",
        "md": out_dir / "report.md",
        "html": out_dir / "report.html",
    }
    data = report.model_dump(mode="json")
    files["json"].write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    files["md"].write_text(render_markdown(report), encoding="utf-8")
    files["html"].write_text(render_html(report), encoding="utf-8")
    return files
