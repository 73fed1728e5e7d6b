"""The combined report: a deployment × criterion matrix and the consistency rows.

Written at the top of the output folder as report.json (the data), report.md and
report.html (both rendered from that same data, so they cannot disagree); each target's
own full report stays in its subfolder and is linked. Text from the pages (quotes) is
escaped in HTML and passed through the bundle's masking already (reports never hold raw
personal data).
"""

from __future__ import annotations

import html
import json
from pathlib import Path
from typing import Any

from botaudit.evidence.pii import mask_text
from botaudit.fleet.consistency import Consistency
from botaudit.fleet.model import TargetResult

SYMBOL = {
    "pass": "✅ pass",
    "partial": "🟡 partial",
    "fail": "❌ fail",
    "inconclusive": "❔ inconclusive",
    "not_applicable": "– n/a",
    "not_assessed": "· not assessed",
}


def combined_data(
    name: str, results: list[TargetResult], consistency: list[Consistency]
) -> dict[str, Any]:
    """The combined report as plain data (what report.json holds)."""
    criteria: list[str] = []
    for r in results:
        for c in r.outcome.report.criteria if r.outcome else []:
            if c.id not in criteria:
                criteria.append(c.id)
    matrix = {
        cid: {
            r.name: next((c.outcome for c in r.outcome.report.criteria if c.id == cid), None)
            if r.outcome and not r.error
            else None
            for r in results
        }
        for cid in criteria
    }
    return {
        "name": name,
        "targets": [
            {
                "name": r.name,
                "url": r.url,
                "exit_code": r.exit_code,
                "error": r.error,
                "report": f"{r.name}/report.html" if r.outcome else None,
            }
            for r in results
        ],
        "consistency": [
            {
                "id": c.id,
                "criterion": c.criterion,
                "outcome": c.outcome,
                "explanation": c.explanation,
                "per_target": c.per_target,
                "quotes": {t: [mask_text(q) for q in qs] for t, qs in c.quotes.items()},
            }
            for c in consistency
        ],
        "matrix": matrix,
    }


def _cell(outcome: str | None) -> str:
    return SYMBOL.get(outcome, outcome) if outcome else "could not run"


def render_markdown(data: dict[str, Any]) -> str:
    names = [t["name"] for t in data["targets"]]
    lines = [f"# botaudit: {data['name']}, all deployments", "", "## Deployments", ""]
    for t in data["targets"]:
        state = f"could not run: {t['error']}" if t["error"] else f"exit {t['exit_code']}"
        link = f" ([report]({t['report']}))" if t["report"] else ""
        lines.append(f"- **{t['name']}** {t['url']}: {state}{link}")
    lines += ["", "## Consistency across deployments", ""]
    for c in data["consistency"]:
        lines.append(
            f"- **{c['id']}** ({c['criterion']}): {_cell(c['outcome'])}. {c['explanation']}"
        )
        for target, quotes in c["quotes"].items():
            if quotes:
                lines.append(f"  - {target}: " + " / ".join(f"“{q}”" for q in quotes[:2]))
    lines += ["", "## Criteria", "", "| criterion | " + " | ".join(names) + " |"]
    lines.append("|---" * (len(names) + 1) + "|")
    for cid, row in data["matrix"].items():
        lines.append(f"| {cid} | " + " | ".join(_cell(row[n]) for n in names) + " |")
    return "\n".join(lines) + "\n"


def render_html(data: dict[str, Any]) -> str:
    e = html.escape
    names = [t["name"] for t in data["targets"]]
    rows = []
    for t in data["targets"]:
        state = f"could not run: {t['error']}" if t["error"] else f"exit {t['exit_code']}"
        link = f' <a href="{e(t["report"])}">report</a>' if t["report"] else ""
        rows.append(f"<li><b>{e(t['name'])}</b> {e(t['url'])}: {e(state)}{link}</li>")
    checks = []
    for c in data["consistency"]:
        quotes = "".join(
            f"<li>{e(target)}: " + " / ".join(f"“{e(q)}”" for q in qs[:2]) + "</li>"
            for target, qs in c["quotes"].items()
            if qs
        )
        checks.append(
            f'<tr class="{e(c["outcome"])}"><td>{e(c["id"])}<br><small>{e(c["criterion"])}'
            f"</small></td><td>{e(_cell(c['outcome']))}</td><td>{e(c['explanation'])}"
            f"<ul>{quotes}</ul></td></tr>"
        )
    head = "".join(f"<th>{e(n)}</th>" for n in names)
    matrix = "".join(
        f"<tr><td>{e(cid)}</td>"
        + "".join(f'<td class="{e(row[n] or "error")}">{e(_cell(row[n]))}</td>' for n in names)
        + "</tr>"
        for cid, row in data["matrix"].items()
    )
    title = e(f"botaudit: {data['name']}, all deployments")
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>{title}</title>
<style>body{{font-family:sans-serif;margin:2em}}table{{border-collapse:collapse}}
td,th{{border:1px solid #ccc;padding:.3em .6em;text-align:left;vertical-align:top}}
.pass{{background:#e6f4ea}}.fail{{background:#fce8e6}}.partial{{background:#fef7e0}}</style>
</head><body><h1>{title}</h1>
<h2>Deployments</h2><ul>{"".join(rows)}</ul>
<h2>Consistency across deployments</h2>
<table><tr><th>row</th><th>outcome</th><th>why</th></tr>{"".join(checks)}</table>
<h2>Criteria</h2><table><tr><th>criterion</th>{head}</tr>{matrix}</table>
</body></html>
"""


def write_combined(
    name: str, results: list[TargetResult], consistency: list[Consistency], out_dir: Path
) -> dict[str, Path]:
    data = combined_data(name, results, consistency)
    out_dir.mkdir(parents=True, exist_ok=True)
    files = {
        "json": out_dir / "report.json",
        "md": out_dir / "report.md",
        "html": out_dir / "report.html",
    }
    files["json"].write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    files["md"].write_text(render_markdown(data), encoding="utf-8")
    files["html"].write_text(render_html(data), encoding="utf-8")
    return files
