"""Grouping unanswered questions, and counting groups in bounded, mergeable memory.

Finnish inflects nouns in fifteen cases ("jätemaksu", "jätemaksun", "jätemaksusta"), so
exact matching of questions groups nothing. Each question becomes the sorted set of the
Snowball stems of its words (cut to 7 letters), stop words and numbers left out.

Stemmer: `snowballstemmer`, the Snowball project's own Python package (the Finnish,
Swedish and English algorithms come from the project that maintains them), pure Python
with no build step, switching to the C implementation by itself when PyStemmer is
installed. A lemmatiser (Voikko, spaCy) would need native libraries or models; stemming
runs only on questions the bot failed, a small share of all messages, so speed is moot.

Counting uses the Misra-Gries summary, which Agarwal et al. (2012, "Mergeable
summaries") proved mergeable: while the number of distinct groups stays within `capacity`
every count is exact and merging shards gives the single-pass counts; beyond it, counts
are lower bounds and the largest possible undercount (`undercount`) is kept and reported.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from functools import lru_cache

import snowballstemmer

from botaudit.evidence.pii import mask_text

_WORD = re.compile(r"[^\W\d_]{2,}")
_MASKED = re.compile(r"\[\w+ masked\]")
_STEMMERS = {"fi": "finnish", "sv": "swedish", "en": "english"}
EXAMPLES = 3
CAPACITY = 5000


@lru_cache(maxsize=8)
def _stemmer(language: str):
    return snowballstemmer.stemmer(_STEMMERS.get(language, "english"))


STEM_CHARS = 7


@lru_cache(maxsize=65536)
def _stem(word: str, language: str) -> str:
    """The Snowball stem, cut to `STEM_CHARS`: Finnish consonant gradation leaves stems
    such as "uimaran" / "uimarano" (uimarannalle, uimarannoilla) that differ only at the end."""
    return _stemmer(language).stemWord(word)[:STEM_CHARS]


@lru_cache(maxsize=16384)
def group_key(text: str, language: str, stopwords: frozenset[str]) -> str:
    """The order-free stems of a question's content words; '' when it has none.
    (Cached: logs repeat the same questions, and quick-reply buttons repeat them exactly.)"""
    words = _WORD.findall(_MASKED.sub(" ", text).lower())
    stems = {_stem(w, language) for w in words if w not in stopwords}
    return " ".join(sorted(s for s in stems if len(s) > 1))


def shorten(text: str, limit: int = 200) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def masked_example(text: str) -> str:
    """The question as trainers see it: personal data masked, then shortened."""
    return shorten(mask_text(text))


Ref = tuple[int, int]  # (file index, line)


Example = tuple[Ref, str, int]  # where, masked text, crc32 of the original text


def _offer(kept: list[Example], ref: Ref, crc: int, text: Callable[[], str]) -> None:
    """Keep the `EXAMPLES` distinct texts that occur first. A text keeps its earliest
    line, so which shard saw it first cannot change the result; `text` masks lazily."""
    for i, (where, masked, known) in enumerate(kept):
        if known == crc:
            if ref < where:
                kept[i] = (ref, masked, crc)
                kept.sort()
            return
    if len(kept) < EXAMPLES or ref < kept[-1][0]:
        kept.append((ref, text(), crc))
        kept.sort()
        del kept[EXAMPLES:]


class GroupCounter:
    """Counts per group key, with the `EXAMPLES` distinct examples seen first in each."""

    __slots__ = ("capacity", "counts", "examples", "undercount")

    def __init__(self, capacity: int = CAPACITY) -> None:
        self.capacity = capacity
        self.counts: dict[str, int] = {}
        self.examples: dict[str, list[Example]] = {}
        self.undercount = 0

    def add(self, key: str, ref: Ref, text: str) -> None:
        """Count one question; `text` is masked only if it is kept as an example."""
        self.counts[key] = self.counts.get(key, 0) + 1
        crc = zlib.crc32(text.encode("utf-8", "replace"))
        _offer(self.examples.setdefault(key, []), ref, crc, lambda: masked_example(text))
        if len(self.counts) > self.capacity:
            self._reduce()

    def _reduce(self) -> None:
        """Misra-Gries: subtract the (capacity+1)-th largest count from all, drop <= 0."""
        ordered = sorted(self.counts.values(), reverse=True)
        cut = ordered[self.capacity] if len(ordered) > self.capacity else 0
        if not cut:
            return
        self.undercount += cut
        for key in list(self.counts):
            self.counts[key] -= cut
            if self.counts[key] <= 0:
                del self.counts[key]
                del self.examples[key]

    def merge(self, other: GroupCounter, shift: dict[int, int]) -> None:
        """Add `other` (whose line numbers move by `shift[file]`)."""
        self.undercount += other.undercount
        for key, count in other.counts.items():
            self.counts[key] = self.counts.get(key, 0) + count
            kept = self.examples.setdefault(key, [])
            for (file, line), masked, crc in other.examples.get(key, []):
                moved = (file, line + shift.get(file, 0))
                _offer(kept, moved, crc, lambda masked=masked: masked)
        if len(self.counts) > self.capacity:
            self._reduce()

    def top(self, n: int) -> list[tuple[str, int, list[Example]]]:
        ranked = sorted(self.counts.items(), key=lambda kv: (-kv[1], kv[0]))[:n]
        return [(key, count, self.examples[key]) for key, count in ranked]
