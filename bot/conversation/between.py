"""How long between two things the story dates, and which came first.

"How many years between the last moon landing and NASA's planned return?", "how many days
after the closure did the extra trains start?": each thing is asked "when" on its own; when
both are surely answered, by two entries that each give one year (or one day of a month),
the reply gives both answers and the time between them, worked out from the story's own
dates; "which comes first, the fan meeting or the council debate?" gets which. Anything else
is read as asked.
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation.amounts import CLOCK, MONTH_NAME, MONTHS, minute_of_day
from bot.conversation.stated import YEARS
from bot.matching.decision import Candidate, Decision

if TYPE_CHECKING:
    from bot.matching.engine import Engine

_SPAN = r"(?:how many (?P<unit>years|yrs|days|weeks)|how long)"
# "how many years between A and B?", "how long separates A and B?", "how many yrs are there
# between A and B?": the two things are all that follows
_BETWEEN = re.compile(
    rf"\b{_SPAN}(?: (?:are|is|was|were) there)? "
    r"(?:between|separate|separates|separated) (?P<one>.+?) (?:and|n|&|from) (?P<other>.+?)[?.!]*$",
    re.IGNORECASE,
)
# "from the day the welder died to the big rally, how many days is it?"
_FROM = re.compile(
    r"from (?:when |the day )?(?P<one>.+?) (?:to|till|until) (?P<other>.+?),? "
    rf"{_SPAN}",
    re.IGNORECASE,
)
# "how long after the shutdown till the extra trains kick in?", "how many days after the
# deadline does parliament hold its hearing?": the first thing, then the second
_AFTER = re.compile(
    rf"\b{_SPAN} (?:after|before) (?P<one>.+?) "
    r"(?:did|does|do|is|was|were|will|till|until|before) (?P<other>.+?)[?.!]*$",
    re.IGNORECASE,
)
# "which came first, the building work or the talks?", "did the cuts start before or after
# demand peaked?"
_ORDER = re.compile(
    r"\bwhich (?:came|comes|happened|happens|was|is) first,? (?P<one>.+?),? or (?P<other>.+?)"
    r"[?.!]*$|\b(?:did|does|do|was|were|is|will) (?P<one2>.+?) (?:before or after|after or "
    r"before) (?P<other2>.+?)[?.!]*$",
    re.IGNORECASE,
)
# a day of a month: "July 16", "Oct. 7", "on 9 July"
_DAY = re.compile(
    rf"\b(?:(?P<month>{MONTH_NAME})\.? (?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}}) "
    rf"(?P<month2>{MONTH_NAME}))\b",
    re.IGNORECASE,
)


def between(engine: Engine, text: str) -> Decision | None:
    """Answer how long lies between two things `text` asks of, each dated by the story."""
    asked = _BETWEEN.search(text) or _AFTER.search(text) or _FROM.search(text)
    if asked is None:
        return _first(engine, text)
    unit = (asked["unit"] or "days").lower().replace("yrs", "years")
    both = _both(engine, asked["one"], asked["other"])
    if both is None:
        return None
    first, second = both
    if unit == "years":
        start, end = _year(first), _year(second)
        if start is None or end is None:
            return None
        answer = replies.between([first, second], abs(end - start), "year", "years")
    else:
        one, other = _date(first), _date(second)
        if one is None or other is None:
            return None
        days = abs((other - one).days)
        span, per = (days // 7, "week") if unit == "weeks" else (days, "day")
        answer = replies.between([first, second], span, per, "dates")
    return Decision(text, answer, "how long between: each side dated", (first, second))


def _first(engine: Engine, text: str) -> Decision | None:
    """Answer which of two things `text` asks of came first, each dated by the story."""
    asked = _ORDER.search(text)
    if asked is None:  # almost every question
        return None
    things = [asked["one"] or asked["one2"], asked["other"] or asked["other2"]]
    both = _both(engine, *things)
    if both is None:
        return None
    times = [_moment(both[0]), _moment(both[1])]
    if times[0] is None or times[1] is None or times[0][0] == times[1][0]:
        return None
    (one, one_said), (other, other_said) = times[0], times[1]
    earlier = 0 if one < other else 1
    thing = re.sub(r"^(?:the|did|does|do)\s+", "", things[earlier], flags=re.IGNORECASE)
    said = (one_said, other_said) if earlier == 0 else (other_said, one_said)
    line = f"By the story's dates, {thing} came first ({said[0]}, against {said[1]})."
    answer = replies.worked(list(both), line)
    return Decision(text, answer, "which came first: each side dated", both)


def _moment(candidate: Candidate) -> tuple[tuple[int, int], str] | None:
    """Return when `candidate`'s answer says its thing was, sortable, and as it says it.

    Its one day of a month (in its year, if it gives one), else its one clock time, else its
    one year.
    """
    answer = candidate.entry.answer
    day = _date(candidate)
    if day is not None:
        return (day.toordinal(), 0), next(iter(_days(answer).values()))
    clocks = {m[0].strip(): m for m in CLOCK.finditer(answer)}
    if len(clocks) == 1:
        clock, found = clocks.popitem()
        return (0, minute_of_day(found)), clock
    year = _year(candidate)
    return ((year, 0), str(year)) if year is not None else None


def _both(engine: Engine, one: str, other: str) -> tuple[Candidate, Candidate] | None:
    """Return the sure answers of when `one` and `other` were, from two different entries."""
    first, second = _dated(engine, one), _dated(engine, other)
    if first is None or second is None or first.entry == second.entry:
        return None
    return first, second


def _dated(engine: Engine, thing: str) -> Candidate | None:
    """Return the sure answer of when `thing` was (or will be)."""
    found = engine.candidates(f"when {thing}")
    best = found[0] if found else None
    return best if best is not None and best.probability >= engine.thresholds.answer else None


def _year(candidate: Candidate) -> int | None:
    """Return the one year `candidate`'s answer gives, if it gives just one."""
    years = set(YEARS.findall(candidate.entry.answer))
    return int(years.pop()) if len(years) == 1 else None


def _date(candidate: Candidate) -> datetime.date | None:
    """Return the one day of a month `candidate`'s answer gives, in its year if it says one."""
    days = _days(candidate.entry.answer)
    if len(days) != 1:
        return None
    ((month, day),) = days
    year = _year(candidate) or 2001  # no year said: any one, the same for both sides
    try:
        return datetime.date(year, month, day)
    except ValueError:  # "Feb. 30"
        return None


def _days(answer: str) -> dict[tuple[int, int], str]:
    """Return each day of a month `answer` gives, as (month, day), with how it writes it."""
    starts = [m[:3] for m in MONTHS]
    days: dict[tuple[int, int], str] = {}
    for m in _DAY.finditer(answer):
        month = starts.index((m["month"] or m["month2"]).lower()[:3]) + 1
        days.setdefault((month, int(m["day"] or m["day2"])), m[0])  # as first written
    return days
