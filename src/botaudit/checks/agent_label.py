"""transparency.human-agent-labelled: are a human agent's messages told apart in text?

The study: in OuluBot only the agent's messages carried a text label ("Oulu10"), the bot's
only the city logo; it asks that the conversation show *in text* whether a bot or a person
is answering (METKU 2022, Lisäselvitys 2, 4.2.3; 4.2.4 Avoimuus). Agent messages are the
handoff replies matched by `widget.agent_message`, or whose sender label is new (not one
the greeting used) and says nothing of a bot.

- pass: the agent's messages carry a text label or accessible name, and so do all the
  bot's (both sides named in text);
- partial: the agent's do, the bot's do not (a logo or nothing) — OuluBot;
- fail: an agent answered, with nothing in text telling their messages from the bot's;
- inconclusive: no agent joined, so there was nothing to see.
"""

from __future__ import annotations

from botaudit.checks.base import CheckResult, Evidence, browser, check, result
from botaudit.checks.unfinished import never_ended, reply_never_ended
from botaudit.evidence.observations import HandoffRequests, MessageView, WidgetView
from botaudit.lexicon import Matcher
from botaudit.messages import quoted
from botaudit.signals import greeting_labels

SCENARIO = "human-handoff"


def _named(message: MessageView) -> str:
    return message.label or message.accessible_name


def judge_agent_label(
    greeting: WidgetView | None, replies: list[MessageView], m: Matcher, evidence: list[str]
) -> CheckResult:
    labels = greeting_labels(greeting)
    agents = [
        r
        for r in replies
        if r.agent or (r.label and r.label not in labels and not m.find("bot_identity", r.label))
    ]
    if not agents:
        return result("inconclusive", "agent_label.no_agent", evidence=evidence)
    agent_names = sorted({_named(r) for r in agents if _named(r)})
    if not agent_names:
        return result("fail", "agent_label.fail", evidence=evidence, quotes=[agents[0].text])
    bots = [r for r in replies if r not in agents] + (greeting.bot_messages if greeting else [])
    bot_names = sorted({_named(r) for r in bots if _named(r)})
    if bots and all(_named(r) for r in bots):
        return result(
            "pass",
            "agent_label.pass",
            evidence=evidence,
            agent=quoted(agent_names),
            bot=quoted(bot_names),
        )
    return result("partial", "agent_label.partial", evidence=evidence, agent=quoted(agent_names))


@check(
    "human_agent_labelled",
    needs=(
        browser(SCENARIO, "handoff", HandoffRequests),
        browser(SCENARIO, "greeting", WidgetView, optional=True),
    ),
)
def human_agent_labelled(ev: Evidence, m: Matcher, _: object) -> CheckResult:
    data: HandoffRequests = ev["handoff"]
    replies = [r for attempt in data.attempts for r in attempt.replies]
    judged = judge_agent_label(ev.get("greeting"), replies, m, [ev.ref("handoff")])
    cut = never_ended(data.attempts)
    if cut and judged.outcome == "inconclusive":  # no agent seen, in an answer not ended
        return result(
            "inconclusive",
            "replies.agent_label",
            evidence=[ev.ref("handoff")],
            unfinished=reply_never_ended(cut),
        )
    return judged
