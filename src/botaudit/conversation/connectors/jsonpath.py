"""The small JSONPath subset REST connectors need: `$.a.b`, `$.a[0]`, `$.a[*].b`, `$[*]`.

Enough for reply texts, buttons and session ids in every bot API we have seen, with no
extra dependency; anything else is rejected when the config is loaded.
"""

from __future__ import annotations

import re
from typing import Any

_TOKEN = re.compile(r"\.([A-Za-z_][\w-]*)|\[(\d+|\*)\]|\['([^']+)'\]")


def parse(path: str) -> list[str | int]:
    """Steps of a path: a key, an index, or "*" (every element)."""
    if not path.startswith("$"):
        raise ValueError(f"JSON path {path!r} must start with '$'")
    steps: list[str | int] = []
    rest = path[1:]
    while rest:
        match = _TOKEN.match(rest)
        if match is None:
            raise ValueError(f"JSON path {path!r}: cannot read {rest!r}")
        key, index, quoted = match.groups()
        if key is not None or quoted is not None:
            steps.append(key if key is not None else quoted)
        else:
            steps.append("*" if index == "*" else int(index))
        rest = rest[match.end() :]
    return steps


def select(data: Any, path: str) -> list[Any]:
    """Every value the path reaches (flattened); [] when it reaches nothing."""
    nodes = [data]
    for step in parse(path):
        found: list[Any] = []
        for node in nodes:
            if isinstance(node, list) and step == "*":
                found.extend(node)
            elif isinstance(node, list) and isinstance(step, int):
                found.extend(node[step : step + 1] if step >= 0 else [])
            elif isinstance(node, dict) and isinstance(step, str) and step in node:
                found.append(node[step])
        nodes = found
    flat: list[Any] = []
    for node in nodes:
        flat.extend(node if isinstance(node, list) else [node])
    return flat


def strings(data: Any, path: str) -> list[str]:
    """The non-empty strings (and numbers, as text) the path reaches."""
    values = [str(v).strip() for v in select(data, path) if isinstance(v, str | int | float)]
    return [v for v in values if v]
