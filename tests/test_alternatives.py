"""Either-or questions: an answer holding one alternative settles the question."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.matching.alternatives import either_or
from bot.matching.coverage import QuestionTerms
from bot.matching.engine import Engine
from bot.models import Query

LAGOS = Path(__file__).parent / "data" / "stories" / "lagos-metro" / "knowledge"
FILLER = frozenset("is the it just a an or not did he one by how what per into".split())


@pytest.fixture(scope="module")
def lagos() -> Engine:
    return Engine.from_folder(LAGOS, encoder="none")


def _pairs(words: str) -> list[tuple[str, str]]:
    return [(w, w) for w in words.split() if w not in FILLER]


@pytest.mark.parametrize(
    ("words", "sides"),
    [
        ("are trains electric or diesel", ({"electric"}, {"diesel"})),  # in parallel
        ("is kakar elected or just a caretaker", ({"elected"}, {"caretaker"})),
        ("is it heavy rail or light rail", ({"heavy", "rail"}, {"light", "rail"})),
        ("is he an elected one or a caretaker", ({"elected"}, {"caretaker"})),
        ("is the fare flat or by distance", ({"flat"}, {"distance"})),
        ("kakar elected ya caretaker", ({"elected"}, {"caretaker"})),  # Roman Urdu "ya"
        # a preposition may open each side: "per person or per household"
        ("is the 300 per person or per household", ({"person"}, {"household"})),
        ("did it hit a ship or into rocks", ({"ship"}, {"rocks"})),
    ],
)
def test_the_terms_next_to_or_are_its_alternatives(words: str, sides: tuple[set[str], ...]) -> None:
    found = either_or(words.split(), _pairs(words))
    assert found == ((frozenset(sides[0]), frozenset(sides[1])),)


@pytest.mark.parametrize(
    "words",
    [
        "did it happen or not",
        "is it electric or not the bus",  # "not" is no alternative
        "what is the fare or how long is the ride",  # two questions, not alternatives
        "or diesel",
        "electric or",
        "or",
    ],
)
def test_an_or_without_two_sides_names_no_alternatives(words: str) -> None:
    assert either_or(words.split(), _pairs(words)) == ()


def test_one_alternative_covers_the_other(lagos: Engine) -> None:
    question = QuestionTerms(lagos.index, None, lagos.analyzer.analyze("electric or diesel?"))
    electric = lagos.analyzer.terms("electric")
    assert question.cover(frozenset(electric), soft=False).exact == pytest.approx(1.0)
    assert question.cover(frozenset(), soft=False).exact == 0.0
    plain = QuestionTerms(lagos.index, None, lagos.analyzer.analyze("electric and diesel?"))
    assert plain.cover(frozenset(electric), soft=False).exact < 0.6  # "and" asks for both


def test_a_word_every_entry_uses_settles_nothing(lagos: Engine) -> None:
    # "light rail" reads as the story's own subject, which nearly every entry names
    question = QuestionTerms(lagos.index, None, lagos.analyzer.analyze("heavy or light rail?"))
    subject = frozenset(lagos.analyzer.terms("light rail"))
    assert question.cover(subject, soft=False).exact < 0.5


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Is the fare flat or distance-based?", "flat fare"),
        ("are the trains electric or diesel", "electric"),
    ],
)
def test_an_either_or_question_is_answered(lagos: Engine, question: str, expected: str) -> None:
    answer = lagos.answer(Query(text=question))
    assert answer.answered and expected in answer.text


@pytest.mark.parametrize(
    "question", ["is the fare paid by card or cash?", "is it heavy rail or light rail"]
)
def test_neither_alternative_in_the_story_is_declined(lagos: Engine, question: str) -> None:
    assert not lagos.answer(Query(text=question)).answered


def test_alternatives_each_opened_by_a_preposition_are_answered() -> None:
    heatwave = Engine.from_folder(LAGOS.parents[1] / "heatwave-grid" / "knowledge", encoder="none")
    answer = heatwave.answer(Query(text="Is the 300 euros per person or per household?"))
    assert answer.answered and "households can claim up to 300" in answer.text
