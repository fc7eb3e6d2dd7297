"""Who wrote the story: its credit line and its dateline's agency, or that it does not say."""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine
from bot.models import AnswerKind, Query
from tests.turnkit import story_engine


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [
        (
            "bridge-closure",
            "who wrote this article?",
            "The story's credit line says: Reporting by Anna Kowalczyk; Editing by Mark Potter. "
            "Its dateline names Reuters.",
        ),
        ("ferry-grounding", "which news agency filed this story", "Its dateline names NewsWire."),
        ("ransomware-hospital", "who's the reporter? need it for a citation", "NewsWire staff"),
        ("bridge-closure", "which journalist filed this", "Anna Kowalczyk"),
        ("bridge-closure", "so who wrote this?", "Anna Kowalczyk"),
    ],
)
def test_who_wrote_the_story_is_its_credit_line_and_dateline(
    story: str, question: str, said: str
) -> None:
    answer = story_engine(story).answer(Query(text=question))
    assert answer.kind is AnswerKind.ANSWER and said in answer.text


def test_a_story_without_a_credit_line_does_not_say_who_wrote_it() -> None:
    answer = story_engine("heatwave-grid").answer(Query(text="who wrote the story?"))
    assert answer.kind is AnswerKind.DECLINE


def test_who_reported_a_thing_the_story_tells_is_no_question_of_its_writer() -> None:
    answer = story_engine("bridge-closure").answer(Query(text="who reported the corrosion?"))
    assert "credit line" not in answer.text and "Pomorskie Konstrukcje" in answer.text
    asked = "who wrote this letter to the minister?"  # "this" names a letter
    assert "credit line" not in story_engine("bridge-closure").answer(Query(text=asked)).text


@pytest.mark.parametrize(
    ("story", "question", "dateline"),
    [
        ("bridge-closure", "What is the dateline on this piece?", "TORUN, Poland, Oct 8 (Reuters)"),
        ("ferry-grounding", "@StoryBot ye report kis shehar se file hui hai?", "PIRAEUS, Greece"),
        ("malaria-vaccine", "where and when is this article datelined?", "ACCRA/NAIROBI, 2 March"),
        ("football-takeover", "dis news, e come from which town?", "AMERSFOORT, Netherlands"),
        ("ransomware-hospital", "which day's this article actually from", "LINDVIK, Norway"),
        ("lagos-metro", "bhai ye news kis date ki hai", "LAGOS, July 14"),
        # a dateline on a line of its own, with no dash after it
        ("shipyard-strike", "Article dateline: city, weekday, date?", "ULSAN, South Korea"),
    ],
)
def test_the_dateline_asked_is_the_story_s_own(story: str, question: str, dateline: str) -> None:
    answer = story_engine(story).answer(Query(text=question))
    assert answer.kind is AnswerKind.ANSWER and f"The story's dateline: {dateline}" in answer.text


def test_a_story_without_a_dateline_does_not_make_one_up(engine: Engine) -> None:
    answer = engine.answer(Query(text="what's the dateline of this report?"))
    assert answer.kind is AnswerKind.DECLINE  # the moon story opens with no dateline
    # sent from somewhere is no dateline asked
    doses = story_engine("malaria-vaccine").answer(Query(text="were the doses sent from India?"))
    assert "dateline" not in doses.text
