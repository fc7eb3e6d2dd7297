"""An inverted index over entry phrasings, scored by weighted term coverage."""

from __future__ import annotations

import heapq
import math
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.matching.analyzer import ENTITY_PREFIX, Analysis
from bot.matching.arrays import distinct_inverse, spans
from bot.matching.corpus import COMMON_CEILING, POSTINGS_READ, QTYPES, Corpus, Flags
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


def _by_score(hit: Hit) -> float:
    return hit.score


class _Weights:
    """A question's term weights and their sum, computed once per search."""

    def __init__(self, of: dict[str, float]) -> None:
        self.of = of
        self.total = sum(of.values())


class Index:
    """Phrasings of many entries, found by their terms and ranked by weighted coverage."""

    def __init__(self, corpus: Corpus) -> None:
        """Index the entries of `corpus`; their order defines the `Hit.entry` positions."""
        self._postings = postings = corpus.postings
        total = max(len(corpus.strict), 1)
        frequencies = np.diff(postings.starts).tolist()
        self._idf = np.array([math.log(1 + total / df) for df in frequencies], dtype=np.float64)
        self._unknown = math.log(1 + total / 0.5) * _UNKNOWN_FACTOR
        self._common = min(max(_COMMON_FLOOR, int(total * _COMMON_SHARE)), COMMON_CEILING)
        self._named = np.array([t.startswith(ENTITY_PREFIX) for t in corpus.terms], dtype=bool)
        self._own = self._masses(corpus)
        # kept whole, each phrasing's terms in order too (12 MB at 100,000 entries): a reload
        # copies every unchanged entry from it (`CorpusBuilder.add_run`) instead of analysing it
        self.corpus = corpus
        self._required = _required(corpus, self._named)
        self._agreement = np.array([[qtype_agreement(a, o) for o in QTYPES] for a in QTYPES])

    def _masses(self, corpus: Corpus) -> npt.NDArray[np.float64]:
        """Return each phrasing's own weight: its terms' weights, repeats counted, in order."""
        raw, starts = corpus.raw_terms, corpus.raw_starts
        phrasing_of = np.repeat(np.arange(len(starts) - 1), np.diff(starts))
        entry_of = np.repeat(np.arange(len(corpus.strict)), np.diff(corpus.first_phrasing))
        boost = self._named[raw] & ~corpus.strict[entry_of][phrasing_of]
        weights = np.where(boost, self._idf[raw] * _ENTITY_BOOST, self._idf[raw])
        own = np.bincount(phrasing_of, weights=weights, minlength=len(starts) - 1)
        return np.where(own == 0, 1.0, own)  # a phrasing of filler words only

    def knows(self, term: str) -> bool:
        """Return whether any entry uses `term`."""
        return term in self._postings.ids

    @property
    def unseen_weight(self) -> float:
        """Return the weight of a term no entry uses: the most a term can weigh."""
        return self._unknown

    def weight(self, term: str, plain: bool = False) -> float:
        """Return how much `term` says about which entry is meant (`plain`: no entity boost)."""
        row = self._postings.ids.get(term)
        weight = float(self._idf[row]) if row is not None else self._unknown
        boost = not plain and term.startswith(ENTITY_PREFIX)
        return weight * _ENTITY_BOOST if boost else weight

    def search(self, query: Analysis, limit: int = 5) -> list[Hit]:
        """Return up to `limit` entries best matching `query`, best first."""
        return heapq.nlargest(limit, self.shortlisted(query), key=_by_score)

    def shortlisted(self, query: Analysis, size: int = _SHORTLIST) -> list[Hit]:
        """Return the `size` entries the question's rarest terms vote for most, scored."""
        return self.score(query, self.shortlist(query, size))

    def shortlist(self, query: Analysis, size: int = _SHORTLIST) -> list[int]:
        """Return the positions of the `size` entries the question's rarest terms vote for most."""
        terms = set(query.terms)
        return self._shortlist(terms, size) if terms else []

    def score(self, query: Analysis, positions: Iterable[int]) -> list[Hit]:
        """Score the entries at `positions` (nominated here or by another retriever)."""
        terms = set(query.terms)
        wanted = np.fromiter(positions, dtype=np.intp)
        if not terms or not len(wanted):
            return []
        boosted = _Weights({t: self.weight(t) for t in terms})
        # "who is X?" entries weigh X like any word: "how old is X?" must not look like it
        plain = _Weights({t: self.weight(t, plain=True) for t in terms})
        query_terms = _QueryTerms(self, terms, boosted, plain)
        scores, best = self._scores(wanted, query_terms, query.qtype)
        return [
            Hit(int(p), float(s), int(b)) if s > 0 else Hit(int(p), 0.0, 0)
            for p, s, b in zip(wanted, scores, best, strict=True)
        ]

    def terms_of(self, position: int) -> frozenset[str]:
        """Return every term entry `position` uses: phrasings, answer and source."""
        corpus = self.corpus
        rows = corpus.entry_terms[corpus.entry_starts[position] : corpus.entry_starts[position + 1]]
        return frozenset(map(corpus.terms.__getitem__, rows.tolist()))

    def phrasing(self, hit: Hit) -> Analysis:
        """Return the phrasing that gave `hit` its score: its distinct terms and question type."""
        corpus = self.corpus
        number = int(corpus.first_phrasing[hit.entry]) + hit.phrasing
        start, end = corpus.phrasing_starts[number], corpus.phrasing_starts[number + 1]
        terms = tuple(corpus.terms[t] for t in corpus.phrasing_terms[start:end].tolist())
        return Analysis(terms, QTYPES[corpus.qtypes[number]])

    def phrasing_qtype(self, hit: Hit) -> QType:
        """Return the question type of the phrasing that gave `hit` its score."""
        number = int(self.corpus.first_phrasing[hit.entry]) + hit.phrasing
        return QTYPES[int(self.corpus.qtypes[number])]

    def required(self, position: int) -> frozenset[str]:
        """Return the people and things every phrasing of entry `position` names."""
        return self._required.get(position, frozenset())

    def _shortlist(self, terms: set[str], size: int) -> list[int]:
        chunks, weights = self._voters(terms)
        if not chunks:
            return []
        voters = np.concatenate(chunks)
        entries, voter = distinct_inverse(voters)
        votes = np.bincount(voter, weights=np.repeat(weights, [len(c) for c in chunks]))
        # most votes first; among equals, the earlier entry (the file's order) first
        order = np.lexsort((entries, -votes))[:size]
        return [int(p) for p in entries[order]]

    def _voters(self, terms: set[str]) -> tuple[list[npt.NDArray[np.int32]], list[float]]:
        """Return the entries each nominating term votes for, and its weight: bounded work."""
        postings = self._postings
        rows = sorted((postings.ids[t] for t in terms if t in postings.ids), key=postings.frequency)
        chunks: list[npt.NDArray[np.int32]] = []
        weights: list[float] = []
        left = POSTINGS_READ
        for row in rows:  # rarest first: they say most about which entry is meant
            found = postings.entries[postings.starts[row] : postings.starts[row + 1]]
            if len(found) > self._common:
                if chunks:
                    break  # a term this common would only add noise and time
                found = found[: self._common]  # nothing rarer matched: any will do
            if len(found) > left:
                break  # many terms of middling rarity add up
            left -= len(found)
            chunks.append(found)
            weights.append(self.weight(self.corpus.terms[row]))
        return chunks, weights

    def _scores(
        self, wanted: npt.NDArray[np.intp], query: _QueryTerms, qtype: QType
    ) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.intp]]:
        """Return each wanted entry's best phrasing score, and which phrasing gave it."""
        corpus = self.corpus
        strict = corpus.strict[wanted]
        # the whole entry: question terms it uses in a phrasing, or only in its answer
        cells, owner = spans(corpus.entry_starts[wanted], corpus.entry_starts[wanted + 1])
        rows = corpus.entry_terms[cells]
        weights, found = query.lookup(rows, strict[owner])
        phrased = corpus.phrased[cells]
        in_entry = np.bincount(owner, weights * phrased, minlength=len(wanted))
        in_answer = np.bincount(owner, weights * ~phrased, minlength=len(wanted))
        named = np.bincount(owner, found & self._named[rows], minlength=len(wanted))
        missing = named < query.named  # someone the question names is nowhere in the entry
        # each phrasing: the question terms it uses itself
        phrasings, entry = spans(corpus.first_phrasing[wanted], corpus.first_phrasing[wanted + 1])
        cells, owner = spans(
            corpus.phrasing_starts[phrasings], corpus.phrasing_starts[phrasings + 1]
        )
        rows = corpus.phrasing_terms[cells]
        weights, found = query.lookup(rows, strict[entry][owner])
        shared = np.bincount(owner, weights, minlength=len(phrasings))
        unasked = np.bincount(owner, self._named[rows] & ~found, minlength=len(phrasings)) > 0
        share = np.where(strict, _STRICT_SHARE, _QUERY_SHARE)[entry]
        total = np.where(strict, query.plain.total, query.boosted.total)[entry]
        # a term in this phrasing counts fully, in another phrasing or the answer partly
        reached = (
            shared + (in_entry[entry] - shared) * _ENTRY_CREDIT + in_answer[entry] * _ANSWER_CREDIT
        )
        score = (reached / total) ** share * (shared / self._own[phrasings]) ** (1 - share)
        score *= self._agreement[QTYPES.index(qtype), corpus.qtypes[phrasings]]
        score = np.where(missing[entry] & unasked, score * _SUBSTITUTED, score)
        return _first_best(score, entry, len(wanted))


