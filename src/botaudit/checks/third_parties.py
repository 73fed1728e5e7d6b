"""Does text typed into the chat reach hosts other than the city's and its chat vendor's?"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.observations import NetworkTraffic, PersonalDataInput
from botaudit.lexicon import Matcher
from botaudit.messages import Many, msg

SCENARIO = "storage-privacy"


@check(
    "typed_data_stays_first_party",
    needs=(
        browser(SCENARIO, "personal_data", PersonalDataInput),
        browser(SCENARIO, "traffic", NetworkTraffic),
    ),
)
def typed_data_stays_first_party(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    traffic: NetworkTraffic = ev["traffic"]
    evidence = [ev.ref("traffic")]
    carriers = [h for h in traffic.hosts if h.probes]
    allowed = ", ".join(traffic.first_party_hosts) or "–"
    others = [h for h in carriers if not h.first_party]
    if not carriers:
        return result("inconclusive", "third_parties.not_seen", evidence=evidence)
    if not others:
        hosts = ", ".join(h.host for h in carriers)
        return result("pass", "third_parties.pass", evidence=evidence, hosts=hosts, allowed=allowed)
    listing = [
        msg(
            "third_parties.host",
            host=h.host,
            probes=Many(items=[msg(f"probe.{p}") for p in h.probes]),
            forms=", ".join(h.forms),
            example=h.example,
        )
        for h in others
    ]
    return result(
        "fail",
        "third_parties.fail",
        evidence=evidence,
        quotes=[h.host for h in others],
        hosts=Many(items=listing, sep="; "),
    )
