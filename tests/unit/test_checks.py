"""Every outcome of every check, judged on recorded (hand-built) evidence."""

from __future__ import annotations

import pytest
from builders import (
    bot,
    bundle,
    handoff_scenario,
    hit,
    identity_scenario,
    scenario,
    step,
    storage_scenario,
    view,
    walkthrough,
)
from test_deletion_and_geolocation import RETENTION, SCOPE, call, deletion_scenario, geo_scenario

from botaudit.checklist.load import load_checklist
from botaudit.checks.runner import judge, run_criterion
from botaudit.evidence.feedback import FeedbackControls, FeedbackForm
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.next_user import NextUserView
from botaudit.evidence.observations import Exchange, PersonalDataInput
from botaudit.evidence.transcript_download import TranscriptDownload
from botaudit.lexicon import matcher
from botaudit.messages import catalogue

FI = matcher("fi")
EN = matcher("en")
CHECKLIST = load_checklist()
CRITERIA = {c.id: c for _, c in CHECKLIST.criteria()}
# The judgements by their former check names; the generic ones are criteria's YAML now.
NAMES = {
    "bot_identity_before_typing": "transparency.bot-identity-disclosed",
    "message_attribution": "transparency.message-attribution",
    "greeting_states_limits": "accountability.limits-stated",
    "greeting_length": "professionalism.concise-greeting",
    "human_handoff": "accountability.human-handoff",
    "handoff_instruction_in_greeting": "accountability.handoff-instruction-up-front",
    "widget_accessibility_axe": "fairness.automated-accessibility",
    "typed_data_stays_first_party": "privacy.no-third-party-transfer",
    "browser_storage_privacy": "privacy.browser-storage",
    "personal_data_notice_before_input": "privacy.notice-before-input",
    "delete_conversation_clears_browser": "legitimacy.delete-conversation",
    "warns_when_personal_data_typed": "trust-in-authority.warns-on-volunteered-data",
    "shared_computer_warning": "privacy.shared-computer-warning",
    "human_agent_labelled": "transparency.human-agent-labelled",
    "other_channels_named": "fairness.other-channels-named",
    "transcript_download": "legitimacy.transcript-download",
    "unambiguous_self_description": "transparency.unambiguous-self-description",
    "privacy_notice_linked": "legitimacy.privacy-notice-linked",
    "accessibility_statement": "legitimacy.accessibility-statement",
    "public_status_page": "social-licence.public-status-page",
    "organisation_responsibility_stated": "accountability.organisation-responsibility-stated",
    "deletion_scope_explained": "legitimacy.deletion-scope-explained",
    "geolocation_after_user_action": "legitimacy.geolocation-after-user-action",
    "feedback_control": "acceptability.feedback-control",
    "graded_feedback": "acceptability.graded-feedback",
    "widget_keyboard": "fairness.widget-accessibility",
}


def run(name: str, *scenarios, m=FI):  # type: ignore[no-untyped-def]
    """Judge the criterion as an audit would: through the runner, on a hand-built bundle."""
    return run_criterion(CRITERIA[NAMES[name]], bundle(*scenarios), m)


# -- transparency.bot-identity-disclosed -------------------------------------------------


@pytest.mark.parametrize(
    ("greeting", "expected"),
    [
        ("Hei! Olen Kaupunkibotti, tekoälyavustaja.", "pass"),
        ("Hei! Olen OuluBot, oululaisten virtuaalinen avustaja.", "pass"),
        ("Hei! Olen Esimerkkikaupungin chatbot.", "pass"),
        ("Hei! Olen virtuaaliharjoittelija.", "partial"),
        ("Tervetuloa VisitOulun chattiin!", "partial"),
        ("Hei! Olen OuluBot.", "partial"),
        ("Hei! Miten voin auttaa?", "fail"),
    ],
)
def test_disclosure_outcomes(greeting: str, expected: str) -> None:
    result = run("bot_identity_before_typing", identity_scenario(view(bot(greeting))))
    assert result.outcome == expected, result.explain("en")


