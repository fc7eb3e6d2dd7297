"""The story's people by their titles: its one mayor is "the mayor", its head coach "the coach".

People say "when did the coach find out?" once the story has said who the coach is; an entry
about him names him, and the question is no less about him for not doing so. A fact-store
description says who holds which title: "Pawel Zielinski, 52, is the mayor of Torun". A
title names its holder only as the question says it: not "the former mayor", "Gdansk's
mayor" or "the minister of finance", who are someone else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import NamedTuple

from bot.knowledge.loading import Knowledge
from bot.knowledge.schema import EntityType
from bot.matching.analysis import ENTITY_PREFIX

# the titles one holder of which a story usually has ("the mayor", "the head coach"; not
# "nurse" or "engineer": "how many nurses?" asks of no one)
_TITLES = (
    r"(?:vice[- ])?president|premier|prime minister|minister|governor|mayor|"
    r"chair(?:man|woman|person)?|ceo|chief executive|director(?: general)?|secretary|"
    r"commissioner|chancellor|coach|captain|spokes(?:man|woman|person)|alderman|envoy|"
    r"ambassador|professor"
)
# "X, 52, is the mayor of Torun", "… is Eemland FC's head coach": the title a description
# gives, with the words before it
_IS_TITLE = re.compile(
    r"\b(?:is|was) (?:the |a |an |its |(?:[\w.-]+ ){0,2}[\w.-]+['\u2019]s )?"
    rf"(?P<before>(?:[A-Za-z()-]+ ){{0,2}}?)(?P<title>{_TITLES})\b(?![\w-])",
    re.I,
)
_WORD = re.compile(r"[a-z0-9]+")
# what may come before a title that names the story's holder: "the coach", "coach van Dalen"
_PLAIN = frozenset("the this that our their its ur da".split())
# who stands beside a title's holder, another person: "the minister's wife"
_AROUND = frozenset(
    "wife husband son daughter brother sister mother father family aide aides spokesman "
    "spokeswoman spokesperson adviser advisor deputy office staff successor predecessor".split()
)
# who makes a title someone else's: "the former mayor", "another minister"
OTHERS = frozenset(
    "former previous new next vice deputy assistant another other acting ex interim old late "
    "future incoming outgoing".split()
)


class Holder(NamedTuple):
    """A person of the fact store, with the words of their description."""

    term: str  # their entity term: "@zielinski"
    described: frozenset[str]  # the words their description uses, in lower case


def title_holders(knowledge: Knowledge) -> dict[tuple[str, ...], Holder]:
    """Return each title the fact store gives one person only, by its words, with its holder.

    The title, and with the words before it ("head coach", "deputy infrastructure
    minister"): "coach" is van Dalen's when no other person's description gives it.
    """
    held: dict[tuple[str, ...], list[Holder]] = {}
    for entity in knowledge.entities:
        if entity.type != EntityType.PERSON:
            continue
        description = entity.description.casefold()
        match = _IS_TITLE.search(description.split(". ")[0])
        if match is None:
            continue
        holder = Holder(ENTITY_PREFIX + entity.id, frozenset(_WORD.findall(description)))
        # "caretaker (interim) prime minister": an aside's words are the title's too
        words = [
            *match["before"].replace("(", "").replace(")", "").split(),
            *match["title"].split(),
        ]
        for cut in range(len(words) - len(match["title"].split()) + 1):
            held.setdefault(tuple(words[cut:]), []).append(holder)
    return {form: found[0] for form, found in held.items() if len(found) == 1}


def titled(
    words: Sequence[str],
    holders: Mapping[tuple[str, ...], Holder],
    names: Sequence[str] = (),
) -> frozenset[str]:
    """Return the entity terms of the people a question names by their title alone.

    The longest title at each place, said plainly ("the mayor", "mayor Zielinski") or of
    what its holder's description names ("Torun's mayor", "the mayor of Torun"); not of
    another ("Gdansk's mayor", "the minister of finance"), nor "the former mayor", nor in a
    question naming a party (`names`, as typed) its holder's description does not ("Kenya's
    health minister" is not Ghana's).
    """
    if not holders:
        return frozenset()
    found: set[str] = set()
    longest = max(map(len, holders))
    at = 0
    while at < len(words):
        # the longest title beginning here: "head coach" before "coach"
        size = next(
            (
                n
                for n in range(min(longest, len(words) - at), 0, -1)
                if tuple(words[at : at + n]) in holders
            ),
            1,
        )
        holder = holders.get(tuple(words[at : at + size]))
        if holder is not None and _theirs(holder, words[:at], words[at + size :], names):
            found.add(holder.term)
        at += size
    return frozenset(found)


def _theirs(
    holder: Holder, before: Sequence[str], after: Sequence[str], names: Sequence[str]
) -> bool:
    """Return whether a title between `before` and `after` is said of its holder plainly.

    "the mayor", "Torun's mayor", "the mayor of Torun"; not "the former mayor", "Gdansk's
    mayor", "the minister of finance", "the minister's wife"; nor with a party (`names`) the
    holder's description does not name.
    """
    said = before[-1] if before else "the"
    if said not in _PLAIN and (said not in holder.described or said in OTHERS):
        return False
    following = [w for w in after[:3] if w not in _PLAIN]
    if following and (
        following[0] in _AROUND
        or (following[0] == "of" and not set(following[1:2]) <= holder.described)
    ):
        return False
    return all(set(name.split()) <= holder.described for name in names)
