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
from bot.matching.decision import Candidate, Decision
from bot.matching.lexicon import QType

if TYPE_CHECKING:
    from bot.matching.engine import Engine

_COMPARED = re.compile(r"\b(?P<way>older|younger|elder)\b|\bage (?:gap|difference)\b", re.I)
# what may close a comparison after its second side: "…, by how much?", "…, nai?"
_TAIL = r"(?:,? (?:by how much|nai|right|yeah|yes|no|na|lol)\b.*)?\W*$"
# the two people compared, named or by what they are: "is the CEO older than the nurse?",
# "who's older, the energy minister or the farmers' union guy?"
_SIDES = (
    re.compile(
        r"\b(?:is|was|are|were|'s)\s+(?P<one>.+?)\s+(?:(?:any|much|even|really) )?"
        rf"(?:older|younger|elder)\s+than\s+(?P<other>.+?){_TAIL}",
        re.I,
    ),
    # "the Meltemi CEO is older than the kapetanios, nai?"
    re.compile(
        r"(?:^|[.!?,]\s+)(?P<one>[^.!?,]+?)\s+(?:is|was|'s)\s+(?:(?:any|much|even|really) )?"
        rf"(?:older|younger|elder)\s+than\s+(?P<other>.+?){_TAIL}",
        re.I,
    ),
    re.compile(r"\b(?:older|younger|elder)\b\W+(?P<one>.+?),? or (?P<other>.+?)[?.!]*$", re.I),
    re.compile(
        r"\bhow (?:much|many years) (?:older|younger) is (?P<one>.+?) than (?P<other>.+?)[?.!]*$",
        re.I,
    ),
)
_EITHER_WAY = re.compile(r"\bolder or younger\b|\byounger or older\b", re.I)
# "who is the youngest of the people named?", "among those whose ages are given, the oldest?"
_MOST = re.compile(r"\b(?P<most>youngest|oldest|eldest)\b", re.I)
_PEOPLE = re.compile(
    r"\b(?:people|persons?|named|quoted|every(?:one|body)|any(?:one|body)|ages?)\b", re.I
)


def older(engine: Engine, text: str, reading: Analysis) -> Decision | None:
    """Answer which of two people `reading` names is older, from the ages the story gives."""
    compared = _COMPARED.search(text)
    if compared is None:  # almost every question
        return _most(engine, text, reading)
    people = [t for t in dict.fromkeys(reading.terms) if t in engine.tools.people]
    if len(people) != 2:
        people = _meant(engine, text, people)
    if len(people) != 2:
        return None
    aged = [_aged(engine, person) for person in people]
    if aged[0] is None or aged[1] is None:
        return _one_aged(engine, text, people, aged)
    (first, age), (second, other) = aged[0], aged[1]
    names = [c.entry.person for c in (first, second)]
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


def _one_aged(
    engine: Engine, text: str, people: list[str], aged: list[tuple[Candidate, int] | None]
) -> Decision | None:
    """Say whose age the story gives and whose it does not, when it gives one of the two."""
    named = engine.analyzer.analyze(text).terms  # by name: not by a title read as someone
    if not set(people) <= set(named) or _EITHER_WAY.search(text):
        return None  # "was he Choi's older or younger brother?" asks no one's age
    given = [a for a in aged if a is not None]
    missing = [
        engine.entry(p.removeprefix(ENTITY_PREFIX))
        for p, a in zip(people, aged, strict=True)
        if a is None
    ]
    if len(given) != 1 or len(missing) != 1 or missing[0] is None:
        return None
    (candidate, age), left = given[0], missing[0]
    line = f"The story gives {candidate.entry.person}'s age ({age}), but not {left.person}'s."
    answer = replies.worked([candidate], line)
    return Decision(text, answer, "who is older: one age given", (candidate,))


def _meant(engine: Engine, text: str, named: list[str]) -> list[str]:
    """Return the two people `text` compares when it says what they are: "the CEO", "the nurse".

    Each side is the person it names, else the person the sure answer of "who is <side>?" is.
    """
    for sides in _SIDES:
        asked = sides.search(text)
        if asked is None:
            continue
        people = [_person(engine, asked[side], named) for side in ("one", "other")]
        return [p for p in people if p is not None]
    return named


def _person(engine: Engine, side: str, named: list[str]) -> str | None:
    """Return the person term one side of a comparison means: named in it, or described."""
    said = [t for t in named if t in engine.analyzer.terms(side)]
    if len(said) == 1:
        return said[0]
    # the likeliest person: "the castellan boss" is the firm first, its chief executive next
    people = engine.tools.people
    sure = (
        c for c in engine.candidates(f"who is {side}") if c.probability >= engine.thresholds.clarify
    )
    return next((t for c in sure if (t := ENTITY_PREFIX + c.entry.id) in people), None)


def _most(engine: Engine, text: str, reading: Analysis) -> Decision | None:
    """Answer who is the youngest or oldest of everyone the story gives an age for."""
    most = _MOST.search(text)
    if most is None or not (reading.qtype is QType.WHO or _PEOPLE.search(text)):
        return None  # "what is the oldest ship?" asks of no one
    aged = [a for p in sorted(engine.tools.people) if (a := _aged(engine, p)) is not None]
    if len(aged) == 1:  # "who is the oldest person in the story?" of a story giving one age
        candidate, age = aged[0]
        line = f"The story gives only one person's age: {candidate.entry.person}, {age}."
        return Decision(text, replies.worked([candidate], line), "one age given", (candidate,))
    if not aged:
        return None
    young = most["most"].lower() == "youngest"
    ranked = sorted(aged, key=lambda a: a[1], reverse=not young)
    if ranked[0][1] == ranked[1][1]:
        return None  # two of an age: neither is the one asked for
    (candidate, age) = ranked[0]
    others = ", ".join(f"{c.entry.person} {a}" for c, a in ranked[1:])
    line = (
        f"Of the {len(aged)} people the story gives ages for, {candidate.entry.person} is the "
        f"{most['most'].lower()}, at {age} (then {others})."
    )
    named = [t for t in reading.terms if t in engine.tools.people]
    if reading.qtype is QType.YESNO and len(named) == 1:  # "Baek is the oldest, isn't he?"
        holds = named[0] == ENTITY_PREFIX + candidate.entry.id
        line = f"{'Yes' if holds else 'No'}: {line[0].lower()}{line[1:]}"
    answer = replies.worked([candidate], line)
    return Decision(text, answer, f"the {most['most'].lower()}: each age given", (candidate,))


def _aged(engine: Engine, person: str) -> tuple[Candidate, int] | None:
    """Return the sure answer of how old `person` is, from their own entry, and the age."""
    entry = engine.entry(person.removeprefix(ENTITY_PREFIX))
    if entry is None:
        return None
    found = engine.candidates(f"how old is {entry.person}")
    best = next((c for c in found if c.entry == entry), None)
    if best is None:
        return None
    ages = ages_in(best.entry.answer)
    return (best, int(ages.pop())) if len(ages) == 1 else None
