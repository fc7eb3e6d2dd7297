"""Who is older of two people the story gives ages for: "is the CEO older than the minister?".

"Is Lazaridis younger than Captain Vlachakis?", "who's older, Kessler or Bosveld?", "how much
older is Baek than Choi?": each person's own entry gives an age ("Andreas Koutsoyiannis, 61,
is …"); the reply gives both entries and the years between them, worked out from the story's
ages, with a "Yes" or "No" when a yes/no question says which it thinks older. Anything else
is read as asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation.values import ages_in
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.decision import Candidate, Decision, Entry
from bot.matching.lexicon import QType

if TYPE_CHECKING:
    from bot.matching.engine import Engine

_COMPARED = re.compile(r"\b(?P<way>older|younger|elder)\b|\bage (?:gap|difference)\b", re.I)


def older(engine: Engine, text: str, reading: Analysis) -> Decision | None:
    """Answer which of two people `reading` names is older, from the ages the story gives."""
    compared = _COMPARED.search(text)
    if compared is None:  # almost every question
        return None
    people = [t for t in dict.fromkeys(reading.terms) if t in engine.tools.people]
    if len(people) != 2:
        return None
    aged = [_aged(engine, person) for person in people]
    if aged[0] is None or aged[1] is None:
        return None
    (first, age), (second, other) = aged[0], aged[1]
    names = [_name(c.entry) for c in (first, second)]
    elder, younger = names if age > other else names[::-1]
    said = (
        f"{elder} is {abs(age - other)} years older than {younger}"
        if age != other
        else f"{names[0]} and {names[1]} are the same age"
    )
    line = f"By the story's ages, {said}."
    way = (compared["way"] or "").lower()
    if reading.qtype is QType.YESNO and way:  # "is A older than B?": A is the one named first
        holds = age > other if way in ("older", "elder") else age < other
        line = f"{'Yes' if holds else 'No'}: by the story's ages, {said}."
    answer = replies.worked([first, second], line)
    return Decision(text, answer, "who is older: each age given", (first, second))


def _aged(engine: Engine, person: str) -> tuple[Candidate, int] | None:
    """Return the sure answer of how old `person` is, from their own entry, and the age."""
    entry = engine.entry(person.removeprefix(ENTITY_PREFIX))
    if entry is None:
        return None
    found = engine.candidates(f"how old is {_name(entry)}")
    best = next((c for c in found if c.entry == entry), None)
    if best is None:
        return None
    ages = ages_in(best.entry.answer)
    return (best, int(ages.pop())) if len(ages) == 1 else None


def _name(entry: Entry) -> str:
    """Return the name of the person a fact-store entry is about: its "Who is X?" question's X."""
    return entry.question.removeprefix("Who is ").rstrip("?")
