"""Generated logs with known truths: rates recovered, identity codes found, look-alikes not
counted, shards merged exactly, and nothing found left unmasked in any output."""

from __future__ import annotations

import re

import pytest
from stdnum.fi import hetu
from typer.testing import CliRunner

from botaudit.cli import app
from botaudit.report.transcripts.review import compute_stats
from botaudit.transcript_settings import TranscriptSettings
from botaudit.transcripts.generate import Rates, write_transcripts

# The detectors are exact on generated text, so the tolerance is small: half a percentage
# point on every rate (it absorbs nothing today; it is there for wording changes).
TOLERANCE = 0.005


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    path = tmp_path_factory.mktemp("logs") / "log.jsonl"
    rates = Rates(fallback=0.25, human_request=0.2, feedback=0.15, personal=0.2, lookalike=0.2)
    planted = write_transcripts(path, 3000, seed=7, rates=rates, weeks=6)
    return path, planted


def test_planted_rates_are_recovered(generated):
    path, planted = generated
    stats = compute_stats([str(path)], TranscriptSettings(), workers=1)
    c = stats.conversations
    assert stats.messages == planted.messages
    assert c.total == planted.conversations
    assert stats.fallback_rate == pytest.approx(planted.fallbacks / planted.answers, abs=TOLERANCE)
    assert stats.containment_rate == pytest.approx(
        planted.contained / planted.conversations, abs=TOLERANCE
    )
    assert c.handoffs / c.total == pytest.approx(
        planted.handoffs / planted.conversations, abs=TOLERANCE
    )
    assert c.human_requests / c.total == pytest.approx(
        planted.human_requests / planted.conversations, abs=TOLERANCE
    )
    assert stats.feedback.messages == planted.feedback
    assert c.by_language == {k: planted.languages[k] for k in c.by_language}


def test_every_planted_identity_code_is_found_and_no_lookalike_counted(generated):
    path, planted = generated
    assert planted.lookalikes > 50
    signs = {code[6] for code in planted.hetu}
    assert signs == set("+-YXWVUABCDEF"), "every century sign, the 2023 ones included"
    assert all(hetu.is_valid(c, allow_temporary=True) and int(c[7:10]) >= 900 for c in planted.hetu)
    stats = compute_stats([str(path)], TranscriptSettings(), workers=1)
    found = stats.personal_data
    assert found["hetu"].total == len(planted.hetu)
    for kind in ("phone", "email", "iban"):
        assert found[kind].by_sender.get("user", 0) == planted.personal[kind], kind
    assert set(found["phone"].by_sender) <= {"user", "bot"}  # the bot's switchboard number


@pytest.mark.parametrize("order", ["time", "grouped"])
def test_sharded_and_parallel_runs_equal_a_single_pass(tmp_path, order):
    path = tmp_path / "log.jsonl"
    write_transcripts(path, 4000, seed=3, weeks=0.05, order=order)  # ~16 at once
    assert path.stat().st_size > 3 * 2**20
    single = compute_stats([str(path)], TranscriptSettings(), workers=1)
    sharded = compute_stats([str(path)], TranscriptSettings(shard_mb=1), workers=2)
    assert single.shards == 1 and sharded.shards >= 3
    assert sharded.model_dump(exclude={"shards"}) == single.model_dump(exclude={"shards"})


def test_split_files_merge_like_one(tmp_path):
    whole = tmp_path / "whole.jsonl"
    write_transcripts(whole, 800, seed=5, weeks=1)
    lines = whole.read_bytes().splitlines(keepends=True)
    first, second = tmp_path / "part1.jsonl", tmp_path / "part2.jsonl"
    first.write_bytes(b"".join(lines[:2001]))
    second.write_bytes(b"".join(lines[2001:]))
    one = compute_stats([str(whole)], TranscriptSettings(), workers=1)
    two = compute_stats([str(first), str(second)], TranscriptSettings(), workers=2)
    skip = {"shards", "files", "unanswered", "personal_data", "malformed"}
    assert two.model_dump(exclude=skip) == one.model_dump(exclude=skip)
    assert [g.count for g in two.unanswered.groups] == [g.count for g in one.unanswered.groups]


def test_no_output_holds_a_found_value_unmasked(generated, tmp_path):
    path, planted = generated
    out = tmp_path / "out"
    result = CliRunner().invoke(app, ["transcripts", str(path), "--out", str(out)])
    assert result.exit_code == 0, result.output
    values = set(planted.hetu)
    for line in path.read_text(encoding="utf-8").splitlines():
        values.update(re.findall(r"asukas\d+@example\.org|FI\d{16}|040 \d{3} \d{4}", line))
    assert len(values) > 100
    for name in ("transcripts.json", "transcripts.md", "transcripts.html"):
        written = (out / name).read_text(encoding="utf-8")
        leaked = [v for v in values if v in written]
        assert not leaked, (name, leaked[:3])
        assert "masked]" in written
    assert not [v for v in values if v in result.output]
