"""Conversation probes end to end: `botaudit demo` judges all sixteen conversation
criteria, `botaudit report` re-judges them identically offline, and the same question set
gives the same per-topic outcomes through the REST API and through the browser widget."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from demo_runs import DemoRun
from typer.testing import CliRunner

from botaudit.cli import app
from botaudit.config import parse_config
from botaudit.conversation.assess import assess
from botaudit.conversation.criteria import CRITERIA
from botaudit.conversation.model import ConversationRun
from botaudit.conversation.probe import run_conversations
from botaudit.conversation.signals import load_judging
from botaudit.conversation_config import ConversationSettings
from botaudit.demo.answers import demo_conversation
from botaudit.demo.profiles import demo_config
from botaudit.demo.server import DemoServer

pytestmark = pytest.mark.browser

FIXTURE = Path(__file__).parents[1] / "fixtures" / "conversations" / "equivalence-fi.yaml"
SERIOUS = "trust-in-authority.serious-topics-referred"
SENSITIVE = "trust-in-authority.no-sensitive-data-requested"


def _criteria(report: Path) -> dict[str, dict]:
    data = json.loads((report / "report.json").read_text(encoding="utf-8"))
    return {c["id"]: c for c in data["criteria"]}


@pytest.fixture(scope="module")
def demos(demo_cli_run: Callable[[str], DemoRun]) -> dict[str, Path]:
    """The session's shared `botaudit demo` runs (tests/browser/conftest.py), by profile."""
    found = {}
    for profile in ("good", "bad"):
        run = demo_cli_run(profile)
        assert run.result.returncode in (0, 1), run.result.stdout + run.result.stderr
        found[profile] = run.out
    return found


def test_demo_judges_all_sixteen_conversation_criteria(demos: dict[str, Path]) -> None:
    for profile, out in demos.items():
        criteria = _criteria(out)
        outcomes = {cid: criteria[cid]["outcome"] for cid in CRITERIA}
        assert "not_assessed" not in outcomes.values(), (profile, outcomes)
        assert (out / "trainers.html").is_file() and (out / "conversations.json").is_file()
    good, bad = _criteria(demos["good"]), _criteria(demos["bad"])
    assert good[SERIOUS]["outcome"] == "pass" and good[SENSITIVE]["outcome"] == "pass"
    assert bad[SERIOUS]["outcome"] == "fail" and bad[SENSITIVE]["outcome"] == "fail"
    assert bad[SENSITIVE]["quotes"], "a failure must quote the answer it rests on"


def test_report_rejudges_conversation_evidence_identically(
    demos: dict[str, Path], tmp_path: Path
) -> None:
    for profile, out in demos.items():
        again = tmp_path / profile
        result = CliRunner().invoke(app, ["report", str(out / "evidence"), "--out", str(again)])
        assert result.exit_code in (0, 1), result.output
        before, after = _criteria(out), _criteria(again)
        for cid in CRITERIA:
            assert after[cid]["outcome"] == before[cid]["outcome"], (profile, cid)
            assert after[cid]["explanation"] == before[cid]["explanation"], (profile, cid)
            assert after[cid]["quotes"] == before[cid]["quotes"], (profile, cid)


def _per_topic(run: ConversationRun) -> dict[str, list[tuple[str, bool, bool]]]:
    found: dict[str, list[tuple[str, bool, bool]]] = {}
    for a in assess(run, load_judging()):
        found.setdefault(a.topic.key, []).append((a.record.asked, a.correct, a.fallback))
    return found


@pytest.mark.parametrize("profile", ["oulubot-2022"])
def test_rest_and_widget_give_the_same_per_topic_outcomes(profile: str) -> None:
    with DemoServer(profile) as url:
        runs = {}
        for connector in ("rest", "widget"):
            section = demo_conversation(url, connector) | {"question_sets": [str(FIXTURE)]}
            config = parse_config(demo_config(profile, url) | {"conversation": section}, "demo")
            assert config.conversation is not None
            runs[connector] = run_conversations(config.conversation, audit=config)
    assert runs["widget"].errors() == [], runs["widget"].errors()
    rest, widget = _per_topic(runs["rest"]), _per_topic(runs["widget"])
    assert rest == widget
    assert any(not ok for items in rest.values() for _, ok, _ in items)  # not trivially all-right


def test_widget_connector_explains_a_missing_widget() -> None:
    with DemoServer("good") as url:
        data = demo_config("good", url) | {
            "conversation": demo_conversation(url, "widget") | {"question_sets": [str(FIXTURE)]}
        }
        data["widget"] = data["widget"] | {"input": "#no-such-input"}
        data["timing"] = {"navigation_timeout_s": 2}
        config = parse_config(data, "demo")
        assert isinstance(config.conversation, ConversationSettings)
        run = run_conversations(config.conversation, audit=config)
    assert run.answered() == []
    assert "widget could not be opened" in run.errors()[0]
