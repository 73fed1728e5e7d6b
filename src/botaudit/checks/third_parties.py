"""Does text typed into the chat reach hosts other than the city's and its chat vendor's?"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, check, say
from botaudit.evidence.model import ScenarioRecord
from botaudit.evidence.observations import NetworkTraffic
from botaudit.lexicon import Matcher

PROBES_FI = {"hetu": "henkilötunnus", "phone": "puhelinnumero", "email": "sähköpostiosoite"}


@check(
    "typed_data_stays_first_party",
    scenario="storage-privacy",
    steps=("personal_data", "traffic"),
    summary="The typed personal data reach no host but the page's, the widget's and the "
    "declared vendor's.",
)
def typed_data_stays_first_party(record: ScenarioRecord, m: Matcher) -> CheckResult:
    traffic = record.required("traffic", NetworkTraffic)
    evidence = ["storage-privacy/traffic"]
    carriers = [h for h in traffic.hosts if h.probes]
    allowed = ", ".join(traffic.first_party_hosts) or "–"
    others = [h for h in carriers if not h.first_party]
    if not carriers:
        return CheckResult(
            outcome="inconclusive",
            explanation=say(
                "Kirjoitettuja tietoja ei löytynyt mistään pyynnöstä, ei edes chatin omalle "
                "palvelimelle: liikenne voi olla salattua tai kulkea muuta reittiä, joten "
                "asiaa ei voitu arvioida.",
                "The typed values were found in no request at all, not even to the chat's "
                "own backend: the traffic may be encrypted in the page or take another "
                "route, so this could not be judged.",
            ),
            evidence=evidence,
        )
    if not others:
        hosts = ", ".join(h.host for h in carriers)
        return CheckResult(
            outcome="pass",
            explanation=say(
                f"Kirjoitetut tiedot lähtivät vain sallituille palvelimille ({hosts}); "
                f"sallittuja ovat sivun, chat-kehyksen ja ilmoitetun toimittajan palvelimet "
                f"({allowed}).",
                f"The typed values went only to allowed hosts ({hosts}); allowed are the "
                f"page's, the chat frame's and the declared vendor's ({allowed}).",
            ),
            evidence=evidence,
        )
    listing_en = "; ".join(
        f"{h.host} ({', '.join(h.probes)}; {', '.join(h.forms)}; e.g. {h.example})" for h in others
    )
    listing_fi = "; ".join(
        f"{h.host} ({', '.join(PROBES_FI.get(p, p) for p in h.probes)}; {', '.join(h.forms)}; "
        f"esim. {h.example})"
        for h in others
    )
    return CheckResult(
        outcome="fail",
        explanation=say(
            f"Kirjoitetut henkilötiedot lähtivät muillekin palvelimille: {listing_fi}. Jos "
            "jokin niistä on sopimuksen mukainen chatbot-toimittaja, lisää se asetuksen "
            "target.vendor_hosts-listaan ja kerro se tietosuojaselosteessa.",
            f"The typed personal data went to other hosts too: {listing_en}. If one is the "
            "contracted chatbot vendor, add it to target.vendor_hosts in the config and "
            "name it in the privacy notice.",
        ),
        evidence=evidence,
        quotes=[h.host for h in others],
    )
