"""What happened at a time the question names: the entry or sentence giving that time."""

from __future__ import annotations

import pytest

from bot.conversation.dated import _looked_up, _times
from bot.models import Query
from tests.turnkit import answers_with, story_engine


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [
        ("lagos-metro", "whats happening in december 2027", "due to be completed in December 2027"),
        ("lagos-metro", "what took place in March 2019?", "construction began in March 2019"),
        ("bridge-closure", "wat happend on oct 7 at 9 pm", "9 p.m. on Tuesday, October 7"),
        ("malaria-vaccine", "what happened in june 2024?", "ended in June 2024"),
        # why the story names a time
        ("lagos-metro", "Why does the article mention March 2019?", "began in March 2019"),
        ("lagos-metro", "what is the significance of July 14?", "opened on Monday, July 14"),
    ],
)
def test_what_happened_at_a_time_is_what_the_story_gives_then(
    story: str, question: str, said: str
) -> None:
    assert answers_with(story, question, said)


@pytest.mark.parametrize(
    ("story", "question"),
    [
        ("lagos-metro", "what happened on July 4?"),  # a day the story never gives
        # more than what happened then: what becomes of the programme
        ("malaria-vaccine", "What happens to the programme once Gavi's money runs out after 2027?"),
        ("kilwa-artefacts-return", "what may happen to the objects?"),  # "may" is no month
    ],
)
def test_a_time_the_story_never_gives_or_a_question_of_more_is_read_as_asked(
    story: str, question: str
) -> None:
    decision = story_engine(story).decide(Query(text=question))
    assert "what happened at a time" not in decision.reason


def test_the_entries_read_for_a_time_are_those_the_index_holds_it_for() -> None:
    # a question's work must not grow with the knowledge: no entry is read whole to find it
    lagos = story_engine("lagos-metro")
    looked = _looked_up(lagos, _times("what took place in March 2019?"))
    assert 0 < len(looked) < len(lagos.entries)
    assert all("2019" in lagos.terms_of(entry.id) for entry in looked)
    assert _looked_up(lagos, _times("what happened in 1999?")) == []
