"""Presets for widely used chat widgets: their selectors and how to recognise them.

A preset is data (one YAML file per widget here), so adding a vendor needs no code. Each
names its sources and which fields were not verified, because a selector taken on trust
from documentation is weaker evidence than one driven in a browser. `detect` holds what
`botaudit init` and an audit without a `widget` section look for: the hosts the widget's
script is loaded from and CSS that only this widget renders.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from botaudit.errors import UsageError
from botaudit.yamlfile import read_yaml

FOLDER = Path(__file__).parent


class Signature(BaseModel):
    model_config = ConfigDict(extra="forbid")

    script_hosts: list[str] = Field(
        default_factory=list, description="host/path prefixes of the widget's script URL"
    )
    dom: list[str] = Field(default_factory=list, description="CSS only this widget renders")


class Preset(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    title: str
    sources: list[str] = Field(min_length=1)
    unverified: list[str] = Field(default_factory=list, description="fields not yet verified")
    detect: Signature
    widget: dict[str, Any] = Field(description="a `widget` config section")


@cache
def presets() -> dict[str, Preset]:
    """Every bundled preset by name; a broken file is reported by name."""
    found: dict[str, Preset] = {}
    for path in sorted(FOLDER.glob("*.yaml")):
        try:
            preset = Preset.model_validate(read_yaml(path, "widget preset"))
        except ValidationError as exc:
            raise UsageError(f"The widget preset {path} is invalid: {exc.errors()[0]}.") from exc
        found[preset.name] = preset
    return found


def expand(widget: dict[str, Any]) -> dict[str, Any]:
    """A `widget` section with its `preset` replaced by the preset's fields; the section's
    own keys override the preset's, and `preset` is kept so the evidence says what was used."""
    name = widget.get("preset")
    if name is None:
        return widget
    known = presets()
    if name not in known:
        raise ValueError(f"unknown preset '{name}' (known: {', '.join(known)})")
    return {**known[name].widget, **widget}
