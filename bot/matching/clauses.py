"""The clauses of a text, and whether a value asked for is said of what the question asks.

"Which month was the contract signed?" is not answered by "the contract was signed in 2018;
construction began in March 2019": the month is the construction's.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from functools import cached_property

from bot.knowledge.sentences import story_sentences
from bot.matching.answerability import DURATIONS, offers
from bot.matching.counted import counted_groups, counted_words
from bot.matching.english import IRREGULAR
from bot.matching.lexicon import CURRENCY_NAMES
from bot.matching.needs import WEEKDAY_NAMES, YEAR_PATTERN, Need

# values a clause holds: asked for, they must be said of what the question is about; so must
# a thing that happened ("how did the meeting go?" is not answered by "he will meet the fans",
# though the answer goes on "he said ...")
VALUES = frozenset(
    {
        Need.DATE,
        Need.DAY,
        Need.MONTH,
        Need.YEAR,
        Need.TIME,
        Need.NUMBER,
        Need.COUNT,
        Need.AGE,
        Need.PERSON_AGE,
        Need.PAST,
        Need.MONEY,
    }
)
# where a sentence's clauses meet: a semicolon, a comma and a conjunction, or an "and" before
# a new subject and its past-tense verb ("signed in 2018 and construction began in March");
# any other "and" joins the parts of one clause ("agreed by the board and the fans in 2018")
_PAST = "|".join(sorted(IRREGULAR))
_CLAUSE_BREAK = re.compile(
    # a colon ends a clause unless a quotation follows: "… in the city limits: the older
    # bridge, built in 1934" is another thing's; "he said: 'we will …'" is his
    rf";\s*|:\s+(?![\"\u201c\u2018'])|,\s+(?:and|but|while|so|whereas)\s+"
    rf"|\s+and\s+(?=\w+\s+(?:\w+ed|{_PAST})\b)"
)

_WEEKDAYS = frozenset(WEEKDAY_NAMES.split())
# words before a counted thing that do not say which ones: "two more crews", "three new hotels"
_VAGUE = frozenset("additional new extra more other further same different several own".split())
# a weekday is found among the words
_MARK = re.compile(rf"[a-z]+|\b{YEAR_PATTERN.pattern}\b")

# a clause's terms, the kinds of value it holds, the weekdays and years it names, whether it
# counts a thing, not only a stretch of time ("he called four months optimistic"), and the
# terms of the words its counts are of ("48 people trapped in lifts": people)
_Clause = tuple[frozenset[str], frozenset[Need], frozenset[str], bool, frozenset[str]]


class Clauses:
    """Each text's clauses with their terms and the kinds of value they hold, read when asked."""

    def __init__(self, texts: Sequence[str], terms: Callable[[str], tuple[str, ...]]) -> None:
        """Keep `texts` (answers or story sentences) and how to read a clause's terms."""
        self._texts = texts
        self._terms = terms
        self._read: dict[int, list[_Clause]] = {}

    def said_of(self, number: int, asked: frozenset[Need], question: frozenset[str]) -> bool:
        """Return whether the values asked are in a clause of text `number` about the question.

        Only clauses that share a term with the question count; when none does, any may.
        """
        values = asked & VALUES
        if not values:
            return True
        if Need.MONEY in values:  # "how much is the monthly pass in naira?": not "750 naira"
            question = question - self._currencies
        sharing = [found for terms, found, *_ in self._of(number) if terms & question]
        return not sharing or any(values <= found for found in sharing)

    @cached_property
    def _currencies(self) -> frozenset[str]:
        """Return the currencies' terms, which say what a sum is in, not what it is of."""
        return frozenset(self._terms(" ".join(sorted(CURRENCY_NAMES))))

    def counts(
        self, number: int, counted: frozenset[str], implied: Mapping[str, frozenset[str]]
    ) -> bool:
        """Return whether a clause of text `number` holds a count and one of `counted`.

        "How many people fit in the stadium?" asks its capacity, which "about 600 supporters
        gathered outside the stadium" does not say; "how many lifts?" is not "48 people
        trapped in lifts": a figure counts the words after it. A name's words count: "the Members'
        Foundation, which represents 2,300 shareholders" counts members (`implied`: per
        entity, its names' words). A stretch of time counts no thing: "four months" counts no
        cars (how many hours or months is asked of any count).
        """
        return any(
            Need.COUNT in found
            and things
            # what its figures are of, or, when they are of no word ("the toll rose to 9"),
            # any of its words; or a name's words ("the Members' Foundation")
            and (
                _names_one(of or terms, counted, implied)
                or (bool(of) and _names_one(terms, counted, implied, named=True))
            )
            for terms, found, _, things, of in self._of(number)
        )

    def counts_only(self, number: int, counted: frozenset[str], question: frozenset[str]) -> bool:
        """Return whether a clause of text `number` counts `counted` with no word of its own.

        "Which hotels did the mayor open?" is not answered by "he opened two hotels", which
        counts them and says no more of them; "two additional ambulance crews" says which
        crews, and "seven of the 18 Eredivisie clubs" says no more than "which Eredivisie
        clubs?" (`question`: its terms).
        """
        terms, vague = self._terms, self._vague
        groups = (g for c in split_clauses(self._texts[number]) for g in counted_groups(c))
        return any(
            counted <= frozenset(terms(" ".join(group))) - vague <= counted | question
            for group in groups
        )

    @cached_property
    def _vague(self) -> frozenset[str]:
        """Return the terms of words that say how many more, not which: "two additional crews"."""
        return frozenset(self._terms(" ".join(sorted(_VAGUE))))

    def uncounted(
        self, number: int, counted: frozenset[str], implied: Mapping[str, frozenset[str]]
    ) -> bool:
        """Return whether text `number` names one of `counted` but counts none of them.

        "How many buses run the shuttle?" is not answered by "14 extra trains a day … and a
        free shuttle bus every 10 minutes": it speaks of the buses and counts trains.
        """
        named = any(_names_one(terms, counted, implied) for terms, *_ in self._of(number))
        return named and not self.counts(number, counted, implied)

    def another_time(
        self, number: int, asked: frozenset[Need], question: frozenset[str], words: frozenset[str]
    ) -> bool:
        """Return whether the values asked are said only of other weekdays or years than asked.

        "How many signatures did the petition have on Monday?" is not answered by "11,300
        signatures by Tuesday morning", nor "which month in 2027?" by "on 2 March 2026".
        `words` are the question's own words.
        """
        values = asked & VALUES
        days = frozenset() if Need.DAY in asked else _WEEKDAYS & words
        years = (
            frozenset()
            if values <= {Need.DATE}
            else frozenset(filter(YEAR_PATTERN.fullmatch, words))
        )
        times = days | years
        if not times or not values:
            return False
        holding = [named for _, _, named, *_ in self._holding(number, values, question)]
        return bool(holding) and all(named and named.isdisjoint(times) for named in holding)

    def another_place(
        self,
        number: int,
        asked: frozenset[Need],
        question: frozenset[str],
        located: frozenset[str],
        places: frozenset[str],
    ) -> bool:
        """Return whether the values asked are said only of other places than the one asked.

        "How many people were stuck in lifts in Cordoba?" is not answered by "in Seville, 48
        people trapped in lifts": the clauses holding the values asked about what is asked
        name another place and not Cordoba. `located`: the places the question gives as where.
        """
        values = asked & VALUES
        if not values or not located:
            return False
        holding = [terms for terms, *_ in self._holding(number, values, question - places)]
        return bool(holding) and all(
            located.isdisjoint(terms) and not places.isdisjoint(terms) for terms in holding
        )

    def only_listed(self, number: int, part: frozenset[str], question: frozenset[str]) -> bool:
        """Return whether text `number` says a term of `part` only as one item of a list.

        The one item of the list the `question` names: "how many children in Ghana, Kenya,
        Mali and Tanzania?" asks of the whole list.

        "How much of the 40 million is for the youth academy?" is not answered by "40 million
        euros over five years in the Eemstadion, a new training ground and the youth
        academy": the sum is the whole list's.
        """
        text = self._texts[number]
        lists = _LIST.findall(text)
        if not lists:  # most answers
            return False
        items = [frozenset(self._terms(i)) for found in lists for i in _ITEMS.split(found)]
        named = [terms for terms in items if terms & question]
        rest = frozenset(self._terms(_LIST.sub(" ", text)))
        return len(named) == 1 and bool(named[0] & part) and (named[0] & part).isdisjoint(rest)

    def _holding(
        self, number: int, values: frozenset[Need], about: frozenset[str]
    ) -> list[_Clause]:
        """Return the clauses of text `number` that share a term of `about` and hold `values`."""
        return [clause for clause in self._of(number) if clause[0] & about and values <= clause[1]]

    def _of(self, number: int) -> list[_Clause]:
        clauses = self._read.get(number)
        if clauses is None:
            clauses = self._read[number] = self._clauses(self._texts[number])
        return clauses

    def _clauses(self, text: str) -> list[_Clause]:
        terms = self._terms
        # what the figures count read together: "17 carved wooden door panels" is a door panel
        return [
            _clause(c, frozenset(terms(c)), frozenset(terms(" ".join(counted_words(c)))))
            for c in split_clauses(text)
        ]


