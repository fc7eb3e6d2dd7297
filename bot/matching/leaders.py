"""Who leads what: "the boss of Meltemi Sea Lines" is the one the story calls its chief executive.

People ask for whoever leads a body in general words ("who's the boss at X?", "who runs X?",
"who's in charge of X?", "how old is X's boss?") where the story gives a title: "Andreas
Koutsoyiannis, 61, is chief executive of Meltemi Sea Lines". A question saying such a word
and naming a body one person of the fact store leads is about that person too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

from bot.knowledge.loading import Knowledge
from bot.knowledge.schema import EntityType
from bot.matching.analysis import ENTITY_PREFIX
from bot.matching.cues import CUE_WORDS
from bot.matching.needs import Need
from bot.matching.titles import OTHERS

# the titles that lead a body: not a coach, spokesman or professor, who lead no one's body,
# nor a minister ("Kenya's health minister" leads a ministry, not Kenya)
_TITLES = (
    r"president|premier|prime minister|governor|mayor|chair(?:man|woman|person)?|ceo|"
    r"chief executive|(?:managing |executive )?director(?: general)?|general secretary|"
    r"head|commissioner|chancellor"
)
# "is chief executive of X", "is X's chief executive", "is the X's chair", "is the head of X";
# "chairs X", "has chaired X for 19 years"
_END = r"\s*(?:[,;:.(]|$|\s+(?:and|who|which)\b)"
_LEADS = re.compile(
    r"\b(?:is|was) (?:the |an? )?(?:(?P<owner>(?:[\w.-]+ ){0,2}[\w.-]+['\u2019]s) )?"
    rf"(?P<before>(?:[a-z-]+ ){{0,2}}?)(?:{_TITLES})(?:\s+of\s+(?:the\s+)?(?P<of>[^,;:.()]+?))?"
    rf"{_END}|\b(?:chairs|heads|leads|runs|has (?:chaired|headed|led|run)) (?:the )?"
    rf"(?P<body>[^,;:.()]+?)(?:{_END}|\s+(?:for|since)\b)",
    re.I,
)
# words that may stand before a title and leave it the body's own: "caretaker prime minister";
# not "regional director", "country director", whose body is a part of the one named
_PLAIN = frozenset("caretaker interim".split())
# in a "who …?" question, the verbs that ask for whoever leads: "who runs X?", "who's running
# the show at X?" (not "how long does the lease run?")
_LEAD_VERBS = frozenset("run runs running lead leads leading heads".split())
# and the words that ask for whoever leads (the cue words of a leading title), said alone or
# before what they lead: "the boss", "the head of X", "who's in charge at X"; not "the chief
# engineer", "the head coach"
_LEAD_WORDS = (CUE_WORDS[Need.LEAD] - _LEAD_VERBS) | {"bosses", "leaders", "ceo"}
_LEAD_AFTER = frozenset("of at in over for".split())


def lead_holders(knowledge: Knowledge, terms: Callable[[str], Iterable[str]]) -> dict[str, str]:
    """Return each body's entity term with the term of the one person the fact store says leads it.

    A person's description says it first ("Ines Carrasco is chief executive of Transred
    Iberica", "… is Transred's chief executive", "… has chaired Eemland FC for 19 years"),
    with no more words than the body's name around the title: not "director of professional
    football", "the WHO Regional Director for Africa", "chairman of the Donghae branch of …".
    A body two people lead is no one's.
    """
    led: dict[str, set[str]] = {}
    for entity in knowledge.entities:
        if entity.type != EntityType.PERSON:
            continue
        person = ENTITY_PREFIX + entity.id
        for body in _bodies(entity.description.split(". ")[0], terms):
            if body != person:
                led.setdefault(body, set()).add(person)
    return {body: next(iter(people)) for body, people in led.items() if len(people) == 1}


def _bodies(first: str, terms: Callable[[str], Iterable[str]]) -> set[str]:
    """Return the entity terms of the bodies a description's first sentence says it leads."""
    match = _LEADS.search(first)
    if match is None:
        return set()
    # read apart from the title: "chief executive of Transred" may be the person's own name
    found = [
        t
        for part in (match["owner"], match["before"], match["of"], match["body"])
        for t in terms(part or "")
    ]
    named = {t for t in found if t.startswith(ENTITY_PREFIX)}
    plain = {t for word in _PLAIN for t in terms(word)}
    return named if all(t in named or t in plain for t in found) else set()


def leaders_asked(
    words: Sequence[str], terms: Sequence[str], leaders: Mapping[str, str], who: bool
) -> tuple[frozenset[str], str]:
    """Return the people a question asks for as whoever leads a body it names, and its word.

    "How old is the boss of Meltemi Sea Lines?", "who's running the show at Donghae?" (`who`:
    a "who …?" question); not "the former boss", "the chief engineer", nor when the question
    names no body one person leads.
    """
    bodies = frozenset(leaders[t] for t in terms if t in leaders)
    if not bodies:  # most questions
        return frozenset(), ""
    for at, word in enumerate(words):
        before = words[at - 1] if at else ""
        after = words[at + 1] if at + 1 < len(words) else ""
        if word in _LEAD_WORDS and (not after or after in _LEAD_AFTER) and before not in OTHERS:
            return bodies, word
        if who and word in _LEAD_VERBS:
            return bodies, word
    return frozenset(), ""
