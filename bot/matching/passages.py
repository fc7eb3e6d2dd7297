"""The story's own sentences, quoted when no entry answers a question but one sentence does.

A maintainer's FAQ never covers every fact of a story. When the engine would decline, the one
story sentence that holds the question's words (most of them, and its rarest ones), the kind
of value asked, and everyone the question names, is a better reply than "the story doesn't
say" — and when no sentence stands out from the others, or the question asks how something
works, the engine still declines.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot.knowledge.sentences import story_sentences
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.analyzer import Analyzer
from bot.matching.bm25 import Bm25
from bot.matching.clauses import Clauses
from bot.matching.corpus import Postings
from bot.matching.coverage import QuestionTerms
from bot.matching.demands import Demands
from bot.matching.lexicon import QType
from bot.matching.mismatch import elsewhere
from bot.matching.names import AnswerNames
from bot.matching.needs import MONTH_NAMES, WEEKDAY_NAMES
from bot.matching.offered import OfferedKinds
from bot.matching.text import QUOTE_MARKS

if TYPE_CHECKING:
    from bot.matching.evidence import Retrievers

_HAPPENING = "happen happened happens happening a.m. p.m. am pm"
_MIN_WORDS = 5  # shorter lines are headings and datelines, not statements
_COVERED = 0.5  # share of the question's term weight the sentence must hold, close words too
_LACKING = 0.3  # the most important question term it may lack, as a share of the weight
_AHEAD = 0.4  # how far its BM25 score must lead the next sentence's, as a share of its own
# words a question quotes from the story: "who said 'we will take the time we need'?"; not an
# apostrophe inside a word ("what's the 'most basic defence'")
_QUOTED = re.compile(
    r"(?<!\w)['\"\u00ab\u2018\u201c]([^'\"\u00ab\u00bb\u2018\u2019\u201c\u201d\n]{4,100}?)['\"\u00bb\u2019\u201d](?!\w)"
)


class Passages:
    """The sentences of one story, indexed for quoting."""

    def __init__(
        self,
        analyzer: Analyzer,
        story: str,
        names: AnswerNames | None = None,
        places: frozenset[str] = frozenset(),
    ) -> None:
        """Split `story` into sentences and index their canonical terms.

        `names`: how the engine reads the names an answer gives, to read the sentences' too;
        `places`: the terms of the places and countries the fact store names.
        """
        self.sentences = [s for s in story_sentences(story) if len(s.split()) >= _MIN_WORDS]
        self._terms = [frozenset(analyzer.terms(s)) for s in self.sentences]
        # the kinds of value each sentence holds, read when it is first the best one, and
        # which thing of the sentence a value is said of
        clauses = Clauses(self.sentences, analyzer.terms)
        self._kinds = OfferedKinds(self.sentences, clauses=clauses, places=places)
        self._names = names.over(self.sentences) if names else None
        self._bm25 = Bm25(Postings.of_documents([sorted(t) for t in self._terms]))
        self._calendar = frozenset(analyzer.terms(f"{_HAPPENING} {MONTH_NAMES} {WEEKDAY_NAMES}"))
        # each sentence as a quoted phrase is looked for in it: one case, one kind of quote mark
        self._plain = [
            " ".join(s.translate(QUOTE_MARKS).casefold().split()) for s in self.sentences
        ]

    def _dated(self, question: Analysis) -> bool:
        """Return whether `question` asks only what happened at a time: "what happened in 2019?"."""
        return all(t in self._calendar or t.isdigit() for t in question.terms)

    def holding(self, text: str) -> str | None:
        """Return the one sentence holding every phrase `text` quotes from the story, if one does.

        "Which gentleman said 'we will take the time we need'?" points at its sentence in the
        story's own words, whatever else it asks of it.
        """
        phrases = [" ".join(p.casefold().split()) for p in _QUOTED.findall(text)]
        if not phrases:  # almost every question
            return None
        holding = [n for n, plain in enumerate(self._plain) if all(p in plain for p in phrases)]
        return self._whole_quote(holding[0]) if len(holding) == 1 else None

    def _whole_quote(self, at: int) -> str:
        """Return sentence `at` with those that finish a quotation it opens: who said it.

        "\u201cThey call it a freak event." is a sentence of its own; the next, "Our members call
        it the bill for five years of cuts,\u201d said Villalba, closes the quote and names him.
        """
        said = self.sentences[at]
        following = self.sentences[at + 1] if at + 1 < len(self.sentences) else ""
        # a sentence split off at a quote's own full stop may have lost its closing mark; one
        # that opens a quote the next sentence closes is the first of a quotation
        plain = said.translate(QUOTE_MARKS)
        if (
            plain.startswith('"')
            and plain.count('"') == 1
            and '"' in following.translate(QUOTE_MARKS)
        ):
            return f"{said} {following}"
        return said

    def quote(self, question: Analysis, tools: Retrievers) -> str | None:
        """Return the one sentence that answers `question`, or None when none clearly does.

        `tools`: the engine's retrievers, whose weights and places the demands an entry's
        answer meets (`demands.Demands`) are read from.
        """
        if not question.terms or question.qtype is QType.HOW:  # "how does it work?" is no fact
            return None
        if question.qtype is QType.WHAT and not question.asks and not self._dated(question):
            # "what exactly happened in the 2003 scare?", "which young players?": more than a
            # sentence naming what they ask of (on the blind trials such quotes were wrong 4
            # times in 4); "what's the brand name?" asks a kind of value a sentence may hold,
            # and "what happened on July 14?" the event the sentence dates
            return None
        index, words = tools.index, tools.words
        scores = self._bm25.scores(question.terms)
        top = scores.top(2)
        if not top or scores.get(top[0]) <= 0:
            return None
        best = scores.get(top[0])
        runner_up = scores.get(top[1]) if len(top) > 1 else 0.0
        terms = self._terms[top[0]]
        weighed = QuestionTerms(index, words, question)
        coverage = weighed.cover(terms, soft=weighed.softly)
        # what an entry's answer must hold, a sentence must too (`demands`): the kind of value
        # asked in a clause about it, the figures, topic, currency and part of a count, and the
        # place ("how many die in Peru?" is not Africa's toll)
        demands = Demands.of(tools, question, weighed)
        named = {t for t in question.terms if t.startswith(ENTITY_PREFIX)}
        asked = question.asks
        clear = (
            (best - runner_up) / best >= _AHEAD
            and coverage.close >= _COVERED
            and coverage.worst_missing <= _LACKING
            # "has Bangladesh joined?" is not answered by Pakistan joining; "Transred chief
            # executive Ines Carrasco" is read as her, and names Transred too
            and named <= terms.union(*(tools.within.get(t, ()) for t in terms))
            and not elsewhere(tools, weighed, terms, asked, demands.abroad)
            and demands.held(
                self._kinds, self._names, top[0], question, weighed, terms, self._kinds[top[0]]
            )
            # "who …?" asks for someone the question does not name already
            and (question.qtype is not QType.WHO or any(_new_party(t, named) for t in terms))
        )
        return self.sentences[top[0]] if clear else None


def _new_party(term: str, named: set[str]) -> bool:
    return term.startswith(ENTITY_PREFIX) and term not in named
