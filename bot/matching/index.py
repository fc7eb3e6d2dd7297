"""An inverted index over entry phrasings, scored by weighted term coverage."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from bot.matching.analyzer import ENTITY_PREFIX, Analysis
from bot.matching.lexicon import QType

_ENTRY_CREDIT = 0.85  # a term found in another phrasing of the same entry
_ANSWER_CREDIT = 0.6  # a term found only in the answer or its source
_UNKNOWN_FACTOR = 0.8  # a word the knowledge never uses: rarer than anything known
_ENTITY_BOOST = 1.4  # naming who or what a question is about matters more than its verbs
_QUERY_SHARE = 0.65  # how much covering the question counts against covering the phrasing
_STRICT_SHARE = 0.9
_COMMON_SHARE = 0.01  # terms in more entries than this only score, they do not nominate
_COMMON_FLOOR = 256
_SHORTLIST = 64

_SOFT = {QType.NONE, QType.WHAT, QType.HOW, QType.YESNO}
_NEAR = ({QType.WHO, QType.WHERE},)
_NUMERIC = {QType.COUNT, QType.AMOUNT, QType.DURATION}
_SUBSTITUTED = 0.65  # the question names someone the entry is not about, the entry another


@dataclass(frozen=True)
class IndexedEntry:
    """What the index needs of one entry: its phrasings and its answer's terms."""

    phrasings: tuple[Analysis, ...]
    answer_terms: frozenset[str]
    strict: bool = False  # "who is X?" entries: the question must be about X alone


@dataclass(frozen=True)
class Hit:
    """One scored entry: its position, score in 0..1 and best-matching phrasing."""

    entry: int
    score: float
    phrasing: int


def qtype_agreement(asked: QType, offered: QType) -> float:
    """Return a factor for how well a phrasing's question type fits the asked one."""
    if asked == offered:
        return 1.0
    if asked in _NUMERIC:
        return 0.55  # "how many ...?" wants a number, and only some entries give one
    if asked == QType.QUOTE:
        return 0.85 if offered == QType.WHAT else 0.65  # only what was said answers this
    if asked in _SOFT:
        return 0.95
    if {asked, offered} in _NEAR:
        return 0.85
    if offered in _SOFT:
        return 0.7  # "when ...?" answered by an entry nobody asks "when" of
    return 0.6


def _term_sets(terms: tuple[str, ...]) -> tuple[frozenset[str], frozenset[str]]:
    """Return a phrasing's terms, and those of them that name someone, as sets."""
    words = frozenset(terms)
    return words, frozenset(t for t in words if t.startswith(ENTITY_PREFIX))


def _by_score(hit: Hit) -> float:
    return hit.score


class _Weights:
    """A question's term weights and their sum, computed once per search."""

    def __init__(self, of: dict[str, float]) -> None:
        self.of = of
        self.total = sum(of.values())


