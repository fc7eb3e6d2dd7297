"""What a question demands of any text that answers it: an entry's answer or a story sentence.

The kind of value asked, in a clause about what it asks ("which month was it signed?" is not
answered by "signed in 2018"), any figure it states, the topic, currency and part of a count
it qualifies, what a count counts ("how many passengers?" is not "600 supporters"), and
whether it asks for others than someone. Both the candidate entries
(`evidence`) and the story sentences quoted when none answers (`passages`) are held to it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from bot.matching import qualifiers
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.asking import for_others
from bot.matching.coverage import QuestionTerms
from bot.matching.english import is_only_verb
from bot.matching.figures import figures_said
from bot.matching.lexicon import NOUN_OPENERS, YESNO_OPENERS, QType
from bot.matching.nameasked import NAMED_KINDS, named_thing, role_asked, which_listed, which_named
from bot.matching.names import AnswerNames
from bot.matching.needs import NAMED, Need
from bot.matching.offered import OfferedKinds

if TYPE_CHECKING:
    from bot.matching.evidence import Retrievers


@dataclass(frozen=True)
class Demands:
    """What a question asks beside its kinds of value, read once for all its candidates."""

    needed: tuple[frozenset[str], ...]  # sets of terms an answer must hold one of each
    abroad: bool  # it names a country or capital the story never names
    for_others: bool  # it asks for others than someone: "who else …?"
    counted: frozenset[str]  # what "how many …?" counts, as the story counts it: "jobs"
    implied: Mapping[str, frozenset[str]]  # per entity, its names' words (`Retrievers`)
    # what "how many …?" counts though no answer counts it: an answer naming it counts another
    uncounted: frozenset[str] = frozenset()
    thing: frozenset[str] = frozenset()  # what a name is asked of: "the school" (`named_thing`)
    role: frozenset[str] = frozenset()  # whose name "who is the …?" asks: "the spokesman"
    timed: frozenset[str] = frozenset()  # what "when did the rally start?" times: "rally"
    listed: frozenset[str] = frozenset()  # what "which hotels …?" asks the names of
    # what "which shipyard …?" asks the name of, where the story names things of its kind
    picked: frozenset[str] = frozenset()

    @classmethod
    def of(cls, tools: Retrievers, query: Analysis, question: QuestionTerms) -> Demands:
        """Read what `query` demands: its qualifiers, places and whether it asks for others."""
        needed = qualifiers.required(query, tools.index.corpus.postings.rare, tools.setting)
        # a country or city the story never names: every entry speaks of somewhere else (not
        # an alternative offered: "Beijing or Shanghai - where was it signed?")
        offered = frozenset().union(*(side for sides in query.either for side in sides))
        abroad = any(
            name <= question.terms
            for t in question.terms - offered
            for name in tools.foreign.get(t, ())
        )
        # "besides Pakistan", or a name asked past: "which countries backed it before Pakistan?"
        others = Need.OTHER in query.asks or for_others(query.words)
        # "how many vaccines?": no entry counts vaccines, so "40 million doses" may answer it
        counting = what_is_counted(query)
        counted = frozenset(t for t in counting if _counted_somewhere(tools, t))
        # "the name of the school where she teaches?": the terms read from the word "school"
        word = named_thing(query.words) if Need.NAME in query.asks else None
        role = role_asked(query.words) if query.qtype is QType.WHO else None
        thing = _terms_said(query, {word} if word else set())
        role_terms = _terms_said(query, {role} if role else set())
        # a word the story never uses may be another word for one it does
        timed = frozenset(filter(tools.index.knows, what_is_timed(query)))
        which = which_listed(query.words)
        listed = _terms_said(query, {which} if which else set())
        one = which_named(query.words) if Need.NAME not in query.asks else None
        picked = _terms_said(query, {one}) if one else frozenset()
        # "which project?" of a project only described asks which one, and a description says;
        # "which airline?" asks a name wherever it is asked (`NAMED_KINDS`)
        if picked and not (
            one in NAMED_KINDS or (tools.names is not None and tools.names.names_kind(picked))
        ):
            picked = frozenset()
        return cls(
            needed,
            abroad,
            others,
            counted,
            tools.implied,
            counting - counted,
            thing,
            role_terms,
            timed,
            listed,
            picked,
        )

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
        states, what the question qualifies, and a count of what it counts.
        """
        asked = query.asks
        if not (
            asked - NAMED <= offered
            and kinds.near(position, asked, question.terms, query.stated, question.located)
        ):
            return False
        if names is not None and not names.answer(
            position, asked, question.terms, self.thing, self.role
        ):
            return False
        if self.counted and not kinds.counts(position, self.counted, self.implied):
            return False  # "how many people fit in the stadium?" is no "600 supporters gathered"
        if (
            self.uncounted
            and not self.counted
            and kinds.uncounted(position, self.uncounted, self.implied)
        ):
            return False  # "how many buses?" is no "14 trains a day … a bus every 10 minutes"
        if (
            self.listed
            and kinds.counts_only(position, self.listed, question.terms)
            and (names is None or not names.gives(position, question.terms, thing=self.listed))
        ):
            return False  # "which hotels did the mayor open?" is no "he opened two hotels"
        if self.picked and (
            names is None or not names.gives(position, question.terms, thing=self.picked)
        ):
            return False  # "which shipyard is it towed to?" is no "to a shipyard in Perama"
        if not self.timed <= terms:
            return False  # "what time did the rally start?" is no "the strike began at 8 a.m."
        if self.one_of_a_list(kinds, position, query, question):
            return False
        return figures_said(question.terms, terms) and self.qualified(question, terms)

    @staticmethod
    def one_of_a_list(
        kinds: OfferedKinds, position: int, query: Analysis, question: QuestionTerms
    ) -> bool:
        """Return whether what is asked is one item of a list whose whole the answer gives.

        "How much of the 40m is for the academy?" is not answered by the sum for all three,
        nor "how many Kenyan children were in the trial?" by "9,400 children in Ghana, Kenya,
        Mali and Tanzania".
        """
        part = question.part_of
        located = question.located if Need.COUNT in query.asks else frozenset()
        if not (part or located):  # most questions
            return False
        # the parts a question names: an item of a list, or the list ("Ghana, Kenya, Mali …")
        named = part | question.named
        return any(asked and kinds.only_listed(position, asked, named) for asked in (part, located))


