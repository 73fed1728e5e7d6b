"""Personal data in log messages: found with botaudit.evidence.pii, guarded for logs.

`find_personal_data` validates candidates (stdnum for identity codes and IBANs,
phonenumbers for phone numbers). Logs add look-alikes a chat widget rarely sees: order and
ticket numbers such as "ORD-0401234567" or "#358401234567", whose digits happen to form a
valid Finnish number. A phone number glued to an identifier (a letter, digit, '#', '/' or
'-' joined to a word right before it) is therefore not counted. A cheap pre-filter skips
the validators for the great majority of messages, which hold no long digit run and no '@'.
"""

from __future__ import annotations

import re

from botaudit.evidence.pii import Finding, find_personal_data

_MAYBE = re.compile(r"@|\d[\d\s().+-]{4,}\d")
_IDENTIFIER_BEFORE = re.compile(r"(?:[\w#/]|[\w#]-)$")


def may_hold_personal_data(text: str) -> bool:
    return _MAYBE.search(text) is not None


def find_in_message(text: str) -> list[Finding]:
    """Validated personal data in one message, without identifiers that look like phones."""
    if _MAYBE.search(text) is None:
        return []
    found = []
    for finding in find_personal_data(text):
        if finding.kind == "phone" and _IDENTIFIER_BEFORE.search(text[: finding.start]):
            continue
        found.append(finding)
    return found
