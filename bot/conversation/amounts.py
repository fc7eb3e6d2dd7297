"""The figures an answer gives, read for sums: "$1.1 billion", "148,000 won", "1.8%", "64".

Ages, years, dates and clock times are no figures of what is asked; each figure keeps what it
counts (a currency sign or word, a share, a measure), its scale and the words after it. The
days of a month a text gives, and a span of time said, are read here too.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from bot.conversation.stated import YEARS
from bot.matching.lexicon import CURRENCY_WORDS
from bot.matching.needs import MONTH_NAMES

PERCENT = frozenset({"%", "percent", "per cent"})
# the counts a text writes out: "three were flown", "nine votes to two", "Nineteen people"
COUNTS = dict(one=1, two=2, three=3, four=4, five=5, six=6, seven=7, eight=8, nine=9, ten=10)
COUNTS |= dict(eleven=11, twelve=12, thirteen=13, fourteen=14, fifteen=15, sixteen=16)
COUNTS |= dict(seventeen=17, eighteen=18, nineteen=19, twenty=20, thirty=30, forty=40, fifty=50)
MONTHS = MONTH_NAMES.split()[:12]  # "january" … "december"
# "6,500 of its 8,200 members": a part of a whole
PART_OF = re.compile(
    r"(?P<some>\d+(?:,\d{3})*) (?:out )?of (?:its |the |their |his |her )?(?P<whole>\d+(?:,\d{3})*)"
)
SCALES = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SIGNS = "$€£₦₹₩"
# a figure, its scale and its unit: "$1.1 billion", "148,000 won", "1.8%", "64"; not one of a
# year, a date, a clock time or a range's end ("2028-29", "July 16", "3:55")
_FIGURE = re.compile(
    rf"(?<![\w:.,/-])(?P<sign>[{_SIGNS}])?(?P<digits>\d+(?:,\d{{3}})*(?:\.\d+)?)(?![\w:/-]|,\d)"
    r"(?:\s?(?P<scale>thousand|million|billion|trillion)\b)?"
    r"(?:\s?(?P<unit>%|percent\b|per cent\b|[a-z]+\b))?",
    re.I,
)
# "Koutsoyiannis, 61, said": someone's age, no figure of what is asked
_AGE = re.compile(r"[A-Z][\w'-]*, \d{1,3},")
# a month's name or its short form, longest first: "september" before "sept" before "sep"
MONTH_NAME = "|".join(sorted(MONTH_NAMES.split(), key=len, reverse=True))
_MONTH = re.compile(rf"\b(?:{MONTH_NAME})\.? \d{{1,2}}\b", re.I)  # "July 16", "Oct. 9"
# a day of a month: "July 16", "Oct. 7", "on 9 July"
_DAY = re.compile(
    rf"\b(?:(?P<month>{MONTH_NAME})\.? (?P<day>\d{{1,2}})|(?P<day2>\d{{1,2}}) "
    rf"(?P<month2>{MONTH_NAME}))\b",
    re.IGNORECASE,
)
# a month of a year: "June 2024", "Oct. 2025", "October of 2025"
MONTH_YEAR = re.compile(rf"\b(?P<month>{MONTH_NAME})\.?,? (?:of )?(?P<year>(?:19|20)\d\d)\b", re.I)
CLOCK = re.compile(r"\b(?P<hour>\d{1,2})(?::(?P<minute>\d\d))? ?(?P<half>[ap])\.?m\b\.?", re.I)
# what a figure counts, when it is said: a currency, a share or a measure (bare otherwise)
_UNITS = CURRENCY_WORDS | frozenset(
    "% percent km kilometres kilometers metres meters miles mw megawatts gw gigawatts "
    "seats points degrees tonnes tons".split()
)


class Figure(NamedTuple):
    """One figure an answer gives, with what it counts and where it stands."""

    value: float
    sign: str  # "$", "" when none
    unit: str  # "won", "%", "" when bare
    scale: str  # "million", "" when none
    start: int
    end: int
    after: tuple[str, ...]  # the words that follow it, up to the clause's end

    def said(self, value: float, unit: str | None = None) -> str:
        """Return `value` said as this figure is ("56,000 won", "1.8%"), or in `unit`."""
        scaled = value / SCALES.get(self.scale.lower(), 1.0)
        number = f"{scaled:,.2f}".rstrip("0").rstrip(".")
        unit = self.unit if unit is None else unit
        if unit in PERCENT:
            return f"{number}%"
        return " ".join(part for part in (f"{self.sign}{number}", self.scale, unit) if part)

    @property
    def kind(self) -> tuple[str, str]:
        """Return what the figure counts: its sign and unit ("$", ""), ("", "won")."""
        return self.sign, self.unit


def figures(text: str) -> list[Figure]:
    """Return the figures `text` gives, leaving out ages, years, dates and clock times."""
    text = CLOCK.sub(_blank, _MONTH.sub(_blank, _AGE.sub(_blank, text)))
    found = []
    for match in _FIGURE.finditer(text):
        digits = match["digits"].replace(",", "")
        scale = match["scale"] or ""
        if YEARS.fullmatch(digits) and not (match["sign"] or scale):
            continue  # a year
        unit = (match["unit"] or "").lower()
        after = tuple(
            re.split(r"[,;.()]", text[match.end("digits") :], maxsplit=1)[0].lower().split()[:4]
        )
        found.append(
            Figure(
                float(digits) * SCALES.get(scale.lower(), 1.0),
                match["sign"] or "",
                unit if unit in _UNITS else "",
                scale,
                match.start(),
                match.end("digits") if unit not in _UNITS else match.end(),
                after,
            )
        )
    return found


def alike(found: list[Figure]) -> tuple[Figure, Figure] | None:
    """Return the only two figures of one kind, in their order, if no other kind has as many."""
    kinds: dict[tuple[str, str], list[Figure]] = {}
    for figure in found:
        kinds.setdefault(figure.kind, []).append(figure)
    pairs = [two for two in kinds.values() if len(two) == 2]
    if len(pairs) != 1 or any(len(more) > 2 for more in kinds.values()):
        return None
    return pairs[0][0], pairs[0][1]


def month_number(name: str) -> int:
    """Return the number of a month named in full or short: "Oct" is 10."""
    return [m[:3] for m in MONTHS].index(name.lower()[:3]) + 1


def counted(count: int, unit: str) -> str:
    """Return a count of a unit as said: "1 hour", "25 minutes"."""
    return f"{count} {unit}{'' if count == 1 else 's'}"


def counts_said(*counts: tuple[int, str]) -> str:
    """Return counts of units as said, the empty ones left out: "1 year and 4 months"."""
    return " and ".join(counted(n, unit) for n, unit in counts if n)


def minute_of_day(clock: re.Match[str]) -> int:
    """Return a `CLOCK` time as minutes after midnight: "3:55 p.m." is 955."""
    hour = int(clock["hour"]) % 12 + (12 if clock["half"].lower() == "p" else 0)
    return hour * 60 + int(clock["minute"] or 0)


def spoken(count: int, unit: str, weeks: bool = False) -> str:
    """Return `count` `unit`s apart as said: "3 days apart", "2 hours and 5 minutes apart".

    Days asked as `weeks` are weeks when whole ones, else days and about how many weeks.
    """
    if weeks and count % 7:
        about = f"about {counted(round(count / 7), 'week')}" if count >= 7 else "under a week"
        return f"{counted(count, 'day')} apart, {about}"
    if weeks:
        return f"{counted(count // 7, 'week')} apart"
    if unit == "minute" and count >= 60:
        return f"{counts_said((count // 60, 'hour'), (count % 60, 'minute'))} apart"
    return f"the same {unit}" if not count else f"{counted(count, unit)} apart"


def days_given(answer: str) -> dict[tuple[int, int], str]:
    """Return each day of a month `answer` gives, as (month, day), with how it writes it."""
    days: dict[tuple[int, int], str] = {}
    for m in _DAY.finditer(answer):
        month = month_number(m["month"] or m["month2"])
        days.setdefault((month, int(m["day"] or m["day2"])), m[0])  # as first written
    return days


def _blank(match: re.Match[str]) -> str:
    """Return spaces as long as `match`: what follows keeps its place."""
    return " " * len(match.group(0))
