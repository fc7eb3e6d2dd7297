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
from bot.conversation.amounts import (
    CLOCK,
    MONTH_YEAR,
    days_given,
    minute_of_day,
    month_number,
    spoken,
)
from bot.conversation.spans import typed_span
from bot.conversation.stated import YEARS
from bot.matching.decision import Candidate, Decision

if TYPE_CHECKING:
    from bot.matching.engine import Engine

# what asks for a span of time, in what unit if it says one: "how many days", "how long", "how
# much time", "kitne mahine"
_SPAN = re.compile(
    r"\bhow (?:many|much) (?P<unit>years|yrs|months|weeks|days|hours|hrs|minutes|mins|time)\b"
    r"|\bhow long\b|\bkitne (?P<urdu>saal|mahine|hafte|din|ghante)\b|\bgap\b",
    re.IGNORECASE,
)
_UNITS = {"yrs": "years", "hrs": "hours", "mins": "minutes", "time": ""} | {
    "saal": "years",
    "mahine": "months",
    "hafte": "weeks",
    "din": "days",
    "ghante": "hours",
}
_ENDS = r"(?=\s*(?:[?.!,;]|$))"  # a thing asked of ends with its clause
# the two things a span lies between, the earlier first where the words say which
_PAIRS = (
    # "how many days between the closure and the vote?", "… between A n B", "… separate A and B"
    re.compile(
        rf"\b(?:between|separates?|separated) (?P<one>.+?) (?P<and>and|n|&) (?P<other>.+?){_ENDS}",
        re.I,
    ),
    # "from the day the welder died to the rally, how many days?"
    re.compile(
        r"\bfrom (?:when |the (?:day|time|moment) )?(?P<one>.+?) "
        rf"(?:to|till|until) (?P<other>.+?){_ENDS}",
        re.I,
    ),
    # "how long after the shutdown till the trains kick in?", "how many days after the
    # deadline does parliament hold its hearing?"
    re.compile(
        r"\b(?:after|before|since) (?P<one>.+?) "
        rf"(?:did|does|do|is|was|were|will|till|until|before) (?P<other>.+?){_ENDS}",
        re.I,
    ),
    # "approval aur pehla teeka ke beech kitne mahine?", "garmi ke kitne din baad bijli gayi?"
    re.compile(
        r"(?P<one>[^,.?!]+?) (?P<and>aur|or) (?P<other>[^,.?!]+?) ke (?:beech|bich)\b", re.I
    ),
    re.compile(rf"(?P<one>[^,.?!]+?) ke (?:kitne \w+ )?baad (?P<other>.+?){_ENDS}", re.I),
)
# "which came first, the building work or the talks?", "did the cuts start before or after
# demand peaked?", "which comes first in Dar es Salaam: the handover or the opening?",
# "battery units vs the new line: which enters service first?"
_ORDERS = (
    re.compile(
        r"\bwhich (?:came|comes|happened|happens|was|is) first,? (?P<one>.+?),? or (?P<other>.+?)"
        r"[?.!]*$",
        re.I,
    ),
    re.compile(
        r"\b(?:did|does|do|was|were|is|will) (?P<one>.+?) (?:before or after|after or before) "
        r"(?P<other>.+?)[?.!]*$",
        re.I,
    ),
    re.compile(
        r"\bwhich (?:\w+ ){1,3}?first\b[^:?]{0,40}: (?P<one>[^?]+?),? or (?P<other>[^?]+?)\?",
        re.I,
    ),
    re.compile(
        r"(?P<one>[^:.?!]+?) (?:vs\.?|versus) (?P<other>[^:.?!]+?)[:.?]\s*which (?:\w+ ){1,3}?"
        r"first\b",
        re.I,
    ),
)
_MOST_SPLITS = 3  # readings of "A and B and C" tried: each dates two things
_DAY_MINUTES = 24 * 60
_SIDE_SURE = 0.25


def between(engine: Engine, text: str) -> Decision | None:
    """Answer how long lies between two things `text` asks of, each dated by the story."""
    unit = span_asked(text)
    if unit is None:
        return _first(engine, text)
    typed = typed_span(engine, text, unit)  # "January 14 to March 1, how many days?"
    if typed is not None:
        return typed
    readings = [
        both
        for pair in _PAIRS
        for one, other in _splits(pair.search(text))
        if (both := _both(engine, one, other)) is not None
    ]
    if not readings:
        return None
    # of the ways to part the two things, the one whose sides are both likeliest
    both = max(readings, key=lambda b: min(b[0].probability, b[1].probability))
    said = _apart(*both, unit)
    if said is None:
        return None
    apart, by = said
    answer = replies.between(list(both), apart, by)
    return Decision(text, answer, "how long between: each side dated", both)


def span_asked(text: str) -> str | None:
    """Return the unit a span `text` asks for is in ("days"; "" for any), None if it asks none."""
    span = _SPAN.search(text)
    if span is None:
        return None
    return _UNITS.get((span["unit"] or span["urdu"] or "").lower(), (span["unit"] or "").lower())


def _splits(asked: re.Match[str] | None) -> list[tuple[str, str]]:
    """Return the ways to read the two things `asked` holds: each "and" may part them.

    "Between the police and inspectors' raid and the strike": the first "and" is inside the
    first thing, which only dating both sides tells.
    """
    if asked is None:
        return []
    if "and" not in asked.groupdict():
        return [(asked["one"], asked["other"])]
    joined = f"{asked['one']} {asked['and']} {asked['other']}"
    parts = joined.split(f" {asked['and']} ")
    return [
        (f" {asked['and']} ".join(parts[:cut]), f" {asked['and']} ".join(parts[cut:]))
        for cut in range(1, min(len(parts), _MOST_SPLITS + 1))
    ]


