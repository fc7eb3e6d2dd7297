"""Evidence that an entry is about another place, party or thing than the question asks of."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bot.matching.coverage import QuestionTerms
from bot.matching.lexicon import QType
from bot.matching.needs import Need

if TYPE_CHECKING:  # the retrievers hold these checks' tables; evidence imports this module
    from bot.matching.evidence import Retrievers


def elsewhere(
    tools: Retrievers,
    question: QuestionTerms,
    terms: frozenset[str],
    asked: frozenset[Need],
    abroad: bool = False,
) -> float:
    """Return 1 when the question asks about a place the entry never names, but another.

    "How long is the ride from Oshodi to Marina?" is not answered by the ride from Ikorodu to
    Oshodi. A place the story's title names is its setting, not elsewhere: "Lagos" holds the
    places the entries name. So is a country as where something is ("how many die in Kenya?"
    is not Africa's toll, nor is "how many Kenyans die?" or "how many deaths did Kenya
    have?"), or as a party when the entry names another country. So is a programme, event
    or thing: "who is building phase two?" is not who built the Orange Line. So is a
    continent when the entry names another. A question `abroad` (naming a country or capital
    the story never names: `demands.Demands`) asks of somewhere else than any entry.
    """
    if abroad:
        return 1.0
    named, others = question.named, terms - question.named
    place = (tools.outlying & named) - terms and tools.places & others
    undertaking = (tools.undertakings & named) - terms and tools.undertakings & others
    # an entry naming no programme or event is about the story's own, not one aside from it,
    # unless it shares a party the question names ("and India?" after NASA's Artemis plans)
    aside = (tools.asides & named) - terms and not (named | tools.undertakings) & terms
    # unless another than the country is asked for ("which countries are next after Kenya?")
    party = Need.OTHER not in asked and _another_country(tools, named, terms)
    # mostly empty: no union made
    located = (tools.countries & (question.located | question.counters)) - terms
    country = located and (tools.countries | tools.outlying | tools.regions) & others
    # Africa's toll is not Asia's
    continent = (tools.continents & question.terms) - terms and tools.continents & others
    return 1.0 if place or undertaking or aside or country or party or continent else 0.0


def _another_country(tools: Retrievers, named: frozenset[str], terms: frozenset[str]) -> bool:
    """Return whether the question asks of a country the entry never names, but another one.

    "When was the last Chinese moon landing?" is not answered by the US's in 1972. A country
    is named by anyone whose name says it: an entry naming Kakar ("the Pakistani PM") speaks
    for Pakistan.
    """
    asked_of = (tools.countries & named) - terms
    if not asked_of or tools.countries.isdisjoint(terms - named):
        return False
    spoken_for = frozenset().union(*(tools.within.get(t, frozenset()) for t in terms))
    return bool(asked_of - spoken_for)


def unnamed(tools: Retrievers, qtype: QType, question: QuestionTerms, position: int) -> float:
    """Return 1 when every phrasing names someone the question does not.

    "When was the first landing?" is not "when did India land?"; a "who" question may be
    asking for the very person the entry names, so it is never held against it.
    """
    if qtype == QType.WHO:
        return 0.0
    unnamed = tools.index.required(position) - question.terms
    # "what does Beijing want?" names China by its capital
    seats = tools.seats
    return 1.0 if any(not seats.get(t, frozenset()) & question.named for t in unnamed) else 0.0


def opposed(tools: Retrievers, clashes: tuple[tuple[str, str], ...], position: int) -> float:
    """Return 1 when the entry has the opposite of a question word but not the word itself."""
    if not clashes:  # most questions have no word with an opposite: nothing to split
        return 0.0
    has = tools.parts_of(position)
    return 1.0 if any(a not in has and b in has for a, b in clashes) else 0.0
