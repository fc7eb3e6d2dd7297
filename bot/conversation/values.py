"""A yes/no question stating a date the story gives otherwise: "Did India land in July?".

The question without that value (a month, a year, a weekday) is matched; when an entry asked
"when" covers every other word of it and its answer states another value of the same kind,
and not the one asked, the reply says the story does not give that value, and what it says.
Not places: one may lie in another ("Did fans protest in Amersfoort?" is not answered
otherwise by "outside the Eemstadion"), which the knowledge does not say.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from bot.conversation.premises import without_term
from bot.matching.analysis import Analysis
from bot.matching.answerability import MONTH_NAMES, WEEKDAY_NAMES
from bot.matching.decision import Candidate, Entry
from bot.matching.lexicon import QType

# full names only: "may" and "mar" are English words too
_MONTHS = frozenset(MONTH_NAMES.split()[:12]) - {"may"}
_WEEKDAYS = frozenset(WEEKDAY_NAMES.split())
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
    asks: Callable[[Entry], QType],
    threshold: float,
) -> ValuePremise | None:
    """Return the date a yes/no `question` states that the story gives otherwise, if one.

    `rank` ranks the entries for a reading; `asks` is the question type of an entry's own
    question; `threshold` is how sure the question without the value must be answered. Only
    an entry asked "when" gives the date of what is asked: an answer holding several facts
    ("expected in 2022, opened three years late") may give a date of another.
    """
    for stated in _stated(question):
        without = without_term(question, stated.term)
        if not without.terms:
            continue
        for best in rank(without)[:_TRIED]:
            if best.probability < threshold:
                break
            evidence = best.evidence
            if evidence.covered < _COVERED or not evidence.subject or evidence.unnamed:
                continue  # it may be about another thing: no correction from it
            if asks(best.entry) == QType.WHEN and _gives_another(best.entry.answer, stated):
                return ValuePremise(stated.word, best)
    return None


class _Stated(NamedTuple):
    word: str  # as typed: "july", "2030"
    kind: str  # month, weekday or year
    term: str  # the term it was read as


def _stated(question: Analysis) -> list[_Stated]:
    """Return the dates the question states, with their kinds, in its order."""
    found = []
    for term, said in zip(question.terms, question.surfaces, strict=False):
        if said in _MONTHS:
            found.append(_Stated(said, "month", term))
        elif said in _WEEKDAYS:
            found.append(_Stated(said, "weekday", term))
        elif _YEARS.fullmatch(said):
            found.append(_Stated(said, "year", term))
    return found


def _gives_another(answer: str, stated: _Stated) -> bool:
    """Return whether the `answer` states a value of that kind, and not the one asked."""
    said = answer.casefold()
    if stated.word in said:
        return False
    if stated.kind == "year":
        return bool(_YEARS.search(said))
    words = set(re.findall(r"[a-z]+", said))
    return bool(words & (_MONTHS if stated.kind == "month" else _WEEKDAYS))
