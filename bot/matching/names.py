"""Whether an answer says what a thing is called, for a question that asks for a name.

"What is the name of India's lander?" is not answered by "India landed near the south pole
in August": that answer names nothing the question does not. General English only.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.matching.analyzer import ENTITY_PREFIX
from bot.matching.answerability import MONTH_NAMES, WEEKDAY_NAMES
from bot.matching.english import is_english

_CAPITALISED = re.compile(r"\b[A-Z][\w'/.-]*\w|\b[A-Z]\b")
_NOT_NAMES = frozenset((MONTH_NAMES + " " + WEEKDAY_NAMES).split()) | {"i"}
_SENTENCE_ENDS = tuple('.!?:"\u201c\u201d')


def proper_names(text: str) -> tuple[list[str], list[str]]:
    """Return the proper names in `text`, and the capitalised words that open a sentence.

    A capitalised word is a name inside a sentence ("Eemstadion", "ILRS", "R21/Matrix-M",
    "Peak Group"); at a sentence's start it is one if it is no English word ("Eemstadion
    holds …"), and may be one if it is ("India landed …", but "The club …"): the caller
    knows which names its story uses. Months and weekdays are dates.
    """
    names: list[str] = []
    openers: list[str] = []
    for match in _CAPITALISED.finditer(text):
        word = match.group()
        if word.lower().rstrip(".") in _NOT_NAMES:
            continue
        telling = (word.isupper() and len(word) > 1) or any(c.isdigit() for c in word)
        if not telling and "-" in word:  # "China-led": China; "Miami-based": Miami
            word = "-".join(part for part in word.split("-") if part[:1].isupper())
        before = text[: match.start()].rstrip()
        opening = not before or before.endswith(_SENTENCE_ENDS)
        if telling or not opening or not is_english(word.lower()):
            names.append(word)
        else:
            openers.append(word)
    return names, openers


class AnswerNames:
    """The terms of the proper names each answer holds, read when first asked for."""

    def __init__(
        self,
        answers: Sequence[str],
        terms: Callable[[str], tuple[str, ...]],
        countries: frozenset[str],
        country_words: frozenset[str],
        subjects: dict[int, str],
    ) -> None:
        """Keep how to read the answers' names.

        `countries`: the terms of the countries the story names; `country_words`: the terms
        of "country" and "nation", which make a country the name asked for; `subjects`: per
        fact-store entry, the term of the thing it is about.
        """
        self._answers = answers
        self._terms = terms
        self._countries = countries
        self._country_words = country_words
        self._subjects = subjects
        self._read: dict[int, frozenset[str]] = {}

    def gives(self, position: int, question: frozenset[str]) -> bool:
        """Return whether answer `position` names something the question does not.

        A country is who acts, not what a thing is called ("the U.S. is targeting 2025" names
        no lander), unless the question asks for a country. An entry about one thing gives
        its full name even when the question names that thing ("ILRS's full name?").
        """
        names = self._read.get(position)
        if names is None:
            found, openers = proper_names(self._answers[position])
            story = [t for t in self._terms(" ".join(openers)) if t.startswith(ENTITY_PREFIX)]
            names = frozenset([*self._terms(" ".join(found)), *story])
            self._read[position] = names
        known = question - {self._subjects.get(position, "")}
        if not question & self._country_words:
            known |= self._countries
        return bool(names - known)