def test_disclosure_in_alt_text_only_is_partial() -> None:
    before = view(bot("Hei! Miten voin auttaa?", alt=["Chatbot"]), hidden=["Chatbot"])
    result = run("bot_identity_before_typing", identity_scenario(before))
    assert result.outcome == "partial"
    assert "alt text" in result.explain("en")


def test_disclosure_only_after_first_message_fails_and_says_so() -> None:
    record = identity_scenario(view(bot("Hei! Miten voin auttaa?")), first_reply="Olen botti.")
    result = run("bot_identity_before_typing", record)
    assert result.outcome == "fail"
    assert "only after" in result.explain("en")


def test_ai_in_finnish_words_is_not_a_disclosure() -> None:
    # "aina", "aikaa": the English "AI" must be a word of its own, in capitals.
    result = run("bot_identity_before_typing", identity_scenario(view(bot("Autan aina, ai niin."))))
    assert result.outcome == "fail"


def test_english_disclosure() -> None:
    record = identity_scenario(view(bot("Hi! I'm the city's virtual assistant.")))
    assert run("bot_identity_before_typing", record, m=EN).outcome == "pass"


def test_missing_evidence_is_inconclusive_not_fail() -> None:
    failed = scenario("bot-identity", step("before_typing", {}, ok=False, error="timeout"))
    result = run("bot_identity_before_typing", failed)
    assert result.outcome == "inconclusive"
    assert "timeout" in result.explain("en")
    assert run("bot_identity_before_typing").outcome == "inconclusive"


# -- transparency.message-attribution ---------------------------------------------------


@pytest.mark.parametrize(
    ("messages", "expected"),
    [
        ([bot("Hei", label="Chatbot"), bot("Moi", label="Chatbot")], "pass"),
        ([bot("Hei", alt=["OuluBot"]), bot("Moi", alt=["OuluBot"])], "partial"),
        ([bot("Hei", alt=["OuluBot"]), bot("Moi")], "fail"),
    ],
)
def test_message_attribution(messages, expected) -> None:  # type: ignore[no-untyped-def]
    record = identity_scenario(view(*messages))
    assert run("message_attribution", record).outcome == expected


# -- accountability.human-handoff ----------------------------------------------------------


def _greeting() -> object:
    return view(bot("Hei! Olen chatbot."))


@pytest.mark.parametrize(
    ("replies", "expected"),
    [
        ([bot("Siirrän keskustelun asiakaspalvelijalle.")], "pass"),
        ([bot("Hei, täällä asiakaspalvelu.", label="Oulu10")], "pass"),
        ([bot("Hei!", agent=True)], "pass"),
        ([bot("Soita meille: [phone masked], ma–pe klo 8–16.")], "partial"),
        ([bot("Asiakaspalvelumme palvelee kaupungintalon palvelupisteessä.")], "partial"),
        ([bot("Ota yhteyttä", links=["mailto:kirjaamo@example.org"])], "partial"),
        ([bot("En ymmärtänyt. Kokeile kysyä toisin.")], "fail"),
    ],
)
def test_handoff_outcomes(replies, expected) -> None:  # type: ignore[no-untyped-def]
    record = handoff_scenario(_greeting(), Exchange(sent="asiakaspalvelija", replies=replies))
    result = run("human_handoff", record)
    assert result.outcome == expected, result.explain("en")


def test_handoff_bot_label_on_replies_is_not_a_person() -> None:
    # The greeting had no labels, the reply is labelled "Chatbot": still the bot.
    replies = [bot("En ymmärtänyt.", label="Chatbot")]
    record = handoff_scenario(_greeting(), Exchange(sent="ihminen", replies=replies))
    assert run("human_handoff", record).outcome == "fail"


def test_handoff_after_later_attempt_names_the_attempt() -> None:
    record = handoff_scenario(
        _greeting(),
        Exchange(
            sent="Haluan puhua ihmisen kanssa",
            source="lexicon",
            replies=[bot("Pahoittelut, en ymmärtänyt.")],
        ),
        Exchange(
            sent="asiakaspalvelija",
            source="lexicon",
            replies=[bot("Siirrän sinut asiakaspalvelijalle, odota hetki.")],
        ),
    )
    result = run("human_handoff", record)
    assert result.outcome == "pass"
    assert "attempt 2" in result.explain("en")


