"""Evidence that an entry answers a question: how much of it matches, and whether it can."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
from functools import cached_property, lru_cache, partial
from typing import NamedTuple

from bot.matching.analysis import Analysis
from bot.matching.bm25 import Bm25, Bm25Scores
from bot.matching.coverage import QuestionTerms, phrase_parts
from bot.matching.demands import Demands
from bot.matching.encoder import Vectors
from bot.matching.index import Hit, Index, qtype_agreement
from bot.matching.lexicon import QType
from bot.matching.mismatch import elsewhere, opposed, unnamed
from bot.matching.names import AnswerNames
from bot.matching.narrowing import Narrowings
from bot.matching.needs import TELLING, Need
from bot.matching.offered import OfferedKinds
from bot.matching.semantic import SemanticIndex, WordVectors

_TERMS_KEPT = 1024  # entries whose terms are kept made (1 kB or so each): a question reads 20
# "who is the boss of X?" names no one: a person of the fact store whose description holds
# the question's words is asked for by it, as if by a phrasing this share as good
_DESCRIBED = 0.6
_WHOLLY = 0.95  # a phrasing score this high: the phrasing holds the whole question


@dataclass(frozen=True)
class Evidence:
    """What was measured for one candidate entry; each value is in 0..1 or close to it."""

    phrasing: float  # the lexical index: weighted coverage of the best phrasing
    phrasing_margin: float  # over the best other candidate's (negative when below it)
    bm25: float  # BM25 over the whole entry, scaled by the question's own ceiling
    bm25_margin: float
    semantic: float  # best cosine between the question and the entry's texts
    semantic_margin: float
    covered: float  # weighted share of the question's terms the entry uses anywhere
    soft_covered: float  # the same, counting close-meaning words as partly there
    missing: float  # the weight share of the most important term the entry lacks
    kind: float  # 1 when the answer holds the kind of value asked (a date, a number…) and any
    # figure the question states, and the part asked of "how many of the jobs went to women?"
    told: float  # 1 when that kind is a telling one (a place, a reason, a day, an age…)
    qtype: float  # how well the best phrasing's question type agrees with the asked one
    subject: float  # 1 when every person or thing the question names is in the entry
    unnamed: float  # 1 when the entry is always about someone the question never names
    opposed: float  # 1 when the entry says the opposite of a question word ("last" to "first")
    # 1 when the question names a place the entry lacks, and it names another, or asks of one
    # item of a list whose whole the answer counts
    elsewhere: float

    def values(self) -> tuple[float, ...]:
        """Return the measurements in field order, for the decision model."""
        return tuple(self.__dict__.values())  # astuple deep-copies: 30 times slower

    @classmethod
    def of(cls, measured: dict[str, float]) -> Evidence:
        """Return the evidence of `measured`: every field by name, in field order.

        What `__init__` makes, without its sixteen assignments to frozen fields: they were a
        third of measuring a candidate.
        """
        evidence = object.__new__(cls)
        # in field order whatever the dict's, and a missing field raises: `values` reads the
        # fields in the order the decision model weighs them
        evidence.__dict__.update((name, measured[name]) for name in _NAMES)
        return evidence

    @classmethod
    def names(cls) -> tuple[str, ...]:
        """Return the field names, for `--explain` and the fitting script."""
        return tuple(f.name for f in fields(cls))


_NAMES = Evidence.names()


@dataclass(frozen=True)
class Retrievers:
    """The scorers one engine builds over its entries; the semantic parts may be off."""

    index: Index
    bm25: Bm25
    offers: OfferedKinds  # per entry: the kinds of value its answer holds
    cue_terms: dict[Need, frozenset[str]]  # per kind of value, the terms that only ask for it
    opposites: frozenset[tuple[str, str]]  # term pairs such as ("first", "last")
    semantic: SemanticIndex | None = None
    words: WordVectors | None = None
    places: frozenset[str] = frozenset()  # the places the fact store names
    people: frozenset[str] = frozenset()  # the people the fact store names
    person_entries: frozenset[int] = frozenset()  # the positions of those people's own entries
    outlying: frozenset[str] = frozenset()  # those outside the title's: "Lagos" holds the rest
    undertakings: frozenset[str] = frozenset()  # its programmes, events and things
    within: dict[str, frozenset[str]] = field(default_factory=dict)  # names inside names
    # those few entries name, and not the title: "phase two" is no entry's unsaid subject
    asides: frozenset[str] = frozenset()
    setting: frozenset[str] = frozenset()  # the title's terms and its names' words
    countries: frozenset[str] = frozenset()  # the countries the fact store names
    regions: frozenset[str] = frozenset()  # the terms of places wider than a country
    continents: frozenset[str] = frozenset()  # of those, the continents' own
    # countries and capitals the knowledge never names, by their terms, under each of their
    # terms: "in Ghana" of a story set in Lagos asks of somewhere it does not speak of
    foreign: dict[str, tuple[frozenset[str], ...]] = field(default_factory=dict)
    # (entry, phrasing) of the phrasings that ask for others: "who else has joined?"
    othering: frozenset[tuple[int, int]] = frozenset()
    # per fact-store entity, the words its names use: "the caretaker PM" is Kakar, so an entry
    # naming Kakar speaks of a caretaker and a prime minister
    implied: dict[str, frozenset[str]] = field(default_factory=dict)
    seats: dict[str, frozenset[str]] = field(default_factory=dict)  # a country's capitals
    names: AnswerNames | None = None  # the names each answer gives, for "what is X called?"
    narrowings: Narrowings | None = None  # the superlatives each answer narrows

    @cached_property
    def terms_of(self) -> Callable[[int], frozenset[str]]:
        """Return the lookup of every term an entry covers, each entry's made once.

        An entry covers its own terms, the cue terms of the kinds of value its answer holds,
        and the words that name the entities it names. The cache holds the parts, not these
        retrievers: no cycle keeps an engine alive.
        """
        return self._lookups(_TERMS_KEPT)[0]

    @cached_property
    def parts_of(self) -> Callable[[int], frozenset[str]]:
        """Return the lookup of an entry's covered terms with phrases split into their stems."""
        return self._lookups(_TERMS_KEPT, self.terms_of)[1]

    def keep_every_entry(self) -> None:
        """Keep every entry's covered terms, table and every term's BM25 gains once made.

        For validate's check in a process of its own: it measures each entry dozens of times
        (a candidate for many phrasings), where a served engine keeps its memory.
        """
        self.index.keep_every_entry()
        self.bm25.keep_every_term()
        terms_of, parts_of = self._lookups(None)
        # the cached properties' own slots: the frozen class forbids setting attributes
        self.__dict__["terms_of"], self.__dict__["parts_of"] = terms_of, parts_of

    def _lookups(
        self, kept: int | None, terms_of: Callable[[int], frozenset[str]] | None = None
    ) -> tuple[Callable[[int], frozenset[str]], Callable[[int], frozenset[str]]]:
        """Return the covered-terms lookup (or `terms_of`) and its phrase parts', `kept` each."""
        if terms_of is None:
            made = partial(
                _terms_of, self.index, self.offers, self.cue_terms, self.implied, self.people
            )
            terms_of = lru_cache(maxsize=kept)(made)
        looked = terms_of  # bound for the lambda: the retrievers themselves are not held
        return terms_of, lru_cache(maxsize=kept)(lambda position: phrase_parts(looked(position)))


