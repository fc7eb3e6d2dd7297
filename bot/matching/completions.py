"""The knowledge's words by how they begin: what a half-typed last word may become.

Autocomplete asks on every keystroke, so a lookup must not read the whole vocabulary (a
million entries use a few hundred thousand words). The words are kept sorted, a prefix's
words found by bisection, and at most `SCANNED` of them read; for a prefix that begins more
words than that ("s", "co"), its most used words were picked once, as the table was built.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping

import numpy as np
import numpy.typing as npt

from bot.matching.text import tokenize

SCANNED = 256  # words one lookup reads at most
KEPT = 8  # words a lookup returns at most: the most used
_LAST = "\U0010ffff"  # sorts after every character: `p + _LAST` bounds the words beginning p


class Completions:
    """Every word of a knowledge with how many entries use it, found by its beginning."""

    def __init__(self, counts: Mapping[str, int]) -> None:
        """Index the words of `counts` (word -> entries using it)."""
        self._words = sorted(counts)
        self._counts = np.array([counts[w] for w in self._words], dtype=np.int64)
        self._popular = self._popular_prefixes()

    @classmethod
    def of(cls, counts: Mapping[str, int], names: Iterable[str]) -> Completions:
        """Return the entries' words (`counts`: entries using each) and `names`' words.

        A name's word no entry's text uses ("Peking") may still be the one being typed, and
        each name is a word as a whole too: "anw" may be "Anwar ul Haq Kakar", though
        "anwar" alone names no one.
        """
        words: dict[str, int] = {}
        for name in names:
            tokens = tokenize(name)
            words.update(dict.fromkeys(tokens, 0))
            words[" ".join(tokens)] = 0
        words.update(counts)
        return cls(words)

    def __len__(self) -> int:
        """Return how many words the table holds."""
        return len(self._words)

    def complete(self, prefix: str) -> list[tuple[str, int]]:
        """Return up to `KEPT` words that begin with `prefix`, the most used first, and counts.

        Among words used as often, the alphabetically first (the shorter) comes first.
        """
        if not prefix:
            return []
        lo, hi = self._range(prefix)
        # a prefix of many words was answered at build time: no lookup reads them all
        found = self._popular[prefix] if hi - lo > SCANNED else most_used(self._counts, lo, hi)
        return [(self._words[i], int(self._counts[i])) for i in found]

    def _range(self, prefix: str, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
        """Return the positions of the words beginning with `prefix`, within `lo:hi`."""
        hi = len(self._words) if hi is None else hi
        start = bisect_left(self._words, prefix, lo, hi)
        return start, bisect_right(self._words, prefix + _LAST, start, hi)

    def _popular_prefixes(self) -> dict[str, tuple[int, ...]]:
        """Return, for every prefix beginning more than `SCANNED` words, its most used words.

        Such prefixes nest ("c", "co", "con"…) and at one length they share no word, so the
        work is the vocabulary's size a few times over, once per build.
        """
        words = self._words
        popular: dict[str, tuple[int, ...]] = {}
        stack = [(0, len(words), 0)]  # words lo:hi share their first `depth` letters
        while stack:
            lo, hi, depth = stack.pop()
            if hi - lo <= SCANNED:
                continue
            if depth:
                popular[words[lo][:depth]] = most_used(self._counts, lo, hi)
            at = lo
            while at < hi and len(words[at]) == depth:  # the prefix itself sorts first
                at += 1
            while at < hi:
                _, end = self._range(words[at][: depth + 1], at, hi)
                stack.append((at, end, depth + 1))
                at = end
        return popular


def most_used(counts: npt.NDArray[np.int64], lo: int, hi: int) -> tuple[int, ...]:
    """Return the positions in `lo:hi` of the `KEPT` largest `counts`, ties in order."""
    order = np.argsort(-counts[lo:hi], kind="stable")[:KEPT]
    return tuple((order + lo).tolist())
