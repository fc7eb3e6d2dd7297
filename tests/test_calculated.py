"""Sums of the story's figures that a question quotes are worked out and shown."""

from __future__ import annotations

import pytest

from bot.conversation.calculated import calculated
from bot.models import Query
from tests.turnkit import story_engine


def _worked(story: str, question: str) -> str | None:
    decision = calculated(story_engine(story), question)
    return None if decision is None else decision.answer.text


@pytest.mark.parametrize(
    ("story", "question", "reply"),
    [
        (  # per thing, as the story says each figure
            "kilwa-artefacts-return",
            "the museum spends 310,000 pounds shipping 42 objects, so what's that per object?",
            "About 7,381 pounds per object: 310,000 pounds ÷ 42.",
        ),
        (  # a scale written onto the figure
            "bridge-closure",
            "85m zl of repairs against a 62m zl budget, how much more is that?",
            "23 million: 85 million - 62 million.",
        ),
        (
            "bridge-closure",
            "3 of the 48 cables are corroded, what percentage is that?",
            "6.25%: 3 of 48.",
        ),
        (  # one figure says what it is of, the other borrows it
            "bridge-closure",
            "What share of the 85 million zloty estimate does the state's 40 million cover?",
            "About 47.1%: 40 million of 85 million zloty.",
        ),
        (  # two shares: how many times the other, or how many points apart
            "bridge-closure",
            "the worst cable lost 18%; by what factor does that exceed the 10% threshold?",
            "1.8 times: 18% ÷ 10%.",
        ),
        (
            "bridge-closure",
            "18% lost against the 10% threshold, how many more?",
            "8 percentage points: 18% - 10%.",
        ),
        (  # the unit one figure says
            "heatwave-grid",
            "by how much did ecija's 46.1 beat the 43 degrees forecast for the valley?",
            "3.1 degrees: 46.1 - 43 degrees.",
        ),
        (  # a sum stated, and the story writes its parts out: "Nineteen … three"
            "ferry-grounding",
            "so 22 hurt in all? 19 on sifnos and 3 by helicopter",
            "Yes: 19 + 3 = 22.",
        ),
        (
            "ferry-grounding",
            "so 25 hurt in total, 19 plus 3?",
            "No: 19 + 3 = 22, not 25.",
        ),
        (  # a sum stated as a bound
            "ransomware-hospital",
            "so 212 operations plus 1,200 appointments, that's more than 1,400 altogether?",
            "Yes: 212 + 1,200 = 1,412, more than 1,400.",
        ),
        (
            "ransomware-hospital",
            "212 operations and 1,200 appointments, under 1,400 in total?",
            "No: 212 + 1,200 = 1,412, not less than 1,400.",
        ),
    ],
)
def test_a_sum_of_figures_the_story_gives_is_worked_out(
    story: str, question: str, reply: str
) -> None:
    assert _worked(story, question) == reply


@pytest.mark.parametrize(
    ("story", "question"),
    [
        # a figure the story never gives is no sum of its facts
        ("kilwa-artefacts-return", "the museum spends 300,000 pounds on 42 objects, per object?"),
        # a price per dose stated, not asked
        ("malaria-vaccine", "each dose is $3.90, so how much for 4 doses?"),
        # "remaining" names the cables; it asks no difference
        ("bridge-closure", "the remaining 45 cables, are they tested over 3 weeks?"),
        # a sum that only joins two counts ("the captain + 3 officers") asks no total
        ("ferry-grounding", "why were 3 officers arrested, the captain + 2 others?"),
        ("bridge-closure", "how many cables are there?"),  # no figure at all
        # a share beside a sum: of it, or of something else?
        ("bridge-closure", "18% of the 48 cables, how many is that in all?"),
        # "the difference between those two numbers" asks what each is
        ("river-dam", "whats the actual difference between the 5% and the 25%?"),
        # each says its own kind, and they differ
        ("kilwa-artefacts-return", "1.2 billion shillings against 370,000 pounds, how much more?"),
    ],
)
def test_no_sum_is_made_up(story: str, question: str) -> None:
    assert _worked(story, question) is None


def test_the_reply_quotes_the_sentences_giving_the_figures() -> None:
    answer = story_engine("ferry-grounding").answer(
        Query(text="@StoryBot so 22 injured altogether, 19 + 3?")
    )
    assert answer.answered and answer.text == "Yes: 19 + 3 = 22."
    assert answer.source is not None and answer.source.startswith("Nineteen people were treated")
