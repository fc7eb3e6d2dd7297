"""A yes/no question stating a value the story gives otherwise: "Did India land in July?".

The question without that value (a month, a year, a weekday, a place) is matched; when an
entry covers every other word of it and its answer states another value of the same kind,
and not the one asked, the reply says the story does not give that value, and what it says.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import NamedTuple

from bot.matching.analysis import Analysis
from bot.matching.answerability import WEEKDAY_NAMES
from bot.matching.decision import Candidate, Entry
from bot.matching.lexicon import QType

# full names only: "may" and "mar" are English words too
_MONTHS = frozenset(
    "january february march april june july august september october november december".split()
)
_WEEKDAYS = frozenset(WEEKDAY_NAMES.split())
_YEAR = re.compile(r"^(?:19|20)\d\d$")
_YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_COVERED = 0.99  # the entry holds every other word of the question
_TRIED = 3  # confident entries looked through for one that gives another value


class ValuePremise(NamedTuple):
    """The value the question states, and the entry that gives another."""

    stated: str  # as typed: "july", "2030", "shanghai"
    candidate: Candidate


def find(
    question: Analysis,
    rank: Callable[[Analysis], list[Candidate]],
    places: frozenset[str],
    named_in: Callable[[Entry], tuple[str, ...]],
    asks: Callable[[Entry], QType],
    threshold: float,
) -> ValuePremise | None:
    """Return the value a yes/no `question` states that the story gives otherwise, if one.

    `rank` ranks the entries for a reading; `places` are the place terms of the fact store;
    `named_in` lists the entity terms an entry's answer names; `asks` is the question type of
    an entry's own question; `threshold` is how sure the question without the value must be
    answered. Only an entry that is asked when (or where) gives the value of what is asked:
    an answer holding several facts ("expected in 2022, opened three years late") may give
    a date of another.
    """
    for stated in _stated(question, places):
        without = _without(question, stated.word)
        if not without.terms:
            continue
        for best in rank(without)[:_TRIED]:
            if best.probability < threshold:
                break
            evidence = best.evidence
            if evidence.covered < _COVERED or not evidence.subject or evidence.unnamed:
                continue  # it may be about another thing: no "no" for it
            if asks(best.entry) != (QType.WHERE if stated.kind == "place" else QType.WHEN):
                continue
            if _gives_another(best.entry, stated, places, named_in):
                return ValuePremise(stated.word, best)
    return None


class _Stated(NamedTuple):
    word: str  # as typed
    kind: str  # month, weekday, year or place
    term: str = ""  # a place's entity term


def _stated(question: Analysis, places: frozenset[str]) -> list[_Stated]:
    """Return the values the question states, with their kinds."""
    found = []
    for word in question.words:
        if word in _MONTHS:
            found.append(_Stated(word, "month"))
        elif word in _WEEKDAYS:
            found.append(_Stated(word, "weekday"))
        elif _YEAR.match(word):
            found.append(_Stated(word, "year"))
    named = zip(question.terms, question.surfaces, strict=False)
    return found + [_Stated(said, "place", t) for t, said in named if t in places]


def _gives_another(
    entry: Entry,
    stated: _Stated,
    places: frozenset[str],
    named_in: Callable[[Entry], tuple[str, ...]],
) -> bool:
    """Return whether the entry's answer states a value of that kind, and not the one asked."""
    said = entry.answer.casefold()
    if stated.kind == "place":
        there = set(named_in(entry)) & places
        return bool(there) and stated.term not in there and stated.word not in said
    if stated.word in said:
        return False
    if stated.kind == "year":
        return bool(_YEARS.search(said))
    words = set(re.findall(r"[a-z]+", said))
    return bool(words & (_MONTHS if stated.kind == "month" else _WEEKDAYS))


def _without(question: Analysis, word: str) -> Analysis:
    """Return the reading of `question` without the term read from `word`, nor the word."""
    keep = [
        i
        for i, surface in enumerate(question.surfaces or question.terms)
        if word not in surface.split()
    ]
    return replace(
        question,
        terms=tuple(question.terms[i] for i in keep),
        surfaces=tuple(question.surfaces[i] for i in keep) if question.surfaces else (),
        words=tuple(w for w in question.words if w != word),
    )
