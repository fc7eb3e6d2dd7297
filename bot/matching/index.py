"""An inverted index over entry phrasings, scored by weighted term coverage."""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable, Iterable
from functools import lru_cache, partial
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.arrays import distinct_inverse
from bot.matching.corpus import COMMON_CEILING, POSTINGS_READ, QTYPES, Corpus, Flags
from bot.matching.entrytables import EntryTable, QueryRows, table_of
from bot.matching.lexicon import QType
from bot.matching.scoring import array_scores, table_scores

_UNKNOWN_FACTOR = 0.8  # a word the knowledge never uses: rarer than anything known
_ENTITY_BOOST = 1.4  # naming who or what a question is about matters more than its verbs
_COMMON_SHARE = 0.01  # terms in more entries than this only score, they do not nominate
_COMMON_FLOOR = 256
_SHORTLIST = 64
# votes counted in Python below this: numpy's dozen steps cost more than a loop over them
_FEW_VOTERS = 256
# knowledge up to this many entries keeps each as a table once scored: 1.5 kB or so each
_TABLES_KEPT = 4096

_SOFT = {QType.NONE, QType.WHAT, QType.HOW, QType.YESNO}
_NEAR = ({QType.WHO, QType.WHERE},)
_NUMERIC = {QType.COUNT, QType.AMOUNT, QType.DURATION}


class Hit(NamedTuple):  # a tuple: a question makes dozens, and a tuple is made fastest
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


def _boosted(term: str, weight: float) -> float:
    """Return the weight of `term` boosted if it names someone: who a question is about."""
    return weight * _ENTITY_BOOST if term.startswith(ENTITY_PREFIX) else weight


def _by_score(hit: Hit) -> float:
    return hit.score


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
        self._agreement_of = self._agreement.tolist()
        # small knowledge: each entry, once scored, kept as a table (the cache holds the
        # arrays, not this index); large knowledge is scored over its arrays (`scoring`)
        self._tables = None
        if len(corpus.strict) <= _TABLES_KEPT:
            self._tables = self._table_cache(_TABLES_KEPT)

    def _table_cache(self, kept: int | None) -> Callable[[int], EntryTable]:
        """Return the table lookup, `kept` entries' tables at most (None: every one)."""
        return lru_cache(maxsize=kept)(partial(table_of, self.corpus, self._own, self._named))

    def keep_every_entry(self) -> None:
        """Score from tables, every entry's kept once made, whatever the knowledge's size.

        For validate's check in a process of its own: it scores each entry dozens of times,
        and a table scores the same as the arrays (`scoring`) in a third of the steps.
        """
        self._tables = self._table_cache(None)

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
        return weight if plain else _boosted(term, weight)

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
        wanted = list(positions)
        if not terms or not wanted:
            return []
        # "who is X?" entries weigh X like any word: "how old is X?" must not look like it
        plain = {t: self.weight(t, plain=True) for t in terms}
        boosted = {t: _boosted(t, w) for t, w in plain.items()}
        query_terms = QueryRows(self._postings.ids, terms, boosted, plain)
        return self._scores(wanted, query_terms, query.qtype)

    def terms_of(self, position: int) -> frozenset[str]:
        """Return every term entry `position` uses: phrasings, answer and source."""
        corpus = self.corpus
        rows = corpus.entry_terms[corpus.entry_starts[position] : corpus.entry_starts[position + 1]]
        return frozenset(map(corpus.terms.__getitem__, rows.tolist()))

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
        if sum(map(len, chunks)) <= _FEW_VOTERS:
            return _counted(chunks, weights, size)
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

    def _scores(self, wanted: list[int], query: QueryRows, qtype: QType) -> list[Hit]:
        """Return each wanted entry's best phrasing score, and which phrasing gave it."""
        asked = QTYPES.index(qtype)
        if self._tables is None:
            agreement = self._agreement[asked]
            at = np.array(wanted, dtype=np.intp)
            best = array_scores(self.corpus, self._named, self._own, agreement, at, query)
        else:
            tables = [self._tables(p) for p in wanted]
            best = table_scores(tables, query, self._agreement_of[asked])
        return [Hit(p, score, number) for p, (score, number) in zip(wanted, best, strict=True)]


def _counted(chunks: list[npt.NDArray[np.int32]], weights: list[float], size: int) -> list[int]:
    """Return `_shortlist`'s entries from few votes, counted in Python in the same order."""
    votes: dict[int, float] = {}
    for chunk, weight in zip(chunks, weights, strict=True):
        for entry in chunk.tolist():
            votes[entry] = votes.get(entry, 0.0) + weight
    ranked = sorted(votes.items(), key=lambda vote: (-vote[1], vote[0]))
    return [entry for entry, _ in ranked[:size]]


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
