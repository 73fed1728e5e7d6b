"""What the opening messages tell the user: limits, and how much there is to read."""

from __future__ import annotations

from botaudit.checks.base import CheckResult, check, say
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.observations import WidgetView
from botaudit.lexicon import Matcher

SCENARIO = "bot-identity"
# GOV.UK's plain-language limit for one sentence: past 25 words text becomes "difficult"
# and comprehension drops (GOV.UK style guide; "Sentence length: why 25 words is our limit",
# Inside GOV.UK, 2014). A greeting is read before the user can ask anything, so the whole
# of it should read like one such sentence; twice that is the point at which the MITRE
# Chatbot Accessibility Playbook's "keep messages short" / "limit the number of messages"
# (4.2.4, 4.2.6) are plainly not met. The study's 39-word OuluBot greeting, whose amount of
# text it says reduces clarity (METKU 2022, Lisäselvitys 2, 4.2.3), is therefore partial.
CONCISE_WORDS = 25
TOO_LONG_WORDS = 50


def _greeting(record: ScenarioRecord) -> WidgetView:
    return record.required("before_typing", WidgetView)


@check(
    "greeting_states_limits",
    scenario=SCENARIO,
    steps=("before_typing",),
    summary="The greeting states what the bot cannot do or that it is still learning.",
)
def greeting_states_limits(record: ScenarioRecord, m: Matcher) -> CheckResult:
    view = _greeting(record)
    evidence = [f"{SCENARIO}/before_typing"]
    limits = m.find("limits_stated", view.visible_text)
    if limits:
        return CheckResult(
            outcome="pass",
            explanation=say(
                f"Tervehdys kertoo botin rajoituksista ({', '.join(map(repr, limits))}).",
                f"The greeting states the bot's limits ({', '.join(map(repr, limits))}).",
            ),
            evidence=evidence,
            quotes=limits,
        )
    return CheckResult(
        outcome="fail",
        explanation=say(
            "Mikään ennen ensimmäistä viestiä näytetty ei kerro, mitä botti ei osaa tai että "
            "sen vastaukset voivat olla puutteellisia.",
            "Nothing shown before the first message says what the bot cannot do or "
            "that its answers may be incomplete.",
        ),
        evidence=evidence,
    )


@check(
    "greeting_length",
    scenario=SCENARIO,
    steps=("before_typing",),
    summary=f"The greeting is concise (≤ {CONCISE_WORDS} words).",
)
def greeting_length(record: ScenarioRecord, m: Matcher) -> CheckResult:
    view = _greeting(record)
    evidence = [f"{SCENARIO}/before_typing"]
    if not view.bot_messages:
        return CheckResult(
            outcome="not_applicable",
            explanation=say(
                "Chat-ikkuna ei näytä tervehdysviestejä.", "The widget shows no greeting messages."
            ),
            evidence=evidence,
        )
    words = sum(len(msg.text.split()) for msg in view.bot_messages)
    count = len(view.bot_messages)
    summary = f"The greeting is {count} message(s), {words} words"
    summary_fi = (
        f"Tervehdyksessä on {count} {'viesti' if count == 1 else 'viestiä'} ja "
        f"{words} {'sana' if words == 1 else 'sanaa'}"
    )
    if words <= CONCISE_WORDS:
        return CheckResult(
            outcome="pass", explanation=say(summary_fi + ".", summary + "."), evidence=evidence
        )
    outcome = "partial" if words <= TOO_LONG_WORDS else "fail"
    return CheckResult(
        outcome=outcome,
        explanation=say(
            summary_fi + f": yli {CONCISE_WORDS} sanaa luettavaa ennen kuin voi kysyä mitään "
            "(tutkimuksessa tekstin määrä heikensi selkeyttä).",
            summary + f": more than {CONCISE_WORDS} words to read before asking "
            "anything (the study found the amount of text reduced clarity).",
        ),
        evidence=evidence,
    )
