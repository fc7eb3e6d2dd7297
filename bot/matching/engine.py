"""The question-answering engine: one `Query` in, one `Decision` (and its `Answer`) out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation.combined import combined
from bot.conversation.dialogue import Dialogue
from bot.conversation.speakers import Quotations
from bot.conversation.sums import with_sum
from bot.conversation.turns import Turn
from bot.knowledge import gcpause
from bot.knowledge.loading import Knowledge, load_knowledge
from bot.matching.affirming import Affirming
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.decision import MODEL, PLAIN_MODEL, Candidate, Decision, Entry, Model
from bot.matching.encoder import Encoder, load_encoder
from bot.matching.index import Index
from bot.matching.indexing import Built, build
from bot.matching.leaders import lead_holders
from bot.matching.messages import LONG_QUESTION, Parts, asides, likeliest, questions_in
from bot.matching.naming import Naming
from bot.matching.overview import asks_overview, going_on
from bot.matching.passages import Passages
from bot.matching.ranking import rank
from bot.matching.suggesting import Suggester
from bot.matching.text import clean, emoji_breaks, in_other_script
from bot.matching.titles import title_holders
from bot.matching.views import asks_a_view
from bot.matching.wordless import Wordless
from bot.models import Answer, AnswerKind, Query, Suggestion, Topic
from bot.smalltalk import smalltalk_reply, without_greeting

if TYPE_CHECKING:  # the engine reads a few settings; it does not need the settings module
    from bot.config import Settings

# terms; past this, the words of a message the story never uses may be chatter around the
# question rather than what it asks about ("how many solar fridges did kenya actually put in?")
_CHATTY = 6

__all__ = ["Engine", "Entry", "Thresholds"]


@dataclass(frozen=True)
class Thresholds:
    """Where the engine stops answering: calibrated probabilities in 0..1."""

    answer: float = 0.5
    clarify: float = 0.4
    max_chars: int = 500
    suggestions: int = 3


class Engine:
    """Answers questions about one story from its validated knowledge."""

    def __init__(
        self,
        knowledge: Knowledge,
        thresholds: Thresholds | None = None,
        encoder: Encoder | None = None,
        model: Model | None = None,
        previous: Engine | None = None,
    ) -> None:
        """Build the analyzer and the retrievers for `knowledge` (semantic ones if `encoder`).

        A reload passes the engine it replaces as `previous`: unchanged entries are taken
        from it, not analysed and embedded again.
        """
        self.knowledge = knowledge
        self.thresholds = thresholds or Thresholds()
        self.model = model or (MODEL if encoder else PLAIN_MODEL)
        self.built: Built = build(knowledge, encoder, previous.built if previous else None)
        self.analyzer, self.entries, self.tools = (
            self.built.analyzer,
            self.built.entries,
            self.built.tools,
        )
        # by id, as a position in `entries`: one table, not one more for the entries themselves
        self._positions = {e.id: p for p, e in enumerate(self.entries)}
        self.dialogue = Dialogue(self)
        self.parts = Parts(self)
        self.wordless = Wordless(self)
        self._affirming = Affirming(knowledge.faq, self._positions, self.analyzer.phrasing)
        names = {ENTITY_PREFIX + e.id: e.names for e in knowledge.entities}
        self.naming = Naming(
            names,
            self.analyzer.terms,
            title_holders(knowledge),
            lead_holders(knowledge, self.analyzer.terms),
        )
        where = self.tools.places | self.tools.countries
        self.passages = Passages(self.analyzer, knowledge.story, self.tools.names, where)
        self.quotations = Quotations(knowledge)  # who said each line: `speakers`
        self.suggester = Suggester(
            self.analyzer,
            self.index,
            self.entries,
            self.built.completions,
            self.thresholds.max_chars,
        )

    @classmethod
    def from_folder(
        cls,
        folder: Path,
        thresholds: Thresholds | None = None,
        encoder: str = "wordllama",
        previous: Engine | None = None,
    ) -> Engine:
        """Load, validate and index the knowledge in `folder`, with the named encoder."""
        knowledge = load_knowledge(folder, previous.knowledge if previous else None)
        return cls(knowledge, thresholds, load_encoder(encoder), previous=previous)

    @classmethod
    def from_settings(cls, settings: Settings, previous: Engine | None = None) -> Engine:
        """Load the configured knowledge folder with the configured thresholds and encoder.

        `previous`, the engine being replaced, lends the work of every unchanged entry.
        """
        thresholds = Thresholds(
            answer=settings.answer_threshold,
            clarify=settings.clarify_threshold,
            max_chars=settings.max_question_chars,
        )
        with gcpause.paused():
            engine = cls.from_folder(settings.knowledge_dir, thresholds, settings.encoder, previous)
            # served from now on, so no full collection should walk it; and frozen before the
            # collector resumes, or its first young collection walks every object just made
            gcpause.settle()
        return engine

    @property
    def index(self) -> Index:
        """Return the lexical index over the entries' phrasings."""
        return self.tools.index

    def answer(self, query: Query) -> Answer:
        """Answer one question; never raises for any text."""
        return self.decide(query).answer

    def decide(self, query: Query, turn: Turn | None = None) -> Decision:
        """Decide how to answer one question, keeping the candidates and why.

        `turn` is the asker's previous answered question: a follow-up is read with it.
        """
        text = clean(query.text, self.thresholds.max_chars)
        reply = smalltalk_reply(text, self.knowledge.title)
        if reply is not None:
            chat = Answer(text=reply, kind=AnswerKind.SMALLTALK)
            return Decision(text, chat, "smalltalk")
        text = without_greeting(emoji_breaks(text))
        decided = (
            self._alone(text) if turn is None else self.dialogue.after(text, turn, self._alone)
        )
        if decided.answer.answered or asks_a_view(text):  # a view asked keeps its every word
            return decided
        return self._without_asides(text) or decided

    def _without_asides(self, text: str) -> Decision | None:
        """Answer the question `text` asks without an opening or closing of no story word.

        "For accuracy in my copy: how many seals?" asks how many seals; "Donghae stock: traded
        where?" asks of Donghae's stock.
        """
        for said, asked in asides(text):
            if not any(map(self.index.knows, self.analyzer.terms(said))):
                alone = self._alone(asked)
                if alone.answer.answered:
                    return alone
        return None

    def _alone(self, text: str) -> Decision:
        """Decide `text` on its own: answer, correct a premise, quote the story, or decline."""
        reading = self.analyzer.analyze(text)
        put_together = combined(self, text, reading)  # "how many days between A and B?"
        if put_together is not None:
            return put_together
        if reading.either:  # "who lands first, the US or China?": what it says of each
            compared = self.dialogue.compared(text, reading)
            if compared is not None:
                return compared
        decided = self._decide(text)
        if decided.answer.kind in (AnswerKind.DECLINE, AnswerKind.CLARIFY):
            corrected = self.dialogue.corrections.corrected(text, reading)
            return corrected or self._quoted(decided, reading)
        decided = self.dialogue.corrections.contradicted(text, decided) or decided
        decided = with_sum(decided, reading.qtype)
        best = decided.best
        if decided.answer.answered and best and asks_a_view(text):
            # "will the hackers actually publish it?": what bears on it, not as the answer
            answer = replies.no_view(best)
            return Decision(text, answer, f"{decided.reason}; asks a view", decided.candidates)
        return decided

    def _quoted(self, decided: Decision, reading: Analysis) -> Decision:
        """Answer with the story sentence that answers what no entry does, if one clearly does."""
        # a phrase the question quotes from the story points at its sentence
        sentence = self.passages.holding(decided.question) or self.passages.quote(
            reading, self.tools
        )
        if sentence is None:
            return decided
        reason = f"{decided.reason}; one story sentence holds the question"
        answer = replies.quoted(sentence, view=asks_a_view(decided.question))
        quoted = Decision(decided.question, answer, reason, decided.candidates)
        return with_sum(quoted, reading.qtype)

    def turn_of(
        self, answer: Answer, asked: str = "", reading: Analysis | None = None
    ) -> Turn | None:
        """Return what a follow-up can lean on after `answer` to the question `asked`.

        `reading` is how a follow-up was read, when the question was one.
        """
        return self.dialogue.turn_of(answer, asked, reading)

    def _decide(self, text: str) -> Decision:
        if asks_overview(text):  # "what is this story about?": filler words only
            return self.wordless.overview(text)
        subject = going_on(text)  # "what's going on at the shipyard?"
        if subject is not None and (overview := self.wordless.going_on(text, subject)):
            return overview
        reading = self.analyzer.analyze(text)
        whole = self.candidates(text)
        if whole and self.dialogue.pointing.no_one_meant(reading, whole[0]):
            # "how old is he?" with no one it can mean: not the club's age, which the words match
            said = replies.unclear(self.knowledge.title)
            return Decision(text, Answer(text=said, kind=AnswerKind.EMPTY), "no one named")
        if not whole and not reading.terms:
            return self.wordless.reply(text, reading)
        questions = questions_in(text)
        if questions is not None and whole:  # several questions, or one among other words
            return self.parts.decide(text, whole, questions)
        return self.settle(text, whole)

    def settle(
        self, text: str, candidates: list[Candidate], reading: Analysis | None = None
    ) -> Decision:
        """Answer, ask "did you mean" or decline from ranked `candidates` (of `reading`)."""
        best = candidates[0] if candidates else None
        limit = self.thresholds.suggestions
        if best and best.probability >= self.thresholds.answer:
            reason = f"p={best.probability:.2f} >= answer threshold {self.thresholds.answer}"
            asked = reading or self.analyzer.analyze(text)
            answer = replies.single(best.entry, best.probability, self.affirms(best.entry, asked))
            return Decision(text, answer, reason, tuple(candidates))
        # made for the first few candidates only: each suggestion is a validated model
        related = list(replies.unique((replies.suggestion(c.entry) for c in candidates), limit))
        if best and best.probability >= self.thresholds.clarify:
            reason = f"p={best.probability:.2f} between clarify and answer thresholds"
            return Decision(text, replies.clarify(best, related, limit), reason, tuple(candidates))
        reason = f"p={best.probability:.2f} < clarify threshold" if best else "no candidate"
        confidence = best.probability if best else 0.0
        if in_other_script(text):  # in Urdu or Russian letters: say which letters it reads
            return self.wordless.unread(text, f"{reason}; written in another script")
        terms = (reading or self.analyzer.analyze(text)).terms
        if terms and not any(map(self.index.knows, terms)):
            # not one word the story uses: gibberish, an insult, the weather; say what it does
            answer = replies.off_topic(self.knowledge.title, self.top_questions(limit))
            return Decision(text, answer, f"{reason}; no word the knowledge uses")
        answer = replies.decline(confidence, tuple(related) or self.top_questions(limit))
        return Decision(text, answer, reason, tuple(candidates))

    def suggest(self, text: str, limit: int = 25) -> list[Entry]:
        """Return up to `limit` distinct entries that a partly typed question may be after.

        Its last word, unless a space or a mark ends it, may be the start of a word.
        """
        return self.suggester.suggest(text, limit)

    def best_entry(self, text: str) -> Entry | None:
        """Return the entry the engine ranks first for `text`, however unsure."""
        best = self.decide(Query(text=text)).best
        return best.entry if best else None

    def candidates(self, text: str) -> list[Candidate]:
        """Return the candidates for `text`, most likely first."""
        analysis = self.naming.read(self.analyzer.analyze(text), self.index)
        found = self.rank(analysis)
        if found and len(analysis.terms) > _CHATTY:
            # chatter around a question is words the story never uses; when they are at most
            # half the message, it is also read by the words the story knows (and the years it
            # names: "net debt the year before, in 2023-24" asks of 2023, which no entry says;
            # "3 pages of homework" is chatter)
            gist = analysis.keeping(self._gist_term)
            if len(analysis.terms) > len(gist.terms) >= len(analysis.terms) / 2:
                found = max(found, self.rank(gist), key=likeliest)
        if found and len(analysis.terms) > LONG_QUESTION:
            return self.parts.longer(text, analysis, found)
        if found and len(analysis.terms) > _CHATTY:
            return self.parts.tail(text, found)
        return found

    def _gist_term(self, term: str) -> bool:
        """Return whether a chatty message's gist keeps `term`: a story word or a year."""
        return self.index.knows(term) or (len(term) == 4 and term.isdigit())

    def rank(self, analysis: Analysis, model: Model | None = None) -> list[Candidate]:
        """Return the candidate entries for an analysed question, likeliest first."""
        return rank(self.tools, self.entries, model or self.model, analysis, self.thresholds.answer)

    def terms_of(self, entry_id: str) -> frozenset[str]:
        """Return every term the entry `entry_id` uses: phrasings, answer and source."""
        return self.index.terms_of(self._positions[entry_id])

    def entry(self, entry_id: str | None) -> Entry | None:
        """Return the entry with `entry_id`, or None if the knowledge has none (or no id)."""
        position = self.position(entry_id)
        return self.entries[position] if position is not None else None

    def position(self, entry_id: str | None) -> int | None:
        """Return where the entry `entry_id` stands in `entries`, or None if it is gone."""
        return self._positions.get(entry_id) if entry_id is not None else None

    def answer_entry(self, entry_id: str) -> Answer:
        """Answer with one entry by id (a pressed suggestion button); decline if it is gone."""
        entry = self.entry(entry_id)
        if entry is None:  # the knowledge was edited since the button was sent
            return Answer(
                text=replies.GONE,
                kind=AnswerKind.DECLINE,
                suggestions=self.top_questions(self.thresholds.suggestions),
            )
        return replies.single(entry, 1.0, yes_no=True)  # its own question, as the button says

    def affirms(self, entry: Entry, question: Analysis) -> bool:
        """Return whether `entry`'s opening "Yes." answers `question` (`affirming.py`)."""
        return self._affirming.affirms(entry, question)

    def about(self) -> str:
        """Return what the bot knows about: the story's title and its opening sentence."""
        lead = self.knowledge.story.strip().split("\n", 1)[0]
        return replies.about(self.knowledge.title, lead)

    def help(self) -> str:
        """Return how to use the bot, in the core's own words."""
        return replies.help_text(self.knowledge.title)

    def top_questions(self, limit: int) -> tuple[Suggestion, ...]:
        """Return the first `limit` FAQ questions, the ones to offer when nothing is asked."""
        return tuple(replies.suggestion(e) for e in self.entries[:limit])

    def topics(self) -> tuple[Topic, ...]:
        """Return the FAQ questions grouped by topic, in file order."""
        grouped: dict[str, list[Suggestion]] = {}
        for entry in self.entries[: len(self.knowledge.faq)]:
            grouped.setdefault(entry.topic, []).append(replies.suggestion(entry))
        return tuple(Topic(name=name, questions=tuple(qs)) for name, qs in grouped.items())
