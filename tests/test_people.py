"""Who the story quotes or names: its people, each with what their entry says they are."""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine
from bot.models import Query
from tests.turnkit import story_engine


def test_every_person_quoted_is_listed_with_what_they_are() -> None:
    answer = story_engine("malaria-vaccine").answer(
        Query(text="how many people does this story quote directly, and who are they?")
    )
    assert answer.answered and answer.text.startswith("The story quotes 6 people:")
    assert "- Dr Kwabena Asante-Darko, Ghana's Health Minister" in answer.text
    # named, but never speaking: launching a campaign is no quotation
    assert "Mary Wanjiku Kamau" not in answer.text


def test_the_people_named_are_listed_in_the_order_the_story_names_them(engine: Engine) -> None:
    answer = engine.answer(
        Query(text="Which persons does the report name, and what office does each hold?")
    )
    lines = answer.text.splitlines()
    assert lines[0] == "The story names 3 people:"
    assert [line.split(",")[0] for line in lines[2:]] == ["- Li Qiang", "- Xi Jinping"]


@pytest.mark.parametrize(
    ("story", "question"),
    [
        ("lagos-metro", "how do I sort a list of dicts by a key in python"),  # no people asked
        ("lagos-metro", "who are the people quoted at Oshodi?"),  # fewer than all of them
        ("bridge-closure", "how many women are named in the article?"),  # the store says not
    ],
)
def test_a_list_of_fewer_people_or_of_no_people_is_read_as_asked(story: str, question: str) -> None:
    decision = story_engine(story).decide(Query(text=question))
    assert "the people the story" not in decision.reason
