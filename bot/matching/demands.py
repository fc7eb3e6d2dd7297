"""What a question demands of any text that answers it: an entry's answer or a story sentence.

The kind of value asked, in a clause about what it asks ("which month was it signed?" is not
answered by "signed in 2018"), any figure it states, the topic, currency and part of a count
it qualifies, and whether it asks for others than someone. Both the candidate entries
(`evidence`) and the story sentences quoted when none answers (`passages`) are held to it.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.matching import qualifiers
from bot.matching.analysis import Analysis
from bot.matching.answerability import NAMED, Need
from bot.matching.asking import for_others
from bot.matching.coverage import QuestionTerms
from bot.matching.figures import figures_said
from bot.matching.names import AnswerNames
from bot.matching.offered import OfferedKinds

if TYPE_CHECKING:
    from bot.matching.evidence import Retrievers


@dataclass(frozen=True)
class Demands:
    """What a question asks beside its kinds of value, read once for all its candidates."""

    needed: tuple[frozenset[str], ...]  # sets of terms an answer must hold one of each
    abroad: bool  # it names a country or capital the story never names
    for_others: bool  # it asks for others than someone: "who else …?"

    @classmethod
    def of(cls, tools: Retrievers, query: Analysis, question: QuestionTerms) -> Demands:
        """Read what `query` demands: its qualifiers, places and whether it asks for others."""
        needed = qualifiers.required(query, tools.index.corpus.postings.rare, tools.setting)
        # a country or capital the story never names: every entry speaks of somewhere else
        abroad = any(
            name <= question.terms for t in question.terms for name in tools.foreign.get(t, ())
        )
        # "besides Pakistan", or a name asked past: "which countries backed it before Pakistan?"
        others = Need.OTHER in query.asks or for_others(query.words)
        return cls(needed, abroad, others)

    def qualified(self, question: QuestionTerms, terms: frozenset[str]) -> bool:
        """Return whether `terms` hold the topic, currency and part of a count asked."""
        return all(not terms.isdisjoint(one) for one in self.needed) and question.part_of <= terms

    def held(
        self,
        kinds: OfferedKinds,
        names: AnswerNames | None,
        position: int,
        query: Analysis,
        question: QuestionTerms,
        terms: frozenset[str],
        offered: frozenset[Need],
    ) -> bool:
        """Return whether text `position` (its `terms`, its kinds `offered`) answers the question.

        It holds every kind of value asked in a clause about what is asked (a name read from
        the answer's own words: "what is the lander called?"), every figure the question
        states, and what the question qualifies.
        """
        asked = query.asks
        if not (
            asked - NAMED <= offered and kinds.near(position, asked, question.terms, query.stated)
        ):
            return False
        if names is not None and not names.answer(position, asked, question.terms):
            return False
        return figures_said(question.terms, terms) and self.qualified(question, terms)
