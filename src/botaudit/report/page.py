"""What the ethics-lead parts of the report templates see: summary, chart, study notes.

Kept apart from render.py so the templates' shared context grows by one call.
"""

from __future__ import annotations

from typing import Any

from botaudit.assessment.workshop import MIN_RESPONDENTS
from botaudit.messages import message
from botaudit.report.chart import value_chart
from botaudit.report.extras import study_notes
from botaudit.report.model import Report
from botaudit.report.summary import summarise
from botaudit.report.trend import section_html


def extra_context(report: Report, texts: dict[str, str], html: bool) -> dict[str, Any]:
    lang = report.language
    status_names = {
        k.removeprefix("status_"): v for k, v in texts.items() if k.startswith("status_")
    }
    notes = study_notes().values
    return {
        "m": lambda key, **params: message(key, lang, **params),
        "overview": summarise(report),
        "chart": value_chart(report, status_names) if html else "",
        "notes": notes,
        "marks": {v.id: notes[v.id].mark or "" if v.id in notes else "" for v in report.values},
        "translated": lang != "fi",
        "coverage_threshold": f"{report.thresholds.coverage:g}",
        "min_respondents": MIN_RESPONDENTS,
        "diff_section": _diff_section(report) if html else "",
    }


def _diff_section(report: Report) -> str:
    if report.comparison is None:
        return ""
    return section_html(report.comparison, report)
