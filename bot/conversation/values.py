"""A yes/no question stating a value the story gives otherwise: "Did India land in July?".

The question without that value (a month, a year, a weekday, an age, a number) is matched;
when an entry that gives that kind of value (asked "when", or "how many / how much / how
long"; or writing a date of that kind right after a word of the question; or stating an age)
covers every other word of it and its answer states another value of the same kind, and not
the one asked, the reply says the story does not give that value, and what it says ("Is the
fare 500 naira?"). Not places: one may lie in another ("Did fans protest in Amersfoort?" is not
answered otherwise by "outside the Eemstadion"), which the knowledge does not say.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import NamedTuple

from bot.conversation.premises import without_term
from bot.conversation.stated import MONTHS, WEEKDAYS, YEARS, Stated, stated_values
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.answerability import offers
from bot.matching.decision import Candidate, Entry
from bot.matching.lexicon import QType
from bot.matching.needs import Need

# a date of each kind as an answer writes it, and how near after a word of the question
_DATED = {
    "year": YEARS,
    "month": re.compile(rf"\b(?:{'|'.join(sorted(MONTHS))})\b", re.I),
    "weekday": re.compile(rf"\b(?:{'|'.join(sorted(WEEKDAYS))})\b", re.I),
}
_NEAR = 4  # words: "founded in 1908", "lifted the KNVB Cup in 1987"
# an age as the news writes it: "Henk Bosveld, 67,", "a 34-year-old nurse", "aged 52"
_AGES = re.compile(r"[A-Z][\w'-]+, (\d{1,3}),|\b(\d{1,3})[- ]years?[- ]old\b|\baged (\d{1,3})\b")
# a figure as an answer writes it: "1.8", "18,450", "750"; and the counts spelled in words
_FIGURES = re.compile(r"(?<![\d.,])\d+(?:,\d{3})*(?:\.\d+)?")
_SPELLED = dict(
    (word, str(number))
    for number, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
)
_SPELLED |= {
    w: str(n)
    for n, w in zip(
        range(30, 100, 10), "thirty forty fifty sixty seventy eighty ninety".split(), strict=True
    )
}
_SPELLED_FIGURE = re.compile(r"\b(?:" + "|".join(_SPELLED) + r")\b")
# the question types that ask for a figure, as "when" asks for a date
_FIGURE_ASKED = frozenset({QType.COUNT, QType.AMOUNT, QType.DURATION})
_COVERED = 0.99  # the entry holds every other word of the question
_TRIED = 3  # confident entries looked through for one that gives another value
_VALUES = 2  # values of one question tried, at most: each costs a full ranking
# entries asked who, where or when give a figure only in passing: "which countries support
# it?" names three, which is no count of those that signed
_IN_PASSING = frozenset({QType.WHO, QType.WHERE, QType.WHEN})


class ValuePremise(NamedTuple):
    """The value the question states, and the entry that gives another."""

    stated: str  # as the reply names it: "July", "2030", "$500", "2 million"
    candidate: Candidate


class Story(NamedTuple):
    """The story's sentences, and the terms of the parties it names (people, countries, places)."""

    sentences: Sequence[str]
    parties: frozenset[str]


def find(
    text: str,
    question: Analysis,
    rank: Callable[[Analysis], list[Candidate]],
    asks: Callable[[Entry], QType],
    terms: Callable[[str], tuple[str, ...]],
    threshold: float,
    story: Story,
) -> ValuePremise | None:
    """Return the value a yes/no `question` (`text` read) states that the story gives otherwise.

    `rank` ranks the entries for a reading; `asks` is the question type of an entry's own
    question; `terms` reads a text's terms; `threshold` is how sure the question without the
    value must be answered. An entry asked "when" gives the date of what is asked, and so does
    an answer writing it right after one of the question's words ("founded in 1908"); another
    date of a many-fact answer ("expected in 2022, opened three years late") may be of another
    thing. An age is any answer's that states one ("Daniel Kessler, 48,"). A figure is of the
    same kind when the entry is asked for a figure, or when it is not asked who, where or when
    and its answer writes another figure of the unit the question gives ("750 naira" for "500
    naira"). None when a `story` sentence writes the date asked right after a word of the
    question, naming no one else: the story does give it, of something the entry leaves out.
    """
    for stated in stated_values(question, text)[:_VALUES]:
        without = without_term(question, stated.term)
        if not without.terms:
            continue
        for best in rank(without)[:_TRIED]:
            if best.probability < threshold:
                break
            evidence = best.evidence
            if evidence.covered < _COVERED or not evidence.subject or evidence.unnamed:
                continue  # it may be about another thing: no correction from it
            entry = best.entry
            asked = _asked_for(stated, asks(entry), entry) or _said_of(
                entry, stated, without, terms
            )
            if asked and _gives_another(entry, stated, terms):
                if _told_elsewhere(stated, without, story, terms):
                    return None  # "supposed to open in 2022?": "expected to … open in 2022"
                return ValuePremise(stated.shown, best)
    return None


