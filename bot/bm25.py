"""Okapi BM25 over whole entries (phrasings, answer and source), on the analyzer's terms."""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Iterable, Sequence

_K1 = 1.2  # the textbook constants: not fitted to any story
_B = 0.75
_COMMON_SHARE = 0.02  # terms in more entries than this are skipped once rarer ones scored
_COMMON_FLOOR = 512


class Bm25:
    """Scores entries for a bag of query terms; entries are documents of canonical terms."""

    def __init__(self, documents: Sequence[Iterable[str]]) -> None:
        """Index `documents`; their order defines the entry positions returned."""
        self._postings: dict[str, list[tuple[int, int]]] = {}
        lengths = []
        for position, terms in enumerate(documents):
            counts = Counter(terms)
            lengths.append(sum(counts.values()))
            for term, count in counts.items():
                self._postings.setdefault(term, []).append((position, count))
        total = max(len(lengths), 1)
        average = sum(lengths) / total or 1.0
        self._norm = [_K1 * (1 - _B + _B * n / average) for n in lengths]
        self._idf = {
            t: math.log(1 + (total - len(p) + 0.5) / (len(p) + 0.5))
            for t, p in self._postings.items()
        }
        self._common = max(_COMMON_FLOOR, int(total * _COMMON_SHARE))

    def idf(self, term: str) -> float:
        """Return the inverse document frequency of `term` (0 when no entry uses it)."""
        return self._idf.get(term, 0.0)

    def scores(self, terms: Iterable[str]) -> dict[int, float]:
        """Return the BM25 score of every entry sharing a term with the query."""
        known = sorted({t for t in terms if t in self._postings}, key=self._df)
        scores: dict[int, float] = {}
        for term in known:  # rarest first, so the cap on common terms drops the least
            postings = self._postings[term]
            if len(postings) > self._common and scores:
                break  # bounded work: a term this common barely changes the ranking
            idf = self._idf[term]
            # nothing rarer matched: score a bounded slice of a common term's entries, as the
            # phrasing index does, so no single question can walk a million postings
            for position, count in postings[: self._common]:
                gain = idf * count * (_K1 + 1) / (count + self._norm[position])
                scores[position] = scores.get(position, 0.0) + gain
        return scores

    def ceiling(self, terms: Iterable[str]) -> float:
        """Return the score an entry would get with every query term once: a scale for 0..1."""
        return sum(self._idf.get(t, 0.0) for t in set(terms)) * (_K1 + 1) / (1 + _K1) or 1.0

    def top(self, scores: dict[int, float], limit: int) -> list[int]:
        """Return the positions of the `limit` best entries in `scores`."""
        return heapq.nlargest(limit, scores, key=scores.__getitem__)

    def _df(self, term: str) -> int:
        return len(self._postings[term])
