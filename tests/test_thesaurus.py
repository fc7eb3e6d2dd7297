"""Other words for a question's word, from WordNet, and what they cover in an entry."""

from __future__ import annotations

import numpy as np
import pytest

from bot.matching import coverage, thesaurus, wordnet
from bot.matching.thesaurus import related
from bot.models import AnswerKind, Query
from tests.turnkit import story_engine


def test_the_shipped_tables_are_the_installed_wordnet_read() -> None:
    index, stems = thesaurus.tables(wordnet.listed_relations())
    assert np.array_equal(np.load(thesaurus._INDEX), index)
    assert thesaurus._STEMS.read_bytes() == stems


@pytest.mark.parametrize(
    ("word", "said"),
    [
        ("towns", "municip"),  # the kind of thing a town is
        ("Towns", "municip"),
        ("boats", "vessel"),
        ("boats", "ferri"),  # a kind of boat
        ("fixed", "repair"),  # a verb: the other words of its sense
        ("cities", "municip"),
        ("years", "period"),  # the plural of "year", not "years" (old age)
        ("using", "employ"),  # "use", not the noun "using" (exploitation)
        ("trainer", "coach"),
    ],
)
def test_a_word_is_related_to_the_words_of_its_commonest_sense(word: str, said: str) -> None:
    assert said in related(word)


@pytest.mark.parametrize(
    "word",
    [
        "dead",  # mostly an adjective: its noun sense ("the dead") is not read
        "wednesday",  # a name: WordNet writes it with a capital
        "the",
        "qwzx",
        "",
    ],
)
def test_no_word_is_given_for_a_name_a_rare_sense_or_no_word(word: str) -> None:
    assert related(word) == frozenset()


@pytest.mark.parametrize(
    ("word", "unrelated"),
    [
        ("good", "sludg"),  # not "goo" + d
        ("games", "herd"),  # not "gam" + es
        ("planes", "project"),  # not "plan" + es
        ("fired", "wood"),  # not "fir" + ed
        ("using", "exploit"),  # the noun "using" is rare: "use"
        ("years", "age"),  # "years" (old age) is rarer than "year"
        ("chance", "day"),  # "one's day" is the ninth sense of "day"
        ("chance", "say"),  # "say" (a chance to speak) is mostly a verb
        ("death", "go"),  # "going" reads as "go", mostly a verb
        ("action", "take"),  # "taking" reads as "take"
        ("fires", "happen"),  # "happening" reads as "happen"
        ("women", "ladi"),  # "the lady" is anyone the story names: no word for women
        ("data", "read"),  # "data" is data, not the rarer "datum"
        ("worker", "person"),  # given for most people: too general
    ],
)
def test_a_word_is_not_read_as_another_word_nor_by_a_rare_sense(word: str, unrelated: str) -> None:
    assert unrelated not in related(word)


@pytest.mark.parametrize(
    ("story", "question", "entry"),
    [
        # the coach is "Rutger van Dalen, the head coach"; a trainer is a coach
        ("football-takeover", "Wie is de trainer van Eemland eigenlijk?", "rutger-van-dalen"),
        # "finishing 10th last season": to end up is to finish
        ("football-takeover", "Where did they end up in the table last season?", "league-position"),
        # "a Chinese state-owned company": a government is a state
        ("lagos-metro", "Is the construction company private or government-owned?", "builder"),
    ],
)
def test_an_entry_saying_the_question_word_otherwise_answers_it(
    monkeypatch: pytest.MonkeyPatch, story: str, question: str, entry: str
) -> None:
    answer = story_engine(story).answer(Query(text=question))
    assert answer.kind is AnswerKind.ANSWER and answer.entry_id == entry
    monkeypatch.setattr(coverage, "related", lambda word: frozenset())
    assert story_engine(story).answer(Query(text=question)).entry_id != entry  # what it did


def test_a_related_word_covers_a_question_word_softly_never_exactly(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    question = Query(text="Wie is de trainer van Eemland eigenlijk?")

    def coach(name: str) -> tuple[float, float]:
        decision = story_engine(name).decide(question)
        found = next(c for c in decision.candidates if c.entry.id == "rutger-van-dalen")
        return found.evidence.covered, found.evidence.soft_covered

    covered, soft = coach("football-takeover")
    monkeypatch.setattr(coverage, "related", lambda word: frozenset())
    plain_covered, plain_soft = coach("football-takeover")
    assert plain_covered == covered and plain_soft < soft  # "trainer" is partly "coach"
