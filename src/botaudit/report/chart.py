"""An inline SVG chart of the fourteen values, readable in print and in grey-scale.

The traffic light is carried three ways -- a fill pattern (solid, hatched, cross-hatched,
dashed outline), a word at the end of each row, and colour -- so a black-and-white
printout or a colour-blind reader loses nothing. The SVG has a title and description for
screen readers, and the values table next to it is the full text alternative.
"""

from __future__ import annotations

from markupsafe import Markup, escape

from botaudit.messages import message
from botaudit.report.model import Report

ROW = 27
LABEL_W = 230
BAR_W = 340
TEXT_X = LABEL_W + BAR_W + 12
WIDTH = TEXT_X + 265
TOP = 24
FILL = {
    "green": "url(#p-green)",
    "yellow": "url(#p-yellow)",
    "red": "url(#p-red)",
    "insufficient": "#ffffff",
}
_DEFS = """<defs>
<pattern id="p-green" width="6" height="6" patternUnits="userSpaceOnUse">
<rect width="6" height="6" fill="#1f6f3a"/></pattern>
<pattern id="p-yellow" width="6" height="6" patternUnits="userSpaceOnUse"
 patternTransform="rotate(45)"><rect width="6" height="6" fill="#f4d35e"/>
<line x1="0" y1="0" x2="0" y2="6" stroke="#5c4400" stroke-width="2"/></pattern>
<pattern id="p-red" width="6" height="6" patternUnits="userSpaceOnUse">
<rect width="6" height="6" fill="#b91c1c"/>
<path d="M0 0L6 6M6 0L0 6" stroke="#2a0000" stroke-width="1.4"/></pattern>
</defs>"""


def _x(score: float) -> float:
    return LABEL_W + BAR_W * max(0.0, min(score, 100.0)) / 100


def value_chart(report: Report, status_names: dict[str, str]) -> Markup:
    """The chart as inline SVG markup; every text from the model is escaped."""
    lang = report.language
    height = TOP + ROW * len(report.values) + 8
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" class="chart" '
        f'viewBox="0 0 {WIDTH} {height}" width="100%" '
        f'aria-labelledby="chart-title chart-desc">',
        f'<title id="chart-title">{escape(message("chart.title", lang))}</title>',
        f'<desc id="chart-desc">{escape(message("chart.desc", lang))}</desc>',
        _DEFS,
    ]
    for threshold in (report.thresholds.yellow, report.thresholds.green):
        x = _x(threshold)
        parts.append(
            f'<line x1="{x:.1f}" y1="{TOP - 6}" x2="{x:.1f}" y2="{height - 6}" '
            'stroke="#555" stroke-dasharray="3 3"/>'
            f'<text x="{x:.1f}" y="{TOP - 10}" font-size="10" text-anchor="middle" '
            f'fill="#333">{threshold:g}</text>'
        )
    for row, value in enumerate(report.values):
        y = TOP + row * ROW
        name = f"{value.number}. {value.name.get(lang)}"
        status = status_names[value.status]
        score = "–" if value.score is None else f"{value.score:.0f}"
        coverage = f"{value.coverage * 100:.0f} %"
        label = message("chart.row", lang, name=name, status=status, score=score, coverage=coverage)
        parts.append(f"<g><title>{escape(label)}</title>")
        parts.append(
            f'<text x="{LABEL_W - 8}" y="{y + 13}" font-size="12" text-anchor="end" '
            f'fill="#1a1a1a">{escape(name)}</text>'
        )
        parts.append(
            f'<rect x="{LABEL_W}" y="{y + 2}" width="{BAR_W}" height="14" fill="#f2f2f2" '
            'stroke="#bbb" stroke-width=".5"/>'
        )
        if value.score is not None:
            dash = ' stroke-dasharray="4 2"' if value.status == "insufficient" else ""
            width = max(_x(value.score) - LABEL_W, 1.5)
            parts.append(
                f'<rect x="{LABEL_W}" y="{y + 2}" width="{width:.1f}" height="14" '
                f'fill="{FILL[value.status]}" stroke="#1a1a1a" stroke-width="1"{dash}/>'
            )
        parts.append(
            f'<rect x="{LABEL_W}" y="{y + 19}" width="{BAR_W * value.coverage:.1f}" height="4" '
            'fill="#4a4a4a"/>'
        )
        parts.append(
            f'<text x="{TEXT_X}" y="{y + 13}" font-size="12" fill="#1a1a1a">'
            f"{escape(score)} · {escape(status)} · {escape(coverage)}</text></g>"
        )
    parts.append("</svg>")
    return Markup("".join(parts))
