"""The trainers' page: topics to work on first (serious first), answers escaped, three
languages, and conversations.json carrying the run and the verdicts."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from botaudit.conversation.command import verdict_table
from botaudit.conversation.model import AnswerRecord, ConversationRun, TopicRun
from botaudit.conversation.page import write_trainers_page
from botaudit.conversation.questions import Topic


def _topic(tid: str, answer: str, serious: bool = False) -> TopicRun:
    spec = Topic(id=tid, questions=["q?"], expect={"any": ["ma–to", "112"]}, serious=serious)
    record = AnswerRecord(asked=f"{tid}?", texts=[answer], latency_ms=5)
    return TopicRun(set_id="s", language="fi", topic=spec, answers=[record])


RUN = ConversationRun(
    connector="rest",
    endpoint="http://127.0.0.1:1/api",
    started_at=datetime.now(UTC),
    topics=[
        _topic("library", "Kirjasto on auki ma–to."),
        _topic("waste", "<script>alert(1)</script> En ymmärtänyt."),
        _topic("crisis", "Voi harmi!", serious=True),
    ],
)


@pytest.mark.parametrize(("lang", "heading"), [("fi", "Aiheet, joita kannattaa parantaa ensin"),
                                               ("sv", "Ämnen att förbättra först"),
                                               ("en", "Topics to work on first")])  # fmt: skip
def test_page_lists_topics_to_fix_serious_first(tmp_path: Path, lang: str, heading: str) -> None:
    files = write_trainers_page(RUN, tmp_path, lang, verdict_table(RUN, lang))
    html = files["trainers"].read_text(encoding="utf-8")
    assert heading in html
    first = html.split(heading)[1]
    assert first.index("s/crisis") < first.index("s/waste")  # a failing serious topic leads
    assert "<script>alert(1)</script>" not in html and "&lt;script&gt;" in html


def test_json_holds_the_run_and_the_verdicts(tmp_path: Path) -> None:
    files = write_trainers_page(RUN, tmp_path, "en", verdict_table(RUN, "en"))
    saved = json.loads(files["conversations"].read_text(encoding="utf-8"))
    assert ConversationRun.model_validate(saved["run"]) == RUN
    serious = saved["criteria"]["trust-in-authority.serious-topics-referred"]
    assert serious["outcome"] == "fail" and "Voi harmi!" in serious["quotes"][0]
