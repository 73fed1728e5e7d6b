"""Audit configs: valid ones parse, bad ones give one sentence naming file and field."""

from __future__ import annotations

from pathlib import Path

import pytest

from botaudit.config import load_config, parse_config
from botaudit.errors import UsageError

VALID = {
    "name": "kaupunkibotti",
    "target": {"url": "http://127.0.0.1:8000/"},
    "language": "fi",
    "widget": {"launcher": "#open", "input": "#in", "bot_message": ".bot"},
}


def test_plain_selectors_become_selector_objects() -> None:
    config = parse_config(VALID, "audit.yaml")
    assert config.widget.input.css == "#in"
    assert config.widget.send is None
    assert config.widget.frame_of(config.widget.input) is None


def test_iframe_default_and_override() -> None:
    data = {
        **VALID,
        "widget": {
            **VALID["widget"],
            "iframe": "#chat-frame",
            "launcher": {"css": "#open", "iframe": None},
        },
    }
    config = parse_config(data, "audit.yaml")
    assert config.widget.frame_of(config.widget.input) == "#chat-frame"
    assert config.widget.frame_of(config.widget.launcher) is None  # type: ignore[arg-type]


def test_end_conversation_accepts_a_string_or_list() -> None:
    config = parse_config({**VALID, "widget": {**VALID["widget"], "end_conversation": "#end"}}, "a")
    assert [s.css for s in config.widget.end_conversation or []] == ["#end"]


@pytest.mark.parametrize(
    ("change", "mentions"),
    [
        ({"target": {"url": "ftp://x"}}, "target.url"),
        ({"language": "de"}, "language"),
        ({"widget": {"input": "#in"}}, "widget.bot_message"),
        ({"widget": {**VALID["widget"], "imput": "#x"}}, "widget.imput"),
        ({"name": "has space"}, "name"),
    ],
)
def test_bad_fields_are_named(change: dict, mentions: str) -> None:
    with pytest.raises(UsageError) as caught:
        parse_config({**VALID, **change}, "audit.yaml")
    message = str(caught.value)
    assert "audit.yaml" in message and mentions in message
    assert "\n" not in message


def test_bad_yaml_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "audit.yaml"
    path.write_text("name: x\ntarget: [\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"audit.yaml is not valid YAML at line"):
        load_config(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="Cannot read the config"):
        load_config(tmp_path / "nope.yaml")


def test_not_a_mapping(tmp_path: Path) -> None:
    path = tmp_path / "audit.yaml"
    path.write_text("- just a list\n", encoding="utf-8")
    with pytest.raises(UsageError, match="must be a YAML mapping"):
        load_config(path)
