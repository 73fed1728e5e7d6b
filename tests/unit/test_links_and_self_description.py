"""The widget's links (privacy notice, accessibility statement, a page about the bot) and
the bot's self-description, judged on recorded evidence as an audit would."""

from __future__ import annotations

import pytest
from builders import bot, bundle, identity_scenario, view

from botaudit.checklist.load import load_checklist
from botaudit.checks.runner import run_criterion
from botaudit.lexicon import matcher

CRITERIA = {c.id: c for _, c in load_checklist().criteria()}
SELF = "transparency.unambiguous-self-description"
PRIVACY = "legitimacy.privacy-notice-linked"
ACCESSIBILITY = "legitimacy.accessibility-statement"
STATUS = "social-licence.public-status-page"


def judge(criterion: str, scenario, lang: str = "fi"):  # type: ignore[no-untyped-def]
    return run_criterion(CRITERIA[criterion], bundle(scenario, language=lang), matcher(lang))


@pytest.mark.parametrize(
    ("greeting", "first_reply", "expected"),
    [
        # The study's greetings (METKU 2022, Lisäselvitys 2, 4.2.3 and 4.2.4).
        ("Hei! Olen OuluBot, oululaisten virtuaalinen avustaja.", "Hei!", "pass"),
        ("Hei! Olen OuluBot, virtuaalinen asiakaspalvelijasi. Kuinka voin auttaa?", "", "fail"),
        ("Olen vasta harjoittelija ja osaan vastata kysymyksiin.", "", "fail"),
        ("Asiointi chatissa on nimetöntä.", "", "partial"),
        # A plain bot term next to person-like wording is mixed: partial.
        ("Olen kaupungin chatbot ja virtuaalinen asiakaspalvelijasi.", "", "partial"),
        # Person-like wording only in the first reply still counts against it.
        ("Olen Kaupunkibotti.", "Olen harjoittelija, kysy rohkeasti.", "partial"),
        # Nothing says what answers.
        ("Hei! Miten voin auttaa?", "Mitä haluaisit kysyä?", "fail"),
        # A customer-service handoff instruction is not a self-description.
        ("Olen chatbot. Jos haluat ihmisen, kirjoita 'asiakaspalvelija'.", "", "pass"),
    ],
)
def test_self_description(greeting: str, first_reply: str, expected: str) -> None:
    result = judge(SELF, identity_scenario(view(bot(greeting)), first_reply=first_reply))
    assert result.outcome == expected, result.explain("en")


def test_self_description_quotes_the_person_like_line() -> None:
    greeting = "Hei! Olen OuluBot, virtuaalinen asiakaspalvelijasi."
    result = judge(SELF, identity_scenario(view(bot(greeting), extra_text="Chat")))
    assert result.quotes == [greeting]
    assert "asiakaspalvelijasi" in result.explain("en")


def test_self_description_english_and_swedish() -> None:
    en = identity_scenario(view(bot("Hi! I am your virtual agent.")), first_reply="")
    assert judge(SELF, en, "en").outcome == "fail"
    sv = identity_scenario(view(bot("Hej! Jag är stadens chattbot.")), first_reply="")
    assert judge(SELF, sv, "sv").outcome == "pass"


@pytest.mark.parametrize(
    ("criterion", "links", "text", "expected"),
    [
        (PRIVACY, {"Tietosuojaseloste": "/tietosuoja/"}, "", "pass"),
        (PRIVACY, {"Tietosuojakäytäntö": "https://kunta.fi/tietosuoja"}, "", "pass"),
        (PRIVACY, {}, "Lue tietosuojaseloste kaupungin sivuilta.", "partial"),
        (PRIVACY, {"Palaute": "/palaute/"}, "", "fail"),
        (ACCESSIBILITY, {"Saavutettavuusseloste": "/s/"}, "", "pass"),
        (ACCESSIBILITY, {}, "Saavutettavuusseloste on kaupungin sivuilla.", "partial"),
        (ACCESSIBILITY, {"Tietosuojaseloste": "/t/"}, "", "fail"),
        (STATUS, {"Tietoa chatbotista": "/botti/"}, "", "pass"),
        (STATUS, {}, "Tietoa botista löydät kaupungin sivuilta.", "partial"),
        (STATUS, {"Saavutettavuusseloste": "/s/"}, "", "fail"),
    ],
)
def test_linked_pages(criterion: str, links: dict[str, str], text: str, expected: str) -> None:
    result = judge(criterion, identity_scenario(view(bot("Hei!"), extra_text=text, links=links)))
    assert result.outcome == expected, result.explain("en")
    if expected == "pass":
        assert result.quotes == list(links)


def test_linked_pages_in_english_and_swedish() -> None:
    en = identity_scenario(view(links={"Privacy notice": "/p", "About this bot": "/b"}))
    assert judge(PRIVACY, en, "en").outcome == "pass"
    assert judge(STATUS, en, "en").outcome == "pass"
    sv = identity_scenario(view(links={"Tillgänglighetsutlåtande": "/t"}))
    assert judge(ACCESSIBILITY, sv, "sv").outcome == "pass"
    assert judge(PRIVACY, sv, "sv").outcome == "fail"


def test_linked_pages_without_the_capture_are_inconclusive() -> None:
    from builders import scenario

    result = judge(PRIVACY, scenario("bot-identity"))
    assert result.outcome == "inconclusive"
