"""A multi-target config: `targets:` expanded into one ordinary audit config per target.

Each target is the shared config with its own name, URL and widget overrides, validated by
the same `parse_config` as a single audit, so a per-target mistake names the target and the
field exactly as a single config would. The single `target:` form stays as it was.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from botaudit.config import AuditConfig, parse_config
from botaudit.messages import LocalisedError, msg
from botaudit.yamlfile import read_yaml


class TargetEntry(BaseModel):
    """One deployment: its name (the subfolder), URL and what differs in its widget."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(pattern=r"^[A-Za-z0-9][A-Za-z0-9._-]*$", max_length=40)
    url: str
    vendor_hosts: list[str] | None = None
    widget: dict[str, Any] = Field(default_factory=dict)


class FleetShape(BaseModel):
    """Only the multi-target keys; everything else is the shared audit config."""

    model_config = ConfigDict(extra="allow")

    targets: list[TargetEntry] = Field(min_length=1)
    parallel: int = Field(default=2, ge=1, le=64)


@dataclass
class Fleet:
    name: str
    parallel: int
    targets: dict[str, AuditConfig]


def is_fleet(data: Any) -> bool:
    return isinstance(data, dict) and "targets" in data


def parse_fleet(data: dict[str, Any], source: str) -> Fleet:
    """Validate the targets list, then each target's merged config."""
    if "target" in data:
        raise LocalisedError(msg("fleet.error.both", source=source))
    try:
        shape = FleetShape.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()
        )
        raise LocalisedError(msg("fleet.error.invalid", source=source, problems=problems)) from exc
    names = [t.name for t in shape.targets]
    twice = sorted({n for n in names if names.count(n) > 1})
    if twice:
        raise LocalisedError(msg("fleet.error.twice", source=source, names=", ".join(twice)))
    shared = {k: v for k, v in data.items() if k not in ("targets", "parallel")}
    configs = {}
    for entry in shape.targets:
        merged = dict(shared)
        merged["name"] = f"{shared.get('name', 'audit')}-{entry.name}"[:80]
        target: dict[str, Any] = {"url": entry.url}
        if entry.vendor_hosts is not None:
            target["vendor_hosts"] = entry.vendor_hosts
        merged["target"] = target
        widget = shared.get("widget")
        merged["widget"] = {**(widget if isinstance(widget, dict) else {}), **entry.widget}
        configs[entry.name] = parse_config(merged, f"{source} (target {entry.name})")
    return Fleet(str(shared.get("name", "audit")), shape.parallel, configs)


def load_fleet(path: Path) -> Fleet | None:
    """The fleet in a config file, or None when it is a single-target config."""
    data = read_yaml(path, "config")
    return parse_fleet(data, str(path)) if is_fleet(data) else None
