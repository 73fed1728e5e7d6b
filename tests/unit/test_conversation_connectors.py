"""Every connector against a fake server of its protocol on 127.0.0.1: a normal answer,
and each failure (timeout, 500, malformed JSON, 429, a reply path matching nothing) ends as
a recorded, explained error — later an inconclusive — never an exception."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
import yaml
from conversation_fakes import ANSWER, FakeBot
from typer.testing import CliRunner

from botaudit.cli import app
from botaudit.conversation.criteria import judge_all
from botaudit.conversation.model import ConversationRun
from botaudit.conversation.probe import run_conversations
from botaudit.conversation.signals import load_judging
from botaudit.conversation_config import ConversationSettings

SECRET = "s3cr3t-directline-value"
KEY = "sk-test-openai-key-value"
PROTOCOLS = ["rest", "rasa", "directline", "openai"]


@pytest.fixture(autouse=True)
def _secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DL_SECRET", SECRET)
    monkeypatch.setenv("LLM_KEY", KEY)


def question_set(tmp_path: Path) -> Path:
    path = tmp_path / "set.yaml"
    path.write_text(
        yaml.safe_dump(
            {
                "id": "tiny",
                "language": "fi",
                "topics": [
                    {"id": "library", "questions": ["kirjasto auki?", "kirjaston aukiolo"],
                     "expect": {"any": ["ma–to"]}},
                ],
            }
        ),
        encoding="utf-8",
    )  # fmt: skip
    return path


def connector(protocol: str, url: str) -> dict:
    return {
        "rest": {"type": "rest", "url": url + "/api", "texts": "$.messages[*].text"},
        "rasa": {"type": "rasa", "url": url},
        "directline": {"type": "directline", "url": url, "secret_env": "DL_SECRET",
                       "poll_interval_s": 0.05, "settle_s": 0.2},
        "openai": {"type": "openai", "base_url": url + "/v1", "model": "m",
                   "api_key_env": "LLM_KEY", "system_prompt": "Olet kunnan botti."},
    }[protocol]  # fmt: skip


def settings(protocol: str, url: str, tmp_path: Path) -> ConversationSettings:
    return ConversationSettings.model_validate(
        {
            "connector": connector(protocol, url),
            "question_sets": [str(question_set(tmp_path))],
            "politeness": {"timeout_s": 1, "retries": 1, "backoff_s": 0.05, "min_interval_s": 0},
        }
    )


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_normal_answer_is_recorded(protocol: str, tmp_path: Path) -> None:
    with FakeBot(protocol, "ok") as bot:
        run = run_conversations(settings(protocol, bot.url, tmp_path))
    assert [a.texts for t in run.topics for a in t.answers] == [[ANSWER], [ANSWER]]
    assert all(a.error is None for _, a in run.answered())
    agents = {headers.get("User-Agent", "") for _, _, headers, _ in bot.requests}
    assert agents and all(a.startswith("botaudit/") for a in agents)
    verdicts = judge_all(run, load_judging())
    assert verdicts["effectiveness.correct-answer-rate"].outcome == "pass"
    evidence = run.model_dump_json()
    assert SECRET not in evidence and KEY not in evidence


def test_directline_uses_the_secret_then_the_conversation_token(tmp_path: Path) -> None:
    with FakeBot("directline", "ok") as bot:
        run = run_conversations(settings("directline", bot.url, tmp_path))
    auth = [(path, headers.get("Authorization")) for _, path, headers, _ in bot.requests]
    assert auth[0] == ("/conversations", f"Bearer {SECRET}")
    for path, value in auth:  # each question starts its own conversation with the secret
        expected = SECRET if path == "/conversations" else "conversation-token"
        assert value == f"Bearer {expected}", path
    assert run.topics[0].answers[0].buttons == ["Kirjasto"]
    assert run.topics[0].answers[0].links == ["https://kirjasto.example/"]


def test_openai_sends_system_prompt_and_key(tmp_path: Path) -> None:
    with FakeBot("openai", "ok") as bot:
        run_conversations(settings("openai", bot.url, tmp_path))
    _, path, headers, payload = bot.requests[0]
    assert path == "/v1/chat/completions" and headers["Authorization"] == f"Bearer {KEY}"
    assert payload["messages"][0] == {"role": "system", "content": "Olet kunnan botti."}


FAILURES = [
    ("timeout", "timeout"),
    ("500", "server error HTTP 500"),
    ("malformed", "not valid JSON"),
    ("429", "rate-limited (HTTP 429, Retry-After 1 s)"),
]


@pytest.mark.parametrize("protocol", PROTOCOLS)
@pytest.mark.parametrize(("mode", "reason"), FAILURES)
def test_failure_is_a_recorded_inconclusive(
    protocol: str, mode: str, reason: str, tmp_path: Path
) -> None:
    with FakeBot(protocol, mode) as bot:
        run = run_conversations(settings(protocol, bot.url, tmp_path))
    errors = run.errors()
    assert len(errors) == 2 and reason in errors[0], errors
    verdicts = judge_all(run, load_judging())
    assert {v.outcome for v in verdicts.values()} == {"inconclusive"}
    assert reason in verdicts["professionalism.concise-answers"].params["reason"]


@pytest.mark.parametrize("protocol", PROTOCOLS)
def test_a_reply_path_that_matches_nothing_is_explained(protocol: str, tmp_path: Path) -> None:
    with FakeBot(protocol, "nomatch") as bot:
        run = run_conversations(settings(protocol, bot.url, tmp_path))
    assert all(a.error for t in run.topics for a in t.answers), run.errors()
    assert run.answered() == []


def test_retry_after_is_honoured(tmp_path: Path) -> None:
    with FakeBot("rest", "429-once") as bot:
        started = time.monotonic()
        run = run_conversations(settings("rest", bot.url, tmp_path))
    assert run.errors() == []
    assert time.monotonic() - started >= 1.0  # waited for Retry-After: 1


def test_messages_of_a_conversation_are_paced(tmp_path: Path) -> None:
    path = tmp_path / "paced.yaml"
    path.write_text(
        "id: paced\nlanguage: fi\ntopics:\n  - id: a\n    questions: [kirjasto]\n"
        "    follow_ups: [{question: entä lauantaina}]\n",
        encoding="utf-8",
    )
    with FakeBot("rest", "ok") as bot:
        spec = ConversationSettings.model_validate(
            {"connector": connector("rest", bot.url), "question_sets": [str(path)],
             "politeness": {"min_interval_s": 0.5}}
        )  # fmt: skip
        started = time.monotonic()
        run = run_conversations(spec)
    assert len(run.answered()) == 2
    assert time.monotonic() - started >= 0.5


def test_stops_asking_a_bot_that_keeps_failing(tmp_path: Path) -> None:
    path = tmp_path / "many.yaml"
    questions = [f"kysymys {i}" for i in range(6)]
    path.write_text(yaml.safe_dump({"id": "many", "language": "fi",
                                    "topics": [{"id": "a", "questions": questions}]}))  # fmt: skip
    with FakeBot("rest", "500") as bot:
        spec = settings("rest", bot.url, tmp_path).model_copy(update={"question_sets": [str(path)]})
        run = run_conversations(spec)
    posts = [r for r in bot.requests if r[0] == "POST"]
    assert len(posts) == 3 * 2  # three questions, two attempts each, then it stopped
    assert run.error and "server error HTTP 500" in run.error
    assert "not asked" in run.topics[0].answers[-1].error


def test_converse_command_exit_code_and_no_traceback(tmp_path: Path) -> None:
    with FakeBot("rasa", "500") as bot:
        config = tmp_path / "conv.yaml"
        config.write_text(
            yaml.safe_dump({"name": "fake", "conversation": settings(
                "rasa", bot.url, tmp_path).model_dump(mode="json")}),
            encoding="utf-8",
        )  # fmt: skip
        result = CliRunner().invoke(app, ["converse", str(config), "--out", str(tmp_path / "o")])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    saved = json.loads((tmp_path / "o" / "conversations.json").read_text(encoding="utf-8"))
    run = ConversationRun.model_validate(saved["run"])
    assert "server error HTTP 500" in run.errors()[0]
    assert saved["criteria"]["trust-in-authority.serious-topics-referred"]["outcome"] == (
        "inconclusive"
    )
    assert (tmp_path / "o" / "trainers.html").is_file()


def test_secret_headers_must_come_from_the_environment() -> None:
    with pytest.raises(ValueError, match="ENV_VAR"):
        ConversationSettings.model_validate(
            {"connector": {"type": "rest", "url": "http://127.0.0.1:1/",
                           "headers": {"Authorization": "Bearer abc"}},
             "question_sets": ["municipal-fi"]}
        )  # fmt: skip


def test_missing_secret_is_a_usage_error(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DL_SECRET")
    from botaudit.errors import UsageError

    with pytest.raises(UsageError, match="export DL_SECRET"):
        run_conversations(settings("directline", "http://127.0.0.1:9", tmp_path))


@pytest.mark.parametrize("connector", ["rest", "rasa"])
def test_a_secret_header_written_in_clear_is_refused(connector: str) -> None:
    from pydantic import ValidationError

    from botaudit.conversation_config import RasaConnector, RestConnector

    model = {"rest": RestConnector, "rasa": RasaConnector}[connector]
    base = {"type": connector, "url": "http://127.0.0.1:9"}
    with pytest.raises(ValidationError, match="looks secret"):
        model.model_validate({**base, "headers": {"Authorization": "Bearer abc"}})
    ok = model.model_validate({**base, "headers": {"Authorization": "Bearer ${BOT_TOKEN}"}})
    assert ok.headers["Authorization"] == "Bearer ${BOT_TOKEN}"
