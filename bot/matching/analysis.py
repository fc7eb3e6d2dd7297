"""A text as the matcher reads it: its canonical terms, question type and words."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property
from typing import NamedTuple

from bot.matching.alternatives import Sides
from bot.matching.asking import needs
from bot.matching.lexicon import QType
from bot.matching.needs import Need

ENTITY_PREFIX = "@"  # canonical terms for fact-store entities: "@kakar"


@dataclass(frozen=True)
class Analysis:
    """A question reduced to what matters for matching."""

    terms: tuple[str, ...]
    qtype: QType
    surfaces: tuple[str, ...] = ()  # the words each term was read from, for soft matching
    words: tuple[str, ...] = ()  # every word, filler included: "what *time*" asks for a time
    either: tuple[Sides, ...] = ()  # the alternatives of an either-or question
    # the words of another language mixed in that no table reads ("empaquetar"): they say what
    # is asked in words no entry could hold, and weigh less (`coverage`)
    foreign: frozenset[str] = frozenset()

    @cached_property
    def asks(self) -> frozenset[Need]:
        """Return the kinds of value the question asks for: worked out once per reading."""
        return needs(self.qtype, self.words, frozenset(self.names.values()))

    @cached_property
    def names(self) -> dict[str, str]:
        """Return each name the question gives, by its term, as typed ("henk bosveld").

        A reading without surfaces (a phrasing's) gives none.
        """
        surfaces = zip(self.terms, self.surfaces, strict=False)
        return {t: s for t, s in surfaces if t[:1] == ENTITY_PREFIX and s}

    @cached_property
    def stated(self) -> frozenset[str]:
        """Return the words the question states values in; none for an either-or question.

        "Monday or Tuesday?" is answered by "on Monday": its alternatives are what it asks.
        """
        return frozenset() if self.either else frozenset(self.words)

    def first(self, count: int) -> Analysis:
        """Return this reading with only its first `count` terms (and their surfaces)."""
        if len(self.terms) <= count:
            return self
        return replace(self, terms=self.terms[:count], surfaces=self.surfaces[:count])

    def keeping(self, wanted: Callable[[str], bool]) -> Analysis:
        """Return this reading with only the `wanted` terms (and their surfaces)."""
        kept = [i for i, term in enumerate(self.terms) if wanted(term)]
        surfaces = tuple(self.surfaces[i] for i in kept) if self.surfaces else ()
        return replace(self, terms=tuple(self.terms[i] for i in kept), surfaces=surfaces)


class Phrasing(NamedTuple):
    """An entry's phrasing as the index reads it: its terms, question type and their words.

    A plain tuple, not an `Analysis`: a build makes hundreds of thousands and keeps none,
    and a frozen dataclass cost four times as much to make.
    """

    terms: tuple[str, ...]
    qtype: QType
    surfaces: tuple[str, ...]
