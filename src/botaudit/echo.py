"""The user's own words repeated in a reply are not the bot's words.

Many bots echo the message back ("Kiitos viestistäsi: "Henkilötunnukseni on …""). A
check looking for a warning about identity codes must not take the user's own mention of
an identity code for one. A run of at least `MIN_RUN` words that also stands, in the same
order, in the message sent is an echo and is left out before a reply is searched; shorter
shared runs stay, so that a real warning ("älä lähetä henkilötunnusta") is never lost
because it happens to share a word or two with the message.
"""

from __future__ import annotations

import re

MIN_RUN = 4
_WORD = re.compile(r"[\w\[\]@.+-]+")


def _key(word: str) -> str:
    return word.strip(".,:;!?\"'()“”«»").casefold()


def without_echo(reply: str, sent: str) -> str:
    """`reply` with every run of `MIN_RUN`+ words that also appears in `sent` removed."""
    sent_words = [_key(w) for w in _WORD.findall(sent)]
    runs = {tuple(sent_words[i : i + MIN_RUN]) for i in range(len(sent_words) - MIN_RUN + 1)}
    words = list(_WORD.finditer(reply))
    keys = [_key(w.group(0)) for w in words]
    echoed = [False] * len(words)
    for i in range(len(words) - MIN_RUN + 1):
        if tuple(keys[i : i + MIN_RUN]) in runs:
            echoed[i : i + MIN_RUN] = [True] * MIN_RUN
    pieces: list[str] = []
    last = 0
    for word, is_echo in zip(words, echoed, strict=True):
        if is_echo:
            pieces.append(reply[last : word.start()])
            last = word.end()
    pieces.append(reply[last:])
    return "".join(pieces)
