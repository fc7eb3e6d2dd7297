"""How long lies between two days of the story that a question types itself."""

from __future__ import annotations

import pytest

from bot.conversation.between import span_asked
from bot.conversation.spans import typed_span
from tests.turnkit import story_engine


def _span(story: str, question: str) -> str | None:
    unit = span_asked(question)
    decision = None if unit is None else typed_span(story_engine(story), question, unit)
    return None if decision is None else decision.answer.text


@pytest.mark.parametrize(
    ("story", "question", "reply"),
    [
        (
            "ferry-grounding",
            "inspected January 14 and grounded March 1, so how many days in between?",
            "46 days apart: January 14 to March 1.",
        ),
        (  # the year the story writes after one day sets the other's: October 31, 2025
            "bridge-closure",
            "from Oct 31 to Feb 27 how many days is that",
            "119 days apart: Oct 31 to Feb 27.",
        ),
        (
            "bridge-closure",
            "tender Oct 31 aur reopening Feb 27 ke beech kitne mahine?",
            "4 months apart: Oct 31 to Feb 27.",
        ),
    ],
)
def test_a_span_between_two_typed_days_of_the_story(story: str, question: str, reply: str) -> None:
    assert _span(story, question) == reply


@pytest.mark.parametrize(
    ("story", "question"),
    [
        ("bridge-closure", "how many days from October 30 to February 27?"),  # not the story's
        ("bridge-closure", "when is the tender, October 31?"),  # no span asked
        ("ferry-grounding", "how many days after the grounding was the strike?"),  # no days typed
    ],
)
def test_no_span_of_days_the_story_does_not_give(story: str, question: str) -> None:
    assert _span(story, question) is None