class _QueryTerms:
    """A question's known terms as sorted ids, with both weightings, for array lookups."""

    def __init__(self, index: Index, terms: set[str], boosted: _Weights, plain: _Weights) -> None:
        ids = index._postings.ids
        known = sorted((ids[t], t) for t in terms if t in ids)
        self.rows = np.array([row for row, _ in known], dtype=np.int32)
        self.boosted_of = np.array([boosted.of[t] for _, t in known] + [0.0])
        self.plain_of = np.array([plain.of[t] for _, t in known] + [0.0])
        self.boosted, self.plain = boosted, plain
        # a name the knowledge never uses is missing from every entry
        self.named = sum(t.startswith(ENTITY_PREFIX) for t in terms)

    def lookup(
        self, rows: npt.NDArray[np.int32], plain: Flags
    ) -> tuple[npt.NDArray[np.float64], Flags]:
        """Return each term's question weight (0 when not asked), and whether it was asked."""
        at = np.searchsorted(self.rows, rows)
        found = (
            self.rows[np.minimum(at, len(self.rows) - 1)] == rows if len(self.rows) else rows < 0
        )
        at = np.where(found, at, len(self.rows))  # the appended 0.0
        return np.where(plain, self.plain_of[at], self.boosted_of[at]), found


def _first_best(
    score: npt.NDArray[np.float64], entry: npt.NDArray[np.intp], size: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.intp]]:
    """Return each entry's highest score and its first phrasing with it (0 when none beats 0)."""
    starts = np.searchsorted(entry, np.arange(size))
    best = np.maximum.reduceat(score, starts)
    first = np.where(score == best[entry], np.arange(len(score)), len(score))
    return best, np.minimum.reduceat(first, starts) - starts


def _required(corpus: Corpus, named: Flags) -> dict[int, frozenset[str]]:
    """Return, for each entry all of whose phrasings name someone, whom every one names."""
    cells = np.flatnonzero(named[corpus.phrasing_terms])
    if not len(cells):
        return {}
    phrasing_of = np.searchsorted(corpus.phrasing_starts, cells, side="right") - 1
    entry_of = np.searchsorted(corpus.first_phrasing, phrasing_of, side="right") - 1
    rows = corpus.phrasing_terms[cells]
    pairs, counts = np.unique(np.stack((entry_of, rows)), axis=1, return_counts=True)
    phrasings = np.diff(corpus.first_phrasing)
    required: dict[int, set[str]] = {}
    for (entry, row), count in zip(pairs.T.tolist(), counts.tolist(), strict=True):
        if count == phrasings[entry]:
            required.setdefault(entry, set()).add(corpus.terms[row])
    return {entry: frozenset(names) for entry, names in required.items()}
