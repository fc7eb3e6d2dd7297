"""The clauses of a text, and whether a value asked for is said of what the question asks.

"Which month was the contract signed?" is not answered by "the contract was signed in 2018;
construction began in March 2019": the month is the construction's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.knowledge.loading import story_sentences
from bot.matching.answerability import WEEKDAY_NAMES, Need, offers
from bot.matching.english import IRREGULAR

# values a clause holds: asked for, they must be said of what the question is about; so must
# a thing that happened ("how did the meeting go?" is not answered by "he will meet the fans",
# though the answer goes on "he said ...")
VALUES = frozenset(
    {Need.DATE, Need.DAY, Need.MONTH, Need.TIME, Need.NUMBER, Need.COUNT, Need.AGE, Need.PAST}
)
# where a sentence's clauses meet: a semicolon, a comma and a conjunction, or an "and" before
# a new subject and its past-tense verb ("signed in 2018 and construction began in March");
# any other "and" joins the parts of one clause ("agreed by the board and the fans in 2018")
_PAST = "|".join(sorted(IRREGULAR))
_CLAUSE_BREAK = re.compile(
    rf";\s*|,\s+(?:and|but|while|so|whereas)\s+|\s+and\s+(?=\w+\s+(?:\w+ed|{_PAST})\b)"
)

_WEEKDAYS = frozenset(WEEKDAY_NAMES.split())
_WORD = re.compile(r"[a-z]+")

# a clause's terms, the kinds of value it holds, and the weekdays it names
_Clause = tuple[frozenset[str], frozenset[Need], frozenset[str]]


class Clauses:
    """Each text's clauses with their terms and the kinds of value they hold, read when asked."""

    def __init__(self, texts: Sequence[str], terms: Callable[[str], tuple[str, ...]]) -> None:
        """Keep `texts` (answers or story sentences) and how to read a clause's terms."""
        self._texts = texts
        self._terms = terms
        self._read: dict[int, list[_Clause]] = {}

    def said_of(self, number: int, asked: frozenset[Need], question: frozenset[str]) -> bool:
        """Return whether the values asked are in a clause of text `number` about the question.

        Only clauses that share a term with the question count; when none does, any may.
        """
        values = asked & VALUES
        if not values:
            return True
        sharing = [found for terms, found, _ in self._of(number) if terms & question]
        return not sharing or any(values <= found for found in sharing)

    def another_day(
        self, number: int, asked: frozenset[Need], question: frozenset[str], words: frozenset[str]
    ) -> bool:
        """Return whether the values asked are said only of another weekday than the question's.

        "How many signatures did the petition have on Monday?" is not answered by "11,300
        signatures by Tuesday morning". `words` are the question's own words.
        """
        days, values = _WEEKDAYS & words, asked & VALUES
        if not days or not values or Need.DAY in asked:
            return False
        holding = [
            d for terms, found, d in self._of(number) if terms & question and values <= found
        ]
        return bool(holding) and all(d and d.isdisjoint(days) for d in holding)

    def _of(self, number: int) -> list[_Clause]:
        clauses = self._read.get(number)
        if clauses is None:
            clauses = self._read[number] = self._clauses(self._texts[number])
        return clauses

    def _clauses(self, text: str) -> list[_Clause]:
        return [
            (frozenset(self._terms(c)), offers(c), _WEEKDAYS.intersection(_WORD.findall(c.lower())))
            for c in split_clauses(text)
        ]


def split_clauses(text: str) -> list[str]:
    """Return the clauses of `text`, its sentences cut as a reader quotes them.

    "Oct." and "U.S." end no sentence; a semicolon, a comma and a conjunction, or an "and"
    before a new subject's past-tense verb end a clause.
    """
    return [c for s in story_sentences(text) for c in _CLAUSE_BREAK.split(s) if c.strip()]
