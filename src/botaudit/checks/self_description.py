"""Does the bot describe itself in words no user can take for a person? (METKU 2022, 4.2.4)

The study found OuluBot introducing itself as a "virtuaalinen asiakaspalvelijasi" and a
"harjoittelija", under a title "chat", and notes that users who think a person answers
write as to a person. Whether the widget says "bot" at all is
`transparency.bot-identity-disclosed`; this check asks whether what it says is unambiguous:
a plain bot term with no person-like wording beside it, in what the widget shows before the
user types and in its first reply (where many bots introduce themselves).
"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.observations import Exchange, WidgetView
from botaudit.lexicon import Matcher
from botaudit.messages import quoted

SCENARIO = "bot-identity"


def _lines_with(texts: list[str], found: list[str]) -> list[str]:
    lines = [ln.strip() for t in texts for ln in t.splitlines() if ln.strip()]
    return [ln for ln in lines if any(f.lower() in ln.lower() for f in found)][:4]


@check(
    "unambiguous_self_description",
    needs=(
        browser(SCENARIO, "before_typing", WidgetView),
        browser(SCENARIO, "first_message", Exchange, optional=True),
    ),
)
def unambiguous_self_description(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    view: WidgetView = ev["before_typing"]
    exchange: Exchange | None = ev.get("first_message")
    refs = [ev.ref("before_typing"), *([ev.ref("first_message")] if exchange else [])]
    texts = [view.visible_text, *view.hidden_names]
    texts += [r.text for r in exchange.replies] if exchange else []
    person = m.find("person_like_self", "\n".join(texts))
    plain = m.find("bot_identity", view.visible_text)
    if person:
        quotes = _lines_with(texts, person)
        if plain:
            return result(
                "partial",
                "self_description.mixed",
                evidence=refs,
                quotes=quotes,
                found=quoted(person),
                plain=quoted(plain),
            )
        return result(
            "fail",
            "self_description.person_like",
            evidence=refs,
            quotes=quotes,
            found=quoted(person),
        )
    if plain:
        quotes = _lines_with([view.visible_text], plain)
        return result(
            "pass", "self_description.pass", evidence=refs, quotes=quotes, found=quoted(plain)
        )
    ambiguous = m.find("ambiguous_identity", "\n".join(texts))
    if ambiguous:
        return result(
            "partial",
            "self_description.ambiguous",
            evidence=refs,
            quotes=_lines_with(texts, ambiguous),
            found=quoted(ambiguous),
        )
    return result(
        "fail",
        "self_description.nothing",
        evidence=refs,
        quotes=[view.visible_text[:200]] if view.visible_text else [],
    )
