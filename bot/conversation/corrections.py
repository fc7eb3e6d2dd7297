"""Wrong premises: a party, a value or a side the story gives otherwise than a question says.

"When did Pakistan land on the moon?" names the wrong party (`premises`), "did India land in
July?" the wrong value (`values`), "did India land at the north pole?" the wrong side
(`compass`): each is told what the story says instead. Read through the engine's public
ranking, as the rest of the dialogue is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation import compass, premises, values
from bot.conversation.stated import stated_values
from bot.knowledge.schema import Entity
from bot.knowledge.sentences import story_sentences
from bot.matching.analysis import Analysis
from bot.matching.answerability import offers
from bot.matching.decision import Candidate, Decision, Entry
from bot.matching.lexicon import QType
from bot.matching.messages import undoubted
from bot.matching.needs import Need

if TYPE_CHECKING:  # the engine builds its dialogue: imported for types only
    from bot.matching.engine import Engine

# an answer this likely stands even when its entry names someone else: on the tuned sets the
# answers this check turned into corrections were out of scope at p 0.51-0.54, in scope at 0.88
_SURE = 0.8
_IDENTITY = {(word,) for word in "is was are were".split()}
# the share of a question's other words an entry must say for its own question's people to be
# whom it is about
_COVERED = 0.99
# the days a question may state that an answer gives another of: weekdays and months
_DAYS = frozenset({"weekday", "month"})


class Corrections:
    """Tells a question with a wrong premise what the story says, for one engine."""

    def __init__(
        self,
        engine: Engine,
        entities: dict[str, Entity],
        kinds: dict[str, str],
        named_in: Callable[[Entry], tuple[str, ...]],
        asks: Callable[[Entry], QType],
    ) -> None:
        """Correct through `engine` (a proxy), with the dialogue's view of the fact store.

        `entities` and `kinds`: each entity and its type by term; `named_in`: the entity
        terms an entry's answer names; `asks`: the question type of an entry's own question.
        """
        self._engine = engine
        self._entities = entities
        self._kinds = kinds
        self._named_in = named_in
        self._asks = asks
        # the question left without a party must not be held against entries naming one
        self._premise_model = engine.model.without("unnamed")

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
        if found and not self._quoted(found.asked, question):
            return self._correction(text, found)
        return self._told_otherwise(text, question)

    def _quoted(self, party: str, question: Analysis) -> bool:
        """Return whether the story quotes `party`, asked only what they said: no wrong premise.

        "What did Grabowska say?" is not "what Szymanski said" when a story sentence has her
        words, though no entry does; "what did Kessler say about the stadium?" may be.
        """
        engine = self._engine
        said = set(engine.analyzer.terms("say said"))
        if Need.WORDS not in question.asks or not set(question.terms) <= {party, *said}:
            return False
        return any(
            party in engine.analyzer.terms(sentence) and Need.WORDS in offers(sentence)
            for sentence in engine.passages.sentences
        )

    def _told_otherwise(self, text: str, question: Analysis) -> Decision | None:
        """Say the value or the pole the story gives, when the question states another."""
        return self._another_value(text, question) or self._other_side(text, question)

    def _another_value(self, text: str, question: Analysis) -> Decision | None:
        """Say the value the story gives, when a yes/no question states another of its kind.

        "Did India land in July?": the story doesn't say July, and what it does say.
        """
        if question.qtype != QType.YESNO:
            return None
        engine = self._engine
        threshold, terms = engine.thresholds.answer, engine.analyzer.terms
        tools = engine.tools
        story = values.Story(
            engine.passages.sentences, tools.people | tools.countries | tools.places
        )
        value = values.find(text, question, self._rank_unnamed, self._asks, terms, threshold, story)
        if value is None:
            return None
        answer = replies.another_value(value.stated, value.candidate)  # "July", "500 naira"
        reason = f"states {value.stated!r}; the entry gives another"
        return Decision(text, answer, reason, (value.candidate,))

    def _another_day(self, text: str, question: Analysis, best: Candidate) -> Decision | None:
        """Say the day the answer gives, when the question states another weekday or month.

        "How many people were pulled out of lifts on Wednesday?" is not answered by "48 people
        … on Tuesday evening": the story doesn't give Wednesday for that, and says Tuesday.
        """
        if question.qtype is QType.YESNO or question.either:
            # a yes/no question's stated values are `_another_value`'s; "monday or tuesday?"
            # asks which
            return None
        said = f"{best.entry.answer} {best.entry.source}".casefold()
        for stated in stated_values(question, text):
            if stated.kind in _DAYS and values.names_another(said, stated):
                answer = replies.another_value(stated.shown, best)
                reason = f"states {stated.shown!r}; the answer gives another day"
                return Decision(text, answer, reason, (best,))
        return None

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
        told = self._told_otherwise(text, reading)
        if told is not None and told.best is not None and told.best.entry.id == best.entry.id:
            return told
        other_day = self._another_day(text, reading, best)
        if other_day is not None:
            return other_day
        if best.probability >= _SURE or reading.either:
            return None  # "joining NASA's Artemis or China's?" offers both parties itself
        # a name only a claim the asker doubts says is no premise of theirs to correct
        question = undoubted(text, reading, lambda c: engine.analyzer.analyze(c).terms)
        terms = engine.terms_of(best.entry.id)
        found = premises.clash(question, best, terms, self._named_in(best.entry), self._kinds)
        return self._correction(text, found) if found else None

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
