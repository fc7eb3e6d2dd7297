"""What the engine says to a message with no word to match.

"What is this story about?" gets the overview; a message in other letters is told which it
reads; "who is he?" with no one before it asks who is meant; "who makes it?" gets a guess by
meaning: the entries nearest to the whole question and asked the same way ("Who makes the
vaccine?"), only ever offered ("did you mean …?"), since "it" may be anything; the rest gets
the prompt to ask about the story.
"""

from __future__ import annotations

import weakref
from functools import cached_property
from typing import TYPE_CHECKING, cast

from bot import replies
from bot.conversation.turns import points_to_someone
from bot.matching.analysis import Analysis
from bot.matching.decision import Decision, Entry
from bot.matching.lexicon import QType
from bot.matching.overview import overview_entry
from bot.matching.text import in_other_script, tokenize
from bot.models import Answer, AnswerKind

if TYPE_CHECKING:  # the engine makes its wordless reader: imported for types only
    from bot.matching.engine import Engine

# the question types that say what is asked whatever "it" is; "what is it?" says nothing
_TELLING_TYPES = frozenset(
    {QType.WHO, QType.WHEN, QType.WHERE, QType.COUNT, QType.AMOUNT, QType.DURATION, QType.WHY}
)
_NEAREST = 6  # entries nearest in meaning looked at
# the words that stand for the story's thing: "who makes *it*?"; "and where?" has none
_STANDING = frozenset("it its they them their this that these those".split())
# with these alone a question says nothing to guess by: "who is it?", "who are they?"
_EMPTY = _STANDING | frozenset(
    "who whom what when where why how many much is are was were be been do does did has have "
    "had s".split()
)


class Wordless:
    """Replies to the messages of one engine that hold no word to match."""

    def __init__(self, engine: Engine) -> None:
        """Read through `engine`'s knowledge, entries and semantic index."""
        # a proxy, not a reference: no cycle, so a replaced engine is freed by refcount alone
        self._engine = cast("Engine", weakref.proxy(engine))

    def reply(self, text: str, reading: Analysis) -> Decision:
        """Reply to `text` (read as `reading`), in which no word is one the story uses."""
        engine = self._engine
        title = engine.knowledge.title
        if in_other_script(text):  # its words all in other letters: none read
            return self.unread(text, "written in another script")
        # "who is he?" with no one before it to mean: say so, not "ask me something" (but
        # "what is it about?" is no such question)
        unclear = points_to_someone(reading.words)
        limit = engine.thresholds.suggestions
        near = [] if unclear else self._guesses(text, reading, limit)
        if near:  # "who makes it?": "did you mean 'Who makes the vaccine?'"
            reason = "no words to match; a guess by meaning"
            return Decision(text, replies.guessed(near, limit), reason)
        said = replies.unclear(title) if unclear else replies.prompt(title)
        return Decision(text, Answer(text=said, kind=AnswerKind.EMPTY), "no words to match")

    def unread(self, text: str, reason: str) -> Decision:
        """Tell a question in other letters which letters are read, with questions to try."""
        engine = self._engine
        first = engine.top_questions(engine.thresholds.suggestions)
        return Decision(text, replies.other_script(engine.knowledge.title, first), reason)

    def overview(self, text: str) -> Decision:
        """Answer with the entry phrased as what the story is about, or the title and lead."""
        engine = self._engine
        entry = engine.entry(self._overview_id or "")
        if entry is None:
            about = Answer(text=engine.about(), kind=AnswerKind.SMALLTALK)
            return Decision(text, about, "asks what the story is about; no entry says")
        return Decision(text, replies.single(entry, 1.0), "asks what the story is about")

    def going_on(self, text: str, subject: str) -> Decision | None:
        """Answer "what's going on with X?" with the overview when X is what the story is about.

        "What's going on at the Ulsan shipyard?" asks what the whole story is about, when its
        headline says every word of X; not "with the appointments" (a part of it), nor "with
        the captain" (a person, whose own entry says what is happening to him).
        """
        engine = self._engine
        terms = engine.analyzer.analyze(subject).terms
        if self._overview_id is None or not terms or not engine.tools.people.isdisjoint(terms):
            return None
        return self.overview(text) if self._headline.issuperset(terms) else None

    @cached_property
    def _headline(self) -> frozenset[str]:
        """Return the stems and terms of the story's title, read once, when first asked."""
        analyzer, title = self._engine.analyzer, self._engine.knowledge.title
        return frozenset((*analyzer.stems(title), *analyzer.terms(title)))

    @cached_property
    def _overview_id(self) -> str | None:
        return overview_entry(self._engine.knowledge.faq)  # looked for once, when first asked

    def _guesses(self, text: str, reading: Analysis, limit: int) -> list[Entry]:
        """Return up to `limit` entries nearest in meaning to `reading`, asked as it is asked.

        Only for a question that points at something ("it", "they"), says what it asks ("who",
        "where" …) and something more ("makes": not "who is it?"), and only with a semantic
        index.
        """
        engine = self._engine
        semantic = engine.tools.semantic
        if semantic is None or reading.qtype not in _TELLING_TYPES:
            return []
        typed = set(tokenize(text))  # as typed: the reading drops "going" of "where … going?"
        if _STANDING.isdisjoint(typed) or typed <= _EMPTY:
            return []
        vector = semantic.embed(" ".join(reading.words))
        near = [engine.entries[p] for p in semantic.neighbours(vector, _NEAREST)]
        # read as a phrasing, uncached: not into the cache kept for the askers' messages
        asked = engine.analyzer.phrasing
        return [e for e in near if asked(e.question).qtype == reading.qtype][:limit]
