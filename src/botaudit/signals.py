"""What bot replies signal: a handoff to a person, or another way to reach one.

Gathering needs this to stop asking once a person has joined (every further message would
keep a real agent busy); the handoff checks need it to judge. One module serves both so
the stop rule and the verdict cannot disagree.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from botaudit.evidence.observations import MessageView, WidgetView
from botaudit.evidence.pii import EMAIL
from botaudit.lexicon import Matcher
from botaudit.messages import Message, msg

# Masked values still show that a channel was named: the evidence masks phone numbers.
_MASKED_CHANNEL = re.compile(r"\[(phone|email) masked\]")


@dataclass
class Handoff:
    kind: Literal["live", "channel", "none"]
    reasons: list[Message] = field(default_factory=list)  # for the explanations


def greeting_labels(greeting: WidgetView | None) -> set[str]:
    """Sender labels the bot used before any request: a new label means someone else."""
    if greeting is None:
        return set()
    return {m.label for m in greeting.bot_messages}


def classify_handoff(replies: list[MessageView], m: Matcher, bot_labels: set[str]) -> Handoff:
    live: list[Message] = []
    channels: list[Message] = []
    for reply in replies:
        if reply.agent:
            live.append(msg("signals.agent_message", text=repr(reply.text[:120])))
        elif (
            reply.label
            and bot_labels
            and reply.label not in bot_labels
            and not m.find("bot_identity", reply.label)
        ):
            live.append(msg("signals.label_changed", label=repr(reply.label)))
        signals = m.find("handoff_signals", reply.text)
        if signals:
            wording = ", ".join(map(repr, signals))
            live.append(
                msg("signals.transfer_wording", wording=wording, text=repr(reply.text[:160]))
            )
        named = m.find("human_channels", reply.text)
        named += [x.group(0) for x in _MASKED_CHANNEL.finditer(reply.text)]
        named += [x.group(0) for x in EMAIL.finditer(reply.text)]
        named += [link for link in reply.links if link.startswith(("tel:", "mailto:"))]
        if named:
            where = ", ".join(map(repr, named))
            channels.append(msg("signals.channel", where=where, text=repr(reply.text[:160])))
    if live:
        return Handoff("live", live)
    if channels:
        return Handoff("channel", channels)
    return Handoff("none")
