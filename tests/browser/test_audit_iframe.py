"""Widgets inside an iframe, same-origin and cross-origin, are driven and judged alike.

The demo serves `/embedded/`, a host page framing the chat. Framed from `localhost`, the
chat at `127.0.0.1` is cross-origin: its storage must be read from inside its own frame.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from botaudit.config import parse_config
from botaudit.demo.profiles import demo_config
from botaudit.demo.server import DemoServer
from botaudit.pipeline import run_audit

pytestmark = pytest.mark.browser

HEADLINE = (
    "transparency.bot-identity-disclosed",
    "accountability.human-handoff",
    "privacy.browser-storage",
)


def _framed_audit(profile: str, cross_origin: bool, out: Path) -> dict[str, str]:
    """Outcomes by criterion id, plus the storage explanation under the key 'storage'."""
    with DemoServer(profile) as url:
        data = demo_config(profile, url)
        if cross_origin:
            host = url.replace("127.0.0.1", "localhost")
            data["target"]["url"] = f"{host}embedded/?src={url}"
        else:
            data["target"]["url"] = f"{url}embedded/"
        data["widget"]["iframe"] = "#chat-frame"
        outcome = run_audit(parse_config(data, "framed demo"), out)
    assert outcome.bundle.fatal_error is None
    results = {c.id: c.outcome for c in outcome.report.criteria}
    storage = next(c for c in outcome.report.criteria if c.id == "privacy.browser-storage")
    keyboard = next(c for c in outcome.report.criteria if c.id == "fairness.widget-accessibility")
    return results | {"storage": storage.explanation.en, "keyboard": keyboard.explanation.en}


@pytest.mark.parametrize(
    ("profile", "cross_origin", "expected"),
    [
        ("good", False, ("pass", "pass", "pass")),
        ("good", True, ("pass", "pass", "pass")),
        ("bad", True, ("fail", "fail", "fail")),
    ],
)
def test_framed_widget(profile: str, cross_origin: bool, expected: tuple, tmp_path: Path) -> None:
    outcomes = _framed_audit(profile, cross_origin, tmp_path)
    assert tuple(outcomes[c] for c in HEADLINE) == expected
    if profile == "bad":
        # Read from inside the cross-origin frame: the iframe's own (partitioned) storage.
        assert "localStorage of http://127.0.0.1:" in outcomes["storage"]
        # Tab goes into the frame, but never to its <div> launcher.
        assert outcomes["fairness.widget-accessibility"] == "fail", outcomes["keyboard"]
    if profile == "good":
        # Driven by keyboard through the frame; the host page frames it 480 px wide, which
        # does not fit a 320 px viewport.
        assert outcomes["fairness.widget-accessibility"] == "partial", outcomes["keyboard"]
        assert "Escape closed the chat and focus went back" in outcomes["keyboard"]
        assert "wider than the viewport" in outcomes["keyboard"]
        # Only reachable through the frame: the delete control and the greeting's notice.
        assert outcomes["legitimacy.delete-conversation"] == "pass"
        assert outcomes["privacy.notice-before-input"] == "pass"
        assert outcomes["legitimacy.deletion-scope-explained"] == "pass"
    # Location requests are watched inside the frame too: the bad widget asks on load.
    geolocation = outcomes["legitimacy.geolocation-after-user-action"]
    assert geolocation == ("fail" if profile == "bad" else "pass")
