"""Widget presets: every bundled one is a valid widget section, overrides win, and the
config names an unknown preset with the known ones."""

from __future__ import annotations

import pytest

from botaudit.config import Widget, parse_config
from botaudit.errors import UsageError
from botaudit.gather.detect import Detection
from botaudit.init_cli import render
from botaudit.widget_presets import presets

BASE = {"name": "x", "target": {"url": "http://127.0.0.1:9/"}}


@pytest.mark.parametrize("name", sorted(presets()))
def test_every_preset_is_a_valid_widget_with_sources_and_a_signature(name: str) -> None:
    preset = presets()[name]
    widget = Widget.model_validate({"preset": name})
    assert widget.input.css and widget.bot_message.css
    assert preset.sources
    assert preset.detect.dom or preset.detect.script_hosts
    assert set(preset.unverified) <= set(Widget.model_fields)


def test_at_least_the_demo_the_npm_fixture_and_two_vendors() -> None:
    assert {"botaudit-demo", "flowise-embed"} <= set(presets())
    assert len(presets()) >= 4


def test_overrides_win_and_selectors_default_to_the_widget_iframe() -> None:
    config = parse_config(
        {**BASE, "widget": {"preset": "botaudit-demo", "iframe": "#f", "send": "#other"}}, "t"
    )
    assert config.widget is not None
    assert config.widget.send is not None and config.widget.send.css == "#other"
    assert config.widget.bot_message.css == ".msg.bot"
    assert config.widget.frame_of(config.widget.input) == "#f"
    assert config.widget.preset == "botaudit-demo"


def test_unknown_preset_names_the_known_ones() -> None:
    with pytest.raises(UsageError, match=r"unknown preset 'nope'.*flowise-embed"):
        parse_config({**BASE, "widget": {"preset": "nope"}}, "t")


def test_a_config_without_widget_is_valid_and_detected_later() -> None:
    assert parse_config(BASE, "t").widget is None


def test_rendered_config_is_commented_and_valid() -> None:
    found = Detection(
        widget={"preset": "rasa-webchat"}, how="preset rasa-webchat: x; NOT confirmed: y",
        confidence="low",
    )  # fmt: skip
    text = render("https://www.example.fi/palvelut", "fi", found)
    assert text.startswith("# Written by `botaudit init https://www.example.fi/palvelut`")
    assert "# Confidence: low." in text
    assert "Check the widget selectors by hand" in text
    assert "name: www-example-fi" in text
