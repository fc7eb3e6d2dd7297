"""Ratios a question asks of the story's figures: "is it more than half?", "what share?"."""

from __future__ import annotations

import pytest

from bot.conversation.sums import worked
from bot.matching.lexicon import QType
from bot.models import Query
from tests.turnkit import story_engine

_RAISES = (
    "The union is demanding a monthly base wage increase of 148,000 won ($107), while "
    "management has offered 92,000 won."
)


@pytest.mark.parametrize(
    ("question", "answer", "line"),
    [
        (  # the figures the question states, in its order; a hyphen after a figure
            "Is the union's 148,000-won demand more than one and a half times the 92,000-won offer?",
            _RAISES,
            "Yes: by the story's figures, 148,000 won is about 1.6 times 92,000 won.",
        ),
        (
            "is the 92,000 won offer more than half the 148,000 won demand?",
            _RAISES,
            "Yes: by the story's figures, 92,000 won is about 62% of 148,000 won.",
        ),
        (  # one figure stated, the other the only one of its kind
            "so the 40 million from warsaw is less than half of the whole bill yeah",
            "Repairs will cost about 85 million zlotys; the state gives 40 million zlotys.",
            "Yes: by the story's figures, 40 million zlotys is about 47% of 85 million zlotys.",
        ),
        (
            "is the backlog more than four times what they deliver this year?",
            "It has a backlog of about 170 vessels and plans to deliver 48 ships this year.",
            "No: by the story's figures, 170 is about 3.5 times 48.",
        ),
        (  # no "more than": how they compare, no verdict
            "will the daily riders double once the full line runs?",
            "Officials expect 250,000 a day in the first year, rising to 500,000 a day later.",
            "By the story's figures, 500,000 is 2 times 250,000.",
        ),
    ],
)
def test_a_yes_no_question_of_how_many_times_is_worked_out(
    question: str, answer: str, line: str
) -> None:
    assert worked(question, QType.YESNO, answer) == line


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        ("is the offer more than half the demand?", "Yes, the offer of 92,000 won is 62%."),
        ("is it more than twice the 50,000 won bonus?", _RAISES),  # a figure it does not give
        ("is it more than twice as much?", "It costs 40 million euros."),  # one figure
        ("was he born more than 3 times?", "He is 41 and has two sons aged 12 and 9."),
    ],
)
def test_no_ratio_without_two_figures_of_a_kind_or_when_the_answer_says(
    question: str, answer: str
) -> None:
    assert worked(question, QType.YESNO, answer) is None


def test_a_share_asked_is_worked_out_from_a_part_and_its_whole() -> None:
    answer = "About 900 of the trust's roughly 7,800 employees have been called in."
    line = "By the story's figures, 900 is about 12% of 7,800."
    assert worked("what share of the workforce got extra shifts?", QType.WHAT, answer) == line
    # an answer that gives a percentage says the share itself
    stated = "Wages take up 61 percent of revenue of 31 million euros; debt is 14.5 million euros."
    assert worked("what is the debt to revenue ratio?", QType.WHAT, stated) is None


@pytest.mark.parametrize(
    "question",
    [
        "Is the backlog of about 170 vessels more than three times the 48 ships it delivers?",
        # "about 170" is no question of what a figure stands for (`figured.py`)
        "Is the backlog of about 170 vessels more than three times the 48 ships?",
    ],
)
def test_the_reply_to_a_ratio_question_says_whether_it_holds(question: str) -> None:
    strike = story_engine("shipyard-strike")
    answer = strike.answer(Query(text=question))
    assert (
        answer.answered and "Yes: by the story's figures, 170 is about 3.5 times 48." in answer.text
    )
