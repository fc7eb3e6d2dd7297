"""Which of two things the story dates came first: "which came first, the vote or the report?".

"did the cuts start before or after demand peaked?", "battery units vs the new line: which
enters service first?", and asked as a yes or no, "had the WHO approved it before the rollout
began?": each thing is asked "when" on its own (`dating`); when both are answered with a time
of the same kind (two days, two clock times or two years), the reply gives both answers and
which came first. Anything else is read as asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation.amounts import CLOCK, days_given, minute_of_day
from bot.conversation.dating import both_dated, date_of, year_of
from bot.matching.decision import Candidate, Decision

if TYPE_CHECKING:
    from bot.matching.engine import Engine

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
# "had the WHO approved it before the rollout began?", "does the hearing come after the
# deadline?": a yes or no that the two dates settle
_ASKED_ORDER = re.compile(
    r"(?:^|[.!?:]\s+)(?:did|had|has|was|were|is|does|do)\s+(?P<one>[^?]+?)\s+"
    r"(?P<way>before|after)\s+(?P<other>[^?]+?)[?.!]*$",
    re.I,
)


def came_first(engine: Engine, text: str) -> Decision | None:
    """Answer which of two things `text` asks of came first, each dated by the story."""
    asked = next((found for order in _ORDERS if (found := order.search(text))), None)
    if asked is None:  # almost every question
        return _ordered(engine, text)
    things = [asked["one"].strip(), asked["other"].strip()]
    dated = _dated_pair(engine, *things)
    if dated is None:
        return None
    both, (one, one_said), (other, other_said) = dated
    earlier = 0 if one < other else 1
    thing = re.sub(r"^(?:the|did|does|do)\s+", "", things[earlier], flags=re.IGNORECASE)
    said = (one_said, other_said) if earlier == 0 else (other_said, one_said)
    line = f"By the story's dates, {thing} came first ({said[0]}, against {said[1]})."
    answer = replies.worked(list(both), line)
    return Decision(text, answer, "which came first: each side dated", both)


def _ordered(engine: Engine, text: str) -> Decision | None:
    """Answer whether one thing came before (or after) another, as `text` asks, by their dates."""
    asked = _ASKED_ORDER.search(text)
    if asked is None:
        return None
    dated = _dated_pair(engine, asked["one"].strip(), asked["other"].strip())
    if dated is None:
        return None
    both, (one, one_said), (other, other_said) = dated
    came = "before" if one < other else "after"
    holds = came == asked["way"].lower()
    line = (
        f"{'Yes' if holds else 'No'}: by the story's dates, it was {came} "
        f"({one_said}, against {other_said})."
    )
    answer = replies.worked(list(both), line)
    return Decision(text, answer, "before or after: each side dated", both)


Moment = tuple[int, str]  # when a thing was, sortable, and as its answer says it


def _dated_pair(
    engine: Engine, one: str, other: str
) -> tuple[tuple[Candidate, Candidate], Moment, Moment] | None:
    """Return the sure answers of when `one` and `other` were, and when each says, if alike."""
    both = both_dated(engine, one, other)
    if both is None:
        return None
    times = _moments(both[0], both[1])
    return (both, *times) if times is not None else None


def _moments(first: Candidate, second: Candidate) -> tuple[Moment, Moment] | None:
    """Return when each answer says its thing was, if both say it alike and not the same.

    A day of a month is set only against a day, a clock time against a clock time, a year
    against a year: "mid-2023" is not before or after "March 14".
    """
    one, other = _moment(first, second), _moment(second, first)
    if one is None or other is None or one[0] != other[0] or one[1] == other[1]:
        return None
    return one[1:], other[1:]


def _moment(candidate: Candidate, other: Candidate) -> tuple[str, int, str] | None:
    """Return how `candidate`'s answer says when its thing was, sortable, and as it says it.

    Its one day of a month (in its year, else in the `other` answer's), else its one clock
    time, else its one year.
    """
    answer = candidate.entry.answer
    day = date_of(candidate, other)
    if day is not None:
        return "day", day.toordinal(), next(iter(days_given(answer).values()))
    clocks = {m[0].strip(): m for m in CLOCK.finditer(answer)}
    if len(clocks) == 1:
        clock, found = clocks.popitem()
        return "clock", minute_of_day(found), clock
    year = year_of(candidate)
    return ("year", year, str(year)) if year is not None else None