class _Raw(NamedTuple):
    hit: Hit
    bm25: float
    semantic: float


def gather(
    tools: Retrievers,
    query: Analysis,
    vector: Vectors | None,
    positions: list[int],
    bm25: Bm25Scores,
    hits: dict[int, Hit],
) -> tuple[QuestionTerms, dict[int, Evidence]]:
    """Measure the evidence for each candidate at `positions` (`hits`: those already scored)."""
    unscored = [p for p in positions if p not in hits]
    hits = {**hits, **{h.entry: h for h in tools.index.score(query, unscored)}}
    ceiling = tools.bm25.ceiling(query.terms)
    semantic = [0.0] * len(positions)
    if tools.semantic is not None and vector is not None:
        semantic = tools.semantic.similarities(vector, positions).tolist()
    lexical = bm25.at(positions).tolist()  # in one step, not one per candidate
    raw = {
        p: _Raw(hits.get(p, Hit(p, 0.0, 0)), min(score / ceiling, 1.0), cosine)
        for p, score, cosine in zip(positions, lexical, semantic, strict=True)
    }
    question = QuestionTerms(tools.index, tools.words, query, tools.opposites)
    if not raw:
        return question, {}
    demands = Demands.of(tools, query, question)
    firsts = _Rivals(list(raw.values()))
    return question, {
        p: _measure(tools, query, question, demands, r, firsts.beside(p)) for p, r in raw.items()
    }


