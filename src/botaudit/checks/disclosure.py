"""Does the widget say it is a bot, before the user types? (AI Act Art. 50(1), (5))"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.evidence.observations import Exchange, WidgetView
from botaudit.lexicon import Matcher
from botaudit.messages import Many, msg, quoted

SCENARIO = "bot-identity"


@check(
    "bot_identity_before_typing",
    needs=(
        browser(SCENARIO, "before_typing", WidgetView),
        browser(SCENARIO, "first_message", Exchange, optional=True),
    ),
)
def bot_identity_before_typing(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    view: WidgetView = ev["before_typing"]
    refs = [ev.ref("before_typing"), *([view.screenshot] if view.screenshot else [])]
    plain = m.find("bot_identity", view.visible_text)
    if plain:
        quotes = _sentences_with(view.visible_text, plain)
        return result("pass", "disclosure.pass", evidence=refs, quotes=quotes, found=quoted(plain))
    ambiguous = m.find("ambiguous_identity", view.visible_text)
    hidden = m.find("bot_identity", " | ".join(view.hidden_names)) + m.find(
        "ambiguous_identity", " | ".join(view.hidden_names)
    )
    if ambiguous or hidden:
        parts = [msg("disclosure.ambiguous_visible", found=quoted(ambiguous))] if ambiguous else []
        if hidden:
            parts.append(msg("disclosure.hidden_only", found=quoted(hidden)))
        return result(
            "partial",
            "disclosure.partial",
            evidence=refs,
            quotes=ambiguous + hidden,
            why=Many(items=parts, sep="; "),
        )
    exchange: Exchange | None = ev.get("first_message")
    later = m.find("bot_identity", " ".join(r.text for r in exchange.replies)) if exchange else []
    if later:
        return result(
            "fail",
            "disclosure.only_later",
            evidence=[*refs, ev.ref("first_message")],
            quotes=later,
            found=quoted(later),
        )
    return result(
        "fail",
        "disclosure.fail",
        evidence=refs,
        quotes=[view.visible_text[:300]] if view.visible_text else [],
    )


def _sentences_with(text: str, spans: list[str]) -> list[str]:
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    return [line for line in lines if any(s.lower() in line.lower() for s in spans)][:5]


@check("message_attribution", needs=(browser(SCENARIO, "after_first_message", WidgetView),))
def message_attribution(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    view: WidgetView = ev["after_first_message"]
    evidence = [ev.ref("after_first_message")]
    if not view.bot_messages:
        return result("inconclusive", "attribution.no_messages", evidence=evidence)
    weak, none = [], []
    for message in view.bot_messages:
        names = " | ".join([message.label, message.accessible_name, *message.alt_texts])
        if m.find("bot_identity", names):
            continue
        (weak if names.strip(" |") else none).append(message)
    total = len(view.bot_messages)
    if none:
        return result("fail", "attribution.fail", evidence=evidence, count=len(none), total=total)
    if weak:
        names = sorted(
            {n for msg_ in weak for n in [msg_.label, msg_.accessible_name, *msg_.alt_texts] if n}
        )
        return result(
            "partial",
            "attribution.partial",
            evidence=evidence,
            quotes=names,
            count=len(weak),
            total=total,
            names=quoted(names),
        )
    return result("pass", "attribution.pass", evidence=evidence, total=total)
