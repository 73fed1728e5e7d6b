"""Personal data: synthetic probes to type, and finding and masking personal data.

Regexes only find candidates; python-stdnum and phonenumbers decide whether a candidate
really is an identity code, IBAN or phone number, so that dates, order numbers and
timestamps are not masked or reported by mistake.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import unquote_plus

import phonenumbers
from stdnum import iban
from stdnum.fi import hetu

from botaudit.evidence.text import safe_text

_HETU_CHECK = "0123456789ABCDEFHJKLMNPRSTUVWXY"
_HETU_CANDIDATE = re.compile(r"(?<![\w])\d{6}[-+A-FU-Y]\d{3}[0-9A-Y](?![\w])")
# One e-mail pattern for masking and for recognising a named channel (botaudit.signals).
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_IBAN_CANDIDATE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
_BASE64_RUN = re.compile(r"[A-Za-z0-9+/_-]{12,}={0,2}")


@dataclass(frozen=True)
class Probe:
    """A synthetic value typed into the chat as if it were a citizen's own."""

    kind: str
    value: str

    @property
    def masked(self) -> str:
        return mask_value(self.kind)

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.value.encode()).hexdigest()


def synthetic_hetu(rng: random.Random) -> str:
    """A valid Finnish identity code with individual number 900-999 (never a real person)."""
    born = date(1950, 1, 1).toordinal() + rng.randrange(365 * 50)
    day = date.fromordinal(born)
    individual = rng.randrange(900, 1000)
    digits = f"{day:%d%m%y}{individual:03d}"
    century_sign = "-" if day.year < 2000 else "A"
    code = f"{day:%d%m%y}{century_sign}{individual:03d}{_HETU_CHECK[int(digits) % 31]}"
    assert hetu.is_valid(code, allow_temporary=True)
    return code


def synthetic_probes(seed: int | None = None) -> list[Probe]:
    """A fresh set of probes: an identity code, a mobile number and an example.org address."""
    rng = random.Random(seed)
    phone = f"+358 40 {rng.randrange(100, 1000)} {rng.randrange(1000, 10000)}"
    return [
        Probe("hetu", synthetic_hetu(rng)),
        Probe("phone", phone),
        Probe("email", f"testi.asukas{rng.randrange(1000, 10000)}@example.org"),
    ]


def mask_value(kind: str) -> str:
    """A masked form that keeps the kind of personal data but nothing of the value."""
    return f"[{kind} masked]"


# -- finding personal data -------------------------------------------------------------


@dataclass(frozen=True)
class Finding:
    kind: str
    start: int
    end: int


def find_personal_data(text: str) -> list[Finding]:
    """Validated identity codes, IBANs, e-mail addresses and Finnish phone numbers in text."""
    found: list[Finding] = []
    for m in _HETU_CANDIDATE.finditer(text):
        if hetu.is_valid(m.group(0), allow_temporary=True):
            found.append(Finding("hetu", m.start(), m.end()))
    for m in _IBAN_CANDIDATE.finditer(text):
        if iban.is_valid(m.group(0)):
            found.append(Finding("iban", m.start(), m.end()))
    for m in EMAIL.finditer(text):
        found.append(Finding("email", m.start(), m.end()))
    for match in phonenumbers.PhoneNumberMatcher(text, "FI", leniency=phonenumbers.Leniency.VALID):
        found.append(Finding("phone", match.start, match.end))
    return _without_overlaps(found)


def _without_overlaps(found: list[Finding]) -> list[Finding]:
    kept: list[Finding] = []
    for f in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if not kept or f.start >= kept[-1].end:
            kept.append(f)
    return kept


def mask_text(text: str, probes: list[Probe] = ()) -> str:
    """`text` with every probe value and every detected piece of personal data masked,
    and characters no output can safely hold replaced (`text.safe_text`)."""
    for probe in probes:
        text = text.replace(probe.value, probe.masked)
    pieces: list[str] = []
    last = 0
    for f in find_personal_data(text):
        pieces.append(text[last : f.start])
        pieces.append(mask_value(f.kind))
        last = f.end
    pieces.append(text[last:])
    return safe_text("".join(pieces))


# -- finding probes in stored values (Blacklight's canary idea) -------------------------


def _normalise(text: str) -> str:
    """Lower case, with separators between digits removed (040 123 4567 -> 0401234567)."""
    text = text.lower()
    return re.sub(r"(?<=\d)[\s\-().]+(?=\d)", "", text)


def _probe_needles(probe: Probe) -> dict[str, str]:
    """Forms of a probe value to search for, by name of the form."""
    value = probe.value
    needles = {
        "plain": value.lower(),
        "normalised": _normalise(value),
        "md5": hashlib.md5(value.encode()).hexdigest(),
        "sha256": hashlib.sha256(value.encode()).hexdigest(),
    }
    if probe.kind == "phone":
        number = phonenumbers.parse(value, "FI")
        national = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
        needles["normalised"] = _normalise(national)
        needles["e164"] = _normalise(
            phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        )
    return needles


def _decoded_variants(stored: str) -> dict[str, str]:
    """The stored string and what it says once URL-, JSON- or base64-decoded."""
    variants = {"plain": stored}
    url = unquote_plus(stored)
    if url != stored:
        variants["url-encoded"] = url
    try:
        parsed = json.loads(stored)
    except (ValueError, RecursionError):
        parsed = None
    if parsed is not None and not isinstance(parsed, (int, float, bool)):
        unescaped = json.dumps(parsed, ensure_ascii=False)
        if unescaped != stored:
            variants["json-escaped"] = unescaped
    decoded_runs = []
    for run in _BASE64_RUN.findall(stored):
        padded = run + "=" * (-len(run) % 4)
        for decoder in (base64.b64decode, base64.urlsafe_b64decode):
            try:
                decoded_runs.append(decoder(padded).decode("utf-8"))
                break
            except (ValueError, UnicodeDecodeError):
                continue
    if decoded_runs:
        variants["base64"] = " ".join(decoded_runs)
    return variants


def probe_forms_in(stored: str, probe: Probe) -> list[str]:
    """How `probe` appears in `stored`: its most direct form only (plain before url-encoded
    before json-escaped before base64), or an empty list when it does not appear."""
    needles = _probe_needles(probe)
    for variant_name, variant in _decoded_variants(stored).items():
        lowered, normalised = variant.lower(), _normalise(variant)
        for needle_name, needle in needles.items():
            haystack = normalised if needle_name in ("normalised", "e164") else lowered
            if needle in haystack:
                return [variant_name if needle_name == "plain" else f"{variant_name}+{needle_name}"]
    return []
