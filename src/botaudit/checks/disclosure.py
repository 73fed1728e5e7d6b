"""Does the widget say it is a bot, before the user types? (AI Act Art. 50(1), (5))"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, check, say
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.observations import Exchange, WidgetView
from botaudit.lexicon import Matcher

SCENARIO = "bot-identity"


def _view(record: ScenarioRecord, name: str) -> WidgetView:
    return record.required(name, WidgetView)


def _refs(view: WidgetView, *steps: str) -> list[str]:
    refs = [f"{SCENARIO}/{s}" for s in steps]
    return refs + ([view.screenshot] if view.screenshot else [])


@check(
    "bot_identity_before_typing",
    scenario=SCENARIO,
    steps=("before_typing",),
    summary="Visible text names the answerer a bot/AI before the first user message.",
)
def bot_identity_before_typing(record: ScenarioRecord, m: Matcher) -> CheckResult:
    view = _view(record, "before_typing")
    refs = _refs(view, "before_typing")
    plain = m.find("bot_identity", view.visible_text)
    if plain:
        return CheckResult(
            outcome="pass",
            explanation=say(
                "Ennen kuin käyttäjä kirjoitti mitään, chat-ikkunan näkyvä teksti kertoo, "
                f"että vastaaja on botti: {', '.join(repr(p) for p in plain)}.",
                "Before the user typed anything, the widget's visible text says the "
                f"answerer is a bot: {', '.join(repr(p) for p in plain)}.",
            ),
            evidence=refs,
            quotes=_sentences_with(view.visible_text, plain),
        )
    ambiguous = m.find("ambiguous_identity", view.visible_text)
    hidden = m.find("bot_identity", " | ".join(view.hidden_names)) + m.find(
        "ambiguous_identity", " | ".join(view.hidden_names)
    )
    if ambiguous or hidden:
        parts, parts_fi = [], []
        if ambiguous:
            parts.append(f"only ambiguous wording is visible ({', '.join(map(repr, ambiguous))})")
            parts_fi.append(
                f"näkyvissä on vain monitulkintainen ilmaus ({', '.join(map(repr, ambiguous))})"
            )
        if hidden:
            parts.append(f"alt text or accessible names say {', '.join(map(repr, hidden))}")
            parts_fi.append(
                "botista kertovat vain alt-tekstit tai saavutettavat nimet "
                f"({', '.join(map(repr, hidden))})"
            )
        return CheckResult(
            outcome="partial",
            explanation=say(
                "Ennen ensimmäistä viestiä ei sanota selvästi, että vastaaja on botti: "
                f"{'; '.join(parts_fi)}. Otsikko 'Chat', tuotenimi tai logon alt-teksti ei "
                "kerro jokaiselle käyttäjälle, että hän keskustelee koneen kanssa.",
                "No plain statement that the answerer is a bot before the first "
                f"message: {'; '.join(parts)}. A title 'Chat', a product name or a logo's alt "
                "text does not tell every user they are talking to a machine.",
            ),
            evidence=refs,
            quotes=ambiguous + hidden,
        )
    later = _later_disclosure(record, m)
    if later:
        return CheckResult(
            outcome="fail",
            explanation=say(
                "Chat-ikkuna kertoo olevansa botti vasta käyttäjän ensimmäisen viestin jälkeen "
                f"({', '.join(map(repr, later))}); tekoälysäädöksen 50 artiklan 5 kohta "
                "edellyttää, että asia kerrotaan viimeistään ensimmäisen vuorovaikutuksen "
                "yhteydessä.",
                "The widget says it is a bot only after the user's first message "
                f"({', '.join(map(repr, later))}); Art. 50(5) requires it at the latest at the "
                "first interaction.",
            ),
            evidence=[*refs, f"{SCENARIO}/first_message"],
            quotes=later,
        )
    return CheckResult(
        outcome="fail",
        explanation=say(
            "Mikään, mitä chat-ikkuna näyttää ennen ensimmäistä viestiä (teksti, alt-tekstit, "
            "saavutettavat nimet), ei kerro, että vastaaja on botti tai tekoäly.",
            "Nothing the widget shows before the first message (text, alt texts, "
            "accessible names) says the answerer is a bot or AI.",
        ),
        evidence=refs,
        quotes=[view.visible_text[:300]] if view.visible_text else [],
    )


def _later_disclosure(record: ScenarioRecord, m: Matcher) -> list[str]:
    exchange = record.observed("first_message", Exchange)
    if exchange is None:
        return []
    return m.find("bot_identity", " ".join(r.text for r in exchange.replies))


def _sentences_with(text: str, spans: list[str]) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [line for line in lines if any(s.lower() in line.lower() for s in spans)][:5]


@check(
    "message_attribution",
    scenario=SCENARIO,
    steps=("after_first_message",),
    summary="Every bot message carries a bot label in text or accessible name.",
)
def message_attribution(record: ScenarioRecord, m: Matcher) -> CheckResult:
    view = _view(record, "after_first_message")
    if not view.bot_messages:
        return CheckResult(
            outcome="inconclusive",
            explanation=say(
                "Näytöllä ei ollut yhtään botin viestiä, jonka lähettäjämerkintää olisi voinut "
                "arvioida.",
                "No bot message was on screen to attribute.",
            ),
            evidence=[f"{SCENARIO}/after_first_message"],
        )
    plain, weak, none = [], [], []
    for message in view.bot_messages:
        names = " | ".join([message.label, message.accessible_name, *message.alt_texts])
        if m.find("bot_identity", names):
            plain.append(message)
        elif names.strip(" |"):
            weak.append(message)
        else:
            none.append(message)
    total = len(view.bot_messages)
    names = sorted(
        {n for msg in weak for n in [msg.label, msg.accessible_name, *msg.alt_texts] if n}
    )
    evidence = [f"{SCENARIO}/after_first_message"]
    if none:
        return CheckResult(
            outcome="fail",
            explanation=say(
                f"{len(none)}/{total} botin viestistä puuttuu kokonaan lähettäjän nimi, "
                "saavutettava nimi ja alt-teksti: mikään ei kerro, kuka vastaa.",
                f"{len(none)} of {total} bot messages carry no sender label, "
                "accessible name or alt text at all: nothing tells who is answering.",
            ),
            evidence=evidence,
        )
    if weak:
        return CheckResult(
            outcome="partial",
            explanation=say(
                f"{len(weak)}/{total} botin viestistä on merkitty vain nimellä tai kuvalla, "
                f"joka ei kerro vastaajan olevan botti ({', '.join(map(repr, names))}); logo "
                "tai tuotenimi ei osoita, että vastaus tulee koneelta.",
                f"{len(weak)} of {total} bot messages are attributed only by a label "
                f"or image that does not say 'bot' ({', '.join(map(repr, names))}); a logo or "
                "product name does not show the answer comes from a machine.",
            ),
            evidence=evidence,
            quotes=names,
        )
    return CheckResult(
        outcome="pass",
        explanation=say(
            f"Kaikki botin viestit ({total}) on merkitty botin lähettämiksi.",
            f"All {total} bot messages are labelled as coming from a bot.",
        ),
        evidence=evidence,
    )
