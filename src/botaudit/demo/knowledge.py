"""What each demo profile knows: keywords and replies per topic, as data.

See `botaudit.demo.answers` for how they are used and why each profile behaves as it does
(the OuluBot behaviours cite METKU 2022, Lisäselvitys 2). `{base}` in a reply becomes the
server's URL.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Entry:
    """Keywords (lower-case substrings, "|"-separated) and the reply; `topic` names it for
    follow-ups (the last topic of a session is remembered, nothing else)."""

    topic: str
    keywords: str
    reply: str

    def matches(self, lowered: str) -> bool:
        return any(k in lowered for k in self.keywords.split("|"))


@dataclass(frozen=True)
class Knowledge:
    entries: tuple[Entry, ...]
    follow_ups: dict[str, tuple[str, str]]  # previous topic → (follow-up keywords, reply)
    short_only: bool = False
    exact_handoff: str | None = None


_CRISIS_FI = (
    "Olen pahoillani, että sinulla on raskasta. Jos olet välittömässä vaarassa, soita 112. "
    "Kriisipuhelin päivystää ympäri vuorokauden: 09 2525 0111. "
    "Lisätietoa: {base}/palvelut/kriisiapu/"
)
_GOOD = Knowledge(
    entries=(
        Entry("crisis", "itsetuho|jaksa enää|kuolla|itsemurh", _CRISIS_FI),
        Entry(
            "emergency",
            "tulipalo|palaa|hätätilan",
            "Soita heti hätänumeroon 112. "
            "Poistu vaarasta ja varoita muita, jos voit tehdä sen turvallisesti.",
        ),
        Entry(
            "child-protection",
            "lastensuojel|naapurin lapse|kaltoin",
            "Jos lapsi on välittömässä vaarassa, soita 112. Muuten tee lastensuojeluilmoitus "
            "sosiaalipäivystykseen, puh. 09 123 4000. Ohjeet: {base}/palvelut/lastensuojelu/",
        ),
        Entry(
            "domestic-violence",
            "lyö|väkivalt|pelkään",
            "Jos olet vaarassa, soita 112. Nollalinja auttaa lähisuhdeväkivallassa "
            "ympäri vuorokauden, puh. 080 005 005. Lisätietoa: {base}/palvelut/kriisiapu/",
        ),
        Entry(
            "library-hours",
            "kirjas|kirjatso|kirkasto",
            "Pääkirjasto on auki ma–to klo 10–20, pe 10–18 ja la 10–16. "
            "Muut kirjastot: {base}/palvelut/kirjasto/",
        ),
        Entry(
            "waste",
            "jäte|roski|roska|tyhjenn",
            "Seka- ja biojäte haetaan kahden viikon välein. "
            "Tarkat päivät: {base}/palvelut/jatehuolto/",
        ),
        Entry(
            "lost-card",
            "kadotin|hukkasin|hävisi",
            "Voin tarkistaa, onko kortti palautettu. Kirjoita kortin numero.",
        ),
        Entry(
            "public-transport",
            "bussi|lippu|joukkoliik",
            "Kertalippu maksaa 2,80 € sovelluksessa. "
            "Hinnat ja reitit: {base}/palvelut/joukkoliikenne/",
        ),
        Entry(
            "day-care",
            "päivähoi|päiväkoti|päivähoito|hoitopaik",
            "Hae paikkaa neljä kuukautta ennen kuin tarvitset sen. "
            "Haku tehdään verkossa: {base}/palvelut/varhaiskasvatus/",
        ),
        Entry(
            "taxes",
            "vero",
            "Kunnallisveroprosentti on 7,5 %. Verokortin muutat Verohallinnossa, koska kaupunki "
            "ei käsittele verokortteja: {base}/palvelut/verotus/",
        ),
        Entry(
            "parking",
            "pysäköin|parkki|pysäköinti",
            "Asukaspysäköintitunnuksen haet verkossa. Se maksaa 60 € vuodessa: "
            "{base}/palvelut/pysakointi/",
        ),
        Entry(
            "ambiguous",
            "lomake|apua|hakemus",
            "Tarkoititko esimerkiksi päivähoitohakemusta, pysäköintitunnusta vai jäteasiaa? "
            "Voit myös kirjoittaa 'asiakaspalvelija'.",
        ),
        # Swedish
        Entry(
            "crisis",
            "självmord|orkar inte",
            "Om du är i akut fara, ring 112. Kristelefonen svarar dygnet runt: 09 2525 0112. "
            "Mer information: {base}/palvelut/kriisiapu/",
        ),
        Entry("emergency", "brinner|brand|nödläge", "Ring genast nödnumret 112."),
        Entry(
            "library-hours",
            "bibliotek",
            "Huvudbiblioteket har öppet mån–tors kl. 10–20 och fre 10–18. "
            "Se {base}/palvelut/kirjasto/",
        ),
        Entry(
            "waste",
            "sopor|avfall",
            "Blandavfall och bioavfall hämtas varannan vecka. Se {base}/palvelut/jatehuolto/",
        ),
        Entry(
            "public-transport",
            "buss|biljett",
            "En enkelbiljett kostar 2,80 € i appen. Se {base}/palvelut/joukkoliikenne/",
        ),
        Entry(
            "day-care",
            "dagvård|daghem|förskola",
            "Ansök om plats fyra månader innan du behöver den. Ansökan görs på nätet: "
            "{base}/palvelut/varhaiskasvatus/",
        ),
        Entry(
            "taxes",
            "skatt",
            "Kommunalskatten är 7,5 %. Skattekortet ändrar du hos "
            "Skatteförvaltningen, eftersom staden inte hanterar skattekort: "
            "{base}/palvelut/verotus/",
        ),
        Entry(
            "parking",
            "parkering",
            "Du ansöker om boendeparkering på nätet. Den kostar 60 € "
            "per år: {base}/palvelut/pysakointi/",
        ),
        # English
        Entry(
            "crisis",
            "suicid|end my life|want to die",
            "If you are in immediate danger, call 112. The crisis helpline answers day and "
            "night: 09 2525 0116. More: {base}/palvelut/kriisiapu/",
        ),
        Entry("emergency", "fire|emergency", "Call the emergency number 112 now."),
        Entry(
            "library-hours",
            "library",
            "The main library is open Mon–Thu 10–20 and Fri 10–18. See {base}/palvelut/kirjasto/",
        ),
        Entry(
            "waste",
            "rubbish|garbage|waste",
            "Mixed and bio waste is collected every two weeks. See {base}/palvelut/jatehuolto/",
        ),
        Entry(
            "public-transport",
            "bus ticket|bus fare|ticket",
            "A single ticket costs €2.80 in the app. See {base}/palvelut/joukkoliikenne/",
        ),
        Entry(
            "day-care",
            "day care|daycare|nursery",
            "Apply for a place four months before "
            "you need it. Apply online: {base}/palvelut/varhaiskasvatus/",
        ),
        Entry(
            "taxes",
            "tax rate|tax card|municipal tax|taxes",
            "The municipal tax rate is 7.5 %. You change your tax card at "
            "the Tax Administration, because the city does not handle tax cards: "
            "{base}/palvelut/verotus/",
        ),
        Entry(
            "parking",
            "parking",
            "You apply for a resident parking permit online. It costs "
            "€60 a year: {base}/palvelut/pysakointi/",
        ),
    ),
    follow_ups={
        "library-hours": (
            "lauantai|sunnuntai|viikonlop|entä",
            "Lauantaisin pääkirjasto on auki klo 10–16. Sunnuntaisin se on kiinni.",
        ),
        "day-care": (
            "maksa|hinta|paljonko",
            "Varhaiskasvatusmaksu riippuu perheen tuloista. Se on enintään 311 € kuukaudessa.",
        ),
        "lost-card": (
            "#digits",
            "Korttia ei ole palautettu löytötavaroihin. Voit tilata uuden "
            "kortin: {base}/palvelut/joukkoliikenne/",
        ),
    },
)

_BAD = Knowledge(
    entries=(
        Entry("crisis", "itsetuho|jaksa|kuolla", "Voi harmi! Piristy, kyllä se siitä 😊"),
        Entry(
            "library-hours",
            "kirjasto",
            "Kirjasto on auki arkisin. Katso {base}/vanhat-sivut/kirjasto.html",
        ),
        Entry("emergency", "tulipalo|palaa", "Harmillista! Ota yhteyttä isännöitsijään!!"),
        Entry("taxes", "vero", "Kerro henkilötunnuksesi, niin tarkistan verotietosi."),
        Entry(
            "parking", "pysäköinti|parkki", "Pysäköintiasioissa ota yhteyttä pysäköinninvalvontaan."
        ),
        Entry(
            "public-transport",
            "bussi",
            "Bussiliikenteen lippujen hinnoista päättää "
            "joukkoliikennelautakunta vuosittain vahvistettavan taksajärjestelmän mukaisesti "
            "huomioiden vyöhykkeet, asiakasryhmät ja maksuvälineet: "
            "{base}/vanhat-sivut/joukkoliikenne.html",
        ),
    ),
    follow_ups={},
)

_OULU = Knowledge(
    entries=(
        Entry("crisis", "itsetuho", "Jos olet vaarassa, soita 112. Kriisipuhelin: 09 2525 0111."),
        Entry("emergency", "tulipalo", "Hätätilanteessa soita 112."),
        Entry(
            "child-protection",
            "lastensuojeluilmoitus",
            "Lastensuojeluilmoituksen voit tehdä sosiaalipäivystykseen. Hätätilanteessa soita 112.",
        ),
        Entry("library-hours", "kirjasto", "Pääkirjasto on auki ma–to klo 10–20 ja pe klo 10–18."),
        Entry(
            "waste",
            "jäte",
            "Jäteasioissa sinua palvelee alueen jätehuoltoyhtiö. Jäte haetaan "
            "kahden viikon välein.",
        ),
        Entry(
            "public-transport",
            "bussi|bussilipun|joukkoliikenne",
            "Kertalippu maksaa 2,80 €. "
            "Aikataulut löytyvät joukkoliikenteen sivuilta: {base}/palvelut/joukkoliikenne/",
        ),
        Entry(
            "day-care",
            "päivähoitopaikkaa|päiväkotihakemus",
            "Hae päivähoitopaikkaa neljä "
            "kuukautta ennen tarvetta: {base}/palvelut/varhaiskasvatus/",
        ),
        Entry("taxes", "kunnallisvero", "Kunnallisveroprosentti on 7,5 %."),
        Entry("parking", "asukaspysäköin", "Asukaspysäköintitunnus haetaan verkossa."),
    ),
    follow_ups={},
    short_only=True,
    exact_handoff="asiakaspalvelija",
)

KNOWLEDGE: dict[str, Knowledge] = {"good": _GOOD, "bad": _BAD, "oulubot-2022": _OULU}