def test_handoff_without_any_reply_is_inconclusive() -> None:
    record = handoff_scenario(_greeting(), Exchange(sent="asiakaspalvelija", timed_out=True))
    assert run("human_handoff", record).outcome == "inconclusive"


@pytest.mark.parametrize(
    ("greeting", "expected"),
    [
        ("Mikäli haluat jutella ihmiselle, kirjoita 'asiakaspalvelija'.", "pass"),
        ("Asiakaspalvelu: kaupungintalon palvelupiste, ma–pe.", "partial"),
        ("Hei! Olen OuluBot, oululaisten virtuaalinen avustaja.", "fail"),
    ],
)
def test_handoff_instruction_in_greeting(greeting: str, expected: str) -> None:
    record = handoff_scenario(view(bot(greeting)))
    assert run("handoff_instruction_in_greeting", record).outcome == expected


# -- privacy.browser-storage ---------------------------------------------------------------


def test_storage_nothing_stored_passes() -> None:
    assert (
        run("browser_storage_privacy", storage_scenario(warning=False, after_input=[])).outcome
        == "pass"
    )


def test_storage_session_only_with_warning_and_clearing_is_partial() -> None:
    record = storage_scenario(warning=True, after_input=[hit("sessionStorage")], after_end=[])
    result = run("browser_storage_privacy", record)
    assert result.outcome == "partial", result.explain("en")


def test_storage_warning_shown_late_but_before_typing_counts() -> None:
    # A slow bot's greeting part that came after the capture, yet before the citizen typed.
    record = storage_scenario(
        warning=False,
        after_input=[hit("sessionStorage")],
        after_end=[],
        late_greeting=["Älä kirjoita keskusteluun henkilötietoja."],
    )
    result = run("browser_storage_privacy", record)
    assert result.outcome == "partial", result.explain("en")


@pytest.mark.parametrize(
    ("kwargs", "why"),
    [
        ({"warning": False, "after_input": [hit("sessionStorage")], "after_end": []}, "warning"),
        ({"warning": True, "after_input": [hit("sessionStorage")]}, "leaves it"),
        ({"warning": True, "after_input": [hit("sessionStorage")], "control": False}, "no end"),
        ({"warning": True, "after_input": [hit("localStorage")], "after_end": []}, "localStorage"),
        ({"warning": True, "after_input": [hit("cookie", form="url-encoded")]}, "cookie"),
        ({"warning": True, "after_input": [hit("indexedDB", form="base64")]}, "IndexedDB"),
    ],
)
def test_storage_failures(kwargs, why: str) -> None:  # type: ignore[no-untyped-def]
    result = run("browser_storage_privacy", storage_scenario(**kwargs))
    assert result.outcome == "fail"
    assert why in result.explain("en")


def test_storage_without_snapshot_is_inconclusive() -> None:
    record = scenario("storage-privacy", step("personal_data", {"kinds": ["hetu"]}))
    assert run("browser_storage_privacy", record).outcome == "inconclusive"


# -- privacy notice, delete control, warning on volunteered data -------------------------


def test_notice_before_input() -> None:
    assert (
        run(
            "personal_data_notice_before_input", storage_scenario(warning=True, after_input=[])
        ).outcome
        == "pass"
    )
    assert (
        run(
            "personal_data_notice_before_input", storage_scenario(warning=False, after_input=[])
        ).outcome
        == "fail"
    )


@pytest.mark.parametrize(
    ("kwargs", "expected"),
    [
        ({"after_input": [hit("sessionStorage")], "after_end": []}, "pass"),
        ({"after_input": [], "after_end": []}, "pass"),
        ({"after_input": [hit("sessionStorage")]}, "partial"),
        ({"after_input": [], "control": False}, "fail"),
    ],
)
def test_delete_conversation(kwargs, expected: str) -> None:  # type: ignore[no-untyped-def]
    record = storage_scenario(warning=True, **kwargs)
    assert run("delete_conversation_clears_browser", record).outcome == expected


