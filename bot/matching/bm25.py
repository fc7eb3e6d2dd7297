"""Okapi BM25 over whole entries (phrasings, answer and source), on the analyzer's terms."""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

_K1 = 1.2  # the textbook constants: not fitted to any story
_B = 0.75
_COMMON_SHARE = 0.01  # terms in more entries than this are skipped once rarer ones scored
_COMMON_FLOOR = 512

Floats = npt.NDArray[np.float32]
Positions = npt.NDArray[np.int64]


@dataclass(frozen=True)
class Bm25Scores:
    """The scores of one question: dense over every entry, with the entries it touched."""

    values: Floats
    touched: Positions

    def get(self, position: int) -> float:
        """Return the score of entry `position` (0 when it shares no term with the question)."""
        return float(self.values[position])

    def top(self, limit: int) -> list[int]:
        """Return the positions of the `limit` best-scoring entries, best first."""
        if not len(self.touched):
            return []
        scored = self.values[self.touched]
        best = np.argsort(-scored, kind="stable")[:limit]
        return [int(p) for p in self.touched[best]]


class Bm25:
    """Scores entries for a bag of query terms; entries are documents of canonical terms."""

    def __init__(self, documents: Sequence[Iterable[str]]) -> None:
        """Index `documents`; their order defines the entry positions returned."""
        postings: dict[str, tuple[list[int], list[int]]] = {}
        lengths = []
        for position, terms in enumerate(documents):
            counts = Counter(terms)
            lengths.append(sum(counts.values()))
            for term, count in counts.items():
                where, often = postings.setdefault(term, ([], []))
                where.append(position)
                often.append(count)
        self._postings = {
            t: (np.array(p, dtype=np.int64), np.array(c, dtype=np.float32))
            for t, (p, c) in postings.items()
        }
        self._size = len(lengths)
        average = sum(lengths) / max(self._size, 1) or 1.0
        self._norm = _K1 * (1 - _B + _B * np.array(lengths, dtype=np.float32) / average)
        total = max(self._size, 1)
        self._idf = {
            t: math.log(1 + (total - len(p[0]) + 0.5) / (len(p[0]) + 0.5))
            for t, p in self._postings.items()
        }
        self._common = max(_COMMON_FLOOR, int(total * _COMMON_SHARE))

    def idf(self, term: str) -> float:
        """Return the inverse document frequency of `term` (0 when no entry uses it)."""
        return self._idf.get(term, 0.0)

    def scores(self, terms: Iterable[str]) -> Bm25Scores:
        """Return the BM25 score of every entry sharing a term with the query."""
        known = sorted({t for t in terms if t in self._postings}, key=self._df)
        values = np.zeros(self._size, dtype=np.float32)
        touched: list[Positions] = []
        for term in known:  # rarest first, so the cap on common terms drops the least
            where, often = self._postings[term]
            if len(where) > self._common and touched:
                break  # bounded work: a term this common barely changes the ranking
            # nothing rarer matched: score a bounded slice of a common term's entries, as the
            # phrasing index does, so no single question can walk a million postings
            where, often = where[: self._common], often[: self._common]
            gain = often * (_K1 + 1) / (often + self._norm[where])
            values[where] += np.float32(self._idf[term]) * gain
            touched.append(where)
        joined = np.unique(np.concatenate(touched)) if touched else np.zeros(0, dtype=np.int64)
        return Bm25Scores(values, joined)

    def ceiling(self, terms: Iterable[str]) -> float:
        """Return the score of an average-length entry with every query term once: a 0..1 scale."""
        return sum(self._idf.get(t, 0.0) for t in set(terms)) or 1.0  # tf 1 scores idf alone

    def _df(self, term: str) -> int:
        return len(self._postings[term][0])