def _asked_for(stated: Stated, asked: QType, entry: Entry) -> bool:
    """Return whether an entry asked `asked` gives the kind of value `stated` is."""
    if stated.kind == "age":  # "Daniel Kessler, 48, …": whatever the entry is asked
        return Need.AGE in offers(entry.answer)
    if stated.kind != "number":
        return asked == QType.WHEN
    return asked in _FIGURE_ASKED or (bool(stated.unit) and asked not in _IN_PASSING)


def _said_of(
    entry: Entry, stated: Stated, question: Analysis, terms: Callable[[str], tuple[str, ...]]
) -> bool:
    """Return whether the answer gives a date of that kind right after a word of the question.

    "Was Eemland founded in 1974?" is answered otherwise by "Eemland FC, founded in 1908,
    won …", though its entry is asked what the club has won; "Is Eemland 117 years old in
    2025?" is not, by "a 117-year-old club …, founded in 1908": no word of it comes just
    before that year.
    """
    if stated.kind not in _DATED:  # a figure or an age: said of what its entry is asked
        return False
    return _dated_after_a_word(entry.answer, stated, question, terms)


def _dated_after_a_word(
    text: str,
    stated: Stated,
    question: Analysis,
    terms: Callable[[str], tuple[str, ...]],
    only: str = "",
) -> bool:
    """Return whether `text` writes a date of the kind stated right after a question word.

    `only`: that date alone ("2022", "july"), not any of its kind.
    """
    words = {t for t in question.terms if not t.startswith(ENTITY_PREFIX)}  # names are anywhere
    for found in _DATED[stated.kind].finditer(text):
        if only and found.group().casefold() != only:
            continue
        before = text[: found.start()].split()[-_NEAR:]
        if words & set(terms(" ".join(before))):
            return True
    return False


def _told_elsewhere(
    stated: Stated, question: Analysis, story: Story, terms: Callable[[str], tuple[str, ...]]
) -> bool:
    """Return whether a story sentence gives the date asked of what the question asks.

    "Wasn't it supposed to open in 2022?" is not corrected by the opening's entry ("opened
    on July 14, 2025"): "the line was expected to … open in 2022" writes 2022 right after a
    word of the question. Not a sentence naming a party the question does not ("Uganda and
    Malawi begin their own rollouts in September" says nothing of "the rollout"). Nor when the
    question asks what happened ("did it open in 2022?"): that date may be a plan's.
    """
    if stated.kind not in _DATED or Need.PAST in question.asks:
        return False
    named = frozenset(question.terms) & story.parties
    for sentence in story.sentences:
        if stated.word not in sentence.casefold():
            continue
        if (frozenset(terms(sentence)) & story.parties) - named:
            continue
        if _dated_after_a_word(sentence, stated, question, terms, stated.word):
            return True
    return False


def _gives_another(entry: Entry, stated: Stated, terms: Callable[[str], tuple[str, ...]]) -> bool:
    """Return whether the entry's answer states a value of that kind, and not the one asked."""
    said = entry.answer.casefold()
    if stated.kind == "age":  # the age the answer gives, not its other figures (19 years chaired)
        ages = ages_in(entry.answer)
        return bool(ages) and stated.word not in ages
    if stated.kind == "number":
        figures = _figures(said)
        if stated.word in figures | _figures(entry.source.casefold()):
            return False
        if not stated.unit:
            return bool(figures)
        # the unit right after another figure ("750 naira", "400 Nigerian engineers")
        read = terms(_SPELLED_FIGURE.sub(" 0 ", _FIGURES.sub(" 0 ", said)))
        return any(t == "0" and stated.unit in read[i + 1 : i + 3] for i, t in enumerate(read))
    return names_another(said, stated)


def names_another(said: str, stated: Stated) -> bool:
    """Return whether lower-case `said` names a date of `stated`'s kind and not the one stated.

    Of a year, month or weekday: "on Tuesday evening" names another than "wednesday".
    """
    return stated.word not in said and bool(_DATED[stated.kind].search(said))


def _figures(text: str) -> set[str]:
    """Return the figures `text` states, in digits: "18,450" is "18450", "five" is "5"."""
    digits = {f.replace(",", "") for f in _FIGURES.findall(text)}
    return digits | {_SPELLED[w] for w in re.findall(r"[a-z]+", text) if w in _SPELLED}


def ages_in(text: str) -> set[str]:
    """Return the ages `text` gives as the news writes them ("Henk Bosveld, 67," is "67")."""
    return {a or b or c for a, b, c in _AGES.findall(text)}
