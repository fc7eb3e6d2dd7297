"""Follow-up questions: "and where?", "who is he?", "what about India?" after an answer.

The last answered turn of each person in each chat is kept for a few minutes. A short
question that leans on it (a pronoun, "and …", "what about X", a bare question word) is read
together with it; the engine answers that reading only when it is sure, and otherwise treats
the message as a new question.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from bot.conversation.expiring import ExpiringMap
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.lexicon import QType

_PERSON = frozenset("he she him her his hers himself herself".split())
_THING = frozenset("it its that this there they them their those these then".split())
_POINTING = _PERSON | {"it", "its"}  # pointing back whatever else a message says
_THEY = frozenset("they them their".split())
_OPENERS = frozenset("and aur also so plus".split())
_ABOUT = (("what", "about"), ("how", "about"), ("and", "what", "about"))
MAX_WORDS = 8  # longer messages carry their own subject
_TERSE = 3  # words: a question this short leans on the last one ("who paid?")
_DROPPED = 4  # readings without one of the previous question's words, at most
_ASKING = frozenset("who whom whose what when where why which how kab kahan kaun kis kya".split())


@dataclass(frozen=True)
class Turn:
    """What one answered question was about: its reading, its entry and who it names."""

    analysis: Analysis
    entry_id: str | None  # None after a corrected premise: no entry answered it
    people: tuple[str, ...]  # person terms of the question and the answer, first named first
    # the bodies (organisation, country) a "who" question's answer named: who "they" are
    bodies: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        """Return how a decision's reason names this turn: its entry, or the correction."""
        return self.entry_id or "a corrected premise"


