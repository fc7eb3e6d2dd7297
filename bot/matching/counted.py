"""What the figures of a clause count: "48 people trapped in lifts" counts people, no lifts.

General English only: a figure counts the words after it, up to a word that can only be a
verb, a preposition or a comma; "a crew of 64" counts the crew.
"""

from __future__ import annotations

import re

from bot.matching.english import is_only_verb
from bot.matching.needs import NUMBER_WORDS, YEAR_PATTERN

# "one" is left out: "nine, one official said" counts no officials
_NUMBER = "|".join(sorted(frozenset(NUMBER_WORDS.split()) - {"one"}))
# "48", "two", "48-hour", "twenty-five", "$4.5m", "1.2bn", "64%"
_FIGURE = re.compile(rf"[$\u20ac\u00a3]?(?:\d[\d,.]*(?:m|bn|k|%)?|{_NUMBER})(?:-[a-z]+)?")
# the words that end what a figure counts: "48 people *trapped* in lifts"
_COUNTED_ENDS = frozenset(
    """
    in at on to from for with by per a an as than and or but who which that were was are is
    be been will would have has had into over under since until after before about around
    across its their his her said says say each
    """.split()
)
# the words read past after "of": "three of *its* dry docks"
_OWNING = frozenset("its their his her the them these those our a an".split())
_AND = frozenset("and or".split())  # "42 carved *and* metal objects"
_STOPS = ",.;:!?\u2014\u2013"  # what ends what a figure counts: a stop or a dash
_QUOTES = "\"'()\u201c\u201d\u2018\u2019"
_MARKS = _STOPS + _QUOTES  # what a word is read without
_NUMBERS = frozenset(NUMBER_WORDS.split())


def counted_words(clause: str) -> list[str]:
    """Return the words the counts in `clause` are of: "48 people trapped in lifts": people.

    "6,500 of its 8,200 members" counts members; "a 48-hour strike" hours; "300
    solar-powered fridges" fridges.
    """
    return [word for group in counted_groups(clause) for word in group]


def counted_groups(clause: str) -> list[list[str]]:
    """Return the words each figure of `clause` counts, figure by figure (`counted_words`)."""
    groups: list[list[str]] = []
    found: list[str] = []
    words = clause.split()
    counting = False
    taken = 0  # the words taken for the last figure
    for at, word in enumerate(words):
        plain = word.lower().strip(_MARKS)
        if YEAR_PATTERN.fullmatch(plain):  # "in 2022 the museum offered": it counts nothing
            counting = False
            continue
        if _FIGURE.fullmatch(plain):
            found = []
            groups.append(found)
            unit = plain.partition("-")[2]  # "a 48-hour strike" counts hours; "twenty-five" no
            counts_unit = bool(unit) and unit not in _NUMBERS
            found.extend([unit] if counts_unit else [])
            if at >= 2 and words[at - 1].lower() == "of":  # "a crew of 64"
                found.append(words[at - 2].lower().strip(_MARKS))
            counting = not counts_unit and word[-1:] not in _STOPS
            taken = 0
            continue
        if not counting:
            continue
        before, after = words[at - 1].lower(), words[at + 1 : at + 2]
        if (before == "of" and plain in _OWNING) or (plain == "of" and after):
            continue  # "three of its dry docks", "6,500 of the members"
        if plain in _AND and after and after[0].lower() not in _OWNING:
            continue  # "42 carved and metal objects", "11 brass and copper vessels"
        # "48 people trapped in lifts"; not "17 carved door panels", "40 new red buses"
        if plain in _COUNTED_ENDS or (taken and is_only_verb(plain)):
            counting = False
            continue
        found.append(plain)
        taken += 1
        counting = word.rstrip(_QUOTES)[-1:] not in _STOPS  # "lifts," or "lifts,”" ends it
    return [group for group in groups if group]
