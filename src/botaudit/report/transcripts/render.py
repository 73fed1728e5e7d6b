"""transcripts.json, transcripts.md and transcripts.html from the statistics.

JSON holds every figure (the statistics model, the derived rates and the four verdicts);
Markdown and HTML are for trainers, in the report language, with the charts (HTML) and
tables. Every text shown comes from the statistics, whose examples are already masked.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from botaudit.checks.base import CheckResult
from botaudit.evidence.transcripts import TranscriptStats, rate
from botaudit.messages import catalogue, message
from botaudit.report.transcripts.charts import bar_chart, line_chart

TEMPLATES = Path(__file__).parent / "templates"


def _t(key: str, lang: str, **params: Any) -> str:
    return message(f"transcripts.{key}", lang, **params)


def _charts(stats: TranscriptStats, lang: str) -> list[dict[str, Any]]:
    weeks = stats.weeks
    charts = []
    if weeks:
        volume = [(w.week, w.conversations) for w in weeks]
        peak = max(volume, key=lambda p: p[1])
        desc = _t(
            "chart.volume_desc",
            lang,
            first=volume[0][0],
            first_value=volume[0][1],
            last=volume[-1][0],
            last_value=volume[-1][1],
            peak=peak[0],
            peak_value=peak[1],
        )
        charts.append(
            {
                "svg": bar_chart(volume, _t("chart.volume", lang), desc),
                "title": _t("chart.volume", lang),
                "rows": volume,
            }
        )
        fallback = [w.fallback_rate for w in weeks]
        handoff = [w.handoff_rate for w in weeks]
        known_f = [v for v in fallback if v is not None] or [0.0]
        known_h = [v for v in handoff if v is not None] or [0.0]
        desc = _t(
            "chart.rates_desc",
            lang,
            first=weeks[0].week,
            last=weeks[-1].week,
            fallback_first=known_f[0],
            fallback_last=known_f[-1],
            handoff_first=known_h[0],
            handoff_last=known_h[-1],
        )
        series = [
            (_t("label.fallback_rate", lang), "#b3261e", fallback),
            (_t("label.handoff_rate", lang), "#2f6f9f", handoff),
        ]
        rows = [
            (w.week, _pct(f), _pct(h)) for w, f, h in zip(weeks, fallback, handoff, strict=True)
        ]
        charts.append(
            {
                "svg": line_chart([w.week for w in weeks], series, _t("chart.rates", lang), desc),
                "title": _t("chart.rates", lang),
                "rows": rows,
            }
        )
    feedback = [(k, v) for k, v in {**stats.feedback.thumbs, **stats.feedback.stars}.items()]
    if feedback:
        values = ", ".join(f"{k}: {v}" for k, v in feedback)
        desc = _t("chart.feedback_desc", lang, values=values)
        charts.append(
            {
                "svg": bar_chart(feedback, _t("chart.feedback", lang), desc),
                "title": _t("chart.feedback", lang),
                "rows": feedback,
            }
        )
    if stats.messages:
        hours = [(f"{h:02d}", n) for h, n in enumerate(stats.hours)]
        peak = max(hours, key=lambda p: p[1])
        desc = _t("chart.hours_desc", lang, peak=peak[0], peak_value=peak[1])
        charts.append(
            {
                "svg": bar_chart(hours, _t("chart.hours", lang), desc),
                "title": _t("chart.hours", lang),
                "rows": hours,
            }
        )
    return charts


def _pct(value: float | None) -> str:
    return "–" if value is None else f"{value:.1%}"


def _context(stats: TranscriptStats, verdicts: dict[str, CheckResult], lang: str) -> dict[str, Any]:
    c = stats.conversations
    overview = [
        ("label.messages", stats.messages),
        ("label.conversations", c.total),
        ("label.engaged", c.engaged),
        ("label.contained", c.contained),
        ("label.containment_rate", _pct(stats.containment_rate)),
        ("label.fallback_rate", _pct(stats.fallback_rate)),
        ("label.human_requests", c.human_requests),
        ("label.handoffs", c.handoffs),
        ("label.with_feedback", c.with_feedback),
        ("label.feedback_rate", _pct(stats.feedback_rate)),
        ("label.satisfied", _pct(rate(stats.feedback.satisfied, stats.feedback.judged))),
        ("label.languages", ", ".join(f"{k}: {v}" for k, v in c.by_language.items()) or "–"),
    ]
    first = stats.weeks[0].week if stats.weeks else "–"
    last = stats.weeks[-1].week if stats.weeks else "–"
    return {
        "lang": lang,
        "t": lambda key, **params: _t(key, lang, **params),
        "stats": stats,
        "overview": [(_t(k, lang), v) for k, v in overview],
        "intro": _t(
            "intro",
            lang,
            messages=stats.messages,
            conversations=c.total,
            files=len(stats.files),
            first_week=first,
            last_week=last,
        ),
        "verdicts": [
            (cid, v.outcome, catalogue().render(v.message, lang), v.quotes)
            for cid, v in verdicts.items()
        ],
        "weeks": [(w, _pct(w.fallback_rate), _pct(w.containment_rate)) for w in stats.weeks],
        "charts": _charts(stats, lang),
    }


def _environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=lambda name: bool(name and name.endswith(".html.j2")),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
    )


def as_json(stats: TranscriptStats, verdicts: dict[str, CheckResult], lang: str) -> str:
    data = stats.model_dump(mode="json")
    data["rates"] = {
        "fallback": stats.fallback_rate,
        "containment": stats.containment_rate,
        "feedback": stats.feedback_rate,
        "weekly": [
            {
                "week": w.week,
                "fallback": w.fallback_rate,
                "containment": w.containment_rate,
                "handoff": w.handoff_rate,
            }
            for w in stats.weeks
        ],
    }
    data["criteria"] = {
        cid: {
            "outcome": v.outcome,
            "message": v.message.model_dump(mode="json"),
            "explanation": catalogue().render(v.message, lang),
            "quotes": v.quotes,
        }
        for cid, v in verdicts.items()
    }
    return json.dumps(data, ensure_ascii=False, indent=2)


def write_outputs(
    stats: TranscriptStats, verdicts: dict[str, CheckResult], out_dir: Path, lang: str
) -> dict[str, Path]:
    """Write the three files; returns them by kind."""
    out_dir.mkdir(parents=True, exist_ok=True)
    env = _environment()
    context = _context(stats, verdicts, lang)
    files = {
        "json": out_dir / "transcripts.json",
        "markdown": out_dir / "transcripts.md",
        "html": out_dir / "transcripts.html",
    }
    files["json"].write_text(as_json(stats, verdicts, lang), encoding="utf-8")
    for kind, name in (("markdown", "transcripts.md.j2"), ("html", "transcripts.html.j2")):
        files[kind].write_text(env.get_template(name).render(context), encoding="utf-8")
    return files
