"""Who said a line the story quotes: each quotation's speaker, and the reply naming them."""

from __future__ import annotations

import pytest

from bot.models import AnswerKind, Query
from tests.turnkit import story_engine


def _speaker_of(story: str, line: str) -> str | None:
    """Return the name of who the story `story` has say `line`, or None for nobody named."""
    quotation = story_engine(story).quotations.said(line)
    assert quotation is not None, line
    return quotation.speaker.name if quotation.speaker else None


@pytest.mark.parametrize(
    ("story", "line", "speaker"),
    [
        # '…," Benjumea said': named after it
        ("heatwave-grid", "nobody told us our supply line was on the list", "Dr. Lucia Benjumea"),
        # '…," she said': the person named last before it
        ("heatwave-grid", "at my age you count the minutes", "Carmen Ruiz Aguilar"),
        # a quotation nobody is said to say goes on from the one before it
        ("heatwave-grid", "i am not going to apologise for that decision", "Ines Carrasco"),
        # "Choi Yong-jin" is named where "Choi" (his brother) is read too: the longer name
        ("shipyard-strike", "someone to tell us clearly why he died", "Choi Yong-jin"),
        # a quotation ending its sentence is not said by whoever the next sentence names
        ("malaria-vaccine", "exactly where this vaccine needs to go first", "Abena Owusu-Mensah"),
        # 'X said: "…': named before it
        ("football-takeover", "the family can sell its shares", "Sanne Willemsen"),
        # 'That report … noted "minor surface corrosion"': no one
        ("bridge-closure", "minor surface corrosion", None),
    ],
)
def test_each_quotation_is_read_with_its_speaker(
    story: str, line: str, speaker: str | None
) -> None:
    assert _speaker_of(story, line) == speaker


@pytest.mark.parametrize(
    ("story", "question", "named"),
    [
        ("heatwave-grid", "someone said 'at my age you count the minutes', who was it?", "Carmen"),
        (
            "heatwave-grid",
            "qui a dit « nobody told us our supply line was on the list » ?",
            "Benjumea",
        ),
        ("shipyard-strike", "who said a man went to work and did not come home", "Oh Jae-hyun"),
        (
            "ferry-grounding",
            "the 'in a storm this would be a very different story' line, who?",
            "Karalis",
        ),
        ("river-dam", "yeh 'everything is open except our right to build' kis ne kaha", "Vasek"),
        # a short line in quotation marks, said whole; a word left out of a line
        ("football-takeover", "who said 'not one euro'?", "Kessler"),
        ("football-takeover", "who said i can promise them i will listen", "Kessler"),
    ],
)
def test_who_said_a_quoted_line_is_answered_with_its_speaker(
    story: str, question: str, named: str
) -> None:
    answer = story_engine(story).answer(Query(text=question))
    assert answer.kind is AnswerKind.ANSWER
    assert answer.text.startswith("It was ") and named in answer.text.split(",")[0]
    assert answer.source is not None and '"' in answer.source  # the line, as the story has it


def test_a_line_nobody_is_named_saying_is_answered_with_the_story_s_words() -> None:
    answer = story_engine("bridge-closure").answer(
        Query(text="who said there was 'minor surface corrosion'?")
    )
    assert answer.text.startswith("The story says:") and "That report" in answer.text


@pytest.mark.parametrize(
    ("story", "question", "speaker"),
    [
        # repeats a quotation ("… who signed off on the lift"), but asks a deed, not words said
        ("shipyard-strike", "who signed off on the lift that day?", "Park Seong-ho"),
        # a line put otherwise than the story's ("A short strike we can absorb")
        ("shipyard-strike", "who said 'A long strike we can absorb'?", "Ingrid Solheim"),
        # "who" of a relative clause: it asks something else of the speaker
        (
            "football-takeover",
            "the guy who said 'we are not here to strip anything', where was he calling from?",
            "Daniel Kessler",
        ),
        # names the speaker already: it asks something else of the line
        ("heatwave-grid", "who did Villalba say calls it a freak event?", "It was Andres Villalba"),
    ],
)
def test_a_question_not_asking_who_said_a_line_is_read_as_asked(
    story: str, question: str, speaker: str
) -> None:
    answer = story_engine(story).answer(Query(text=question))
    assert not answer.text.startswith(f"It was {speaker}")
