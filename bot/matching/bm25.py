"""Okapi BM25 over whole entries (phrasings, answer and source), on the analyzer's terms."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache, partial

import numpy as np
import numpy.typing as npt

from bot.matching.arrays import distinct
from bot.matching.corpus import COMMON_CEILING, POSTINGS_READ, Postings

_K1 = 1.2  # the textbook constants: not fitted to any story
_B = 0.75
_COMMON_SHARE = 0.01  # terms in more entries than this are skipped once rarer ones scored
_COMMON_FLOOR = 512
_TERMS_KEPT = 1024  # terms whose gains are kept: 4 kB each at most

Floats = npt.NDArray[np.float32]
Positions = npt.NDArray[np.int32]


@dataclass(frozen=True)
class Bm25Scores:
    """The scores of one question: those of the entries it touched; every other scores 0.

    Not dense over every entry: zeroing a million scores (4 MB) for each question cost more
    than the scoring.
    """

    touched: Positions  # ascending
    sums: Floats  # each touched entry's score

    def get(self, position: int) -> float:
        """Return the score of entry `position` (0 when it shares no term with the question)."""
        return float(self.at(np.array([position], dtype=np.int32))[0])

    def at(self, positions: npt.ArrayLike) -> Floats:
        """Return the scores of the entries at `positions`, in one step."""
        wanted = np.asarray(positions, dtype=np.int32)
        if not len(self.touched):
            return np.zeros(len(wanted), dtype=np.float32)
        at = np.minimum(np.searchsorted(self.touched, wanted), len(self.touched) - 1)
        scores: Floats = np.where(self.touched[at] == wanted, self.sums[at], np.float32(0.0))
        return scores

    def top(self, limit: int) -> list[int]:
        """Return the positions of the `limit` best-scoring entries, best first."""
        if not len(self.touched):
            return []
        best = np.argsort(-self.sums, kind="stable")[:limit]
        return [int(p) for p in self.touched[best]]


class Bm25:
    """Scores entries for a bag of query terms; entries are documents of canonical terms."""

    def __init__(self, postings: Postings) -> None:
        """Score over `postings`; their entry positions are the ones returned."""
        self._postings = postings
        lengths = postings.lengths
        self._size = len(lengths)
        average = int(lengths.sum()) / max(self._size, 1) or 1.0
        self._norm = _K1 * (1 - _B + _B * lengths.astype(np.float32) / average)
        total = max(self._size, 1)
        self._idf = np.array(
            [
                math.log(1 + (total - df + 0.5) / (df + 0.5))
                for df in np.diff(postings.starts).tolist()
            ]
        )
        self._common = min(max(_COMMON_FLOOR, int(total * _COMMON_SHARE)), COMMON_CEILING)
        # a term's gains depend on it alone: worked out for the terms questions use lately,
        # at most 1,024 entries' worth each
        self._gains = self._gains_cache(_TERMS_KEPT)

    def _gains_cache(self, kept: int | None) -> Callable[[int], tuple[Positions, Floats]]:
        """Return the gains lookup, `kept` terms' gains at most (None: every term's)."""
        gains = partial(_gains, self._postings, self._norm, self._idf, self._common)
        return lru_cache(maxsize=kept)(gains)

    def keep_every_term(self) -> None:
        """Keep every term's gains once worked out, not only the last 1,024 terms'.

        For validate's check in a process of its own: its phrasings' terms come in no order,
        so a bounded cache works the same gains out again and again.
        """
        self._gains = self._gains_cache(None)

    def idf(self, term: str) -> float:
        """Return the inverse document frequency of `term` (0 when no entry uses it)."""
        row = self._postings.ids.get(term)
        return float(self._idf[row]) if row is not None else 0.0

    def scores(self, terms: Iterable[str]) -> Bm25Scores:
        """Return the BM25 score of every entry sharing a term with the query."""
        postings = self._postings
        ids = postings.ids
        known = sorted({ids[t] for t in terms if t in ids}, key=postings.frequency)
        gained: list[tuple[Positions, Floats]] = []
        left = POSTINGS_READ
        for row in known:  # rarest first, so the cap on common terms drops the least
            start, end = postings.starts[row], postings.starts[row + 1]
            if end - start > self._common and gained:
                break  # bounded work: a term this common barely changes the ranking
            if min(end - start, self._common) > left:
                break  # bounded work: many terms of middling rarity add up
            left -= min(end - start, self._common)
            gained.append(self._gains(row))
        if not gained:
            return Bm25Scores(np.zeros(0, dtype=np.int32), np.zeros(0, dtype=np.float32))
        touched = distinct(np.concatenate([where for where, _ in gained]))
        sums = np.zeros(len(touched), dtype=np.float32)
        for where, gain in gained:  # term by term, rarest first: the same float32 sums
            sums[np.searchsorted(touched, where)] += gain
        return Bm25Scores(touched, sums)

    def ceiling(self, terms: Iterable[str]) -> float:
        """Return the score of an average-length entry with every query term once: a 0..1 scale."""
        return sum(self.idf(t) for t in set(terms)) or 1.0  # tf 1 scores idf alone


def _gains(
    postings: Postings, norm: Floats, idf: npt.NDArray[np.float64], common: int, row: int
) -> tuple[Positions, Floats]:
    """Return the entries term `row` scores, and what it adds to each one's score."""
    start, end = postings.starts[row], postings.starts[row + 1]
    # nothing rarer matched: score a bounded slice of a common term's entries, as the phrasing
    # index does, so no single question can walk a million postings
    end = min(end, start + common)
    where, often = postings.entries[start:end], postings.counts[start:end]
    gains: Floats = np.float32(idf[row]) * (often * (_K1 + 1) / (often + norm[where]))
    return where, gains
