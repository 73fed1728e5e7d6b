"""`legitimacy.geolocation-after-user-action`: is the browser's location requested only
after the user asked for something that needs it?

The study credits OuluBot for using location only with the customer's permission (METKU
2022, Lisäselvitys 2, 4.2.4 Legitiimiys); a request when the page or the chat opens
collects more than the user's request needs (GDPR Art. 5(1)(c), 25). The bot-identity
scenario wraps the Geolocation API before the page loads (`gather/geolocation.py`), sends a
neutral first message, then a location-related question.

Pass: the wrapper was confirmed in place and no `getCurrentPosition`/`watchPosition` call
came before the user's first message (calls after the location question are the user's
own initiative); partial: a call right after an unrelated message; fail: a call on page
load or when the chat opened. A permission *query* reads the state and prompts nobody: it
is reported, not counted. Inconclusive when the wrapper was not confirmed in the page and
the chat's frame — then "no call seen" proves nothing.
"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.geolocation import GeoCall, GeolocationWatch
from botaudit.evidence.observations import Exchange
from botaudit.lexicon import Matcher
from botaudit.messages import msg

SCENARIO = "bot-identity"
REQUESTS = ("getCurrentPosition", "watchPosition")


def _call(call: GeoCall) -> str:
    return f"{call.api} ({call.step}, {call.at_ms} ms, {call.frame_url})"


@check(
    "geolocation_after_user_action",
    needs=(
        browser(SCENARIO, "geolocation", GeolocationWatch),
        browser(SCENARIO, "location_question", Exchange, optional=True),
    ),
)
def geolocation_after_user_action(ev: Evidence, _m: Matcher, _: object) -> CheckResult:
    watch: GeolocationWatch = ev["geolocation"]
    refs = [ev.ref("geolocation")]
    if not watch.confirmed:
        where = ", ".join(p.url + (f" ({p.error})" if p.error else "") for p in watch.probes)
        return result(
            "inconclusive",
            "geolocation.unconfirmed",
            evidence=refs,
            detail=watch.detail or msg("geolocation.no_frames"),
            frames=where or "-",
        )
    requests = [c for c in watch.calls if c.api in REQUESTS]
    early = [c for c in requests if not c.after_user_message]
    if early:
        quotes = [_call(c) for c in early[:3]]
        return result(
            "fail", "geolocation.early", evidence=refs, quotes=quotes, step=early[0].step,
            count=len(early),
        )  # fmt: skip
    unprompted = [c for c in requests if c.step != watch.location_step]
    if unprompted:
        quotes = [_call(c) for c in unprompted[:3]]
        return result(
            "partial", "geolocation.unprompted", evidence=refs, quotes=quotes,
            step=unprompted[0].step,
        )  # fmt: skip
    asked: Exchange | None = ev.get("location_question")
    if asked is not None:
        refs.append(ev.ref("location_question"))
    if requests:
        quotes = [_call(requests[0]), *(r.text[:240] for r in (asked.replies if asked else []))]
        return result(
            "pass", "geolocation.after_question", evidence=refs, quotes=quotes[:3],
            question=asked.sent if asked else "",
        )  # fmt: skip
    quotes = [_call(c) for c in watch.calls[:3]]  # permission queries, if any
    return result("pass", "geolocation.none", evidence=refs, quotes=quotes)