def _apart(first: Candidate, second: Candidate, unit: str) -> tuple[str, str] | None:
    """Return how far apart the two answers' times are, in `unit` or the finest both give.

    With the story's words for what it is worked out from ("dates", "years", "times").
    """
    days = [_date(first, second), _date(second, first)]
    clocks = [_clock(first), _clock(second)]
    months = [_month(first), _month(second)]
    years = [_year(first), _year(second)]
    if unit in ("hours", "minutes") or (not unit and None not in clocks and days[0] == days[1]):
        one, other = clocks
        if one is None or other is None:
            return None
        if days[0] is not None and days[1] is not None:  # "10:20 p.m. on March 1" to "March 2"
            one += days[0].toordinal() * _DAY_MINUTES
            other += days[1].toordinal() * _DAY_MINUTES
        return spoken(abs(other - one), "minute"), "times"
    if unit in ("days", "weeks") or (not unit and None not in days):
        gap = _days_apart(first, second)
        if gap is None:
            return None
        return spoken(gap, "day", weeks=unit == "weeks"), "dates"
    if unit == "months" or (not unit and None not in months):
        if months[0] is None or months[1] is None:
            return None
        (y1, m1), (y2, m2) = months[0], months[1]
        return spoken(abs((y2 - y1) * 12 + m2 - m1), "month"), "dates"
    if years[0] is None or years[1] is None:
        return None
    return spoken(abs(years[1] - years[0]), "year"), "years"


def _days_apart(first: Candidate, second: Candidate) -> int | None:
    """Return how many days lie between the two answers' days of a month.

    A day whose answer gives no year of its own is taken in the year that sets it nearest the
    other ("ordered on October 7" is the October before "by February 27, 2026").
    """
    one, other = _date(first, second), _date(second, first)
    if one is None or other is None:
        return None
    if (_year(first) is None) == (_year(second) is None):  # both their own years, or neither
        return abs((other - one).days)
    unsure = one if _year(first) is None else other
    sure = other if unsure is one else one
    gaps = [abs((day - sure).days) for day in _in_years_around(unsure)]
    return min(gaps) if gaps else None


def _in_years_around(day: datetime.date) -> list[datetime.date]:
    """Return `day` in its year and the years either side (a February 29 only in leap years)."""
    around = []
    for year in (day.year - 1, day.year, day.year + 1):
        try:
            around.append(day.replace(year=year))
        except ValueError:
            continue
    return around


def _first(engine: Engine, text: str) -> Decision | None:
    """Answer which of two things `text` asks of came first, each dated by the story."""
    asked = next((found for order in _ORDERS if (found := order.search(text))), None)
    if asked is None:  # almost every question
        return None
    things = [asked["one"].strip(), asked["other"].strip()]
    both = _both(engine, *things)
    if both is None:
        return None
    times = [_moment(both[0], both[1]), _moment(both[1], both[0])]
    if times[0] is None or times[1] is None or times[0][0] == times[1][0]:
        return None
    (one, one_said), (other, other_said) = times[0], times[1]
    earlier = 0 if one < other else 1
    thing = re.sub(r"^(?:the|did|does|do)\s+", "", things[earlier], flags=re.IGNORECASE)
    said = (one_said, other_said) if earlier == 0 else (other_said, one_said)
    line = f"By the story's dates, {thing} came first ({said[0]}, against {said[1]})."
    answer = replies.worked(list(both), line)
    return Decision(text, answer, "which came first: each side dated", both)


def _moment(candidate: Candidate, other: Candidate) -> tuple[tuple[int, int], str] | None:
    """Return when `candidate`'s answer says its thing was, sortable, and as it says it.

    Its one day of a month (in its year, else in the `other` answer's), else its one clock
    time, else its one year.
    """
    answer = candidate.entry.answer
    day = _date(candidate, other)
    if day is not None:
        return (day.toordinal(), 0), next(iter(days_given(answer).values()))
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
    return best if best is not None and best.probability >= _SIDE_SURE else None


def _year(candidate: Candidate) -> int | None:
    """Return the one year `candidate`'s answer gives, if it gives just one."""
    years = set(YEARS.findall(candidate.entry.answer))
    return int(years.pop()) if len(years) == 1 else None


def _date(candidate: Candidate, other: Candidate | None = None) -> datetime.date | None:
    """Return the one day of a month `candidate`'s answer gives, in its year if it says one.

    Else in the year the `other` answer it is set against says ("June 26, 2025" … "July 23").
    """
    days = days_given(candidate.entry.answer)
    if len(days) != 1:
        return None
    ((month, day),) = days
    # no year said by either: any one, the same for both sides
    year = _year(candidate) or (other and _year(other)) or 2001
    try:
        return datetime.date(year, month, day)
    except ValueError:  # "Feb. 30"
        return None


def _month(candidate: Candidate) -> tuple[int, int] | None:
    """Return the one month of a year `candidate`'s answer gives ("June 2024"), as (year, month)."""
    months = {
        (int(m["year"]), month_number(m["month"]))
        for m in MONTH_YEAR.finditer(candidate.entry.answer)
    }
    day, year = _date(candidate), _year(candidate)
    if day is not None and year is not None:
        months.add((day.year, day.month))
    return months.pop() if len(months) == 1 else None


def _clock(candidate: Candidate) -> int | None:
    """Return the one clock time `candidate`'s answer gives, as minutes after midnight."""
    clocks = {minute_of_day(m) for m in CLOCK.finditer(candidate.entry.answer)}
    return clocks.pop() if len(clocks) == 1 else None
