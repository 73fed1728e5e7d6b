"""Personal data in log messages: found with botaudit.evidence.pii, guarded for logs.

`find_personal_data` validates candidates (stdnum for identity codes and IBANs,
phonenumbers for phone numbers). Logs add look-alikes a chat widget rarely sees: order and
ticket numbers such as "ORD-0401234567" or "#358401234567", whose digits happen to form a
valid Finnish number. A phone number glued to an identifier (a letter, digit, '#', '/' or
'-' joined to a word right before it) is therefore not counted, nor one shaped like an
identity code whose check character is wrong ("040720-9491" is not a phone number).
A cheap pre-filter skips the validators for the great majority of messages, which hold
no long digit run and no '@'.
"""

from __future__ import annotations

import re

from botaudit.evidence.pii import Finding, find_personal_data, mask_value

_MAYBE = re.compile(r"@|\d[\d\s().+-]{4,}\d")
_IDENTIFIER_BEFORE = re.compile(r"(?:[\w#/]|[\w#]-)$")
_HETU_SHAPE = re.compile(r"\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]")


def examine(text: str) -> tuple[list[Finding], str]:
    """(what counts as personal data, the text with everything found masked).

    Masking covers every candidate the validators accept, look-alike phones included, so
    an example shown to trainers never reveals a number even when it is not counted."""
    if _MAYBE.search(text) is None:
        return [], text
    every = find_personal_data(text)
    if not every:
        return [], text
    pieces, last = [], 0
    for finding in every:
        pieces += [text[last : finding.start], mask_value(finding.kind)]
        last = finding.end
    pieces.append(text[last:])
    counted = [f for f in every if not (f.kind == "phone" and _not_a_phone(text, f))]
    return counted, "".join(pieces)


def _not_a_phone(text: str, finding: Finding) -> bool:
    """Glued to an identifier, or shaped like an identity code with a wrong check character."""
    if _IDENTIFIER_BEFORE.search(text[: finding.start]):
        return True
    start = finding.start
    return _HETU_SHAPE.match(text, start, start + 11) is not None and (
        start + 11 == len(text) or not text[start + 11].isalnum()
    )
