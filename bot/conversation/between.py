"""How long between two things the story dates: "how many years between A and B?".

"How many years between the last moon landing and NASA's planned return?", "how many days
after the closure did the extra trains start?": each thing is asked "when" on its own
(`dating`); when both are answered, by two entries that each give one year (or one day of a
month), the reply gives both answers and the time between them, worked out from the story's
own dates. Which came first is `order`'s. Anything else is read as asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation.amounts import spoken
from bot.conversation.dating import both_dated, clock_of, date_of, month_of, year_of
from bot.conversation.spans import nearest_days, typed_span
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
_MOST_SPLITS = 3  # readings of "A and B and C" tried: each dates two things
_DAY_MINUTES = 24 * 60


def between(engine: Engine, text: str) -> Decision | None:
    """Answer how long lies between two things `text` asks of, each dated by the story."""
    unit = span_asked(text)
    if unit is None:
        return None
    typed = typed_span(engine, text, unit)  # "January 14 to March 1, how many days?"
    if typed is not None:
        return typed
    readings = [
        both
        for pair in _PAIRS
        for one, other in _splits(pair.search(text))
        if (both := both_dated(engine, one, other)) is not None
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
    days = [date_of(first, second), date_of(second, first)]
    clocks = [clock_of(first), clock_of(second)]
    months = [month_of(first), month_of(second)]
    years = [year_of(first), year_of(second)]
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
    other ("ordered on October 7" is the October before "by February 27, 2026"); two without
    one are in one year.
    """
    one, other = date_of(first, second), date_of(second, first)
    if one is None or other is None:
        return None
    years = (year_of(first), year_of(second))
    if years == (None, None):
        years = (one.year, other.year)  # neither its own: the one year `date_of` gave both
    dated = nearest_days((one.month, one.day), years[0], (other.month, other.day), years[1])
    return abs((dated[1] - dated[0]).days) if dated else None
