"""Whoever leads a body, asked in general words: "who runs X?", "how old is X's boss?"."""

from __future__ import annotations

import pytest

from bot.knowledge.loading import load_knowledge
from bot.matching.leaders import lead_holders, leaders_asked
from bot.models import Query
from tests.conftest import DATA
from tests.turnkit import story_engine


def _leaders(story: str) -> dict[str, str]:
    engine = story_engine(story)
    return lead_holders(
        load_knowledge(DATA / "stories" / story / "knowledge"), engine.analyzer.terms
    )


def test_a_body_is_led_by_the_one_person_whose_title_is_of_it_alone() -> None:
    ferry = _leaders("ferry-grounding")
    assert ferry["@meltemi-sea-lines"] == "@koutsoyiannis"  # "is chief executive of Meltemi …"
    assert ferry["@pno"] == "@lazaridis"  # "is general secretary of the Panhellenic …"
    # "is the Whitworth Hall Museum's chair": the body's name after "the"
    assert _leaders("kilwa-artefacts-return")["@whitworth-hall"] == "@eleanor-pryce"
    # "has chaired Eemland FC for 19 years"
    assert _leaders("football-takeover")["@eemland-fc"] == "@henk-bosveld"
    # "the KNVB's director of professional football" leads a part of the KNVB, not it
    assert "@knvb" not in _leaders("football-takeover")
    # "the WHO Regional Director for Africa", "Gavi's managing director for country programmes"
    malaria = _leaders("malaria-vaccine")
    assert "@who" not in malaria and "@gavi" not in malaria
    # a minister leads a ministry, not the country ("Dravenia's Energy Minister")
    assert "@dravenia" not in _leaders("river-dam")


@pytest.mark.parametrize(
    ("question", "who", "asked"),
    [
        ("who is the boss of meltemi sea lines", True, True),
        ("how old is the boss", False, True),
        ("who is in charge at meltemi sea lines", True, True),
        ("who runs meltemi sea lines", True, True),
        ("how long does the meltemi sea lines lease run", False, False),  # no "who …?"
        ("what did the chief engineer say", False, False),  # someone else's title
        ("who is the former boss", True, False),
    ],
)
def test_a_lead_word_asks_for_the_leader_only_as_said_of_them(
    question: str, who: bool, asked: bool
) -> None:
    words = tuple(question.split())
    people, _ = leaders_asked(words, ("@meltemi-sea-lines",), {"@meltemi-sea-lines": "@k"}, who)
    assert (people == {"@k"}) is asked


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [
        ("ferry-grounding", "who runs Meltemi Sea Lines", "Andreas Koutsoyiannis"),
        ("ferry-grounding", "how old is the boss of Meltemi Sea Lines", "61"),
        ("shipyard-strike", "who's running the show at Donghae?", "Baek Sang-chul"),
    ],
)
def test_the_leader_asked_for_in_general_words_is_answered(
    story: str, question: str, said: str
) -> None:
    answer = story_engine(story).answer(Query(text=question))
    assert answer.answered and said in answer.text
    # not the union boss, the one other "boss" of the ferry story
    assert "Lazaridis" not in answer.text