class Index:
    """Phrasings of many entries, found by their terms and ranked by weighted coverage."""

    def __init__(self, entries: Sequence[IndexedEntry]) -> None:
        """Index `entries`; their order defines the `Hit.entry` positions."""
        self._entries = list(entries)
        self._union = [frozenset().union(*(p.terms for p in e.phrasings)) for e in entries]
        postings: dict[str, list[int]] = {}
        for position, (entry, union) in enumerate(zip(entries, self._union, strict=True)):
            for term in union | entry.answer_terms:
                postings.setdefault(term, []).append(position)
        # arrays: a tenth of the memory of lists of ints, and votes counted without a loop
        self._postings = {t: np.array(p, dtype=np.int32) for t, p in postings.items()}
        del postings
        total = max(len(entries), 1)
        self._idf = {t: math.log(1 + total / len(p)) for t, p in self._postings.items()}
        self._unknown = math.log(1 + total / 0.5) * _UNKNOWN_FACTOR
        self._common = max(_COMMON_FLOOR, int(total * _COMMON_SHARE))
        self._own = [tuple(self._mass(p.terms, e.strict) for p in e.phrasings) for e in entries]
        self._sets = [[_term_sets(p.terms) for p in e.phrasings] for e in entries]
        # the people and things every phrasing of an entry names
        self._required = [
            frozenset.intersection(*(names for _, names in sets)) if sets else frozenset()
            for sets in self._sets
        ]

    def _mass(self, terms: Iterable[str], plain: bool = False) -> float:
        return sum(self.weight(t, plain) for t in terms) or 1.0

    def knows(self, term: str) -> bool:
        """Return whether any entry uses `term`."""
        return term in self._postings

    def weight(self, term: str, plain: bool = False) -> float:
        """Return how much `term` says about which entry is meant (`plain`: no entity boost)."""
        weight = self._idf.get(term, self._unknown)
        boost = not plain and term.startswith(ENTITY_PREFIX)
        return weight * _ENTITY_BOOST if boost else weight

    def search(self, query: Analysis, limit: int = 5) -> list[Hit]:
        """Return up to `limit` entries best matching `query`, best first."""
        return heapq.nlargest(limit, self.shortlisted(query), key=_by_score)

    def shortlisted(self, query: Analysis, size: int = _SHORTLIST) -> list[Hit]:
        """Return the `size` entries the question's rarest terms vote for most, scored."""
        terms = set(query.terms)
        return self.score(query, self._shortlist(terms, size)) if terms else []

    def score(self, query: Analysis, positions: Iterable[int]) -> list[Hit]:
        """Score the entries at `positions` (nominated here or by another retriever)."""
        terms = set(query.terms)
        if not terms:
            return []
        boosted = _Weights({t: self.weight(t) for t in terms})
        # "who is X?" entries weigh X like any word: "how old is X?" must not look like it
        plain = _Weights({t: self.weight(t, plain=True) for t in terms})
        return [
            self._score(i, terms, plain if self._entries[i].strict else boosted, query.qtype)
            for i in positions
        ]

    def terms_of(self, position: int) -> frozenset[str]:
        """Return every term entry `position` uses: phrasings, answer and source."""
        return self._union[position] | self._entries[position].answer_terms

    def phrasing(self, hit: Hit) -> Analysis:
        """Return the phrasing that gave `hit` its score."""
        return self._entries[hit.entry].phrasings[hit.phrasing]

    def required(self, position: int) -> frozenset[str]:
        """Return the people and things every phrasing of entry `position` names."""
        return self._required[position]

    def _shortlist(self, terms: set[str], size: int) -> list[int]:
        known = sorted(
            (t for t in terms if t in self._postings), key=lambda t: len(self._postings[t])
        )
        chunks: list[np.ndarray] = []
        weights: list[float] = []
        for term in known:  # rarest first: they say most about which entry is meant
            postings = self._postings[term]
            if len(postings) > self._common:
                if chunks:
                    break  # a term this common would only add noise and time
                postings = postings[: self._common]  # nothing rarer matched: any will do
            chunks.append(postings)
            weights.append(self.weight(term))
        if not chunks:
            return []
        voters = np.concatenate(chunks)
        entries, voter = np.unique(voters, return_inverse=True)
        votes = np.bincount(voter, weights=np.repeat(weights, [len(c) for c in chunks]))
        # most votes first; among equals, the earlier entry (the file's order) first
        order = np.lexsort((entries, -votes))[:size]
        return [int(p) for p in entries[order]]

    def _score(self, position: int, terms: set[str], query: _Weights, qtype: QType) -> Hit:
        entry, union, own = self._entries[position], self._union[position], self._own[position]
        weights, total = query.of, query.total
        in_entry = sum(weights[t] for t in terms.intersection(union))
        in_answer = sum(weights[t] for t in terms.intersection(entry.answer_terms) - union)
        named = {t for t in terms if t.startswith(ENTITY_PREFIX)}
        missing = named - union - entry.answer_terms
        share = _STRICT_SHARE if entry.strict else _QUERY_SHARE
        best = Hit(position, 0.0, 0)
        for number, phrasing in enumerate(entry.phrasings):
            words, names = self._sets[position][number]
            shared = sum(weights[t] for t in terms.intersection(words))
            # a term in this phrasing counts fully, in another phrasing or the answer partly
            found = shared + (in_entry - shared) * _ENTRY_CREDIT + in_answer * _ANSWER_CREDIT
            score = (found / total) ** share * (shared / own[number]) ** (1 - share)
            score *= qtype_agreement(qtype, phrasing.qtype)
            if missing and names - terms:
                score *= _SUBSTITUTED
            if score > best.score:
                best = Hit(position, score, number)
        return best
