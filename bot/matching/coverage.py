"""How much of a question an entry covers: exactly, or by words close in meaning."""

from __future__ import annotations

import operator
from collections.abc import Iterable
from itertools import compress, pairwise
from typing import NamedTuple

import numpy as np

from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.encoder import Vectors
from bot.matching.english import is_only_verb
from bot.matching.index import Index
from bot.matching.semantic import Pool, WordVectors
from bot.matching.thesaurus import related

_HOW_MANY = frozenset({("how", "many"), ("how", "much")})
_ARTICLES = frozenset({("a",), ("an",)})
_LOCATING = frozenset("in inside within across".split())
_DOING = frozenset("did does do has have had will".split())  # "how many … did Ghana have?"
_SOFT_FLOOR = 0.45  # word cosines below this are unrelated words, not other words for it
_SOFT_SPAN = 0.35  # from the floor to a full match
# an alternative settles an either-or question only if it holds a word at least this rare
# (a share of the most a word can weigh): "light rail or heavy rail?" is not settled by an
# entry about the light rail when every entry is about it
_TELLING = 0.5
# A verb the knowledge never uses most often says an entry's own doing in other words ("how
# many doses have shown up?" of "delivered", "did kenya put in" of "installed", "how much
# does the club owe?" of its debt), where an unknown noun names a thing the story leaves out
# ("who is the CEO?"): such a verb weighs this share of an unknown word. Chosen on the tuned
# sets (0.25-0.7 tried: 0.5 answered most, none lost with the encoder). So does a word of
# another language mixed in that no table reads ("cuánto le cuesta al museo empaquetar …?"):
# chosen on trials 19-25 (0.3, 0.5, 0.7 tried: each answered about four more questions right
# for one unanswerable one answered wrongly; 0.5 as for verbs).
_UNKNOWN_VERB = 0.5
# A word of one or two letters no entry uses is a particle of a language chat mixes in, or
# chat's own: pidgin "e" (it) and "di" (the), Greek "o", French "de", "la", "ce"; it says
# little of what is asked
_PARTICLE = 2
_UNKNOWN_PARTICLE = 0.25
# An entry word WordNet gives for a question's word ("municipalities" for "towns") covers it
# this much. Chosen on the tuned sets and trials 14-16 (0.6, 0.8 and 1.0 tried: 1.0 answered a
# few more and wrongly answered twice as many more).
_RELATED = 0.8
_NONE: frozenset[str] = frozenset()


class Coverage(NamedTuple):  # a tuple: made for every candidate, a third faster
    """The shares of a question's term weight an entry covers, and the most it lacks."""

    exact: float
    close: float  # exact, plus close-meaning words counted by how close they are
    worst_missing: float  # the weight share of the most important term not covered


