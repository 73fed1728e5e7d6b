"""Inline SVG charts with text alternatives, no JavaScript and no chart library.

Each chart is an `<svg role="img">` whose `<title>` and `<desc>` say what it shows in
words (a screen reader reads those), and the report puts the same figures in a table
beside it. Sizes are in a viewBox, so the chart scales with the page.
"""

from __future__ import annotations

from html import escape
from itertools import count

from markupsafe import Markup

W, H, LEFT, BOTTOM, TOP = 640, 220, 48, 28, 12
_ids = count(1)


def _frame(title: str, desc: str, body: list[str]) -> Markup:
    n = next(_ids)
    head = (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {W} {H}" role="img" '
        f'aria-labelledby="chart{n}-t chart{n}-d" class="chart">'
        f'<title id="chart{n}-t">{escape(title)}</title><desc id="chart{n}-d">{escape(desc)}</desc>'
    )
    axes = (
        f'<line x1="{LEFT}" y1="{H - BOTTOM}" x2="{W}" y2="{H - BOTTOM}" stroke="#555"/>'
        f'<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{H - BOTTOM}" stroke="#555"/>'
    )
    return Markup(head + axes + "".join(body) + "</svg>")


def _x_labels(labels: list[str], step: float) -> list[str]:
    every = max(1, len(labels) // 8)
    return [
        f'<text x="{LEFT + step * (i + 0.5):.1f}" y="{H - 10}" font-size="10" '
        f'text-anchor="middle">{escape(label)}</text>'
        for i, label in enumerate(labels)
        if i % every == 0
    ]


def _y_label(text: str) -> str:
    return (
        f'<text x="{LEFT - 4}" y="{TOP + 8}" font-size="10" text-anchor="end">{escape(text)}</text>'
    )


def bar_chart(points: list[tuple[str, float]], title: str, desc: str) -> Markup:
    """Vertical bars, one per (label, value)."""
    top = max((v for _, v in points), default=0) or 1
    step = (W - LEFT) / max(1, len(points))
    plot = H - BOTTOM - TOP
    body = [_y_label(f"{top:g}")]
    for i, (label, value) in enumerate(points):
        height = plot * value / top
        body.append(
            f'<rect x="{LEFT + step * i + step * 0.1:.1f}" y="{H - BOTTOM - height:.1f}" '
            f'width="{step * 0.8:.1f}" height="{height:.1f}" fill="#2f6f9f">'
            f"<title>{escape(label)}: {value:g}</title></rect>"
        )
    return _frame(title, desc, body + _x_labels([p[0] for p in points], step))


def line_chart(
    labels: list[str], series: list[tuple[str, str, list[float | None]]], title: str, desc: str
) -> Markup:
    """Lines of shares (0..1), one per (name, colour, values); gaps where a value is None."""
    top = max((v for _, _, vs in series for v in vs if v is not None), default=0) or 1
    step = (W - LEFT) / max(1, len(labels))
    plot = H - BOTTOM - TOP
    body = [_y_label(f"{top:.0%}")]
    for n, (name, colour, values) in enumerate(series):
        points = [
            f"{LEFT + step * (i + 0.5):.1f},{H - BOTTOM - plot * v / top:.1f}"
            for i, v in enumerate(values)
            if v is not None
        ]
        body.append(
            f'<polyline points="{" ".join(points)}" fill="none" stroke="{colour}" '
            f'stroke-width="2"><title>{escape(name)}</title></polyline>'
        )
        body.append(
            f'<text x="{W - 4}" y="{TOP + 12 + 12 * n}" font-size="11" text-anchor="end" '
            f'fill="{colour}">{escape(name)}</text>'
        )
    return _frame(title, desc, body + _x_labels(labels, step))
