"""Showing a comparison: rows for the terminal, the HTML page and the report section."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup
from rich.console import Console
from rich.table import Table

from botaudit.messages import message
from botaudit.report.extras import Comparison, Delta
from botaudit.report.labels import TEMPLATES, labels
from botaudit.report.model import Report

STYLE = {"improved": "green", "regressed": "bold red", "new": "cyan", "no_longer_judged": "yellow"}


@dataclass(frozen=True)
class Row:
    delta: Delta
    name: str
    old: str
    new: str


def _word(texts: dict[str, str], value: str | None, score: float | None = None) -> str:
    if value is None:
        return "–"
    word = texts.get(f"status_{value}") or texts.get(f"outcome_{value}") or value
    return word if score is None else f"{word} ({score:.0f})"


def rows(comparison: Comparison, report: Report) -> tuple[list[Row], list[Row]]:
    """Changed values and changed criteria, named in the report's language."""
    lang, texts = report.language, labels(report.language)
    names = {v.id: v.name.get(lang) for v in report.values}
    titles = {c.id: c.title.get(lang) for c in report.criteria}
    values = [
        Row(
            d,
            names.get(d.id, d.id),
            _word(texts, d.old, d.old_score),
            _word(texts, d.new, d.new_score),
        )
        for d in comparison.values
        if d.change != "unchanged"
    ]
    criteria = [
        Row(d, titles.get(d.id, d.id), _word(texts, d.old), _word(texts, d.new))
        for d in comparison.criteria
        if d.change != "unchanged"
    ]
    return values, criteria


def context(comparison: Comparison, report: Report) -> dict[str, Any]:
    values, criteria = rows(comparison, report)
    counts = Counter(d.change for d in comparison.changed())
    return {
        "comparison": comparison,
        "changed_values": values,
        "changed_criteria": criteria,
        "counts": {k: counts.get(k, 0) for k in STYLE},
        "m": lambda key, **p: message(key, report.language, **p),
    }


def section_html(comparison: Comparison, report: Report) -> Markup:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined
    )
    return Markup(env.get_template("diff.html.j2").render(context(comparison, report)))


def page_html(comparison: Comparison, report: Report) -> str:
    """A small self-contained page for `botaudit diff --html`."""
    title = message("diff.heading", report.language)
    return (
        f'<!DOCTYPE html><html lang="{report.language}"><head><meta charset="utf-8">'
        f"<title>{title}</title><style>body{{font-family:system-ui,sans-serif;max-width:60rem;"
        "margin:auto;padding:1rem}table{border-collapse:collapse;width:100%;margin:1rem 0}"
        "th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left}caption{text-align:left;"
        "font-weight:700}.ch-regressed td:last-child{color:#7f1d1d}.ch-improved td:last-child"
        "{color:#14532d}</style></head><body>"
        f"{section_html(comparison, report)}</body></html>"
    )


def print_comparison(comparison: Comparison, report: Report, console: Console) -> None:
    values, criteria = rows(comparison, report)
    for heading, items in (
        (message("diff.values", report.language), values),
        (message("diff.criteria", report.language), criteria),
    ):
        table = Table(title=heading)
        for column in ("diff.item", "diff.before", "diff.after", "diff.change"):
            table.add_column(message(column, report.language))
        for row in items:
            change = row.delta.change
            table.add_row(
                f"{row.name}\n[dim]{row.delta.id}[/]",
                row.old,
                row.new,
                f"[{STYLE.get(change, '')}]{message('diff.change.' + change, report.language)}[/]",
            )
        if not items:
            table.add_row(message("diff.none", report.language), "", "", "")
        console.print(table)
    counts = context(comparison, report)["counts"]
    console.print(
        message(
            "diff.counts",
            report.language,
            improved=counts["improved"],
            regressed=counts["regressed"],
            new=counts["new"],
            gone=counts["no_longer_judged"],
        ),
        highlight=False,
    )
