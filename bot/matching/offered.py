"""The kinds of value each entry's answer holds, and whether they are said of what is asked.

"When did X join?" is not answered by "X supports it" (`answerability` reads a text's kinds),
nor "which month was the contract signed?" by "signed in 2018 and construction began in
March" (`clauses` reads which thing a value is said of).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import TYPE_CHECKING

from bot.matching.answerability import offers, said
from bot.matching.lexicon import QType
from bot.matching.needs import PHRASED, Need

if TYPE_CHECKING:
    from bot.matching.clauses import Clauses


class OfferedKinds:
    """The kinds of value each entry's answer holds, read when first asked for."""

    def __init__(
        self,
        answers: list[str],
        named: range = range(0),
        phrased: tuple[frozenset[QType], ...] = (),
        clauses: Clauses | None = None,
        places: frozenset[str] = frozenset(),
    ) -> None:
        """Keep the answers; most are never a candidate, so none is read up front.

        `named`: the entries about one named thing, which give its full name; `phrased`: per
        entry, the question types of its phrasings ("why …?" phrasings give a reason);
        `clauses`: the answers' clauses, to tell which thing a value is said of; `places`:
        the terms of the places and countries the fact store names.
        """
        self._answers = answers
        self._clauses = clauses
        self._named = named
        self._phrased = phrased
        self._places = places
        self._found: dict[int, frozenset[Need]] = {}

    def __getitem__(self, position: int) -> frozenset[Need]:
        """Return what the answer of entry `position` offers."""
        found = self._found.get(position)
        if found is None:
            found = offers(self._answers[position])
            given = {Need.NAME} if position in self._named else set()
            if position < len(self._phrased):
                given |= {PHRASED[q] for q in self._phrased[position] if q in PHRASED}
            found = self._found[position] = found | given
        return found

    def holds(
        self, position: int, asked: frozenset[Need], question: frozenset[str], words: frozenset[str]
    ) -> bool:
        """Return whether the answer holds every kind `asked`, in a clause about the question."""
        return asked <= self[position] and self.near(position, asked, question, words)

    def counts(
        self, position: int, counted: frozenset[str], implied: Mapping[str, frozenset[str]]
    ) -> bool:
        """Return whether a clause of entry `position`'s answer counts one of `counted`."""
        return self._clauses is None or self._clauses.counts(position, counted, implied)

    def counts_only(self, position: int, counted: frozenset[str], question: frozenset[str]) -> bool:
        """Return whether a clause of `position`'s answer counts `counted` and says no more.

        False when its clauses are not read (large knowledge): no answer is refused unread.
        """
        clauses = self._clauses
        return clauses is not None and clauses.counts_only(position, counted, question)

    def uncounted(
        self, position: int, counted: frozenset[str], implied: Mapping[str, frozenset[str]]
    ) -> bool:
        """Return whether entry `position`'s answer names one of `counted` but counts none."""
        return self._clauses is not None and self._clauses.uncounted(position, counted, implied)

    def only_listed(self, position: int, part: frozenset[str], question: frozenset[str]) -> bool:
        """Return whether entry `position`'s answer says a term of `part` only in a list.

        Only as the one item of it that the `question` names (`Clauses.only_listed`).
        """
        clauses = self._clauses
        return clauses is not None and clauses.only_listed(position, part, question)

    def near(
        self,
        position: int,
        asked: frozenset[Need],
        question: frozenset[str],
        words: frozenset[str],
        located: frozenset[str] = frozenset(),
    ) -> bool:
        """Return whether the values asked are in a clause about what the question names.

        "Which month was the contract signed?" is not answered by "the contract was signed in
        2018 and construction began in March 2019": the month is the construction's. Only
        clauses that share a term with the question count; when none does, any clause may.
        A time the question's own `words` say is no answer to it.
        """
        answer = self._answers[position]
        if restated(answer, asked, words):
            return False
        # "where is Seville?": a question of place names alone; a fact-store entry describes
        # its own place ("Kilwa Kivinje is the coastal town …")
        there = Need.PLACE in asked and bool(question) and question <= self._places
        if there and position not in self._named and _only_there(answer, words):
            return False
        if self._clauses is None:
            return True
        clauses = self._clauses
        return (
            clauses.said_of(position, asked, question)
            and not clauses.another_time(position, asked, question, words)
            and not clauses.another_place(position, asked, question, located, self._places)
        )


def _only_there(answer: str, words: frozenset[str]) -> bool:
    """Return whether every place `answer` names is in the question's own `words`.

    "Where is Seville?" is not answered by "In Seville, firefighters rescued 48 people". Asked
    only of questions of place names alone: the places an answer holds are read by a narrow
    pattern, and "where is the fan meeting in Amersfoort?" is answered by "the clubhouse",
    which it cannot see.
    """
    return _told_in(_places_in(answer), words)


# kinds of value a question may itself state: "what time did it start on Monday evening?" is
# not answered by "on Monday evening", nor "when in 2025?" by "in 2025"
_RESTATABLE = (Need.TIME, Need.DAY, Need.MONTH, Need.DATE)
_WORD = re.compile(r"[\w']+")
_TO_PLACE = re.compile(r"^(?:in|at|on|near|from|outside|inside|across|to)\s+(?:the\s+)?")


def _places_in(text: str) -> list[str]:
    """Return the places `text` says something is at, lower case: "in Seville" is "seville"."""
    return [_TO_PLACE.sub("", place.lower()) for place in said(text, Need.PLACE)]


def restated(text: str, asked: frozenset[Need], words: frozenset[str]) -> bool:
    """Return whether `text` tells the time asked only in the question's own `words`.

    Values as exact as the kind asked or more count: "what time on Monday?" is answered by
    "at 7 p.m. on Monday", and "when on Monday?" by "on Monday evening", whose day the
    question gave.
    """
    exact = next((at for at, need in enumerate(_RESTATABLE) if need in asked), None)
    if exact is None or not words:
        return False
    kinds = _RESTATABLE[: exact + 1]
    values = [value.lower() for need in kinds for value in said(text, need)]
    return _told_in(values, words)


def _told_in(values: list[str], words: frozenset[str]) -> bool:
    """Return whether there are `values` and every one is said in the question's own `words`."""
    return bool(values) and all(words.issuperset(_WORD.findall(value)) for value in values)
