"""The engine's side of a conversation: follow-ups read with the last turn, wrong premises.

Kept apart from the engine's matching: everything here ranks through the engine's public
`rank` and `settle`, and only decides which reading of a message to trust.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING, cast

from bot import replies
from bot.conversation import premises, sides
from bot.conversation.corrections import Corrections
from bot.conversation.held import held
from bot.conversation.pointing import Pointing, points
from bot.conversation.turns import Turn, points_back, resolve
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.decision import Candidate, Decision, Entry
from bot.matching.lexicon import QType
from bot.matching.overview import asks_overview
from bot.models import Answer, AnswerKind

if TYPE_CHECKING:  # the engine builds its dialogue: imported for types only
    from bot.matching.engine import Engine


_BEING = frozenset("is was are were".split())
_BODIES = frozenset({"organisation", "country"})  # who "they" may be
# a message whose words an entry's phrasing holds this fully is that entry's question, even
# after a turn whose answer holds what it asks ("where is the vaccine made?")
_PHRASED = 0.9


class Dialogue:
    """Follow-ups and false premises for one engine's knowledge."""

    def __init__(self, engine: Engine) -> None:
        """Read the fact store of `engine`: who is a person, a country, an organisation."""
        # a proxy, not a reference: no cycle, so a replaced engine is freed by refcount alone
        self._engine = cast("Engine", weakref.proxy(engine))
        self._entities = {ENTITY_PREFIX + e.id: e for e in engine.knowledge.entities}
        self._kinds = {term: e.type.value for term, e in self._entities.items()}
        self._names = {term: e.name for term, e in self._entities.items()}
        self._named: dict[str, tuple[str, ...]] = {}  # entry id -> entity terms of its answer
        self.pointing = Pointing(self._engine, self._entities, self._kinds, self._named_in)
        self.corrections = Corrections(
            self._engine, self._entities, self._kinds, self._named_in, self._asks
        )

    def turn_of(self, answer: Answer, asked: str, reading: Analysis | None) -> Turn | None:
        """Return what a follow-up can lean on after `answer` (see `Engine.turn_of`)."""
        engine = self._engine
        if answer.kind is AnswerKind.CORRECTION:
            return self._corrected_turn(reading or engine.analyzer.analyze(asked))
        entry = engine.entry(answer.entry_id or "")
        if entry is None or not answer.answered:
            return None
        said = reading or engine.analyzer.analyze(asked)
        # the entry's own question names what "it" is when the asker already said "it"
        canonical = engine.analyzer.analyze(entry.question)
        extra = [
            (t, s)
            for t, s in zip(canonical.terms, canonical.surfaces, strict=False)
            if t not in said.terms
        ]
        said = replace(
            said,
            terms=said.terms + tuple(t for t, _ in extra),
            surfaces=said.surfaces + tuple(s for _, s in extra),
        )
        questioned = [t for t in said.terms if t in self._kinds]
        answered = [t for t in self._named_in(entry) if t not in questioned]
        # after "who did Kakar meet?", "he" is the one the answer named, not Kakar; after
        # "who is Li Qiang?" (or "who's Li Qiang?") it is Li Qiang, whatever else it names
        found = said.qtype == QType.WHO and not _identity(said)
        named = answered + questioned if found else questioned + answered
        people = self._people(named)
        # "they" after "who makes the vaccine?" is its maker, which the answer named
        bodies = tuple(t for t in answered if self._kinds[t] in _BODIES) if found else ()
        return Turn(said, entry.id, people, bodies[:1])

    def _corrected_turn(self, said: Analysis) -> Turn | None:
        """Return the turn after a corrected premise: what the asker asked, of whom they asked.

        After "what about the US?" was told the story says it of India, "when are they
        sending astronauts?" asks of the US. No entry answered it, so none is leaned on.
        """
        asked = [t for t in said.terms if self._kinds.get(t) in premises.PARTIES]
        if not asked:
            return None
        return Turn(said, None, self._people(asked))

    def _people(self, named: list[str]) -> tuple[str, ...]:
        """Return the people among entity terms `named`, each once, first named first."""
        return tuple(dict.fromkeys(t for t in named if self._kinds[t] == "person"))

    def after(self, text: str, turn: Turn, alone: Callable[[str], Decision]) -> Decision:
        """Decide a message after `turn`: as a follow-up of it, or as `alone` decides it."""
        if asks_overview(text):  # "what is this story about?": "this" is the story
            return alone(text)
        picked = self.pointing.which(text, turn)
        if picked is not None:  # "which program?" after an answer naming the Apollo program
            return picked
        decided = alone(text)
        followed = self.follow(text, turn)
        if not (_answers(followed) or _phrased(decided)):
            # "over how many years?" after the loan's answer, which says (and which a sure
            # follow-up reading, "and where?" answered "In Beijing", or an entry the message
            # is a phrasing of, says more plainly)
            again = held(self._engine, text, turn)
            if again is not None:
                return again
        if followed is None:
            return decided
        return self.pointing.chosen(text, turn, decided, followed)

    def follow(self, text: str, turn: Turn) -> Decision | None:
        """Answer `text` read with the previous turn, when that reading is sure or corrects."""
        engine = self._engine
        question = engine.analyzer.analyze(text)
        readings = resolve(question, turn, self._kinds, self._names)
        if not readings:
            return None
        if any(self._kinds.get(t) in premises.PARTIES for t in question.terms):
            # "what about Pakistan?" after India's landing: its premise is checked first
            corrected = self.corrections.corrected(text, readings[0])
            if corrected is not None:  # read with the turn: what a next follow-up leans on
                return replace(corrected, analysis=readings[0])
        ranked = [(engine.rank(r), r) for r in readings]
        person = _about_person(readings[0], turn)
        if not person and not self._answered_for(question, turn):  # "and where?" asks anew
            ranked = [([c for c in f if c.entry.id != turn.entry_id], r) for f, r in ranked]
        found, reading = max(ranked, key=lambda fr: fr[0][0].probability if fr[0] else 0.0)
        if found and found[0].probability >= engine.thresholds.answer:
            best = found[0]
            answer = replies.single(
                best.entry, best.probability, engine.affirms(best.entry, reading)
            )
            reason = f"follow-up of {turn.label}: p={best.probability:.2f}"
            return Decision(text, answer, reason, tuple(found), reading)
        if question.terms and not person and not points(question):
            return None  # a message with words of its own may be a new question
        # "when was that?", "how old is he?": the story doesn't say
        settled = engine.settle(text, found, reading)
        reason = f"follow-up of {turn.label}: {settled.reason}"
        return replace(settled, reason=reason, analysis=reading)

    def within(self, text: str, turn: Turn) -> list[Candidate]:
        """Return the candidates of `text`, a later part of one message, read with `turn`.

        "How big was the loan and over how many years is *it* paid back?": the second part
        leans on the first, and may be answered by the same entry. Empty when no pronoun
        points back to it.
        """
        engine = self._engine
        question = engine.analyzer.analyze(text)
        if not points_back(question.words):  # "… signed? what happens next?" asks anew
            return []
        readings = resolve(question, turn, self._kinds, self._names)
        ranked = [engine.rank(r) for r in readings]
        return max(ranked, key=lambda f: f[0].probability if f else 0.0, default=[])

    def compared(self, text: str, question: Analysis) -> Decision | None:
        """Answer of each side an either-or question names two parties as (`sides.py`)."""
        return sides.compared(self._engine, text, question, self._kinds, self._names, self._asks)

    def _answered_for(self, question: Analysis, turn: Turn) -> bool:
        """Return whether "and X?" asks only of parties the last answer names.

        "and Kenya?" after the doses Ghana got is answered by the same entry: it says both.
        A follow-up with words of its own ("and where did Kakar sign it?") asks anew.
        """
        entry = self._engine.entry(turn.entry_id)
        named = set(self._named_in(entry)) if entry is not None else set()
        return bool(question.terms) and all(
            t in named and self._kinds.get(t) in premises.PARTIES for t in question.terms
        )

    def _asks(self, entry: Entry) -> QType:
        """Return the question type of the entry's own question: "When did India land?"."""
        return self._engine.analyzer.analyze(entry.question).qtype

    def _named_in(self, entry: Entry) -> tuple[str, ...]:
        named = self._named.get(entry.id)
        if named is None:
            terms = self._engine.analyzer.analyze(entry.answer).terms
            named = self._named[entry.id] = tuple(t for t in terms if t in self._kinds)
        return named


def _answers(decided: Decision | None) -> bool:
    return decided is not None and decided.answer.answered


def _phrased(decided: Decision) -> bool:
    """Return whether a message is answered by an entry it is all but a phrasing of."""
    best = decided.best
    return decided.answer.answered and best is not None and best.evidence.phrasing >= _PHRASED


def _identity(question: Analysis) -> bool:
    """Return whether a "who" question asks who someone it names is: "who is Li Qiang?"."""
    after = question.words[1:2]
    if not after or after[0] in _BEING:
        return True
    return any(said.split()[:1] == list(after) for said in question.names.values())


def _about_person(reading: Analysis, turn: Turn) -> bool:
    """Return whether a follow-up reading asks about the person the last answer named."""
    return bool(turn.people) and reading.terms[-1:] == turn.people[:1]