def refine(
    tools: Retrievers, question: QuestionTerms, position: int, evidence: Evidence
) -> Evidence:
    """Count close-meaning words as partly covered: costly, so only for the leading candidates.

    Close by the encoder's word vectors, or one WordNet gives for the question's word.
    """
    if not question.softly:
        return evidence
    coverage = question.cover(tools.terms_of(position), soft=True)
    changed = {"soft_covered": coverage.close, "missing": coverage.worst_missing}
    return Evidence.of({**evidence.__dict__, **changed})


class _Rivals:
    """The best and second-best score of each kind among a question's candidates."""

    def __init__(self, raws: list[_Raw]) -> None:
        self._kinds = [
            _top_two([(r.hit.score, r.hit.entry) for r in raws]),
            _top_two([(r.bm25, r.hit.entry) for r in raws]),
            _top_two([(r.semantic, r.hit.entry) for r in raws]),
        ]

    def beside(self, position: int) -> _Raw:
        """Return the best scores among the candidates other than `position`."""
        best = [second if first[1] == position else first for first, second in self._kinds]
        return _Raw(Hit(0, best[0][0], 0), best[1][0], best[2][0])


def _top_two(scored: list[tuple[float, int]]) -> tuple[tuple[float, int], tuple[float, int]]:
    ranked = sorted(scored, reverse=True)[:2]  # what `heapq.nlargest` gives, for a few faster
    return ranked[0], ranked[1] if len(ranked) > 1 else (0.0, -1)


def _offered(
    offers: OfferedKinds, people: frozenset[str], position: int, terms: frozenset[str]
) -> frozenset[Need]:
    """Return the kinds of value entry `position` offers; one naming someone gives a person."""
    offered = offers[position]
    return offered | {Need.PERSON} if people & terms else offered


def _terms_of(
    index: Index,
    offers: OfferedKinds,
    cue_terms: dict[Need, frozenset[str]],
    implied: dict[str, frozenset[str]],
    people: frozenset[str],
    position: int,
) -> frozenset[str]:
    own = index.terms_of(position)
    # "X's job?" is answered by "X is the premier", "day of the week?" by "on Friday", "the
    # teacher lady" by an entry naming someone
    cues = [cue_terms[n] for n in _offered(offers, people, position, own) if n in cue_terms]
    named = [implied[t] for t in own if t in implied]
    return own.union(*cues, *named)


def _measure(
    tools: Retrievers,
    query: Analysis,
    question: QuestionTerms,
    demands: Demands,
    raw: _Raw,
    rival: _Raw,
) -> Evidence:
    asked = query.asks
    position = raw.hit.entry
    terms = tools.terms_of(position)
    coverage = question.cover(terms, soft=False)
    phrased = tools.index.phrasing_qtype(raw.hit) if raw.hit.score else None
    offered = _offered(tools.offers, tools.people, position, terms)
    kind = demands.held(tools.offers, tools.names, position, query, question, terms, offered)
    # "which country joined?" is not answered by the entry phrased "who else has joined?",
    # when that phrasing holds the whole question ("who supports it?" it holds in part: the
    # entry's other phrasings may ask it)
    if raw.hit.score >= _WHOLLY and (position, raw.hit.phrasing) in tools.othering:
        kind = kind and demands.for_others
    phrasing = raw.hit.score
    # only if it shares a word: "who is the boss?" is covered by any person with a title
    if query.qtype == QType.WHO and raw.bm25 > 0 and position in tools.person_entries:
        phrasing = max(phrasing, coverage.exact * _DESCRIBED)
    return Evidence.of(
        {
            "phrasing": phrasing,
            "phrasing_margin": raw.hit.score - rival.hit.score,
            "bm25": raw.bm25,
            "bm25_margin": raw.bm25 - rival.bm25,
            "semantic": raw.semantic,
            "semantic_margin": raw.semantic - rival.semantic,
            "covered": coverage.exact,
            "soft_covered": coverage.close,
            "missing": coverage.worst_missing,
            "kind": 1.0 if kind else 0.0,
            "told": 1.0 if kind and asked & TELLING else 0.0,
            "qtype": qtype_agreement(query.qtype, phrased) if phrased is not None else 0.5,
            "subject": 1.0 if question.named <= terms else 0.0,
            "unnamed": unnamed(tools, query.qtype, question, position),
            "opposed": opposed(tools, question.clashes, position),
            # "how many Kenyan children were in the trial?" of "9,400 children in Ghana, Kenya,
            # Mali and Tanzania": the answer is about the whole list, not the part asked
            "elsewhere": 1.0
            if not kind and demands.one_of_a_list(tools.offers, position, query, question)
            else elsewhere(tools, question, terms, asked, demands.abroad),
        }
    )
