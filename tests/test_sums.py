"""Sums a question asks of the story's figures: "by how many?", "how much a year?", "how long?"."""

from __future__ import annotations

import pytest

from bot.conversation.sums import worked
from bot.matching.lexicon import QType
from bot.models import Query
from tests.turnkit import story_engine


def _qtype(question: str) -> QType:
    return story_engine("football-takeover").analyzer.analyze(question).qtype


@pytest.mark.parametrize(
    ("question", "answer", "line"),
    [
        (
            "by how many did the crew exceed the minimum?",
            "Koutsoyiannis, 61, said the crew of 64 exceeded the minimum of 58.",
            "that is 6 (64 against 58)",  # not his age, 61
        ),
        (
            "by how many was the crew cut?",
            "It reduced the crew from 71 to 64 in 2023.",
            "that is 7 (71 against 64)",  # not the year
        ),
        (
            "what is the difference between the two raises?",
            "The union wants 148,000 won ($107) a month; management offers 92,000 won.",
            "that is 56,000 won (148,000 won against 92,000 won)",  # the aside left out
        ),
        (
            "by how many points was the margin below safe?",
            "Wind gave less than 4%; the margin fell to 1.8% against the 10% it considers safe.",
            "that is 8.2 percentage points (10% against 1.8%)",  # the pair set against
        ),
        (
            "kitni seats zyada hongi?",
            "It wants to expand the stadium from 18,450 to 24,000 seats by the 2028-29 season.",
            "that is 5,550 seats (24,000 seats against 18,450 seats)",
        ),
        (
            "how big is the difference between the two flows?",
            "Kalmora wants 1,200 cubic metres per second; Dravenia offered 900 cubic metres "
            "per second.",
            "that is 300 cubic metres per second (1,200 against 900)",
        ),
        (
            "the 40 million over five years, how much is that a year?",
            "It will invest 40 million euros ($46 million) over five years.",
            "that is 8 million euros a year (40 million euros over 5 years)",
        ),
        (
            "350 billion, whats that per year roughly",
            "He pledged to spend 350 billion won on safety over three years.",
            "that is about 117 billion won a year (350 billion won over 3 years)",
        ),
        (  # a count of things spread over spelled-out weeks, not only money
            "the 45 cables over three weeks, how many per week is that?",
            "The remaining 45 cables will be examined over the next three weeks.",
            "that is 15 cables a week (45 cables over 3 weeks)",
        ),
        (  # "on average … per day": the amount the answer gives, spread over "the two days"
            "on average, how much did bars lose per day of cuts?",
            "Bars and restaurants lost 65 million euros in sales over the two days.",
            "that is 32.5 million euros a day (65 million euros over 2 days)",
        ),
        (  # a rate carried to another period, exactly when it can be
            "148,000 won a month, how much per annum?",
            "The union wants a base pay rise of 148,000 won a month.",
            "that is 1,776,000 won a year (148,000 won a month)",
        ),
        (
            "the firm makes 40 million doses a year, how many per month is that?",
            "Kavach Biologics says it can make 40 million doses a year.",
            "that is about 3.33 million doses a month (40 million doses a year)",
        ),
        (  # a smaller scale where the larger would say "0.05 billion"
            "$1.2 billion over two years, what is that a month?",
            "The repairs will cost $1.2 billion over two years.",
            "that is about $50 million a month ($1.2 billion over 2 years)",
        ),
        (
            "how many of its members didn't join?",
            "The union said about 6,500 of its 8,200 members joined the strike.",
            "that leaves 1,700 (8,200 less 6,500)",
        ),
        (  # "still working" asks the rest as "didn't join" does, and "how much" as "how many"
            "so how much members still working, by their own numbers?",
            "The union said about 6,500 of its 8,200 members joined the strike.",
            "that leaves 1,700 (8,200 less 6,500)",
        ),
        (
            "how long did the cuts last?",
            "The first cuts ran from 4:20 p.m. to 11:45 p.m. on Tuesday.",
            "that is 7 hours and 25 minutes",
        ),
        (
            "how long after the trial did the WHO approve it?",
            "The trial ended in June 2024, and the WHO approved the vaccine in October 2025.",
            "that is 1 year and 4 months",
        ),
    ],
)
def test_a_sum_asked_of_the_answers_figures_is_worked_out(
    question: str, answer: str, line: str
) -> None:
    said = worked(question, _qtype(question), answer)
    assert said is not None and line in said


@pytest.mark.parametrize(
    ("question", "answer"),
    [
        # the answer says how far over already: $1.1 billion less $700 million is nothing asked
        (
            "by how much did it go over budget?",
            "It was expected to cost $1.1 billion but opened about $700 million over budget.",
        ),
        # three figures of one kind: which two is not said
        ("what is the difference?", "It had 10, then 12, then 15 stations."),
        # how much a year of no amount the question points at
        (
            "how much does the club make in a year?",
            "It will invest 40 million euros over five years.",
        ),
        ("is the gap 300?", "Kalmora wants 1,200; Dravenia offered 900."),  # yes or no
        # two amounts a year: which one is asked is not said
        (
            "40 million doses a year, how many a month?",
            "It makes 40 million doses a year; demand may reach 80 million doses a year.",
        ),
        # said per the very period asked: nothing to work out
        ("that 40 million a year, how much per year?", "It makes 40 million doses a year."),
        ("how long is the line?", "It runs from 6 a.m. to 11 p.m. and is 27 km long, at 4 p.m."),
    ],
)
def test_no_sum_is_worked_where_the_figures_do_not_say_which(question: str, answer: str) -> None:
    assert worked(question, _qtype(question), answer) is None


def test_the_reply_works_out_a_sum_of_the_entry_it_answers_with() -> None:
    football = story_engine("football-takeover")
    asked = "the 40 million euros of extra investment over five years, how much is that a year?"
    answer = football.answer(Query(text=asked))
    assert answer.answered and "8 million euros a year" in answer.text
    assert worked("how old is the club?", QType.AMOUNT, answer.text) is None
