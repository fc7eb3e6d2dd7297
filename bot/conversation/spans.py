"""How long between two days of the story that a question types itself.

"Last inspection January 14, grounding March 1: how many days between?", "tender by Oct 31
and reopening Feb 27, kitne mahine?": when the question gives two days of a month that the
story gives too, and asks how long, the reply works the span out from them. A day the story
never gives is no fact of it, and the question is read as asked.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from bot.conversation.amounts import days_given, spoken
from bot.knowledge.sentences import story_sentences
from bot.matching.decision import Decision
from bot.models import Answer, AnswerKind

if TYPE_CHECKING:
    from bot.matching.engine import Engine

_ANY_YEAR = 2001  # no year said: a year that is no leap year
_CLOSE = (-1, 0, 1)  # the years a day without its own is tried in, around the other's


def typed_span(engine: Engine, text: str, unit: str) -> Decision | None:
    """Answer how long lies between the two days of the story `text` types, or None.

    `unit`: the unit the span is asked in ("days"; "" for any; `between.span_asked`).
    """
    if unit in ("hours", "minutes", "years"):
        return None
    typed = days_given(text)
    story = engine.knowledge.story
    told = days_given(story)
    if len(typed) != 2 or not set(typed) <= set(told):
        return None
    (one, one_said), (other, other_said) = typed.items()  # as the question orders them
    dated = _dated(story, told[one], one, told[other], other)
    if dated is None:
        return None  # "February 29" in no leap year
    first, second = dated
    if unit == "months":
        count = abs((second.year - first.year) * 12 + second.month - first.month)
        apart = spoken(count, "month")
    else:
        apart = spoken(abs((second - first).days), "day", weeks=unit == "weeks")
    reply = f"{apart[0].upper()}{apart[1:]}: {one_said} to {other_said}."
    giving = [s for s in story_sentences(story) if told[one] in s or told[other] in s][:2]
    source = " … ".join(giving) or None
    answer = Answer(text=reply, kind=AnswerKind.ANSWER, source=source, confidence=0.5)
    return Decision(text, answer, "how long between: two days of the story the question types")


def _dated(
    story: str, one_said: str, one: tuple[int, int], other_said: str, other: tuple[int, int]
) -> tuple[datetime.date, datetime.date] | None:
    """Return both days as dates, each in the year the story writes after it.

    A day it gives no year is set in the year, around the other's, that puts the two closest:
    "October 31" beside "February 27, 2026" is October 31, 2025.
    """
    years = (_year_after(story, one_said), _year_after(story, other_said))
    return nearest_days(one, years[0], other, years[1])


def nearest_days(
    one: tuple[int, int], one_year: int | None, other: tuple[int, int], other_year: int | None
) -> tuple[datetime.date, datetime.date] | None:
    """Return two days of a month (month, day) as dates, each in its year when it has one.

    A day without its year is set in the year, around the other's, that puts the two closest;
    with neither year, in any one year. None where a day is no day of its year (February 29).
    """
    known = next((year for year in (one_year, other_year) if year is not None), _ANY_YEAR)
    tries = [
        (_day(one_year or known + a, one), _day(other_year or known + b, other))
        for a in (_CLOSE if one_year is None else (0,))
        for b in (_CLOSE if other_year is None and one_year is not None else (0,))
    ]
    made = [(first, second) for first, second in tries if first and second]
    return min(made, key=lambda pair: abs((pair[1] - pair[0]).days), default=None)


def _year_after(story: str, said: str) -> int | None:
    """Return the year the story writes right after a day ("February 27, 2026"), if it does."""
    match = re.search(rf"{re.escape(said)},? ((?:19|20)\d\d)\b", story)
    return int(match[1]) if match else None


def _day(year: int, day: tuple[int, int]) -> datetime.date | None:
    """Return (month, day) in `year` as a date, None for a day the year lacks (February 29)."""
    try:
        return datetime.date(year, *day)
    except ValueError:
        return None
