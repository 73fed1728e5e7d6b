"""Pure text measures for judging answers: words, readability (LIX), similarity, language,
links, and whether an answer meets a question set's expectation.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from urllib.parse import urlsplit

from botaudit.conversation.questions import Expectation
from botaudit.conversation.signals import Phrases

_WORD = re.compile(r"[^\W\d_]+(?:[-'][^\W\d_]+)*|\d+(?:[.,:–-]\d+)*", re.UNICODE)
_LETTERS = re.compile(r"[^\W\d_]+", re.UNICODE)
_SENTENCE_END = re.compile(r"[.!?:]+(?:\s|$)|\n+")
URL = re.compile(r"https?://[^\s<>\"')\]]+")


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def lix(text: str) -> float | None:
    """Björnsson's LIX: words per sentence + 100 × share of words of more than six letters.

    Björnsson, C.-H. (1968) Läsbarhet. Stockholm: Liber. URLs are left out (they are not
    read as words). None for a text without words.
    """
    text = URL.sub(" ", text)
    found = [w for w in words(text) if _LETTERS.fullmatch(w)]
    if not found:
        return None
    sentences = max(1, len([s for s in _SENTENCE_END.split(text) if words(s)]))
    long_words = sum(1 for w in found if len(w) > 6)
    return len(found) / sentences + 100 * long_words / len(found)


def similarity(a: str, b: str) -> float:
    """Word-sequence similarity in [0, 1] (difflib ratio over lower-cased words)."""
    left = [w.casefold() for w in words(URL.sub(" ", a))]
    right = [w.casefold() for w in words(URL.sub(" ", b))]
    if not left and not right:
        return 1.0
    return SequenceMatcher(None, left, right, autojunk=False).ratio()


def links_in(text: str, links: list[str]) -> list[str]:
    """Links given as links plus URLs written in the text, in order, without duplicates."""
    found = [*links, *(u.rstrip(".,;:!?") for u in URL.findall(text))]
    return list(dict.fromkeys(found))


def link_matches(prefix: str, url: str) -> bool:
    """A prefix starting with '/' matches the URL's path on any host."""
    if prefix.startswith("/"):
        return urlsplit(url).path.startswith(prefix)
    return url.startswith(prefix)


def language_of(text: str, phrases: dict[str, Phrases]) -> str | None:
    """The language whose stopwords occur most (None if no stopword occurs at all)."""
    tokens = [w.casefold() for w in words(text)]
    scores = {lang: sum(t in set(p.stopwords) for t in tokens) for lang, p in phrases.items()}
    best = max(scores, key=lambda lang: scores[lang], default=None)
    return best if best is not None and scores[best] > 0 else None


def meets(expect: Expectation, text: str, links: list[str]) -> tuple[bool, str]:
    """Whether an answer meets an expectation, and a short reason naming what was missing."""
    lowered = text.casefold()
    every = links_in(text, links)
    if expect.any and not any(p.casefold() in lowered for p in expect.any):
        return False, "none of: " + " | ".join(expect.any)
    missing = [p for p in expect.all if p.casefold() not in lowered]
    if missing:
        return False, "missing: " + " | ".join(missing)
    if expect.regex and not re.search(expect.regex, text, re.IGNORECASE):
        return False, f"no match for /{expect.regex}/"
    if expect.link and not any(link_matches(expect.link, u) for u in every):
        return False, f"no link to {expect.link}"
    return True, "as expected" if not expect.is_empty() else "no expectation given"


def violates(must_not: Expectation, text: str, links: list[str]) -> str | None:
    """What in the answer is forbidden by `must_not` (any listed phrase, regex or link)."""
    if must_not.is_empty():
        return None
    lowered = text.casefold()
    for phrase in must_not.any + must_not.all:
        if phrase.casefold() in lowered:
            return f"contains {phrase!r}"
    if must_not.regex and re.search(must_not.regex, text, re.IGNORECASE):
        return f"matches /{must_not.regex}/"
    if must_not.link and any(link_matches(must_not.link, u) for u in links_in(text, links)):
        return f"links to {must_not.link}"
    return None
