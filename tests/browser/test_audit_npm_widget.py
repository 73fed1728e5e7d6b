"""The audit judges a real third-party widget (flowise-embed from npm) correctly.

Expected from the fixture's README: the welcome message discloses a bot (pass); asking for
a human gets a phone number and service point but no live handoff (partial); the widget
keeps typed text in localStorage (fail).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from npm_widget import AUDIT_CONFIG

from botaudit.config import parse_config
from botaudit.pipeline import run_audit

pytestmark = pytest.mark.browser
OUTCOMES_BEFORE = Path(__file__).parent.parent / "fixtures" / "outcomes-before.json"


def test_audit_of_npm_widget(widget_url: str, tmp_path: Path) -> None:
    data = yaml.safe_load(AUDIT_CONFIG.read_text(encoding="utf-8"))
    data["target"]["url"] = widget_url
    outcome = run_audit(parse_config(data, str(AUDIT_CONFIG)), tmp_path)
    results = {c.id: c for c in outcome.report.criteria}
    assert results["transparency.bot-identity-disclosed"].outcome == "pass"
    handoff = results["accountability.human-handoff"]
    assert handoff.outcome == "partial", handoff.explanation.en
    storage = results["privacy.browser-storage"]
    assert storage.outcome == "fail", storage.explanation.en
    assert "localStorage" in storage.explanation.en
    # The widget's "Reset Chat" button was found by its text, and leaves the input history.
    assert results["legitimacy.delete-conversation"].outcome == "partial"
    # Its icon-only buttons have no accessible name; axe sees them through the shadow root.
    axe = results["fairness.automated-accessibility"]
    assert axe.outcome == "fail" and "button-name" in axe.explanation.en
    # By keyboard it opens and sends, but its messages are in no live region and closing
    # loses focus (flowise-embed 3.1.6 has no aria-live anywhere).
    keyboard = results["fairness.widget-accessibility"]
    assert keyboard.outcome == "partial", keyboard.explanation.en
    assert "in no live region" in keyboard.explanation.en
    assert outcome.bundle.fatal_error is None
    # Refactoring must not change a verdict: every judged criterion as recorded on main.
    expected = json.loads(OUTCOMES_BEFORE.read_text(encoding="utf-8"))["npm-widget"]
    got = {c.id: c.outcome for c in outcome.report.criteria if c.check}
    # Criteria that gained a check since (other kinds of evidence) stay not assessed here.
    added = {cid: got.pop(cid) for cid in set(got) - set(expected)}
    assert set(added.values()) <= {"not_assessed"}, added
    assert got == expected