def _terms_said(query: Analysis, words: Collection[str]) -> frozenset[str]:
    """Return the terms of `query` read from one of `words` as typed: "school" of "the school"."""
    surfaces = zip(query.terms, query.surfaces, strict=False)
    return frozenset(term for term, said in surfaces if not set(said.split()).isdisjoint(words))


# a count of these says nothing of what is counted: "how many people live in Lagos?"; nor does
# a stretch of time ("how many hours is the strike?" is "a 48-hour strike")
_ANY_COUNT = frozenset(
    "people persons folks times seconds minutes hours days nights weeks months years "
    "decades".split()
)
# the words that end what a count is of: "how many long-term jobs *did* it create?"
_COUNTED_ENDS = frozenset(
    """
    do does did is are was were have has had can could will would should get got go went been be
    live lived die died of in on at for from to the a an with by per
    """.split()
)
_LOOKED = 64  # entries using a counted word looked through for one that counts it


def what_is_counted(query: Analysis) -> frozenset[str]:
    """Return the terms of what "how many …?" counts: "how many long-term jobs …?" counts jobs.

    The words up to its verb or preposition; none for people, times or years, which any
    count may be of.
    """
    words = query.words
    starts = [at + 2 for at in range(len(words) - 2) if words[at : at + 2] == ("how", "many")]
    if Need.COUNT not in query.asks or not starts or words[starts[0]] in _ANY_COUNT:
        return frozenset()
    phrase: set[str] = set()
    for word in words[starts[0] : starts[0] + 4]:
        # "how many doses delivered so far?" counts doses, not deliveries
        if word in _COUNTED_ENDS or (phrase and is_only_verb(word)):
            break
        phrase.add(word)
    return _terms_said(query, phrase)


_WHEN = frozenset({Need.DATE, Need.DAY, Need.MONTH, Need.YEAR, Need.TIME})
# after "can", "could" or "should" comes whoever may do it, not what is timed ("when can
# people visit the gallery?")
_AUXILIARIES = YESNO_OPENERS - {"can", "could", "should"}
# the words before what is asked a time of that do not say what it is: "when did *the next*
# rally start?" (determiners, pointing words, quantifiers, and the order of events)
_MODIFIERS = NOUN_OPENERS | frozenset("any whole entire first last next new final".split())


def what_is_timed(query: Analysis) -> frozenset[str]:
    """Return the term of what "when …?" asks the time of: "when did the rally start?" rally.

    The first word after the question's first auxiliary that says what it is (not "the",
    "next", "whole"); none for a pronoun ("when was it signed?") or a name, which entries are
    matched by anyway.
    """
    if query.asks.isdisjoint(_WHEN):
        return frozenset()
    words = query.words
    start = next((at + 1 for at, word in enumerate(words[:4]) if word in _AUXILIARIES), None)
    if start is None:
        return frozenset()
    head = next((w for w in words[start : start + 3] if w not in _MODIFIERS), None)
    if head is None or head in _COUNTED_ENDS or is_only_verb(head):
        return frozenset()
    said = _terms_said(query, {head})
    return frozenset() if any(t.startswith(ENTITY_PREFIX) for t in said) else said


def _counted_somewhere(tools: Retrievers, term: str) -> bool:
    """Return whether an entry's answer counts `term` in a clause ("18,450-capacity")."""
    rows = tools.index.corpus.postings.rows(term)[:_LOOKED]
    return any(tools.offers.counts(int(row), frozenset({term}), {}) for row in rows)
