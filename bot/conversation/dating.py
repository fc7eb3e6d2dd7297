"""When the story says a thing was: the sure answer of "when …?" and the time it gives.

Shared by `between` (how long between two things) and `order` (which came first): each
side of such a question is asked "when" on its own, and its answer read for its one day of a
month, month of a year, clock time or year.
"""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING

from bot.conversation.amounts import CLOCK, MONTH_YEAR, days_given, minute_of_day, month_number
from bot.conversation.stated import YEARS
from bot.matching.decision import Candidate

if TYPE_CHECKING:
    from bot.matching.engine import Engine

# how sure the reading of one side's "when" must be: less than an answer's, since both sides
# must be dated by two different entries, and the reply shows both
_SIDE_SURE = 0.25


def both_dated(engine: Engine, one: str, other: str) -> tuple[Candidate, Candidate] | None:
    """Return the sure answers of when `one` and `other` were, from two different entries."""
    first, second = _dated(engine, one), _dated(engine, other)
    if first is None or second is None or first.entry == second.entry:
        return None
    return first, second


def _dated(engine: Engine, thing: str) -> Candidate | None:
    """Return the sure answer of when `thing` was (or will be)."""
    found = engine.candidates(f"when {thing}")
    best = found[0] if found else None
    return best if best is not None and best.probability >= _SIDE_SURE else None


def year_of(candidate: Candidate) -> int | None:
    """Return the one year `candidate`'s answer gives, if it gives just one."""
    years = set(YEARS.findall(candidate.entry.answer))
    return int(years.pop()) if len(years) == 1 else None


def date_of(candidate: Candidate, other: Candidate | None = None) -> datetime.date | None:
    """Return the one day of a month `candidate`'s answer gives, in its year if it says one.

    Else in the year the `other` answer it is set against says ("June 26, 2025" … "July 23").
    """
    days = days_given(candidate.entry.answer)
    if len(days) != 1:
        return None
    ((month, day),) = days
    # no year said by either: any one, the same for both sides
    year = year_of(candidate) or (other and year_of(other)) or 2001
    try:
        return datetime.date(year, month, day)
    except ValueError:  # "Feb. 30"
        return None


def month_of(candidate: Candidate) -> tuple[int, int] | None:
    """Return the one month of a year `candidate`'s answer gives ("June 2024"), as (year, month)."""
    months = {
        (int(m["year"]), month_number(m["month"]))
        for m in MONTH_YEAR.finditer(candidate.entry.answer)
    }
    day, year = date_of(candidate), year_of(candidate)
    if day is not None and year is not None:
        months.add((day.year, day.month))
    return months.pop() if len(months) == 1 else None


def clock_of(candidate: Candidate) -> int | None:
    """Return the one clock time `candidate`'s answer gives, as minutes after midnight."""
    clocks = {minute_of_day(m) for m in CLOCK.finditer(candidate.entry.answer)}
    return clocks.pop() if len(clocks) == 1 else None