@pytest.mark.parametrize(
    ("replies", "expected"),
    [
        (["Älä lähetä henkilötunnusta chatissa."], "pass"),
        (["Kiitos! Miten voin auttaa?"], "fail"),
        # The user's own words echoed back are not a warning.
        (['Kiitos viestistäsi: "Henkilötunnukseni on [hetu masked]"'], "fail"),
        (['Sanoit: "Henkilötunnukseni on [hetu masked]". Älä lähetä henkilötunnusta.'], "pass"),
        ([], "inconclusive"),
    ],
)
def test_warns_on_volunteered_data(replies: list[str], expected: str) -> None:
    record = storage_scenario(warning=False, after_input=[], replies=replies)
    assert run("warns_when_personal_data_typed", record).outcome == expected


# -- greeting: limits and length ------------------------------------------------------------


def test_greeting_limits() -> None:
    ok = identity_scenario(view(bot("Opin uutta jatkuvasti. Parhaiten ymmärrän lyhyitä lauseita.")))
    assert run("greeting_states_limits", ok).outcome == "pass"
    assert run("greeting_states_limits", identity_scenario(view(bot("Hei!")))).outcome == "fail"
    # "en osaa" is a word: not the end of "kaikkien" before "osaamiemme".
    words = identity_scenario(view(bot("Hei! Kerron kaikkien osaamiemme palvelujen ajat.")))
    assert run("greeting_states_limits", words).outcome == "fail"
    assert (
        run("greeting_states_limits", identity_scenario(view(bot("En osaa kaikkea.")))).outcome
        == "pass"
    )


# METKU 2022, Lisäselvitys 2, 4.2.3: "aloitusdialogin selkeyttä vähentää tekstin runsaus".
STUDY_GREETING = [
    "Hei! Olen OuluBot, oululaisten virtuaalinen avustaja.",
    "Parhaiten osaan vastata yleisimpiin Oulun kaupungin palveluihin liittyviin kysymyksiin. "
    "Opin uutta jatkuvasti, ja voit antaa minulle palautetta kun suljet chatin. "
    "Parhaiten ymmärrän lyhyitä lauseita.",
    "Ethän kirjoita keskusteluun henkilötietoja, esim. henkilötunnusta tai tietoja terveydestäsi.",
]


def test_the_greeting_the_study_finds_too_long_is_not_concise() -> None:
    record = identity_scenario(view(*[bot(t) for t in STUDY_GREETING]))
    result = run("greeting_length", record)
    assert result.outcome == "partial", result.explanation.en


@pytest.mark.parametrize(
    ("words", "expected"),
    [(10, "pass"), (25, "pass"), (26, "partial"), (50, "partial"), (51, "fail"), (120, "fail")],
)
def test_greeting_length(words: int, expected: str) -> None:
    record = identity_scenario(view(bot(" ".join(["sana"] * words))))
    assert run("greeting_length", record).outcome == expected


def test_greeting_length_without_greeting_is_not_applicable() -> None:
    assert run("greeting_length", identity_scenario(view())).outcome == "not_applicable"


# -- fairness.automated-accessibility ------------------------------------------------------


def _scan(*impacts: str):  # type: ignore[no-untyped-def]
    from botaudit.evidence.observations import AccessibilityScan, AxeViolation

    violations = [
        AxeViolation(id=f"rule-{i}", impact=imp, nodes=1) for i, imp in enumerate(impacts)
    ]
    data = AccessibilityScan(engine="axe-core 4", scope="#chat", violations=violations)
    return scenario("bot-identity", step("accessibility", data, kind="accessibility_scan"))


@pytest.mark.parametrize(
    ("impacts", "expected"),
    [((), "pass"), (("minor", "moderate"), "partial"), (("moderate", "critical"), "fail")],
)
def test_automated_accessibility(impacts: tuple[str, ...], expected: str) -> None:
    result = run("widget_accessibility_axe", _scan(*impacts))
    assert result.outcome == expected, result.explain("en")


# -- privacy.no-third-party-transfer --------------------------------------------------------


