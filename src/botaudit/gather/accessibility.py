"""Automated accessibility scan of the open widget with axe-core.

axe-core (bundled by axe-playwright-python, so it works offline) is injected into the frame
that holds the widget, and only the widget is scanned: the city's page around it is not
what is being audited.
"""

from __future__ import annotations

import json
from pathlib import Path

import axe_playwright_python
from playwright.async_api import Error as PlaywrightError
from playwright.async_api import Frame

from botaudit.evidence.observations import AccessibilityScan, AxeViolation
from botaudit.gather.widget import WidgetDriver

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
_AXE_JS = (Path(axe_playwright_python.__file__).parent / "axe.min.js").read_text(encoding="utf-8")


async def _widget_frame(driver: WidgetDriver) -> Frame:
    if not driver.widget.iframe:
        return driver.page.main_frame
    element = await driver.page.query_selector(driver.widget.iframe)
    frame = await element.content_frame() if element else None
    if frame is None:
        raise PlaywrightError(f"the iframe '{driver.widget.iframe}' holds no document")
    return frame


async def _run(frame: Frame, include: str | None) -> dict:
    options = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
    context = json.dumps({"include": [[include]]} if include else {"include": [["html"]]})
    return await frame.evaluate(f"axe.run({context}, {json.dumps(options)})")


async def scan(driver: WidgetDriver) -> AccessibilityScan:
    frame = await _widget_frame(driver)
    await driver.container()  # marks the widget root when no container is configured
    if driver.widget.container is not None:
        include: str | None = driver.widget.container.css
    else:
        include = None if driver.widget.iframe else "[data-botaudit-container]"
    await frame.evaluate(_AXE_JS)
    scope = include or "the widget's whole frame"
    try:
        result = await _run(frame, include)
    except PlaywrightError:
        # A selector into a shadow root is invisible to document.querySelector: scan the
        # frame instead, and say so.
        result = await _run(frame, None)
        scope = f"the whole document ('{include}' is not reachable by querySelector)"
    violations = [
        AxeViolation(
            id=v["id"],
            impact=v.get("impact"),
            help=v.get("help", ""),
            help_url=v.get("helpUrl", ""),
            nodes=len(v.get("nodes", [])),
            targets=[json.dumps(n.get("target")) for n in v.get("nodes", [])[:3]],
        )
        for v in result.get("violations", [])
    ]
    return AccessibilityScan(
        engine=f"axe-core {result.get('testEngine', {}).get('version', '?')}",
        scope=scope,
        tags=WCAG_TAGS,
        violations=violations,
        passes=len(result.get("passes", [])),
        incomplete=len(result.get("incomplete", [])),
    )
