"""Can a citizen reach a human? Live handoff, another concrete channel, or nothing."""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.checks.unfinished import never_ended, reply_never_ended
from botaudit.evidence.observations import Exchange, HandoffRequests, WidgetView
from botaudit.lexicon import Matcher
from botaudit.messages import msg, quoted
from botaudit.signals import Handoff, classify_handoff, greeting_labels

SCENARIO = "human-handoff"


@check(
    "human_handoff",
    needs=(
        browser(SCENARIO, "handoff", HandoffRequests),
        browser(SCENARIO, "greeting", WidgetView, optional=True),
        browser(SCENARIO, "after_handoff", WidgetView, optional=True),
    ),
)
def human_handoff(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    data: HandoffRequests = ev["handoff"]
    labels = greeting_labels(ev.get("greeting"))
    evidence = [ev.ref("handoff")]
    shot: WidgetView | None = ev.get("after_handoff")
    if shot and shot.screenshot:
        evidence.append(shot.screenshot)
    cut = never_ended(data.attempts)
    if not data.attempts or all(not a.replies for a in data.attempts):
        if cut:
            return _unfinished(cut, data, evidence)
        return result("inconclusive", "handoff.no_replies", evidence=evidence)
    channel_found: tuple[int, Exchange, Handoff] | None = None
    for number, attempt in enumerate(data.attempts, start=1):
        found = classify_handoff(attempt.replies, m, labels)
        if found.kind == "live":
            instructed = attempt.source == "greeting-instruction"
            return result(
                "pass",
                "handoff.pass",
                evidence=evidence,
                quotes=[r.text for r in attempt.replies][:4],
                number=number,
                how=msg("handoff.how_instructed" if instructed else "handoff.how_plain"),
                sent=repr(attempt.sent),
                reason=found.reasons[0],
                note=msg("handoff.note_none" if data.greeting_instruction else "handoff.note"),
            )
        if found.kind == "channel" and channel_found is None:
            channel_found = (number, attempt, found)
    tried = quoted([a.sent for a in data.attempts])
    if channel_found:
        number, attempt, found = channel_found
        return result(
            "partial",
            "handoff.partial",
            evidence=evidence,
            quotes=[r.text for r in attempt.replies][:4],
            count=len(data.attempts),
            tried=tried,
            number=number,
            sent=repr(attempt.sent),
            reason=found.reasons[0],
        )
    if cut:
        return _unfinished(cut, data, evidence)
    return result(
        "fail",
        "handoff.fail",
        evidence=evidence,
        quotes=[r.text for a in data.attempts for r in a.replies][:4],
        count=len(data.attempts),
        tried=tried,
    )


def _unfinished(cut: Exchange, data: HandoffRequests, evidence: list[str]) -> CheckResult:
    """No human offered, but a reply was cut while it went on: the rest might have."""
    return result(
        "inconclusive",
        "replies.handoff",
        evidence=evidence,
        quotes=[r.text for a in data.attempts for r in a.replies][:4],
        unfinished=reply_never_ended(cut),
    )


@check("handoff_instruction_in_greeting", needs=(browser(SCENARIO, "greeting", WidgetView),))
def handoff_instruction_in_greeting(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    greeting: WidgetView = ev["greeting"]
    evidence = [ev.ref("greeting")]
    instruction = m.greeting_instruction(greeting.visible_text)
    if instruction:
        return result(
            "pass",
            "handoff_instruction.pass",
            evidence=evidence,
            quotes=[instruction],
            instruction=repr(instruction),
        )
    channel = classify_handoff(greeting.bot_messages, m, set())
    if channel.kind != "none":
        return result(
            "partial", "handoff_instruction.partial", evidence=evidence, reason=channel.reasons[0]
        )
    return result("fail", "handoff_instruction.fail", evidence=evidence)