def _traffic(*hosts: tuple[str, bool, list[str]]):  # type: ignore[no-untyped-def]
    from botaudit.evidence.observations import HostTraffic, NetworkTraffic

    data = NetworkTraffic(
        first_party_hosts=["kaupunki.example.fi"],
        hosts=[
            HostTraffic(
                host=h, requests=1, first_party=fp, probes=pr, forms=["plain"] if pr else []
            )
            for h, fp, pr in hosts
        ],
    )
    return scenario(
        "storage-privacy",
        step("personal_data", {"kinds": ["hetu"]}, kind="send_personal_data"),
        step("traffic", data, kind="network_traffic"),
    )


def _agent(bot_label: str, agent_label: str | None, agent: bool = False) -> ScenarioRecord:
    """A handoff whose reply comes from the bot and, unless `agent_label` is None, a person."""
    greeting = view(bot("Hei! Olen chatbot.", label=bot_label))
    replies = [bot("Siirrän sinut asiakaspalvelijalle.", label=bot_label)]
    if agent_label is not None:
        replies.append(bot("Hei, miten voin auttaa?", label=agent_label, agent=agent))
    return handoff_scenario(greeting, Exchange(sent="asiakaspalvelija", replies=replies))


def _transcript(found: bool, shown: list[str] | None = None, size: int = 120) -> ScenarioRecord:
    data = TranscriptDownload(
        found=found,
        label="Lataa keskustelu",
        size_bytes=size if found else 0,
        holds_conversation=found and size > 0,
        typed_data_shown=shown or [],
        excerpt="Sinä: Henkilötunnukseni on [hetu masked]",
    )
    return scenario("next-user", step("transcript", data))


def _form(where: str, scale: str = "binary", text: bool = False, seen: bool = True) -> FeedbackForm:
    levels = {"graded": 5, "binary": 2}.get(scale, 0)
    return FeedbackForm(
        where=where,
        scale=scale,
        levels=levels,
        text_field=text,
        inspected=seen,  # type: ignore[arg-type]
    )


def _feedback(*forms: FeedbackForm, close: str = "clicked") -> ScenarioRecord:
    data = FeedbackControls(forms=list(forms), close=close)  # type: ignore[arg-type]
    return scenario("bot-identity", step("feedback", data, kind="find_feedback"))


def _keyboard(**changes: object) -> ScenarioRecord:
    """A keyboard walkthrough where everything worked, with `changes` applied."""
    data = walkthrough(**changes)
    return scenario("keyboard", step("keyboard", data, kind="keyboard_walkthrough"))


def _next_user(shown: list[str] | None = None, notice: str = "Hei!") -> ScenarioRecord:
    seen = NextUserView(how="back", conversation_shown=True, typed_data_shown=shown or [])
    return scenario(
        "next-user",
        step("before_input", view(bot(notice))),
        step("personal_data", PersonalDataInput(kinds=["hetu"])),
        step("after_back", seen),
    )


@pytest.mark.parametrize(
    ("hosts", "expected"),
    [
        ([("kaupunki.example.fi", True, ["hetu"]), ("cdn.example.net", False, [])], "pass"),
        (
            [("kaupunki.example.fi", True, ["hetu"]), ("stats.example.com", False, ["email"])],
            "fail",
        ),
        ([("kaupunki.example.fi", True, [])], "inconclusive"),
    ],
)
def test_typed_data_stays_first_party(hosts, expected: str) -> None:  # type: ignore[no-untyped-def]
    result = run("typed_data_stays_first_party", _traffic(*hosts))
    assert result.outcome == expected, result.explain("en")
    if expected == "fail":
        assert "stats.example.com" in result.explain("en") and "vendor_hosts" in result.explain(
            "en"
        )


# -- explanations in both report languages -------------------------------------------------

_NO_HELP = "En ymmärtänyt. Kokeile kysyä toisin."


# (check, evidence, expected outcome): every check, most of its outcomes.
def _said(greeting: str) -> ScenarioRecord:
    return identity_scenario(view(bot(greeting)))


def _linked(text: str, page: str = "") -> ScenarioRecord:
    return identity_scenario(view(bot("Hei!"), links={text: "/page/"}), pages={text: page})


