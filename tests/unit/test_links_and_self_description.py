"""The widget's links (privacy notice, accessibility statement, a page about the bot) and
the bot's self-description, judged on recorded evidence as an audit would."""

from __future__ import annotations

import pytest
from builders import bot, bundle, identity_scenario, scenario, step, view

from botaudit.checklist.load import load_checklist
from botaudit.checks.runner import run_criterion
from botaudit.evidence.linked_pages import LinkedPage, LinkedPages
from botaudit.gather.linked_pages import page_text
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


GOOD_PRIVACY = "Rekisterinpitäjä: kaupunki. Chatbotin keskustelut säilytetään 30 päivää."
GENERIC_PRIVACY = "Tietoa sivustosta www.ouka.fi. Sivusto käyttää evästeitä."  # 4.2.4


@pytest.mark.parametrize(
    ("criterion", "links", "text", "expected"),
    [
        (PRIVACY, {"Tietosuojaseloste": GOOD_PRIVACY}, "", "pass"),
        # OuluBot: the link leads to a generic page about the website (4.2.4 Legitiimiys).
        (PRIVACY, {"Tietosuojakäytäntö": GENERIC_PRIVACY}, "", "partial"),
        (PRIVACY, {}, "Lue tietosuojaseloste kaupungin sivuilta.", "partial"),
        (PRIVACY, {"Palaute": GOOD_PRIVACY}, "", "fail"),
        (ACCESSIBILITY, {"Saavutettavuusseloste": "Arvioitu: WCAG 2.1 AA, 1.2.2025."}, "", "pass"),
        # OuluBot's statement: "täyttää kaikki vaatimukset", no standard (footnote 12).
        (ACCESSIBILITY, {"Saavutettavuusseloste": "Täyttää kaikki vaatimukset."}, "", "partial"),
        (ACCESSIBILITY, {}, "Saavutettavuusseloste on kaupungin sivuilla.", "partial"),
        (ACCESSIBILITY, {"Tietosuojaseloste": "WCAG 2.1"}, "", "fail"),
        (STATUS, {"Tietoa chatbotista": "Botti ratkaisee 61 % kysymyksistä."}, "", "pass"),
        (STATUS, {"Tietoa chatbotista": "Kehitysvaihe: pilotti."}, "", "partial"),
        (STATUS, {}, "Tietoa botista löydät kaupungin sivuilta.", "partial"),
        (STATUS, {"Saavutettavuusseloste": "61 % kysymyksistä"}, "", "fail"),
    ],
)
def test_linked_pages(criterion: str, links: dict[str, str], text: str, expected: str) -> None:
    widget = view(bot("Hei!"), extra_text=text, links={t: f"/{i}/" for i, t in enumerate(links)})
    result = judge(criterion, identity_scenario(widget, pages=links))
    assert result.outcome == expected, result.explain("en")
    if expected == "pass":
        assert result.quotes[0] == next(iter(links))


def test_a_link_whose_page_could_not_be_read_is_partial_with_the_reason() -> None:
    widget = view(bot("Hei!"), links={"Tietosuojaseloste": "/t/"})
    record = scenario(
        "bot-identity",
        step("before_typing", widget),
        step(
            "linked_pages",
            LinkedPages(pages=[LinkedPage(text="Tietosuojaseloste", href="/t/", error="404")]),
            kind="read_linked_pages",
        ),
    )
    result = judge(PRIVACY, record)
    assert result.outcome == "partial" and "404" in result.explain("en")


def test_linked_pages_in_english_and_swedish() -> None:
    links = {"Privacy notice": "How the chatbot uses data", "About this bot": "resolves 55%"}
    en = identity_scenario(view(links=dict.fromkeys(links, "/p")), pages=links)
    assert judge(PRIVACY, en, "en").outcome == "pass"
    assert judge(STATUS, en, "en").outcome == "pass"
    sv = identity_scenario(
        view(links={"Tillgänglighetsutlåtande": "/t"}), pages={"Tillgänglighetsutlåtande": "WCAG"}
    )
    assert judge(ACCESSIBILITY, sv, "sv").outcome == "pass"
    assert judge(PRIVACY, sv, "sv").outcome == "fail"


def test_linked_pages_without_the_step_are_inconclusive() -> None:
    result = judge(PRIVACY, scenario("bot-identity", step("before_typing", view())))
    assert result.outcome == "inconclusive"


def test_page_text_leaves_out_scripts_and_keeps_the_title() -> None:
    html = "<html><head><title>Seloste</title><script>var chatbot=1</script></head>"
    html += "<body><h1>Tietosuoja</h1><style>p{}</style><p>Teksti</p></body></html>"
    assert page_text(html) == ("Seloste", "Tietosuoja\nTeksti")


RESPONSIBILITY = "accountability.organisation-responsibility-stated"


@pytest.mark.parametrize(
    ("widget_text", "about_page", "expected"),
    [
        ("Vastuu chatbotin neuvoista on kaupungilla.", "", "pass"),
        ("", "Esimerkkikaupunki vastaa chatbotin antamasta neuvonnasta.", "pass"),
        # "vastaa" also means "answers": the bot answering questions is no responsibility.
        ("Botti vastaa neuvontakysymyksiin.", "Vastaan kysymyksiin ympäri vuorokauden.", "fail"),
        # The study's main greeting: learning, but no word of the city's responsibility.
        ("Opin uutta jatkuvasti, ja voit antaa minulle palautetta kun suljet chatin.", "", "fail"),
    ],
)
def test_organisation_responsibility(widget_text: str, about_page: str, expected: str) -> None:
    widget = view(bot(widget_text), links={"Tietoa chatbotista": "/b/"})
    record = identity_scenario(widget, pages={"Tietoa chatbotista": about_page})
    result = judge(RESPONSIBILITY, record)
    assert result.outcome == expected, result.explain("en")


def test_organisation_responsibility_in_english() -> None:
    record = identity_scenario(view(bot("The city is responsible for the advice given.")))
    assert judge(RESPONSIBILITY, record, "en").outcome == "pass"
