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
from bot.conversation import compass, premises, sides, values
from bot.conversation.held import held
from bot.conversation.pointing import Pointing, points
from bot.conversation.turns import Turn, points_back, resolve
from bot.knowledge.loading import story_sentences
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.decision import Candidate, Decision, Entry
from bot.matching.lexicon import QType
from bot.matching.messages import undoubted
from bot.matching.overview import asks_overview
from bot.models import Answer, AnswerKind

if TYPE_CHECKING:  # the engine builds its dialogue: imported for types only
    from bot.matching.engine import Engine


# an answer this likely stands even when its entry names someone else: on the tuned sets the
# answers this check turned into corrections were out of scope at p 0.51-0.54, in scope at 0.88
_SURE = 0.8
_BEING = frozenset("is was are were".split())
_IDENTITY = {(word,) for word in _BEING}
_BODIES = frozenset({"organisation", "country"})  # who "they" may be
# the share of a question's other words an entry must say for its own question's people to be
# whom it is about
_COVERED = 0.99
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
        # the question left without a party must not be held against entries naming one
        self._premise_model = engine.model.without("unnamed")

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
            corrected = self.corrected(text, readings[0])
            if corrected is not None:  # read with the turn: what a next follow-up leans on
                return replace(corrected, analysis=readings[0])
        ranked = [(engine.rank(r), r) for r in readings]
        person = _about_person(readings[0], turn)
        if not person and not self._answered_for(question, turn):  # "and where?" asks anew
            ranked = [([c for c in f if c.entry.id != turn.entry_id], r) for f, r in ranked]
        found, reading = max(ranked, key=lambda fr: fr[0][0].probability if fr[0] else 0.0)
        if found and found[0].probability >= engine.thresholds.answer:
            answer = replies.single(found[0].entry, found[0].probability)
            reason = f"follow-up of {turn.label}: p={found[0].probability:.2f}"
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

    def corrected(self, text: str, question: Analysis) -> Decision | None:
        """Say what the story says instead, when the question's premise is wrong."""
        engine = self._engine
        threshold = engine.thresholds.answer
        # "is Li Qiang the president?" asks who someone is, not what they did: the answer's
        # parties alone
        named = self._answer_names if question.words[:1] in _IDENTITY else self._named_of
        # "joining NASA's Artemis or China's?" offers both parties itself: none to correct
        found = None
        if not question.either:
            found = premises.find(question, self._rank_unnamed, named, self._kinds, threshold)
        if found:
            return self._correction(text, found)
        return self._another_value(text, question)

    def _another_value(self, text: str, question: Analysis) -> Decision | None:
        """Say the value the story gives, when a yes/no question states another of its kind.

        "Did India land in July?": the story doesn't say July, and what it does say.
        """
        if question.qtype != QType.YESNO:
            return self._other_side(text, question)
        engine = self._engine
        threshold, terms = engine.thresholds.answer, engine.analyzer.terms
        tools = engine.tools
        story = values.Story(
            engine.passages.sentences, tools.people | tools.countries | tools.places
        )
        value = values.find(text, question, self._rank_unnamed, self._asks, terms, threshold, story)
        if value is None:
            return self._other_side(text, question)
        answer = replies.another_value(value.stated, value.candidate)  # "July", "500 naira"
        reason = f"states {value.stated!r}; the entry gives another"
        return Decision(text, answer, reason, (value.candidate,))

    def _other_side(self, text: str, question: Analysis) -> Decision | None:
        """Say which side the story gives, when a yes/no question states the opposite one."""
        engine = self._engine
        terms_of = lambda c: engine.terms_of(c.entry.id)  # noqa: E731 - one use
        rank, read = self._rank_unnamed, engine.analyzer.terms
        side = compass.find(question, rank, terms_of, read, engine.thresholds.answer)
        if side is None:
            return None
        answer = replies.other_side(side.stated, side.told, side.candidate)
        reason = f"states {side.stated!r}; the entry gives {side.told!r}"
        return Decision(text, answer, reason, (side.candidate,))

    def _correction(self, text: str, found: premises.Premise) -> Decision:
        engine = self._engine
        asked, told = self._entities[found.asked], self._entities[found.told]
        own = story_sentences(asked.description)[0]
        limit = engine.thresholds.suggestions
        answer = replies.correction(asked.name, told.name, found.candidate, own, limit)
        reason = f"false premise: {found.asked} asked, the entry names {found.told}"
        return Decision(text, answer, reason, (found.candidate,))

    def contradicted(self, text: str, decided: Decision) -> Decision | None:
        """Correct an answer about another party than the question names, or of another value."""
        best = decided.best
        if best is None or not decided.answer.answered:
            return None
        engine = self._engine
        reading = engine.analyzer.analyze(text)
        # "Is Bosveld 19 years old?" answered "Henk Bosveld, 67, has chaired … for 19 years"
        told = self._another_value(text, reading)
        if told is not None and told.best is not None and told.best.entry.id == best.entry.id:
            return told
        if best.probability >= _SURE or reading.either:
            return None  # "joining NASA's Artemis or China's?" offers both parties itself
        # a name only a claim the asker doubts says is no premise of theirs to correct
        question = undoubted(text, reading, lambda c: engine.analyzer.analyze(c).terms)
        terms = engine.terms_of(best.entry.id)
        found = premises.clash(question, best, terms, self._named_in(best.entry), self._kinds)
        return self._correction(text, found) if found else None

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

    def _rank_unnamed(self, analysis: Analysis) -> list[Candidate]:
        return self._engine.rank(analysis, self._premise_model)

    def _answer_names(self, candidate: Candidate) -> tuple[str, ...]:
        return self._named_in(candidate.entry)

    def _named_of(self, candidate: Candidate) -> tuple[str, ...]:
        """Return the parties a candidate is about: its answer's, then its own question's people.

        "Where did Kakar meet Xi?" is answered "At the Great Hall …", which names no one; its
        question's people count only when the entry says every other word of the question
        ("did Li Qiang meet Xi?", not "is Li Qiang China's president?"), and only people:
        "When will Artemis return American astronauts?" makes no claim of the US.
        """
        own = self._named_in(candidate.entry)
        if candidate.evidence.covered < _COVERED:
            return own
        asked = self._engine.analyzer.analyze(candidate.entry.question).terms
        return own + tuple(t for t in asked if self._kinds.get(t) == "person" and t not in own)

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