BILINGUAL = [
    ("bot_identity_before_typing", identity_scenario(view(bot("Hei! Olen chatbot."))), "pass"),
    ("bot_identity_before_typing", identity_scenario(view(bot("Hei! Olen OuluBot."))), "partial"),
    (
        "bot_identity_before_typing",
        identity_scenario(view(bot("Hei!")), first_reply="Olen botti."),
        "fail",
    ),
    ("bot_identity_before_typing", identity_scenario(view(bot("Hei!"))), "fail"),
    ("message_attribution", identity_scenario(view(bot("Hei", label="Chatbot"))), "pass"),
    ("message_attribution", identity_scenario(view(bot("Hei", alt=["OuluBot"]))), "partial"),
    ("message_attribution", identity_scenario(view(bot("Hei"))), "fail"),
    ("message_attribution", identity_scenario(view()), "inconclusive"),
    (
        "human_handoff",
        handoff_scenario(
            view(bot("Hei!")), Exchange(sent="ihminen", replies=[bot("Hei!", agent=True)])
        ),
        "pass",
    ),
    (
        "human_handoff",
        handoff_scenario(
            _greeting(),
            Exchange(sent="asiakaspalvelija", replies=[bot("Siirrän asiakaspalvelijalle.")]),
        ),
        "pass",
    ),
    (
        "human_handoff",
        handoff_scenario(
            _greeting(),
            Exchange(sent="ihminen", replies=[bot("Soita meille: [phone masked].")]),
        ),
        "partial",
    ),
    (
        "human_handoff",
        handoff_scenario(_greeting(), Exchange(sent="ihminen", replies=[bot(_NO_HELP)])),
        "fail",
    ),
    (
        "human_handoff",
        handoff_scenario(_greeting(), Exchange(sent="ihminen", timed_out=True)),
        "inconclusive",
    ),
    (
        "handoff_instruction_in_greeting",
        handoff_scenario(view(bot("Jos haluat jutella ihmiselle, kirjoita 'asiakaspalvelija'."))),
        "pass",
    ),
    (
        "handoff_instruction_in_greeting",
        handoff_scenario(view(bot("Asiakaspalvelu: kaupungintalon palvelupiste, ma–pe."))),
        "partial",
    ),
    ("handoff_instruction_in_greeting", handoff_scenario(view(bot("Hei!"))), "fail"),
    ("browser_storage_privacy", storage_scenario(warning=False, after_input=[]), "pass"),
    (
        "browser_storage_privacy",
        storage_scenario(warning=True, after_input=[hit("sessionStorage")], after_end=[]),
        "partial",
    ),
    (
        "browser_storage_privacy",
        storage_scenario(warning=False, after_input=[hit("sessionStorage")]),
        "fail",
    ),
    (
        "browser_storage_privacy",
        storage_scenario(warning=True, after_input=[hit("localStorage", form="plain+md5")]),
        "fail",
    ),
    ("personal_data_notice_before_input", storage_scenario(warning=True, after_input=[]), "pass"),
    ("personal_data_notice_before_input", storage_scenario(warning=False, after_input=[]), "fail"),
    (
        "delete_conversation_clears_browser",
        storage_scenario(warning=True, after_input=[hit("sessionStorage")], after_end=[]),
        "pass",
    ),
    (
        "delete_conversation_clears_browser",
        storage_scenario(warning=True, after_input=[], after_end=[]),
        "pass",
    ),
    (
        "delete_conversation_clears_browser",
        storage_scenario(warning=True, after_input=[hit("cookie")]),
        "partial",
    ),
    (
        "delete_conversation_clears_browser",
        storage_scenario(warning=True, after_input=[], control=False),
        "fail",
    ),
    (
        "warns_when_personal_data_typed",
        storage_scenario(warning=False, after_input=[], replies=["Älä lähetä henkilötunnusta."]),
        "pass",
    ),
    (
        "warns_when_personal_data_typed",
        storage_scenario(warning=False, after_input=[], replies=["Kiitos!"]),
        "fail",
    ),
    (
        "warns_when_personal_data_typed",
        storage_scenario(warning=False, after_input=[], replies=[]),
        "inconclusive",
    ),
    ("greeting_states_limits", identity_scenario(view(bot("Opin uutta jatkuvasti."))), "pass"),
    ("greeting_states_limits", identity_scenario(view(bot("Hei!"))), "fail"),
    ("greeting_length", identity_scenario(view(bot("Hei! Miten voin auttaa?"))), "pass"),
    ("greeting_length", identity_scenario(view(bot(" ".join(["sana"] * 40)))), "partial"),
    ("greeting_length", identity_scenario(view()), "not_applicable"),
    ("widget_accessibility_axe", _scan(), "pass"),
    ("widget_accessibility_axe", _scan("minor", None), "partial"),  # type: ignore[arg-type]
    ("widget_accessibility_axe", _scan("critical"), "fail"),
    ("typed_data_stays_first_party", _traffic(("a.fi", True, ["hetu"])), "pass"),
    ("typed_data_stays_first_party", _traffic(("b.com", False, ["hetu"])), "fail"),
    ("typed_data_stays_first_party", _traffic(("a.fi", True, [])), "inconclusive"),
    ("shared_computer_warning", _next_user(), "pass"),
    ("human_agent_labelled", _agent("Chatbot", "Asiakaspalvelija (ihminen)"), "pass"),
    ("human_agent_labelled", _agent("", "Oulu10"), "partial"),
    ("human_agent_labelled", _agent("", "", agent=True), "fail"),
    ("human_agent_labelled", _agent("Chatbot", None), "inconclusive"),
    ("other_channels_named", identity_scenario(view(bot("Soita: [phone masked]"))), "pass"),
    ("other_channels_named", identity_scenario(view(bot("Hei!"))), "fail"),
    ("transcript_download", _transcript(found=True), "pass"),
    ("transcript_download", _transcript(found=True, shown=["hetu"]), "partial"),
    ("transcript_download", _transcript(found=False), "fail"),
    ("transcript_download", _transcript(found=True, size=0), "inconclusive"),
    ("shared_computer_warning", _next_user(["hetu"], "Yhteiskäyttöisellä koneella…"), "partial"),
    ("shared_computer_warning", _next_user(["hetu"]), "fail"),
    ("unambiguous_self_description", _said("Olen chatbot."), "pass"),
    ("unambiguous_self_description", _said("Olen harjoittelija."), "fail"),
    ("unambiguous_self_description", _said("Tervetuloa chattiin"), "partial"),
    ("privacy_notice_linked", _linked("Tietosuojaseloste", "Chatbotin rekisteri"), "pass"),
    ("privacy_notice_linked", _linked("Tietosuojaseloste", "Sivuston evästeet"), "partial"),
    ("privacy_notice_linked", _said("Katso tietosuojaseloste"), "partial"),
    ("privacy_notice_linked", _said("Hei!"), "fail"),
    ("accessibility_statement", _linked("Saavutettavuusseloste", "WCAG 2.1 AA"), "pass"),
    ("accessibility_statement", _said("Hei!"), "fail"),
    ("public_status_page", _linked("Tietoa chatbotista", "Ratkaisee 60 % kysymyksistä"), "pass"),
    ("public_status_page", _said("Hei!"), "fail"),
    ("organisation_responsibility_stated", _said("Vastuu neuvoista on kaupungilla."), "pass"),
    ("organisation_responsibility_stated", _linked("Tietoa", "Kunta vastaa neuvoista."), "pass"),
    ("organisation_responsibility_stated", _said("Vastaan kysymyksiin."), "fail"),
    # Every outcome of these two: test_deletion_and_geolocation.py.
    ("deletion_scope_explained", deletion_scenario(f"{SCOPE} {RETENTION}"), "pass"),
    ("geolocation_after_user_action", geo_scenario(call("open_page", False)), "fail"),
    ("feedback_control", _feedback(_form("per_answer")), "pass"),
    ("feedback_control", _feedback(_form("on_close")), "partial"),
    ("feedback_control", _feedback(), "fail"),
    ("feedback_control", _feedback(close="failed"), "inconclusive"),
    ("graded_feedback", _feedback(_form("anytime", "graded", text=True)), "pass"),
    ("graded_feedback", _feedback(_form("on_close", text=True)), "partial"),
    ("graded_feedback", _feedback(_form("per_answer")), "fail"),
    ("graded_feedback", _feedback(_form("anytime", "none", seen=False)), "inconclusive"),
    ("widget_keyboard", _keyboard(), "pass"),
    ("widget_keyboard", _keyboard(announced=False), "partial"),
    ("widget_keyboard", _keyboard(launcher="not_reached", opened_with=None), "fail"),
    ("widget_keyboard", _keyboard(message_sent=None), "inconclusive"),
]


