"""Question groups (stems) and personal data look-alikes in log messages."""

from __future__ import annotations

import random

import pytest

from botaudit.transcript_settings import TranscriptSettings
from botaudit.transcripts.generate import synthetic_hetu
from botaudit.transcripts.groups import GroupCounter
from botaudit.transcripts.personal import examine
from botaudit.transcripts.rules import rules_for


def test_inflected_finnish_questions_share_a_group():
    keyer = rules_for(TranscriptSettings()).keyer
    same = ["Paljonko jätemaksu on?", "Jätemaksusta kysyisin", "jätemaksuista"]
    assert len({keyer(q, "fi") for q in same}) == 1
    assert keyer("koirat uimarannoilla", "fi") == keyer("koiran uimarannalle", "fi")
    assert keyer("avfallsavgifter", "sv") == keyer("avfallsavgiften", "sv")
    assert keyer("waste fees", "en") == keyer("waste fee", "en")
    assert keyer("Hei! 123", "fi") == ""  # nothing to group on


def test_group_keys_hold_no_part_of_personal_data():
    keyer = rules_for(TranscriptSettings()).keyer
    key = keyer("Laskuni tuli osoitteeseen matti.meikalainen@example.org, miksi?", "fi")
    assert "matti" not in key and "example" not in key and "lasku" in key


def test_group_counts_merge_exactly_within_capacity():
    rng = random.Random(1)
    items = [(f"k{rng.randrange(40)}", (0, i)) for i in range(2000)]
    single = GroupCounter(capacity=50)
    parts = [GroupCounter(capacity=50) for _ in range(4)]
    for n, (key, ref) in enumerate(items):
        single.add(key, ref, key)
        parts[n % 4].add(key, ref, key)
    merged = GroupCounter(capacity=50)
    for part in parts:
        merged.merge(part, {})
    assert merged.counts == single.counts and merged.undercount == 0
    assert merged.examples == single.examples


def test_over_capacity_counts_are_lower_bounds_within_the_reported_undercount():
    true: dict[str, int] = {}
    counter = GroupCounter(capacity=10)
    rng = random.Random(2)
    for i in range(3000):
        key = "hot" if rng.random() < 0.3 else f"k{rng.randrange(60)}"  # 61 keys > 10
        true[key] = true.get(key, 0) + 1
        counter.add(key, (0, i), key)
    assert counter.undercount > 0
    for key, count in counter.counts.items():
        assert true[key] - counter.undercount <= count <= true[key]
    assert true["hot"] > 3000 / 11
    assert "hot" in counter.counts  # a group above total/(capacity+1) is never lost


@pytest.mark.parametrize("sign", list("+-YXWVUABCDEF"))
def test_identity_codes_of_every_century_sign_are_found(sign):
    century = {"+": 1800, "A": 2000, "B": 2000, "C": 2000, "D": 2000, "E": 2000, "F": 2000}
    code = synthetic_hetu(random.Random(sign), century.get(sign, 1900), sign)
    found, masked = examine(f"hetuni on {code}, kiitos")
    assert [f.kind for f in found] == ["hetu"]
    assert code not in masked and "[hetu masked]" in masked


@pytest.mark.parametrize(
    "text",
    [
        "viite 040720-9491",  # identity-code shape, wrong check character
        "päivämäärä 12.03.2024",
        "tilaus ORD-0401234567",
        "tiketti #358401234567",
        "tili FI21 1234 5600 0007 86",  # IBAN with a wrong checksum
        "laskun numero 2024-000123",
        "klo 10-16",
    ],
)
def test_lookalikes_are_not_personal_data(text):
    assert examine(text)[0] == []


def test_real_values_are_found_and_masked():
    text = "soita 040 123 4567 tai a.b@example.org, tili FI21 1234 5600 0007 85"
    found, masked = examine(text)
    assert sorted(f.kind for f in found) == ["email", "iban", "phone"]
    assert masked == "soita [phone masked] tai [email masked], tili [iban masked]"
