"""The demo chatbot's behaviours, written down as data.

The bundled demo gives botaudit something real to drive in a browser: one widget script
(`static/widget.js`) configured per profile (see `server.client_config`) and a keyword-matching
backend (`Profile.respond`). Three profiles span the range an auditor must tell apart: `good`
(discloses, warns, redacts, hands off), `bad` (none of that, and keeps everything in
localStorage and a cookie) and `oulubot-2022` (the City of Oulu's OuluBot as the METKU 2022
study describes it, with its two deployments greeting differently). `slow` is `good` with
late, streamed, split replies (`Pacing`): the same verdicts must come out of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

# Personal-data patterns, shared by the server (to warn) and the widget (to redact): Python
# and JavaScript read these sources the same way, so the two cannot drift apart.
PII_PATTERNS: dict[str, str] = {
    "hetu": r"\b\d{6}[-+A-FU-Y]\d{3}[0-9A-Y]\b",
    "email": r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+",
    "iban": r"\bFI\d{2}(?: ?\d{4}){3} ?\d{2}\b",
    "phone": r"(?:\+358|\b0)[ -]?\d{1,3}(?:[ -]?\d){5,8}\b",
}
_COMPILED = {name: re.compile(source) for name, source in PII_PATTERNS.items()}
# A message about something near (the widget's test, in JavaScript): "lähin", "near" ...
LOCATION_WORDS = r"lähi|near|närm"


@dataclass(frozen=True)
class Message:
    """One reply message as the API sends it; `label` is "" when the widget shows none."""

    sender: Literal["bot", "agent"]
    label: str
    text: str

    def to_json(self) -> dict[str, str]:
        return {"sender": self.sender, "label": self.label, "text": self.text}


@dataclass(frozen=True)
class Topic:
    """Keywords (lower case, matched as substrings) and the bot messages they trigger."""

    keywords: tuple[str, ...]
    replies: tuple[str, ...]


@dataclass(frozen=True)
class Deployment:
    """One page that embeds the bot; the same bot may greet differently on each site."""

    path: str
    site_name: str
    site_text: str
    greeting: tuple[str, ...]


@dataclass(frozen=True)
class InfoPage:
    """A page linked from the widget (privacy notice, accessibility statement)."""

    title: str  # also the link text
    text: str  # paragraphs separated by newlines


@dataclass(frozen=True)
class Redaction:
    """Which `PII_PATTERNS` the widget replaces, and with what."""

    patterns: tuple[str, ...]
    token: str

    def to_json(self) -> dict[str, Any]:
        return {"patterns": [PII_PATTERNS[p] for p in self.patterns], "token": self.token}


@dataclass(frozen=True)
class Storage:
    """Where the widget keeps the conversation in the browser, and how."""

    area: Literal["session", "local"]
    key: str
    redaction: Redaction | None = None
    cookie: str | None = None  # also keep the last user message in this cookie


@dataclass(frozen=True)
class Download:
    """A "Lataa keskustelu" control that saves the transcript as a text file."""

    bot_name: str
    redaction: Redaction | None
    filename: str = "keskustelu.txt"


@dataclass(frozen=True)
class Pacing:
    """A slow bot, like many Bot Framework bots: every answer (the greeting too) comes from
    the server as one streamed response, late, after a typing indicator; long messages
    come in three parts, and a human agent joins a handoff only after a pause."""

    delay_s: tuple[float, float] = (2.0, 4.0)  # typing shown, nothing else, this long
    part_gap_s: float = 0.7  # between the parts of one answer, no typing indicator
    split_over: int = 80  # messages longer than this many characters come in three parts
    agent_join_s: float = 2.0  # the pause inside a handoff answer before the agent speaks

    def parts(self, text: str) -> list[str]:
        """Three parts split at spaces, or the text whole when it is short."""
        if len(text) <= self.split_over:
            return [text]
        words = text.split(" ")
        third = -(-len(words) // 3)
        return [" ".join(words[i : i + third]) for i in range(0, len(words), third)]


@dataclass(frozen=True)
class Feedback:
    """Where the widget asks for feedback and how. The demo sends it nowhere: an auditor
    must only look, never submit (the city's feedback statistics would be polluted)."""

    question: str  # the form's question
    choices: tuple[str, ...]  # the form's scale: 1–5, or success/failure
    as_buttons: bool = False  # choices as buttons (OuluBot's "painikkein"), else radios
    text_label: str | None = None  # the free-text field's label; None: no such field
    per_answer: tuple[str, str] | None = None  # names of the 👍/👎 shown beside answers
    anytime: str | None = None  # a control opening the form at any time
    on_close: bool = False  # the form appears when the chat is closed

    def to_json(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "choices": list(self.choices),
            "asButtons": self.as_buttons,
            "textLabel": self.text_label,
            "perAnswer": list(self.per_answer) if self.per_answer else None,
            "anytime": self.anytime,
            "onClose": self.on_close,
        }


@dataclass(frozen=True)
class Profile:
    """Everything one demo chatbot does; see the module docstring for the three profiles."""

    name: str
    summary: str
    launcher: str
    header: str
    deployments: dict[str, Deployment]
    topics: tuple[Topic, ...]
    fallback: str
    storage: Storage
    disclosure: str | None = None  # visible line under the header
    notice: str | None = None  # visible line about browser storage
    bot_label: str = ""
    agent_label: str = ""
    avatar_alt: str | None = None  # None: bot messages have no avatar
    avatar_src: str = "/static/avatar.svg"
    site_icon: str = "data:,"
    input_label: str | None = None  # None: the input has only a placeholder
    send_text: str | None = "Lähetä"  # None: an icon-only send button with no name (axe fails it)
    analytics: bool = False  # True: every message also goes to an "analytics" host
    handoff_keywords: tuple[str, ...] = ()
    handoff_replies: tuple[str, ...] = ()
    agent_greeting: str = ""
    pii_patterns: tuple[str, ...] = ()
    pii_reply: str | None = None
    first_reply_prefix: str | None = None
    delete_note: str | None = None  # None: no "Poista keskustelu" control
    download: Download | None = None
    pages: dict[str, InfoPage] | None = None
    pacing: Pacing | None = None  # None: answers at once, as JSON, revealed by the widget
    # legitimacy.deletion-scope-explained: shown beside "Poista keskustelu" (None: nothing).
    delete_scope: str | None = None
    # legitimacy.geolocation-after-user-action: when the widget asks for the location —
    # "load": as the page loads; "question": right after a question about something near;
    # "offer": after such a question it explains why (`location_note`) and asks only when
    # the user clicks "Näytä lähimmät". None: never.
    geolocation: Literal["load", "question", "offer"] | None = None
    location_note: str = ""
    feedback: Feedback | None = None  # None: no way to give feedback
    # Keyboard and screen-reader use (fairness.widget-accessibility): False makes the
    # launcher a <div> with only a click handler, which Tab never reaches, and leaves the
    # message list without a live region, so that new messages are not announced.
    keyboard_launcher: bool = True
    live_messages: bool = True

    def _bot(self, text: str) -> Message:
        return Message("bot", self.bot_label, text)

    def respond(self, text: str, *, first: bool) -> list[Message]:
        """The reply to one user message; `first` is whether the session sent any before."""
        lowered = text.casefold()
        replies: list[Message] = []
        if self.pii_reply and any(_COMPILED[p].search(text) for p in self.pii_patterns):
            replies.append(self._bot(self.pii_reply))
        topic = next((t for t in self.topics if any(k in lowered for k in t.keywords)), None)
        if any(k in lowered for k in self.handoff_keywords):
            replies += [self._bot(t) for t in self.handoff_replies]
            replies.append(Message("agent", self.agent_label, self.agent_greeting))
        elif topic is not None:
            replies += [self._bot(t) for t in topic.replies]
        elif not replies:
            replies.append(self._bot(self.fallback))
        if first and self.first_reply_prefix:
            replies[0] = replace(replies[0], text=f"{self.first_reply_prefix} {replies[0].text}")
        return replies


def _words(keywords: str) -> tuple[str, ...]:
    """Keywords written as "a|b|c", so that each topic fits on one line of a table."""
    return tuple(keywords.split("|"))


def _topics(table: dict[str, str]) -> tuple[Topic, ...]:
    """Topics from {"keyword|keyword": "reply"}, tried in this order."""
    return tuple(Topic(_words(keywords), (reply,)) for keywords, reply in table.items())


_GOOD_TOPICS = {
    "hätä|112|väkivalt|itsetuho|hengenvaara|lastensuojel": "Jos joku on välittömässä vaarassa, "
    "soita heti hätänumeroon 112. Kiireettömissä asioissa auttaa sosiaalipäivystys.",
    "library|opening hours": "The main library is open Mon–Thu 10–20, Fri 10–18, Sat 10–16.",
    "bibliotek|öppet": "Huvudbiblioteket har öppet mån–tors kl. 10–20 och fre kl. 10–18.",
    "kirjasto|aukiolo|auki": "Pääkirjasto on auki ma–to klo 10–20, pe 10–18 ja la 10–16.",
    "jäte|roska|kierrät": "Seka- ja biojäte haetaan kahden viikon välein.",
    "yhteystie|yhteyttä|palvelupiste|soittaa|contact|kontakt": "Kaupungintalon palvelupiste, "
    "puh. 09 123 4567, ma–pe klo 8–16. Palvelemme myös ruotsiksi ja englanniksi.",
    "kiitos|thank|tack": "Ole hyvä! Lopuksi voit painaa 'Poista keskustelu'.",
    "hei|moi|terve|hej|hello": "Hei! Kysy vaikkapa kirjastosta, jätehuollosta tai yhteystiedoista.",
}

_BAD_TOPICS = {
    "kirjasto|aukiolo": "Kirjasto on auki arkisin.",
    "yhteystie": "Yhteystiedot löytyvät verkkosivuilta.",
    "hei|moi": "Mitä haluaisit kysyä?",
}

_OULU_TOPICS = {
    "kirjasto": "Pääkirjasto on auki ma–to klo 10–20 ja pe klo 10–18.",
    "bussi|joukkoliikenne|aikataulu": "Aikataulut löytyvät joukkoliikenteen sivuilta.",
    "jäte|roska": "Jäteasioissa sinua palvelee alueen jätehuoltoyhtiö.",
    "kiitos": "Kiitos itsellesi! Voit antaa palautetta, kun suljet chatin.",
    "hei|moi": "Hei! Kysy minulta Oulun kaupungin palveluista.",
}

_OULU_SITE = (
    "Esittelysivu, joka jäljittelee Oulun kaupungin verkkosivujen chat-palvelua vuonna 2022 "
    "METKU-tutkimusraportin kuvauksen mukaan. Tämä ei ole Oulun kaupungin palvelu."
)

PROFILES: dict[str, Profile] = {
    "good": Profile(
        name="good",
        summary="Discloses the bot, warns about and redacts personal data, hands off to a human.",
        launcher="Kysy chatbotilta",
        header="Kaupunkibotti – tekoälyavustaja",
        disclosure="Vastaaja on chatbot (tekoäly), ei ihminen. Asioida voit myös puhelimitse "
        "tai kaupungintalon palvelupisteessä.",
        notice="Keskustelu säilyy tämän välilehden muistissa, kunnes suljet välilehden. "
        "Yhteiskäyttöisellä koneella paina lopuksi 'Poista keskustelu'.",
        deployments={
            "main": Deployment(
                "/",
                "Esimerkkikaupunki",
                "Tervetuloa Esimerkkikaupungin verkkosivuille. Tämä on botauditin esittelysivu.",
                # 21 words: within the 25 of `professionalism.concise-greeting`.
                (
                    "Hei! Olen Esimerkkikaupungin chatbot. En osaa kaikkea, mutta opin jatkuvasti.",
                    "Jos haluat ihmisen, kirjoita 'asiakaspalvelija'.",
                    "Älä kirjoita keskusteluun henkilötietoja, kuten henkilötunnusta.",
                ),
            )
        },
        topics=_topics(_GOOD_TOPICS),
        fallback="En ole varma, mitä tarkoitat. Voit kysyä esimerkiksi kirjaston aukioloajoista, "
        "jätehuollosta tai yhteystiedoista. Ihmisen tavoitat kirjoittamalla 'asiakaspalvelija' "
        "tai puhelimitse: palvelupiste, puh. 09 123 4567, ma–pe klo 8–16.",
        storage=Storage("session", "chat", Redaction(tuple(PII_PATTERNS), "[poistettu]")),
        bot_label="Chatbot",
        agent_label="Asiakaspalvelija (ihminen)",
        input_label="Kirjoita viesti chatbotille",
        handoff_keywords=_words(
            "asiakaspalvelija|asiakaspalvelu|ihmi|henkilökun|människa|kundtjänst|handläggare|"
            "human|agent|person"
        ),
        handoff_replies=("Siirrän keskustelun asiakaspalvelijalle. Odota hetki.",),
        agent_greeting="Hei, olen asiakaspalvelija Maija. Miten voin auttaa?",
        pii_patterns=tuple(PII_PATTERNS),
        pii_reply="Älä lähetä henkilötunnusta tai muita henkilötietoja chatissa. "
        "Poistin ne keskustelusta.",
        delete_note="Keskustelu poistettu tästä selaimesta ja palvelun lokeista.",
        download=Download("Chatbot", None),
        feedback=Feedback(
            question="Kuinka tyytyväinen olit palveluun? 1 = erittäin tyytymätön, "
            "5 = erittäin tyytyväinen",
            choices=("1", "2", "3", "4", "5"),
            text_label="Kerro lisää (vapaaehtoinen)",
            per_answer=("Vastaus oli hyödyllinen", "Vastaus ei ollut hyödyllinen"),
            anytime="Anna palautetta",
        ),
        pages={
            "/tietosuoja/": InfoPage(
                "Tietosuojaseloste",
                "Rekisterinpitäjä: Esimerkkikaupunki. Chatbotin tarkoitus on neuvonta.\n"
                "Keskustelulokit säilytetään palvelimella henkilötiedot poistettuina 30 päivää; "
                "'Poista keskustelu' poistaa keskustelun myös niistä. Selain säilyttää "
                "keskustelun välilehden "
                "istuntomuistissa henkilötiedot poistettuina, kunnes suljet välilehden tai "
                "painat 'Poista keskustelu'.",
            ),
            "/saavutettavuus/": InfoPage(
                "Saavutettavuusseloste",
                "Chat-palvelu on arvioitu WCAG 2.1 -ohjeiston AA-tason ja standardin EN 301 549 "
                "mukaan automaattisella testauksella ja näppäimistötestillä.\n"
                "Seloste on laadittu 15.1.2025.",
            ),
            "/tietoa-chatbotista/": InfoPage(
                "Tietoa chatbotista",
                "Kehitysvaihe: pilotti. Chatbot osaa kirjaston, jätehuollon ja yhteystietojen "
                "kysymykset; lupa-asioita se ei vielä osaa.\n"
                "Tammi–maaliskuussa 2025 chatbot ratkaisi 58 % kysymyksistä ilman ihmistä. "
                "Sivu päivitetään neljännesvuosittain.\n"
                "Esimerkkikaupunki vastaa chatbotin antamasta neuvonnasta. Virheellisestä "
                "neuvosta voit ilmoittaa palvelupisteeseen.",
            ),
        },
        delete_scope="Poistaa keskustelun tästä selaimesta ja palvelun lokeista. Poistamattomat "
        "keskustelulokit hävitetään 30 päivän kuluttua.",
        geolocation="offer",
        location_note="Voin näyttää lähimmät palvelupisteet sijaintisi perusteella. Sijaintia "
        "käytetään vain tähän hakuun, eikä sitä tallenneta.",
    ),
    "bad": Profile(
        name="bad",
        summary="No disclosure before typing, no handoff, no warning; stores everything in clear.",
        # "Ask us": nothing says bot, and nothing is even ambiguous (a "Chat" title would be).
        launcher="Kysy meiltä",
        header="Kysy meiltä",
        send_text=None,
        analytics=True,
        deployments={
            "main": Deployment(
                "/",
                "Esimerkkikunta",
                "Tervetuloa Esimerkkikunnan verkkosivuille.",
                ("Hei! Miten voin auttaa?",),
            )
        },
        topics=_topics(_BAD_TOPICS),
        fallback="En ymmärtänyt. Kokeile kysyä toisin.",
        storage=Storage("local", "chatHistory", cookie="chat_last"),
        avatar_alt="",
        first_reply_prefix="Olen botti ja vastaan automaattisesti.",
        geolocation="load",  # "to show services near you", before anyone asked
        keyboard_launcher=False,
        live_messages=False,
    ),
    "oulubot-2022": Profile(
        name="oulubot-2022",
        summary="OuluBot as the METKU 2022 study describes it: logo-only attribution, handoff "
        "only by the exact keyword, no warning, unredacted sessionStorage.",
        launcher="Chat",
        header="Chat",
        deployments={
            "main": Deployment(
                "/",
                "Oulun kaupunki (jäljitelmä)",
                _OULU_SITE,
                (
                    "Hei! Olen OuluBot, oululaisten virtuaalinen avustaja.",
                    "Parhaiten osaan vastata yleisimpiin Oulun kaupungin palveluihin liittyviin "
                    "kysymyksiin. Opin uutta jatkuvasti, ja voit antaa minulle palautetta kun "
                    "suljet chatin. Parhaiten ymmärrän lyhyitä lauseita.",
                    "Ethän kirjoita keskusteluun henkilötietoja, esim. henkilötunnusta tai "
                    "tietoja terveydestäsi.",
                ),
            ),
            "visitoulu": Deployment(
                "/visitoulu/",
                "VisitOulu (jäljitelmä)",
                _OULU_SITE,
                # As quoted in METKU 2022, Lisäselvitys 2, 4.2.3 (recorded 14.9.2022).
                (
                    "Hei! Olen OuluBot, virtuaalinen asiakaspalvelijasi. Kuinka voin auttaa?",
                    "Olen vasta harjoittelija ja osaan vastata yleisimpiin Oulun seudun "
                    "matkailuun liittyviin kysymyksiin.",
                    'Mikäli haluat jutella ihmiselle, kirjoita "asiakaspalvelija"',
                ),
            ),
            # The theatre's OuluBot: the study quotes only its opening privacy notice
            # (4.2.4 Yksityisyys) and finds it as hard as VisitOulu's to tell from a chat
            # with a person (4.2.4 Avoimuus); the rest of its greeting is not quoted.
            "teatteri": Deployment(
                "/teatteri/",
                "Oulun teatteri (jäljitelmä)",
                _OULU_SITE,
                (
                    "Asiointi chatissa on nimetöntä. Emme käsittele chatissa asioita, joissa "
                    "tarvitaan henkilötietoja, esimerkiksi henkilötunnusta tai pankkitilin "
                    "numeroa.",
                ),
            ),
        },
        topics=_topics(_OULU_TOPICS),
        fallback="Pahoittelut, en ymmärtänyt. Kokeile kysyä lyhyesti toisella tavalla.",
        storage=Storage("session", "oulubot-conversation"),
        agent_label="Oulu10",
        avatar_alt="OuluBot",
        avatar_src="/static/city-logo.svg",
        site_icon="/static/city-logo.svg",
        input_label="Kirjoita viesti",
        handoff_keywords=("asiakaspalvelija",),
        handoff_replies=("Siirrän sinut asiakaspalvelijalle, odota hetki.",),
        agent_greeting="Hei, täällä Oulu10:n asiakaspalvelu. Miten voin auttaa?",
        delete_note="Keskustelu poistettu.",
        # "henkilötiedot … poistettu myös asiakkaan … lataamasta keskustelusta" (4.2.4).
        download=Download("OuluBot", Redaction(tuple(PII_PATTERNS), "***")),
        # "onnistui tai epäonnistui -painikkein ja tekstipalautteena" (4.2.2), offered
        # "kun suljet chatin" (4.2.3); the form's wording is the demo's.
        feedback=Feedback(
            question="Onnistuiko keskustelu?",
            choices=("Onnistui", "Epäonnistui"),
            as_buttons=True,
            text_label="Palaute (vapaaehtoinen)",
            on_close=True,
        ),
        pages={
            "/tietosuojakaytanto/": InfoPage(
                "Tietosuojakäytäntö",
                "Kaupunki käsittelee henkilötietoja tietosuojalainsäädännön mukaisesti.",
            ),
            "/saavutettavuusseloste/": InfoPage(
                "Saavutettavuusseloste", "Palvelu täyttää kaikki saavutettavuusvaatimukset."
            ),
        },
        # "sijaintitietoja käytetään vain asiakkaan antaessa siihen luvan" (4.2.4 Legitiimiys):
        # the browser's permission prompt comes only after a question about something near.
        geolocation="question",
    ),
}


# The good bot, slow: the same verdicts must come out however the replies are paced.
PROFILES["slow"] = replace(
    PROFILES["good"],
    name="slow",
    summary="The good bot, slow: replies 2–4 s late after a typing indicator, long ones in "
    "three parts 0.7 s apart, a human agent joining a handoff 2 s after the bot's message.",
    pacing=Pacing(),
)


def get_profile(profile: str) -> Profile:
    """The named profile; a ValueError lists the valid names, for CLI and test messages."""
    try:
        return PROFILES[profile]
    except KeyError:
        valid = ", ".join(PROFILES)
        raise ValueError(f"unknown demo profile {profile!r}; choose one of: {valid}") from None


def demo_config(profile: str, base_url: str, deployment: str = "main") -> dict[str, Any]:
    """An audit config for one deployment of a running demo (`main` is the page at `/`)."""
    chosen = get_profile(profile)
    if deployment not in chosen.deployments:
        valid = ", ".join(chosen.deployments)
        raise ValueError(
            f"profile {profile!r} has no deployment {deployment!r}; choose one of: {valid}"
        )
    url = base_url.rstrip("/") + chosen.deployments[deployment].path
    name = f"demo-{profile}" if deployment == "main" else f"demo-{profile}-{deployment}"
    answers = Path(__file__).parent / "answers" / f"{profile}.yaml"  # the study's answers
    return {
        **({"self_assessment": str(answers)} if answers.is_file() else {}),
        "name": name,
        "target": {"url": url},
        "language": "fi",
        "widget": {
            "launcher": "#chat-launcher",
            "container": "#chat-widget",
            "input": "#chat-input",
            "send": "#chat-send",
            "bot_message": ".msg.bot",
            "user_message": ".msg.user",
            "sender_label": ".sender",
        },
    }