@pytest.mark.parametrize(
    ("name", "record", "expected"),
    BILINGUAL,
    ids=[f"{name}-{expected}-{i}" for i, (name, _, expected) in enumerate(BILINGUAL)],
)
def test_explanation_is_in_every_language(name: str, record, expected: str) -> None:  # type: ignore[no-untyped-def]
    result = run(name, record)
    assert result.outcome == expected, result.explain("en")
    fi, en, sv = result.explain("fi"), result.explain("en"), result.explain("sv")
    assert fi.strip() and en.strip() and sv.strip()
    assert len({fi, en, sv}) == 3


def test_every_judged_criterion_has_an_explanation_case() -> None:
    assert {name for name, _, _ in BILINGUAL} == set(NAMES)
    # Criteria judged from other kinds of evidence have their own tests:
    # self_assessed in tests/unit/test_assessment.py, transcripts in test_transcripts_*.
    # Conversation criteria have their cases in test_conversation_criteria.py.
    browser = {c.id for c in CRITERIA.values() if c.check and c.evidence == "browser"}
    assert set(NAMES.values()) == browser


def test_runner_explanations_are_in_every_language() -> None:
    """Missing scenarios and steps, and criteria without a check, explain in every language."""
    failed = scenario("bot-identity", step("before_typing", {}, ok=False, error="timeout"))
    messages = [j.result.message for j in judge(bundle(failed), CHECKLIST, FI)]
    messages.append(run("human_handoff").message)
    texts = [catalogue().text(m) for m in messages]
    assert any("timeout" in text.fi for text in texts)
    for text in texts:
        assert text.sv and len({text.fi, text.en, text.sv}) == 3, text.en


