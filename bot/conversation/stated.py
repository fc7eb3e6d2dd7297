"""The values a yes/no question states: a month, a weekday, a year, an age or a figure.

"Did India land in July?" states a month, "is Kessler 50?" an age, "is the fare 500 naira?" a
figure of naira; "1.8" (read as 1 and 8) and the day of "2 March 2025" state none.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.matching.analysis import Analysis
from bot.matching.needs import MONTH_NAMES, WEEKDAY_NAMES
from bot.matching.text import CURRENCY_SIGNS

# full names only: "may" and "mar" are English words too
MONTHS = frozenset(MONTH_NAMES.split()[:12]) - {"may"}
WEEKDAYS = frozenset(WEEKDAY_NAMES.split())
YEARS = re.compile(r"\b(?:19|20)\d\d\b")
_SCALES = "thousand|million|billion|trillion|bn|m|k"


class Stated(NamedTuple):
    """A value a question states: as typed, its kind, its term and how a reply names it."""

    word: str  # as typed: "july", "2030", "500"
    kind: str  # month, weekday, year, age or number
    term: str  # the term it was read as
    shown: str  # as the reply names it: "July", "$500", "80%"
    unit: str = ""  # the term after a figure: "naira"


def stated_values(question: Analysis, text: str) -> list[Stated]:
    """Return the values the `text` of `question` states, with their kinds, in its order."""
    found = []
    surfaces = question.surfaces
    for at, (term, said) in enumerate(zip(question.terms, surfaces, strict=False)):
        if said in MONTHS:
            found.append(Stated(said, "month", term, said.title()))
        elif said in WEEKDAYS:
            found.append(Stated(said, "weekday", term, said.title()))
        elif not (said.isascii() and said.isdigit()):
            continue  # Arabic-Indic digits are no figure to compare with the story's
        elif YEARS.fullmatch(said) and not _unit_after(question, said):
            found.append(Stated(said, "year", term, said))  # not "2000 naira"
        elif _in_decimal(question.words, said) or _beside(question.words, said, MONTHS):
            continue  # "1.8" is read as 1 and 8; the day of "2 March 2025" is no figure
        elif _an_age(question, said):
            found.append(Stated(said, "age", term, said))
        else:
            unit = question.terms[at + 1] if at + 1 < len(question.terms) else ""
            found.append(Stated(said, "number", term, _as_typed(said, text), unit))
    return found


def _an_age(question: Analysis, digits: str) -> bool:
    """Return whether a figure is someone's age: "is Kessler 50?", "50 years old".

    Right after a name the question gives, or before "years old"; not "over 20 years" nor
    "Kavach make 50 million".
    """
    before, after = _neighbours(question.words, digits)
    named = bool(before) and any(n.split()[-1] == before[0] for n in question.names.values())
    old = after[:1] in (("years",), ("yrs",), ("year",)) and "old" in question.words
    return len(digits) <= 3 and (named or old)


def _unit_after(question: Analysis, digits: str) -> bool:
    """Return whether a word the question reads comes right after `digits`: "2000 naira".

    Not a month: "in 2023 June" states a year.
    """
    _, after = _neighbours(question.words, digits)
    return bool(after) and after[0] in question.surfaces and after[0] not in MONTHS


def _as_typed(digits: str, text: str) -> str:
    """Return a figure as the asker typed it: "$500", "80%", "2 million", "4,000"."""
    grouped = f"{int(digits):,}"  # read as "4000", typed "4,000" or "4000"
    for figure in (grouped, digits):
        typed = re.search(
            rf"{CURRENCY_SIGNS}?(?<![\d,.]){figure}(?![\d,.]\d)(?:\s?%|\s?(?:{_SCALES})\b)?",
            text,
            re.I,
        )
        if typed:
            return re.sub(r"\s+%", "%", typed.group().strip())  # "80 %" as "80%"
    return grouped


def _in_decimal(words: tuple[str, ...], digits: str) -> bool:
    """Return whether `digits` stand beside other digits: "1.8" is read as "1" and "8"."""
    return any(w.isdigit() for w in _around(words, digits))


def _beside(words: tuple[str, ...], digits: str, kind: frozenset[str]) -> bool:
    """Return whether `digits` stand beside a word of `kind`: "2 March", "July 14"."""
    return not kind.isdisjoint(_around(words, digits))


def _around(words: tuple[str, ...], digits: str) -> tuple[str, ...]:
    """Return the words right before and after the first `digits` of `words`."""
    before, after = _neighbours(words, digits)
    return before + after


def _neighbours(words: tuple[str, ...], digits: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the word right before and the word right after the first `digits`, if any."""
    if digits not in words:
        return (), ()
    at = words.index(digits)
    return words[max(at - 1, 0) : at], words[at + 1 : at + 2]
