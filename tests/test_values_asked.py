"""A value asked for must be new to the question, and a done thing asked of must have happened."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.matching.answerability import Need, offers, restated
from bot.matching.asking import needs
from bot.matching.engine import Engine
from bot.matching.lexicon import QType
from bot.models import Query

STORIES = Path(__file__).parent / "data" / "stories"


@pytest.fixture(scope="module")
def football() -> Engine:
    return Engine.from_folder(STORIES / "football-takeover" / "knowledge")


@pytest.mark.parametrize(
    ("answer", "asked", "question", "told"),
    [
        ("Fans gathered on Monday evening.", {Need.TIME}, "what time on monday evening", False),
        ("Fans gathered at 7 p.m. on Monday.", {Need.TIME}, "what time on monday evening", True),
        ("It opens in 2025.", {Need.DATE}, "when in 2025 does it open", False),
        ("It opens in March 2025.", {Need.MONTH}, "which month in 2025", True),
        ("It was signed on 15 March.", {Need.DAY}, "what day in march", True),
        ("It cost $5 billion.", {Need.NUMBER}, "how much in 2025", True),  # not a time
    ],
)
def test_a_value_the_question_states_itself_does_not_answer_it(
    answer: str, asked: set[Need], question: str, told: bool
) -> None:
    assert asked <= offers(answer)
    assert restated(answer, frozenset(asked), frozenset(question.split())) is not told


def test_an_occupation_is_a_job_an_answer_can_give() -> None:
    assert Need.ROLE in offers("Sanne Willemsen, 34, a primary school teacher, chairs the group.")
    assert Need.ROLE not in offers("Sanne Willemsen, 34, chairs it since she was nine.")


@pytest.mark.parametrize(
    ("words", "past"),
    [
        ("when was the stadium built", True),
        ("when were the objects taken", True),
        ("when was it opened to the public", True),
        ("when was the stadium meant to open", False),  # a plan word
        ("when is the stadium built", False),
        ("when was that", False),
    ],
)
def test_when_was_it_done_asks_for_something_that_happened(words: str, past: bool) -> None:
    assert (Need.PAST in needs(QType.WHEN, tuple(words.split()))) is past


@pytest.mark.parametrize(
    ("words", "dated"),
    [
        ("what was the revenue the season before 2024 25", True),
        ("how many fans came after 2019", True),
        ("what happened before the vote", False),
        ("who came after him", False),
    ],
)
def test_before_or_after_a_year_asks_for_another_time(words: str, dated: bool) -> None:
    assert (Need.DATE in needs(QType.WHAT, tuple(words.split()))) is dated


def test_tempting_time_and_date_questions_are_declined(football: Engine) -> None:
    for question in (
        "what was eemland's revenue the season before 2024-25?",  # the story gives that one
        "what time did the protest kick off on monday evening",  # the story says "evening"
        "when was the eemstadion built?",  # the story gives only the planned expansion
    ):
        assert not football.answer(Query(text=question)).answered, question
    gathered = football.answer(Query(text="when did the fans protest outside the stadium?"))
    assert gathered.answered and "Monday" in gathered.text