def test_malformed_evidence_is_inconclusive_not_a_crash() -> None:
    # A step recorded as done but whose data do not fit (another version, hand-edited).
    broken = scenario("bot-identity", step("before_typing", {"visible_text": 42}))
    result = run("bot_identity_before_typing", broken)
    assert result.outcome == "inconclusive"
    assert "malformed" in result.explain("en")


# -- Swedish ---------------------------------------------------------------------------------

SV = matcher("sv")


@pytest.mark.parametrize(
    ("greeting", "expected"),
    [
        ("Hej! Jag är stadens chattbot.", "pass"),
        ("Hej! Jag är en AI-assistent.", "pass"),
        ("Välkommen till chatten!", "partial"),
        ("Hej! Hur kan jag hjälpa dig?", "fail"),
    ],
)
def test_swedish_disclosure(greeting: str, expected: str) -> None:
    record = identity_scenario(view(bot(greeting)), first_reply="Tyvärr förstod jag inte.")
    assert run("bot_identity_before_typing", record, m=SV).outcome == expected


def test_swedish_handoff_and_instruction() -> None:
    greeting = view(bot("Vill du prata med en människa, skriv 'kundtjänst'."))
    live = Exchange(sent="kundtjänst", replies=[bot("Jag kopplar dig vidare till en handläggare.")])
    channel = Exchange(sent="människa", replies=[bot("Ring oss mån–fre kl. 8–16.")])
    assert run("human_handoff", handoff_scenario(greeting, live), m=SV).outcome == "pass"
    assert run("human_handoff", handoff_scenario(greeting, channel), m=SV).outcome == "partial"
    instruction = run("handoff_instruction_in_greeting", handoff_scenario(greeting), m=SV)
    assert instruction.outcome == "pass" and instruction.quotes == ["kundtjänst"]
