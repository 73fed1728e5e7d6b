"""Page text made safe for every output, without losing what was gathered.

A page can put anything in its text: a reply cut inside an emoji leaves a lone UTF-16
surrogate (which no UTF-8 file can hold: writing the bundle would crash and lose the
audit), control characters that corrupt terminals and JUnit XML, bidirectional overrides
that make a quote in the report read differently from what the bot said (Trojan Source),
or megabytes of text. Each such character becomes U+FFFD, visibly, instead of vanishing;
joiners used by emoji and scripts (ZWJ, ZWNJ) are kept.
"""

from __future__ import annotations

import re
from typing import Any

REPLACEMENT = "\ufffd"
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f"  # C0 (but tab, newline, return) and C1 controls
    "\ud800-\udfff"  # lone surrogates (a valid str never holds a pair)
    "\u202a-\u202e\u2066-\u2069]"  # bidirectional embeddings, overrides and isolates
)
MAX_MESSAGE_CHARS = 20_000  # one bot message in the evidence; a 2 MB reply is noted, not kept


def safe_text(text: str) -> str:
    return _UNSAFE.sub(REPLACEMENT, text)


def capped(text: str, limit: int = MAX_MESSAGE_CHARS, total: int | None = None) -> str:
    """At most `limit` characters, with a note of how many more there were (`total`: the
    length on the page, when the text was already cut there)."""
    length = max(total or 0, len(text))
    if length <= limit:
        return text
    return f"{text[:limit]} […botaudit: {length - limit} more characters not recorded]"


def safe_data(value: Any) -> Any:
    """`safe_text` over every string in JSON-like data: the last guard before a file."""
    if isinstance(value, str):
        return safe_text(value)
    if isinstance(value, dict):
        return {safe_data(k): safe_data(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [safe_data(v) for v in value]
    return value