# a list of three or more short items: "the stadium, a training ground and the academy"
# (the first item short: the words before a list are no item of it)
_ITEM = r"[\w'-]+(?: [\w'-]+){0,4}"
_ITEMS = re.compile(r",? (?:and|or) |, ")  # where a list's items meet
_LIST = re.compile(  # the last item runs to a stop: not ", and children under five account"
    rf"\b[\w'-]+(?: [\w'-]+){{0,2}}(?:, {_ITEM})+,? (?:and|or) [\w'-]+(?: [\w'-]+){{0,11}}"
    r"(?=[.;:,]|$)"
)


def _names_one(
    terms: frozenset[str],
    wanted: frozenset[str],
    implied: Mapping[str, frozenset[str]],
    named: bool = False,
) -> bool:
    """Return whether `terms` hold one of `wanted`, or a name whose words do (`implied`).

    `named`: only a name's words count.
    """
    return (not named and not wanted.isdisjoint(terms)) or any(
        not wanted.isdisjoint(implied.get(t, ())) for t in terms
    )


def _clause(clause: str, terms: frozenset[str], counted: frozenset[str]) -> _Clause:
    """Read `clause`: its kinds, weekdays, years, if it counts a thing, and what its figures count.

    `terms`: its terms; `counted`: the terms of the words its figures count.
    """
    found = offers(clause)
    things = Need.COUNT in found and (
        not DURATIONS.search(clause) or Need.COUNT in offers(DURATIONS.sub(" ", clause))
    )
    return terms, found, _marks(clause), things, counted


def _marks(clause: str) -> frozenset[str]:
    """Return the weekdays and years `clause` names, in lower case."""
    return frozenset(m for m in _MARK.findall(clause.lower()) if m in _WEEKDAYS or m[0].isdigit())


def split_clauses(text: str) -> list[str]:
    """Return the clauses of `text`, its sentences cut as a reader quotes them.

    "Oct." and "U.S." end no sentence; a semicolon, a comma and a conjunction, or an "and"
    before a new subject's past-tense verb end a clause.
    """
    return [c for s in story_sentences(text) for c in _CLAUSE_BREAK.split(s) if c.strip()]
