"""A reply that never ended is said as such, and a check does not fail on what it lacks.

The evidence is hand-built: an `Exchange` whose wait gave up while the bot was still
writing or still showed it was typing (`never_ended`), as the endless-reply page of
tests/browser/test_hostile_pages.py records it.
"""

from __future__ import annotations

import pytest
from builders import bot, bundle, handoff_scenario, scenario, step, view

from botaudit.checklist.load import load_checklist
from botaudit.checks.runner import run_criterion
from botaudit.evidence.observations import Exchange, PersonalDataInput
from botaudit.lexicon import matcher

CRITERIA = {c.id: c for _, c in load_checklist().criteria()}
FI = matcher("fi")
GREETING = view(bot("Hei! Olen chatbot."))
SENTENCE = {
    "en": "had not ended after 15 s",
    "fi": "ei ollut päättynyt 15 sekunnissa",
    "sv": "hade inte tagit slut efter 15 s",
}


def _cut(*replies: str, sent: str = "asiakaspalvelija") -> Exchange:
    return Exchange(
        sent=sent,
        replies=[bot(r) for r in replies],
        timed_out=True,
        never_ended=True,
        elapsed_ms=15_000,
    )


def _judge(criterion: str, record):  # type: ignore[no-untyped-def]
    return run_criterion(CRITERIA[criterion], bundle(record), FI)


def _personal_data(exchange: Exchange):  # type: ignore[no-untyped-def]
    data = PersonalDataInput(kinds=["hetu"], exchanges=[exchange])
    return scenario("storage-privacy", step("personal_data", data, kind="send_personal_data"))


@pytest.mark.parametrize(
    ("criterion", "record"),
    [
        ("accountability.human-handoff", handoff_scenario(GREETING, _cut("Vastaan..."))),
        ("accountability.human-handoff", handoff_scenario(GREETING, _cut())),  # typing only
        ("transparency.human-agent-labelled", handoff_scenario(GREETING, _cut("Vastaan..."))),
        (
            "trust-in-authority.warns-on-volunteered-data",
            _personal_data(_cut("Kiitos viestistäsi...", sent="Henkilötunnukseni on [hetu]")),
        ),
    ],
)
def test_a_reply_that_never_ended_is_inconclusive_and_said(criterion: str, record) -> None:  # type: ignore[no-untyped-def]
    judged = _judge(criterion, record)
    assert judged.outcome == "inconclusive"
    for language, words in SENTENCE.items():
        assert words in judged.explain(language), judged.explain(language)


def test_what_an_unfinished_reply_did_say_still_counts() -> None:
    live = handoff_scenario(GREETING, _cut("Siirrän sinut asiakaspalvelijalle.", "Hei, olen Maija"))
    warned = _personal_data(_cut("Älä lähetä henkilötunnusta chatissa, ja"))
    assert _judge("trust-in-authority.warns-on-volunteered-data", warned).outcome == "pass"
    assert _judge("accountability.human-handoff", live).outcome != "inconclusive"


def test_a_finished_reply_without_a_human_still_fails() -> None:
    done = Exchange(sent="ihminen", replies=[bot("En ymmärtänyt.")], elapsed_ms=2_000)
    judged = _judge("accountability.human-handoff", handoff_scenario(GREETING, done))
    assert judged.outcome == "fail"
    assert "had not ended" not in judged.explain("en")


def test_silence_is_not_a_reply_that_never_ended() -> None:
    silent = Exchange(sent="ihminen", timed_out=True, elapsed_ms=15_000)
    judged = _judge("accountability.human-handoff", handoff_scenario(GREETING, silent))
    assert judged.outcome == "inconclusive"
    assert "answered none" in judged.explain("en")
