"""Replies that never ended: what a check may and may not conclude from them.

When the wait for a reply gives up while the bot is still writing, or still shows that it
is typing (`Exchange.never_ended`), the evidence is the beginning of an answer. A check
that passes on what it found there may still pass (the words were said); a check that
would fail for what it did *not* find must not: the rest of the answer might have held
it. Such checks answer *inconclusive* and say, in the user's terms, which reply did not
end and after how long (`replies.never_ended`).
"""

from __future__ import annotations

from collections.abc import Iterable

from botaudit.evidence.observations import Exchange
from botaudit.messages import Message, msg


def never_ended(exchanges: Iterable[Exchange]) -> Exchange | None:
    """The first exchange whose reply was still going on when the wait gave up."""
    # A bundle gathered before `never_ended` was recorded: a reply cut by the timeout.
    return next((e for e in exchanges if e.never_ended or (e.timed_out and e.replies)), None)


def reply_never_ended(exchange: Exchange) -> Message:
    """ "the reply to 'X' had not ended after N s …", for a check's own sentence."""
    return msg(
        "replies.never_ended", sent=repr(exchange.sent), seconds=round(exchange.elapsed_ms / 1000)
    )
