"""Can a citizen reach a human? Live handoff, another concrete channel, or nothing."""

from __future__ import annotations

from botaudit.checks.base import CheckResult, check, say
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.observations import HandoffRequests, WidgetView
from botaudit.lexicon import Matcher
from botaudit.signals import Handoff, classify_handoff, greeting_labels

SCENARIO = "human-handoff"


@check(
    "human_handoff",
    scenario=SCENARIO,
    steps=("handoff",),
    summary="Asking for a human leads to a live handoff, or at least a concrete channel.",
)
def human_handoff(record: ScenarioRecord, m: Matcher) -> CheckResult:
    data = record.required("handoff", HandoffRequests)
    greeting = record.observed("greeting", WidgetView)
    labels = greeting_labels(greeting)
    evidence = [f"{SCENARIO}/handoff"]
    shot = record.step("after_handoff")
    if shot and shot.ok and shot.data.get("screenshot"):
        evidence.append(shot.data["screenshot"])
    if not data.attempts or all(not a.replies for a in data.attempts):
        return CheckResult(
            outcome="inconclusive",
            explanation=say(
                "Botti ei vastannut yhteenkään pyyntöön päästä ihmisen puheille, joten ei "
                "nähty, voiko keskustelun siirtää ihmiselle.",
                "The bot answered none of the requests for a human, so whether a "
                "handoff exists could not be seen.",
            ),
            evidence=evidence,
        )
    channel_found: tuple[int, str, Handoff] | None = None
    for number, attempt in enumerate(data.attempts, start=1):
        result = classify_handoff(attempt.replies, m, labels)
        if result.kind == "live":
            instructed = attempt.source == "greeting-instruction"
            how = "the greeting's instruction" if instructed else "a plain request"
            how_fi = "tervehdyksen ohje" if instructed else "tavallinen pyyntö"
            note = "" if data.greeting_instruction else " The greeting gave no instruction."
            note_fi = (
                ""
                if data.greeting_instruction
                else " Tervehdyksessä ei neuvottu, miten ihmisen saa kiinni."
            )
            reason = result.reasons[0]
            return CheckResult(
                outcome="pass",
                explanation=say(
                    f"Keskustelu siirtyi ihmiselle {number}. yrityksellä ({how_fi}: "
                    f"{attempt.sent!r}): {reason.fi}.{note_fi}",
                    f"A live handoff followed attempt {number} ({how}: "
                    f"{attempt.sent!r}): {reason.en}.{note}",
                ),
                evidence=evidence,
                quotes=[r.text for r in attempt.replies][:4],
            )
        if result.kind == "channel" and channel_found is None:
            channel_found = (number, attempt.sent, result)
    tried = ", ".join(repr(a.sent) for a in data.attempts)
    if channel_found:
        number, sent, result = channel_found
        return CheckResult(
            outcome="partial",
            explanation=say(
                f"Pyyntöjä tehtiin {len(data.attempts)} ({tried}), eikä keskustelu siirtynyt "
                f"ihmiselle, mutta vastaus {number}. yritykseen ({sent!r}) kertoi muun tavan "
                f"tavoittaa ihminen: {result.reasons[0].fi}.",
                f"No live handoff after {len(data.attempts)} requests ({tried}), but "
                f"attempt {number} ({sent!r}) named another human channel: "
                f"{result.reasons[0].en}.",
            ),
            evidence=evidence,
            quotes=[reason.en for reason in result.reasons[:3]],
        )
    return CheckResult(
        outcome="fail",
        explanation=say(
            f"Pyyntöjä tehtiin {len(data.attempts)} ({tried}), mutta keskustelu ei siirtynyt "
            "ihmiselle eikä botti kertonut muuta tapaa tavoittaa ihminen.",
            f"Neither a live handoff nor another human channel after "
            f"{len(data.attempts)} requests ({tried}).",
        ),
        evidence=evidence,
        quotes=[r.text for a in data.attempts for r in a.replies][:4],
    )


@check(
    "handoff_instruction_in_greeting",
    scenario=SCENARIO,
    steps=("greeting",),
    summary="The greeting tells how to reach a human.",
)
def handoff_instruction_in_greeting(record: ScenarioRecord, m: Matcher) -> CheckResult:
    greeting = record.required("greeting", WidgetView)
    evidence = [f"{SCENARIO}/greeting"]
    instruction = m.greeting_instruction(greeting.visible_text)
    if instruction:
        return CheckResult(
            outcome="pass",
            explanation=say(
                f"Tervehdys neuvoo kirjoittamaan {instruction!r}, jos haluaa ihmisen puheille.",
                f"The greeting tells the user to type {instruction!r} to reach a human.",
            ),
            evidence=evidence,
            quotes=[instruction],
        )
    channel = classify_handoff(greeting.bot_messages, m, set())
    if channel.kind != "none":
        return CheckResult(
            outcome="partial",
            explanation=say(
                "Tervehdys mainitsee muun yhteyskanavan ihmiseen mutta ei kerro, miten tässä "
                f"chatissa pääsee ihmisen puheille: {channel.reasons[0].fi}.",
                "The greeting names a human channel but not how to reach a person "
                f"in this chat: {channel.reasons[0].en}.",
            ),
            evidence=evidence,
        )
    return CheckResult(
        outcome="fail",
        explanation=say(
            "Tervehdys ei kerro mitään ihmisen tavoittamisesta; käyttäjän on keksittävä keino "
            "itse (kuten tutkimuksessa havaittiin muualla kuin VisitOulussa).",
            "The greeting says nothing about reaching a human; the user must "
            "invent a way (as the study found outside VisitOulu).",
        ),
        evidence=evidence,
    )
