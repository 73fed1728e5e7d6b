"""The report's fixed texts and its templates' folder, shared by every renderer.

They sit apart from `render` so that a section rendered on its own (the trend) can use them
without importing the renderer that embeds it.
"""

from __future__ import annotations

from pathlib import Path

from botaudit.messages import catalogue

TEMPLATES = Path(__file__).parent / "templates"


def labels(language: str) -> dict[str, str]:
    """The fixed texts of the report in `language` (`messages/<lang>/report.yaml`)."""
    templates = catalogue().templates[language]
    return {
        key.removeprefix("report."): template
        for key, template in templates.items()
        if key.startswith("report.") and isinstance(template, str)
    }
