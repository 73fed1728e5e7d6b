"""What the widget tells and offers about personal data: a notice before input, a delete
control that really clears the browser copy, a warning when a citizen volunteers data."""

from __future__ import annotations

from botaudit.checks.base import CheckResult, check, say
from botaudit.checks.storage_privacy import (
    NO_CONTROL,
    SCENARIO,
    end_control,
    places_fi,
    snapshot_at,
    warned_before_input,
)
from botaudit.echo import without_echo
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.observations import PersonalDataInput, WidgetView
from botaudit.lexicon import Matcher


@check(
    "personal_data_notice_before_input",
    scenario=SCENARIO,
    steps=("before_input",),
    summary="A personal-data notice is visible before the first input.",
)
def personal_data_notice_before_input(record: ScenarioRecord, m: Matcher) -> CheckResult:
    view = record.required("before_input", WidgetView)
    warning = warned_before_input(record, m)
    evidence = [f"{SCENARIO}/before_input"]
    if warning:
        lines = [
            ln.strip()
            for ln in view.visible_text.splitlines()
            if any(w.lower() in ln.lower() for w in warning)
        ]
        return CheckResult(
            outcome="pass",
            explanation=say(
                "Ennen kuin käyttäjä kirjoittaa mitään, chat-ikkuna kertoo henkilötietojen "
                f"käsittelystä ({', '.join(map(repr, warning))}).",
                "Before the first input the widget tells the user about personal "
                f"data ({', '.join(map(repr, warning))}).",
            ),
            evidence=evidence,
            quotes=lines[:3],
        )
    hidden = m.find("personal_data_warning", " | ".join(view.hidden_names))
    if hidden:
        return CheckResult(
            outcome="partial",
            explanation=say(
                "Henkilötietoja koskeva ilmoitus on vain saavutettavana nimenä tai linkin "
                f"otsikkona ({', '.join(map(repr, hidden))}), ei näkyvänä tekstinä.",
                "A personal-data notice exists only as an accessible name or link "
                f"title ({', '.join(map(repr, hidden))}), not as visible text.",
            ),
            evidence=evidence,
        )
    return CheckResult(
        outcome="fail",
        explanation=say(
            "Mikään ennen ensimmäistä syötettä näkyvä ei kehota jättämään henkilötietoja "
            "kirjoittamatta eikä kerro, miten chat käsittelee niitä.",
            "Nothing visible before the first input tells the user not to type "
            "personal data or how the chat handles it.",
        ),
        evidence=evidence,
    )


@check(
    "delete_conversation_clears_browser",
    scenario=SCENARIO,
    steps=("end_conversation", "storage_after_end"),
    summary="An end/delete-conversation control exists and clears the browser copy.",
)
def delete_conversation_clears_browser(record: ScenarioRecord, m: Matcher) -> CheckResult:
    end = end_control(record)
    after = snapshot_at(record, "storage_after_end")
    before = snapshot_at(record, "storage_after_input")
    evidence = [f"{SCENARIO}/end_conversation", f"{SCENARIO}/storage_after_end"]
    if end is None or after is None:
        return CheckResult(
            outcome="inconclusive",
            explanation=say("Todisteet puuttuvat.", "Evidence missing."),
            evidence=evidence,
        )
    if not end.found:
        return CheckResult(
            outcome="fail",
            explanation=say(
                "Keskustelun lopetus- tai poistopainiketta ei löytynyt "
                f"({_detail_fi(end.detail)}).",
                f"No end/delete-conversation control was found ({end.detail}).",
            ),
            evidence=evidence,
        )
    label = end.labels[0] if end.labels else "the control"
    control_fi = f"Painike '{end.labels[0]}'" if end.labels else "Painike"
    if after.hits:
        areas = sorted({h.area for h in after.hits})
        return CheckResult(
            outcome="partial",
            explanation=say(
                f"{control_fi} on olemassa, mutta kirjoitetut henkilötiedot ovat sen käytön "
                f"jälkeenkin yhä tallessa. {places_fi(areas)}.",
                f"'{label}' exists, but the typed personal data is still in "
                f"{', '.join(areas)} after using it.",
            ),
            evidence=evidence,
        )
    had = bool(before and before.hits)
    return CheckResult(
        outcome="pass",
        explanation=say(
            f"{control_fi} on olemassa"
            + (
                " ja se poisti kirjoitetut henkilötiedot selaimen tallennustilasta."
                if had
                else "; selaimen tallennustilassa ei alun perinkään ollut kirjoitettuja "
                "tietoja, eikä niitä ole painikkeen käytön jälkeenkään."
            ),
            f"'{label}' exists"
            + (
                " and removed the typed personal data from browser storage."
                if had
                else "; nothing typed was in browser storage to begin with, and none is after it."
            ),
        ),
        evidence=evidence,
    )


def _detail_fi(detail: str) -> str:
    """The recorded search detail, in Finnish where it is the gatherer's own wording."""
    if detail.startswith(NO_CONTROL):
        return "etsityt nimet: " + detail.removeprefix(NO_CONTROL)
    return detail


@check(
    "warns_when_personal_data_typed",
    scenario=SCENARIO,
    steps=("personal_data",),
    summary="When a user volunteers an identity code, the bot warns.",
)
def warns_when_personal_data_typed(record: ScenarioRecord, m: Matcher) -> CheckResult:
    data = record.required("personal_data", PersonalDataInput)
    replies = [r.text for e in data.exchanges for r in e.replies]
    evidence = [f"{SCENARIO}/personal_data"]
    if not replies:
        return CheckResult(
            outcome="inconclusive",
            explanation=say(
                "Botti ei vastannut viestiin, jossa oli henkilötietoja.",
                "The bot did not answer the message with personal data.",
            ),
            evidence=evidence,
        )
    # The user's own words echoed back are not a warning (`botaudit.echo`).
    own = [without_echo(r.text, e.sent) for e in data.exchanges for r in e.replies]
    warning = m.find("personal_data_warning", " ".join(own))
    if warning:
        return CheckResult(
            outcome="pass",
            explanation=say(
                "Botti reagoi henkilötunnukseen varoittamalla henkilötietojen antamisesta "
                f"({', '.join(map(repr, warning))}).",
                "The bot reacted to the identity code with a personal-data warning "
                f"({', '.join(map(repr, warning))}).",
            ),
            evidence=evidence,
            quotes=replies[:2],
        )
    return CheckResult(
        outcome="fail",
        explanation=say(
            "Botti vastasi viestiin, jossa oli henkilötunnus, puhelinnumero ja "
            "sähköpostiosoite, varoittamatta lainkaan henkilötietojen antamisesta.",
            "The bot answered the message with an identity code, phone number and "
            "e-mail address without any personal-data warning.",
        ),
        evidence=evidence,
        quotes=replies[:2],
    )
