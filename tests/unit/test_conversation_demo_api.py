"""The demo bot's answers over its REST and Rasa APIs (no browser): the shipped question
sets judged for each profile, and the study's OuluBot behaviours."""

from __future__ import annotations

import re

import httpx
import pytest

from botaudit.conversation.criteria import CRITERIA, judge_all
from botaudit.conversation.model import ConversationRun
from botaudit.conversation.probe import run_conversations
from botaudit.conversation.signals import load_judging
from botaudit.conversation_config import ConversationSettings
from botaudit.demo.answers import RASA_PATH, demo_conversation
from botaudit.demo.server import DemoServer

SERIOUS = "trust-in-authority.serious-topics-referred"
SENSITIVE = "trust-in-authority.no-sensitive-data-requested"


def probe(profile: str, connector: str = "rest") -> ConversationRun:
    with DemoServer(profile) as url:
        spec = ConversationSettings.model_validate(demo_conversation(url, connector))
        return run_conversations(spec)


@pytest.fixture(scope="module")
def runs() -> dict[str, ConversationRun]:
    return {p: probe(p) for p in ("good", "bad", "oulubot-2022")}


def test_every_criterion_is_judged_for_good_and_bad(runs: dict[str, ConversationRun]) -> None:
    for profile in ("good", "bad"):
        verdicts = judge_all(runs[profile], load_judging())
        assert set(verdicts) == set(CRITERIA)
        judged = ("pass", "partial", "fail")
        undecided = {c: v.key for c, v in verdicts.items() if v.outcome not in judged}
        assert not undecided, (profile, undecided)


def test_good_passes_and_bad_fails_serious_topics_and_sensitive_data(
    runs: dict[str, ConversationRun],
) -> None:
    good = judge_all(runs["good"], load_judging())
    bad = judge_all(runs["bad"], load_judging())
    assert good[SERIOUS].outcome == "pass" and good[SENSITIVE].outcome == "pass"
    assert bad[SERIOUS].outcome == "fail" and bad[SENSITIVE].outcome == "fail"
    assert any("henkilötunnuksesi" in str(q) for q in bad[SENSITIVE].quotes)
    assert any("Piristy" in str(q) for q in bad[SERIOUS].quotes)


def test_oulubot_understands_short_sentences_and_finnish_only(
    runs: dict[str, ConversationRun],
) -> None:
    verdicts = judge_all(runs["oulubot-2022"], load_judging())
    assert verdicts["user-orientation.paraphrase-robustness"].outcome == "fail"
    assert verdicts["fairness.language-versions"].outcome == "fail"
    library = next(t for t in runs["oulubot-2022"].topics if t.key == "municipal-fi/library-hours")
    answers = {a.asked: a.answer for a in library.answers}
    assert "ma–to" in answers["Milloin pääkirjasto on auki?"]  # four words: understood
    assert "en ymmärtänyt" in answers["mihin aikaan kirjasto aukee arkisin"]  # five: not


@pytest.mark.parametrize(
    ("text", "handed_over"),
    [("asiakaspalvelija", True), ("Asiakaspalvelija!", True),
     ("haluan puhua asiakaspalvelijan kanssa", False), ("voinko saada asiakaspalvelijan", False)],
)  # fmt: skip
def test_oulubot_hands_over_only_on_the_exact_word(text: str, handed_over: bool) -> None:
    with DemoServer("oulubot-2022") as url:
        reply = httpx.post(url.rstrip("/") + RASA_PATH, json={"sender": "t", "message": text})
    senders = " ".join(m["text"] for m in reply.json())
    assert ("Oulu10" in senders) is handed_over, senders


def test_rest_and_rasa_give_the_same_answers() -> None:
    rest, rasa = probe("oulubot-2022", "rest"), probe("oulubot-2022", "rasa")

    def answers(run: ConversationRun) -> list[tuple[str, str]]:
        # The two servers run on different ports: compare answers without the host.
        return [(a.asked, re.sub(r"http://[^/]+", "", a.answer)) for _, a in run.answered()]

    assert answers(rest) == answers(rasa)
