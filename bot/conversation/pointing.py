"""What a short follow-up points to: "which program?", "how long is it?", "how old is he?".

The last answer names its people and things; a pronoun or a "which" asks of one of them.
Here the engine's dialogue decides which one, and when a reading of the message alone is an
entry the pronoun cannot mean.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation.turns import (
    Turn,
    asks_of_someone,
    explicit,
    points_at,
    points_back,
    points_to_someone,
    pronoun_first,
)
from bot.knowledge.schema import Entity
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.decision import Candidate, Decision, Entry
from bot.models import AnswerKind

if TYPE_CHECKING:
    from bot.matching.engine import Engine

_SURE_ALONE = 0.9  # a message this sure on its own is not read as a follow-up
_FOLLOW_MARGIN = 0.1  # how much surer a follow-up reading must be to win
_WHICH = frozenset("which what kaunsa konsa kaun kon".split())  # "which program?", "kaunsa mulk?"
_WHICH_WORDS = 3
# what may follow the kind word and still point back: "which program was that?"
_POINTING_TAIL = frozenset("was is were are that it this they those then again exactly".split())
# the words that ask for an entity of one type: "which country?" after "the U.S. Apollo program"
# (not "which company?" of any organisation, nor "which city?" of any place: a university is
# no company, a hall no city)
_KIND_WORDS = {
    "country": frozenset("country countries nation nations mulk".split()),
    "programme": frozenset("program programme mission project".split()),
    "person": frozenset("person man woman guy official".split()),
}


class Pointing:
    """What "which X?", "it" and "he" point to after one engine's answers."""

    def __init__(
        self,
        engine: Engine,
        entities: Mapping[str, Entity],
        kinds: Mapping[str, str],
        named_in: Callable[[Entry], tuple[str, ...]],
    ) -> None:
        """Read through `engine` (a proxy); entities and their kinds by term; answers' names."""
        self._engine = engine
        self._entities = entities
        self._kinds = kinds
        self._named_in = named_in
        self._subject = frozenset(engine.analyzer.terms(engine.knowledge.title))

    def which(self, text: str, turn: Turn) -> Decision | None:
        """Answer "which program?" with the one party or thing of that kind the last answer names.

        After "In 1972, during the U.S. Apollo program.", "which program?" asks which one that
        was, and "which country?" which country: the fact-store entry of the one entity the
        answer names by that word, or of that type. None when no or several entities fit.
        """
        engine = self._engine
        question = engine.analyzer.analyze(text)
        words = question.words
        short = len(words) <= _WHICH_WORDS or _POINTING_TAIL.issuperset(words[2:])
        if not (words and short and words[0] in _WHICH) or len(question.terms) != 1:
            return None
        if question.terms[0].startswith(ENTITY_PREFIX) or "about" in words:
            return None  # "what about China?" asks the last question of China
        entry = engine.entry(turn.entry_id)
        asked, said = question.terms[0], question.surfaces[0] if question.surfaces else ""
        fits = [
            term
            for term in dict.fromkeys(self._named_in(entry) if entry is not None else ())
            if asked in engine.analyzer.terms(self._entities[term].name)
            or said in _KIND_WORDS.get(self._kinds[term], ())
        ]
        picked = engine.entry(fits[0].removeprefix(ENTITY_PREFIX)) if len(fits) == 1 else None
        if picked is None:
            return None
        reason = f"follow-up of {turn.label}: the one {said} its answer names"
        return Decision(text, replies.single(picked, 1.0), reason)

    def may_point_to(self, entry_id: str | None, turn: Turn, message: Analysis) -> bool:
        """Return whether the pronoun of `message` after `turn` may be what `entry_id` is about.

        "He" is the turn's first person (the answer's before the question's: Xi, after "who
        did Kakar meet?"); "it" is the programme or event the turn named (phase two, not the
        line's first phase), else something the turn said, else the story's own subject (the
        line, after what the governor said).
        """
        if entry_id is None:
            return True
        engine = self._engine
        terms = engine.terms_of(entry_id)
        if turn.people and points_to_someone(message.words):
            return turn.people[0] in terms
        asked = turn.analysis.terms
        # a programme or an event the turn named is what "it" is (a place is not: "it" after
        # Ikorodu is the line): a word shared besides, such as "moon", is not enough
        things = [t for t in asked if t in engine.tools.undertakings]
        if things:
            return not terms.isdisjoint(things)
        return not terms.isdisjoint(asked) or not terms.isdisjoint(self._subject)

    def chosen(self, text: str, turn: Turn, alone: Decision, followed: Decision) -> Decision:
        """Choose between `text` read on its own and read as a follow-up of `turn`."""
        # the entry answering alone, not a joined id ("a+b") of two questions' answers
        answered = alone.best.entry.id if alone.answer.answered and alone.best else None
        message = self._engine.analyzer.analyze(text)
        about_last = self.may_point_to(answered, turn, message)
        if not about_last and _beside_another(message, turn) and _told(followed):
            return followed  # "did he meet Xi?" after Li Qiang: not Kakar's meeting
        return preferred(alone, followed, message, about_last)

    def no_one_meant(self, reading: Analysis, best: Candidate) -> bool:
        """Return whether a short question asks of "him" or "her" with no one to mean.

        It names no one, and its likeliest entry is about no person at all.
        """
        people = self._engine.tools.people
        return (
            asks_of_someone(reading.words)
            and people.isdisjoint(self._engine.naming.read(reading, self._engine.index).terms)
            and people.isdisjoint(self._engine.terms_of(best.entry.id))
        )


