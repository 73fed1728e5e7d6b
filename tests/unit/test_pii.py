"""Synthetic probes, personal-data masking and finding probes in stored values."""

from __future__ import annotations

import base64
import hashlib
import json
import random
from urllib.parse import quote, quote_plus

import pytest
from stdnum.fi import hetu

from botaudit.evidence.pii import (
    Probe,
    find_personal_data,
    mask_text,
    probe_forms_in,
    synthetic_hetu,
    synthetic_probes,
)


def test_synthetic_hetu_is_valid_and_temporary_only() -> None:
    rng = random.Random(7)
    for _ in range(200):
        code = synthetic_hetu(rng)
        assert hetu.is_valid(code, allow_temporary=True)
        assert 900 <= int(code[7:10]) <= 999
        assert not hetu.is_valid(code)  # never a permanent (real person's) code


def test_probes_are_fresh_and_synthetic() -> None:
    probes = synthetic_probes()
    kinds = {p.kind: p.value for p in probes}
    assert set(kinds) == {"hetu", "phone", "email"}
    assert kinds["email"].endswith("@example.org")
    assert all(p.masked == f"[{p.kind} masked]" for p in probes)


def test_mask_text_masks_validated_data_only() -> None:
    text = (
        "hetu 131052-308T, väärä 131052-308X, puh 040 123 4567, "
        "a.b@example.org, FI21 1234 5600 0007 85, päivä 2024-01-01 klo 12.30"
    )
    masked = mask_text(text)
    assert "131052-308T" not in masked and "[hetu masked]" in masked
    assert "131052-308X" in masked  # invalid check character: not an identity code
    assert "040 123 4567" not in masked and "[phone masked]" in masked
    assert "a.b@example.org" not in masked
    assert "FI21" not in masked and "[iban masked]" in masked
    assert "2024-01-01" in masked and "12.30" in masked


def test_mask_text_masks_probes_even_when_not_detectable() -> None:
    probe = Probe("email", "x@example.org")
    assert mask_text("Sähköposti x@example.org", [probe]) == "Sähköposti [email masked]"


def test_find_personal_data_kinds() -> None:
    kinds = [f.kind for f in find_personal_data("131052-308T ja +358 40 123 4567")]
    assert kinds == ["hetu", "phone"]


PROBES = synthetic_probes(3)


@pytest.mark.parametrize("probe", PROBES, ids=lambda p: p.kind)
@pytest.mark.parametrize(
    ("encode", "form"),
    [
        (lambda v: f"msg={v}", "plain"),
        (lambda v: json.dumps({"history": [{"text": f"Tässä {v}"}]}), "plain"),
        (lambda v: quote(f"Tässä {v}"), "url-encoded"),
        (lambda v: quote_plus(f"Tässä {v}"), "url-encoded"),
        (lambda v: base64.b64encode(f"Tässä {v}".encode()).decode(), "base64"),
        (lambda v: hashlib.sha256(v.encode()).hexdigest(), "plain+sha256"),
    ],
)
def test_probe_found_in_every_form(probe: Probe, encode, form: str) -> None:  # type: ignore[no-untyped-def]
    forms = probe_forms_in(encode(probe.value), probe)
    assert len(forms) == 1, f"{probe.kind} not found once in {form} form"
    # An encoding that leaves the value unchanged (a hetu in a URL) finds it as plain.
    assert forms[0] == form or forms[0] == "plain"


def test_probe_found_json_escaped() -> None:
    probe = Probe("email", "tëst@example.org")
    stored = json.dumps({"t": probe.value})  # ensure_ascii escapes ë as \u00eb
    assert "json-escaped" in probe_forms_in(stored, probe)


def test_encoded_form_is_named() -> None:
    probe = Probe("email", "x.y@example.org")
    assert probe_forms_in(quote(f"mail {probe.value}"), probe) == ["url-encoded"]
    encoded = base64.b64encode(probe.value.encode()).decode()
    assert probe_forms_in(encoded, probe) == ["base64"]


def test_phone_found_normalised() -> None:
    probe = Probe("phone", "+358 40 123 4567")
    assert probe_forms_in("soita 0401234567", probe)
    assert probe_forms_in("tel:+358401234567", probe)


def test_probe_absent() -> None:
    for probe in PROBES:
        assert probe_forms_in('{"text": "[poistettu]", "ts": 1700000000000}', probe) == []
