"""Reading logs: formats, compression, mapping, and input that is wrong in every way."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import zstandard
from typer.testing import CliRunner

from botaudit.cli import app
from botaudit.report.transcripts.review import compute_stats, judge_all
from botaudit.transcript_settings import TranscriptSettings, load_settings

ONE = [
    {
        "conversation_id": "a",
        "timestamp": "2025-03-03T10:00:00+02:00",
        "sender": "bot",
        "text": "Hei! Olen kaupungin chatbot.",
    },
    {
        "conversation_id": "a",
        "timestamp": "2025-03-03T10:00:10+02:00",
        "sender": "user",
        "text": "Paljonko jätemaksu on?",
    },
    {
        "conversation_id": "a",
        "timestamp": "2025-03-03T10:00:12+02:00",
        "sender": "bot",
        "text": "Valitettavasti en ymmärtänyt kysymystä.",
        "feedback": "down",
    },
    {
        "conversation_id": "b",
        "timestamp": "2025-03-03T11:00:00+02:00",
        "sender": "user",
        "text": "Haluan puhua ihmisen kanssa",
    },
    {
        "conversation_id": "b",
        "timestamp": "2025-03-03T11:00:05+02:00",
        "sender": "agent",
        "text": "Hei, täällä Liisa.",
        "feedback": 5,
    },
]


def _lines(records: list[dict]) -> bytes:
    return b"".join(json.dumps(r, ensure_ascii=False).encode() + b"\n" for r in records)


def _stats(path: Path, **settings):
    return compute_stats([str(path)], TranscriptSettings(**settings), workers=1)


def test_malformed_lines_are_counted_with_line_numbers(tmp_path):
    raw = _lines(ONE[:2]) + b"{not json\n" + b"[1, 2]\n" + _lines(ONE[2:])
    raw += b'{"conversation_id": "c", "sender": "user", "text": "x"}\n'
    raw += b'{"conversation_id": "c", "timestamp": "2025-03-03T12:00:00Z", "sender": "robot"}\n'
    path = tmp_path / "log.jsonl"
    path.write_bytes(raw)
    stats = _stats(path)
    assert stats.messages == 5
    assert stats.malformed.total == 4
    assert [(e.line, e.text) for e in stats.malformed.examples] == [
        (3, "not JSON"),
        (4, "not a JSON object"),
        (8, "no valid timestamp"),
        (9, "sender is not user, bot or agent"),
    ]


def test_counts_of_a_small_log(tmp_path):
    path = tmp_path / "log.jsonl"
    path.write_bytes(_lines(ONE))
    stats = _stats(path)
    c = stats.conversations
    assert (c.total, c.engaged, c.contained, c.handoffs, c.human_requests) == (2, 2, 0, 1, 1)
    assert (stats.answers, stats.fallbacks) == (1, 1)
    assert stats.feedback.thumbs == {"down": 1} and stats.feedback.stars == {"5": 1}
    assert stats.unanswered.groups[0].examples[0].text == "Paljonko jätemaksu on?"
    assert stats.hours[10] == 3 and stats.hours[11] == 2
    assert stats.weeks[0].week == "2025-W10"


def test_an_empty_file_is_read_and_said_to_be_empty(tmp_path):
    path = tmp_path / "empty.jsonl"
    path.write_bytes(b"")
    stats = _stats(path)
    assert stats.messages == 0 and stats.malformed.total == 0
    assert {v.outcome for v in judge_all(stats).values()} == {"inconclusive"}
    result = CliRunner().invoke(app, ["transcripts", str(path), "--out", str(tmp_path / "o")])
    assert result.exit_code == 0
    assert "the files hold no messages" in result.output


def test_gzip_and_zstd_give_the_same_figures(tmp_path):
    raw = _lines(ONE)
    plain, gz, zst = tmp_path / "a.jsonl", tmp_path / "a.jsonl.gz", tmp_path / "a.jsonl.zst"
    plain.write_bytes(raw)
    gz.write_bytes(gzip.compress(raw))
    zst.write_bytes(zstandard.ZstdCompressor().compress(raw))
    expected = _stats(plain).model_dump_json(exclude={"files"})
    assert _stats(gz).model_dump_json(exclude={"files"}).replace(".gz", "") == expected
    assert _stats(zst).model_dump_json(exclude={"files"}).replace(".zst", "") == expected


def test_csv_with_a_field_mapping(tmp_path):
    csv_path = tmp_path / "export.csv"
    csv_path.write_text(
        "session,created,role,message,rating\n"
        's1,2025-03-03T10:00:00Z,customer,"Paljonko jätemaksu on, kysyn vain",\n'
        "s1,2025-03-03T10:00:02Z,assistant,En ymmärtänyt kysymystä.,1\n"
        's1,2025-03-03T10:00:09Z,customer,"moniriviset\nrivit",\n',
        encoding="utf-8",
    )
    config = tmp_path / "config.yaml"
    config.write_text(
        "transcripts:\n  files: [export.csv]\n  mapping:\n    conversation_id: session\n"
        "    timestamp: created\n    sender: role\n    text: message\n    feedback: rating\n"
        "    senders: {customer: user, assistant: bot}\n",
        encoding="utf-8",
    )
    settings = load_settings(config)
    stats = compute_stats(settings.files, settings, workers=1)
    assert stats.messages == 3 and stats.malformed.total == 0
    assert (stats.answers, stats.fallbacks) == (1, 1)
    assert stats.feedback.stars == {"1": 1}


def test_json_array_of_conversations(tmp_path):
    path = tmp_path / "export.json"
    conversation = {"conversation_id": "a", "messages": [dict(r) for r in ONE[:3]]}
    for message in conversation["messages"]:
        del message["conversation_id"]
    path.write_text(json.dumps([conversation, ONE[3], ONE[4]], indent=1), encoding="utf-8")
    stats = _stats(path)
    assert stats.messages == 5 and stats.conversations.total == 2
    assert stats.fallbacks == 1


def test_a_file_with_only_bot_messages(tmp_path):
    path = tmp_path / "bots.jsonl"
    path.write_bytes(_lines([ONE[0], {**ONE[0], "conversation_id": "z"}]))
    stats = _stats(path)
    assert stats.conversations.total == 2 and stats.conversations.engaged == 0
    assert stats.answers == 0
    verdicts = judge_all(stats)
    assert verdicts["efficiency.fallback-rate"].outcome == "inconclusive"
    assert verdicts["efficiency.fallback-rate"].message.key == "transcripts.judge.too-few"


def test_non_utf8_bytes_are_replaced_and_reported(tmp_path):
    path = tmp_path / "latin1.jsonl"
    bad = json.dumps(ONE[1], ensure_ascii=False).encode("latin-1")
    path.write_bytes(_lines(ONE[:1]) + bad + b"\n" + _lines(ONE[2:3]))
    stats = _stats(path)
    assert stats.messages == 3
    assert [(e.line, e.text) for e in stats.malformed.examples] == [
        (2, "not UTF-8 (bytes replaced)")
    ]
    assert stats.fallbacks == 1  # the question was still read and paired


def test_an_unreadable_file_exits_2_with_one_sentence(tmp_path):
    missing = tmp_path / "nope.jsonl"
    result = CliRunner().invoke(app, ["transcripts", str(missing)])
    assert result.exit_code == 2
    assert "Cannot read the log file" in result.output and str(missing) in result.output
    assert "Traceback" not in result.output
    damaged = tmp_path / "cut.jsonl.gz"
    damaged.write_bytes(gzip.compress(_lines(ONE) * 50)[:60])
    result = CliRunner().invoke(app, ["transcripts", str(damaged)])
    assert result.exit_code == 2 and "damaged or cut off" in result.output


def test_a_bad_config_exits_2(tmp_path):
    config = tmp_path / "config.yaml"
    config.write_text("transcripts:\n  mapping:\n    colour: red\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["transcripts", "--config", str(config)])
    assert result.exit_code == 2
    assert "transcripts.mapping.colour" in result.output


def test_dotted_mapping_reads_nested_fields(tmp_path):
    path = tmp_path / "nested.jsonl"
    records = [
        {
            "session": {"id": r["conversation_id"]},
            "at": r["timestamp"],
            "from": {"role": r["sender"]},
            "body": r["text"],
        }
        for r in ONE
    ]
    path.write_bytes(_lines(records))
    mapping = {
        "conversation_id": "session.id",
        "timestamp": "at",
        "sender": "from.role",
        "text": "body",
        "feedback": None,
    }
    stats = _stats(path, mapping=mapping)
    assert stats.messages == 5 and stats.malformed.total == 0
    assert stats.conversations.handoffs == 1 and stats.fallbacks == 1


def test_the_command_reads_the_files_a_config_names(tmp_path):
    (tmp_path / "logs").mkdir()
    (tmp_path / "logs" / "a.jsonl").write_bytes(_lines(ONE))
    config = tmp_path / "review.yaml"
    config.write_text("transcripts:\n  files: [logs/a.jsonl]\n  language: fi\n", encoding="utf-8")
    out = tmp_path / "out"
    args = ["transcripts", "--config", str(config), "--out", str(out), "--lang", "sv"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    assert "5 messages, 2 conversations" in result.output
    assert "hetu" not in result.output  # none planted here
    html = (out / "transcripts.html").read_text(encoding="utf-8")
    assert '<html lang="sv">' in html and "<svg" in html and "<desc" in html
    data = json.loads((out / "transcripts.json").read_text(encoding="utf-8"))
    assert data["conversations"]["total"] == 2
    assert data["criteria"]["efficiency.fallback-rate"]["outcome"] == "inconclusive"


def test_a_cut_off_json_array_keeps_what_was_read(tmp_path):
    path = tmp_path / "cut.json"
    text = json.dumps(ONE, indent=1)
    path.write_text(text[: text.rindex("{")] + '{"conversation_id": "b", "te', encoding="utf-8")
    stats = _stats(path)
    assert stats.messages == 4
    assert [e.text for e in stats.malformed.examples] == ["not JSON (the array is cut off)"]


def test_csv_lines_that_are_not_utf8_are_read_and_reported(tmp_path):
    path = tmp_path / "export.csv"
    rows = "conversation_id,timestamp,sender,text\n"
    rows += "a,2025-03-03T10:00:00Z,user,Päivää\n"
    path.write_bytes(
        rows.encode("utf-8") + "a,2025-03-03T10:00:02Z,bot,Hyvää päivää\n".encode("latin-1")
    )
    stats = _stats(path)
    assert stats.messages == 2
    assert [(e.line, e.text) for e in stats.malformed.examples] == [
        (3, "not UTF-8 (bytes replaced)")
    ]