def _beside_another(message: Analysis, turn: Turn) -> bool:
    """Return whether a short message's "he" or "she" means the turn's person beside another.

    "Did he meet Xi?" names Xi, and asks of the one the last turn was about.
    """
    return (
        asks_of_someone(message.words)
        and bool(turn.people)
        and bool(message.names)
        and turn.people[0] not in message.terms
        and pronoun_first(message)
    )


def _told(decided: Decision) -> bool:
    """Return whether a decision answers or corrects: tells the asker something."""
    return decided.answer.answered or decided.answer.kind is AnswerKind.CORRECTION


def leans(message: Analysis) -> bool:
    """Return whether a message names what it asks about only by a pronoun: "who runs it?"."""
    return points_back(message.words) and not message.names


def points(message: Analysis) -> bool:
    """Return whether a message names what it asks about only by "it", "he" or "they".

    See `turns.points_at`; "how many trains are there?" and "is it true that …" do not.
    """
    return points_at(message.words, len(message.terms)) and leans(message)


def preferred(
    alone: Decision, followed: Decision, message: Analysis, about_last: bool = True
) -> Decision:
    """Choose between a message read on its own and read as a follow-up.

    A message that says it follows on ("what about Pakistan?") is a follow-up, and so is one
    that `leans` on the last turn by a pronoun alone ("who runs it?") when that reading
    answers, or that `points` by "it", "he" or "they" when the message alone is answered by
    an entry the pronoun cannot mean (`about_last` false: `Pointing.may_point_to`).
    Otherwise a message sure on its own ("India landing date?") means what it says, and the
    follow-up reading wins only where the message alone does not answer, or answers much less
    surely.
    """
    if explicit(message.words) or (leans(message) and followed.answer.answered):
        return followed
    if points(message) and not about_last:
        return followed  # "how long is it?" after phase two: not phase one's length
    sure = alone.best.probability if alone.answer.answered and alone.best else 0.0
    if sure >= _SURE_ALONE:
        return alone
    if followed.answer.kind is AnswerKind.CORRECTION or not alone.answer.answered:
        return followed
    if not followed.answer.answered:
        return alone
    also = followed.best.probability if followed.best else 0.0
    return followed if also > sure + _FOLLOW_MARGIN else alone