class QuestionTerms:
    """A question's terms with their weights, worked out once for all its candidates."""

    def __init__(
        self,
        index: Index,
        words: WordVectors | None,
        query: Analysis,
        opposites: frozenset[tuple[str, str]] = frozenset(),
    ) -> None:
        """Weigh the terms of `query` by how rare they are in `index`.

        `opposites`: word pairs such as ("first", "last"); those whose first word the question
        uses are kept as its `clashes`.
        """
        self.words = words
        surfaces = query.surfaces or query.terms
        self.weights = {
            t: _weight(index, t, s, s in query.foreign)
            for t, s in zip(query.terms, surfaces, strict=False)
        }
        self.total = sum(self.weights.values()) or 1.0
        self.surfaces = dict(zip(query.terms, surfaces, strict=False))
        # the other words WordNet gives for each word (none for a name or a phrase)
        self.related = {
            t: related(s) - {t}
            for t, s in self.surfaces.items()
            if not t.startswith(ENTITY_PREFIX) and " " not in s
        }
        # whether a close word may cover any: by the encoder's word vectors, or WordNet's
        self.softly = words is not None or any(self.related.values())
        self.parts = phrase_parts(query.terms)
        self.terms = frozenset(query.terms)
        self.named = frozenset(t for t in self.terms if t.startswith(ENTITY_PREFIX))
        self.located = _located(query)  # named as where: "how many die in Kenya?"
        self.counters = _counters(query)  # who has what is counted: "how many did Ghana have?"
        # the few pairs the question uses, sorted: not all of them sorted, then picked
        self.clashes = tuple(sorted(pair for pair in opposites if pair[0] in self.parts))
        self.either = tuple(
            sides for sides in query.either if all(side <= self.weights.keys() for side in sides)
        )
        telling = _TELLING * index.unseen_weight
        self._telling = frozenset(t for t, w in self.weights.items() if w >= telling)
        # "how many of the permanent jobs went to women?" asks a part of a count: an entry
        # that gives the whole without saying "women" (or "Ikorodu") does not answer it
        partitive = _partitive(query.words)
        self.part_of = self._telling | self.named if partitive else frozenset()
        # each term's vector, looked up once for all the candidates it is matched against
        self._vectors: dict[str, Vectors | None] = {}

    def cover(self, terms: frozenset[str], soft: bool) -> Coverage:
        """Return how much of the question the entry `terms` cover (`soft`: by meaning too)."""
        if not soft and not self.either:  # most candidates: each term is there or it is not
            return self._cover_exactly(terms)
        pool = self.words.pool(terms) if soft and self.words is not None else None
        matched = {
            term: 1.0 if term in terms else self._close(term, terms, pool) for term in self.weights
        }
        exact = {term: float(term in terms) for term in self.weights}
        for sides in self.either:  # one alternative answers an either-or question
            settling = [side for side in sides if side & self._telling]
            for found in (exact, matched):
                settled = max((min(found[t] for t in side) for side in settling), default=0.0)
                found.update((t, max(found[t], settled)) for side in sides for t in side)
        weights = self.weights.items()
        return Coverage(
            sum(w * exact[t] for t, w in weights) / self.total,
            sum(w * matched[t] for t, w in weights) / self.total,
            max((w * (1 - matched[t]) for t, w in weights), default=0.0) / self.total,
        )

    def _cover_exactly(self, terms: frozenset[str]) -> Coverage:
        """Return `cover` without close words or alternatives: sums of the terms' weights.

        The same sums, in the same order: a term not there only ever added 0.0 to them.
        """
        there = list(map(terms.__contains__, self.weights))
        weights = self.weights.values()
        covered = sum(compress(weights, there)) / self.total
        lacked = compress(weights, map(operator.not_, there))
        return Coverage(covered, covered, max(lacked, default=0.0) / self.total)

    def _close(self, term: str, terms: frozenset[str], pool: Pool | None) -> float:
        """Return how much the entry `terms` cover `term` by a close word (meaning or WordNet)."""
        by_meaning = self._soft_match(term, pool) if pool else 0.0
        by_wordnet = 0.0 if self.related.get(term, _NONE).isdisjoint(terms) else _RELATED
        return max(by_meaning, by_wordnet)

    def _soft_match(self, term: str, pool: Pool) -> float:
        vector = self._vector(term)
        return 0.0 if vector is None else _closeness(pool.best_match(vector))

    def _vector(self, term: str) -> Vectors | None:
        """Return the vector `term` is matched by, or None when it has none to match by."""
        if term in self._vectors:
            return self._vectors[term]
        vector = None
        # a person or country is there or not: no "close meaning" for names
        if self.words is not None and not term.startswith(ENTITY_PREFIX):
            vector = self.words.of(term, self.surfaces.get(term, term))
            vector = vector if np.any(vector) else None
        self._vectors[term] = vector
        return vector


def _weight(index: Index, term: str, surface: str, foreign: bool = False) -> float:
    """Return how much `term` (read from `surface`) weighs in the question's coverage.

    `foreign`: the word is of another language mixed in, which no table reads.
    """
    weight = index.weight(term, plain=True)
    if index.knows(term):
        return weight
    if foreign or (" " not in surface and is_only_verb(surface.casefold())):
        return weight * _UNKNOWN_VERB
    if len(surface) <= _PARTICLE:
        return weight * _UNKNOWN_PARTICLE
    return weight


def _located(query: Analysis) -> frozenset[str]:
    """Return the names a question gives as where something is: "in Kenya", "across Ghana".

    So are the people counted by a country's name: "how many Kenyans die?" asks how many die
    in Kenya.
    """
    return _named_after(query, _LOCATING | {"many"})


def _counters(query: Analysis) -> frozenset[str]:
    """Return the names a count is asked of as who has it: "how many deaths did Ghana have?"."""
    if _HOW_MANY.isdisjoint(pairwise(query.words)):
        return frozenset()
    return _named_after(query, _DOING)


def _named_after(query: Analysis, before: frozenset[str]) -> frozenset[str]:
    """Return the terms of the names `query` gives right after one of the words `before`."""
    after = {w for previous, w in pairwise(query.words) if previous in before}
    return frozenset(t for t, typed in query.names.items() if typed.split()[0] in after)


def _partitive(words: tuple[str, ...]) -> bool:
    """Return whether the question asks "how many of …" or "how much of …"."""
    asking = [at for at, pair in enumerate(pairwise(words)) if pair in _HOW_MANY]
    # "how many of the jobs …?", and "of the 6,500 workers, how many …?"; not "how much of a
    # raise", which asks how big a raise
    return any(
        words[at + 2 : at + 3] == ("of",) and words[at + 3 : at + 4] not in _ARTICLES
        for at in asking
    ) or (bool(asking) and words[:1] == ("of",))


def phrase_parts(terms: Iterable[str]) -> frozenset[str]:
    """Return `terms` with phrases split into their stems: "south_pole" has "south"."""
    return frozenset(part for term in terms for part in term.split("_"))


def _closeness(cosine: float) -> float:
    # plain floats: np.clip on one number costs more than the rest of a soft match
    return min(max((cosine - _SOFT_FLOOR) / _SOFT_SPAN, 0.0), 1.0)