class Memory:
    """The last turn of each asker, kept `ttl` seconds; the oldest go past `capacity`."""

    def __init__(
        self,
        ttl: float = 300.0,
        capacity: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Keep turns for `ttl` seconds, at most `capacity` askers at once."""
        self._turns: ExpiringMap[Turn] = ExpiringMap(ttl, capacity, clock)

    def recall(self, key: str) -> Turn | None:
        """Return the asker's last turn if it is recent enough."""
        return self._turns.get(key)

    def remember(self, key: str, turn: Turn) -> None:
        """Keep `turn` as the asker's last one."""
        self._turns.set(key, turn)

    def forget(self, key: str) -> None:
        """Drop the asker's turn."""
        self._turns.pop(key)

    def __len__(self) -> int:
        """Return how many askers have a turn kept (expired ones included until touched)."""
        return len(self._turns)


def explicit(words: tuple[str, ...]) -> bool:
    """Return whether a message says outright that it follows on ("and …", "what about …")."""
    return bool(words) and (words[0] in _OPENERS or any(words[: len(cue)] == cue for cue in _ABOUT))


def points_back(words: tuple[str, ...]) -> bool:
    """Return whether a question names what it asks about only by a pronoun ("is *it* …")."""
    return not (_PERSON | _THING).isdisjoint(words)


def points_to_someone(words: tuple[str, ...]) -> bool:
    """Return whether a question names whom it asks about only by a pronoun ("who is *he*")."""
    return not _PERSON.isdisjoint(words)


def points_at(words: tuple[str, ...], terms: int) -> bool:
    """Return whether a short message points back by "it", "he" or, alone, "they".

    "What did they say?" does; "what did they say about the fare?" (a word of its own),
    "how many trains are there?" and "is it true that …" (read as "is …" in idioms.py) do not.
    """
    if len(words) > MAX_WORDS:
        return False
    return not _POINTING.isdisjoint(words) or (terms <= 1 and not _THEY.isdisjoint(words))


def asks_of_someone(words: tuple[str, ...]) -> bool:
    """Return whether a short question asks of someone by a pronoun: "how old is *he*?".

    Not a longer message, whose "he" may be the asker's uncle.
    """
    return len(words) <= MAX_WORDS and points_to_someone(words)


# a country and an agency or company act alike: either one asked about stands for the other
_ACTORS = frozenset({"country", "organisation"})


def pronoun_first(question: Analysis) -> bool:
    """Return whether "he" or "she" comes before every name the question gives."""
    words = question.words
    said = min(i for i, w in enumerate(words) if w in _PERSON)
    firsts = [name.split()[0] for name in question.names.values()]
    return all(said < words.index(first) for first in firsts if first in words)


def resolve(
    question: Analysis,
    turn: Turn,
    kinds: dict[str, str],
    names: Mapping[str, str] | None = None,
) -> list[Analysis]:
    """Return the readings of `question` together with the previous `turn`, likeliest first.

    None when it stands alone. `kinds` maps entity terms to their type, so "what about
    India?" replaces the country the previous question named rather than its person;
    `names` maps them to their names, read in place of "he" ("how old is Rutger van Dalen",
    as its meaning is matched too).
    """
    words = question.words
    if not words or len(words) > MAX_WORDS:
        return []
    named = [t for t in question.terms if t.startswith(ENTITY_PREFIX)]
    about = any(words[: len(cue)] == cue for cue in _ABOUT)
    # "he" is the last turn's person, also before another one the message names ("did he
    # meet Xi?"), but not after one ("what did Bosveld say he would do?": Bosveld)
    others = {t for t in named if kinds.get(t) == "person"}
    person = bool(_PERSON & set(words)) and (
        not others
        or (bool(turn.people) and turn.people[0] not in others and pronoun_first(question))
    )
    terse = len(words) <= _TERSE and question.qtype is not QType.NONE  # "who paid?", "why?"
    if not (about or person or terse or words[0] in _OPENERS or _THING & set(words)):
        return []  # nothing points back: a new question
    leans_on_thing = bool(_THING & set(words)) and not (person or about or words[0] in _OPENERS)
    if leans_on_thing and all(kinds.get(t) == "person" for t in turn.analysis.terms):
        return [question]  # "when was that?" after "who is he?": "that" is not a person
    own = question.qtype is not QType.NONE and not about  # "what about X?" asks the same
    qtype = question.qtype if own else turn.analysis.qtype
    if person and turn.people:  # "who is he?", "how old is she?": about that person alone
        who = turn.people[0]
        name = _name(who, names)
        return [_joined(question, [(who, name)], qtype, tuple(name.lower().split()))]
    if person and not _THING & set(words):
        return []  # "who is he?" after "when did India land?": no one to mean
    they = _THEY & set(words) and not (_THING - _THEY) & set(words)  # not "why did they do that?"
    if they and turn.bodies and not any(kinds.get(t) in _ACTORS for t in named):
        # "where are they based?" after "who makes the vaccine?": its maker, of what was asked
        body = turn.bodies[0]
        name = _name(body, names)
        asked = list(zip(turn.analysis.terms, _surfaces(turn.analysis), strict=True))
        words = (*turn.analysis.words, *name.lower().split())
        return [_joined(question, [*asked, (body, name)], qtype, words)]
    replaced = {kinds.get(t) for t in named}
    if replaced & _ACTORS:  # "and Pakistan?" after NASA's plans: Pakistan's own, not NASA's
        replaced |= _ACTORS
    base = [
        (t, s)
        for t, s in zip(turn.analysis.terms, _surfaces(turn.analysis), strict=True)
        if not (t.startswith(ENTITY_PREFIX) and kinds.get(t) in replaced)
    ]
    readings = [_joined(question, base, qtype, turn.analysis.words)]
    if own and len(base) > 1:
        # "where is it?" after "how tall is the dam?": "it" is the dam, not its height, so
        # also read it without each one of the previous question's words
        readings += [
            _joined(question, [b for b in base if b != left], qtype) for left in base[:_DROPPED]
        ]
    return readings


def _name(term: str, names: Mapping[str, str] | None) -> str:
    """Return the name of entity `term`, or the term's own word when no names are given."""
    return (names or {}).get(term, term[1:])


def _joined(
    question: Analysis,
    extra: list[tuple[str, str]],
    qtype: QType,
    extra_words: tuple[str, ...] = (),
) -> Analysis:
    pairs = dict(zip(question.terms, _surfaces(question), strict=True))
    for term, surface in extra:
        pairs.setdefault(term, surface)
    # the previous question's words, but not its question word: "and where?" asks where
    words = question.words + tuple(
        w for w in extra_words if w not in question.words and w not in _ASKING
    )
    return Analysis(tuple(pairs), qtype, tuple(pairs.values()), words)


def _surfaces(analysis: Analysis) -> tuple[str, ...]:
    if len(analysis.surfaces) == len(analysis.terms):
        return analysis.surfaces
    return analysis.terms
