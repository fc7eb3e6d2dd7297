"""Questions with a wrong premise: another party, or another date, figure or age."""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine
from bot.models import AnswerKind, Query
from tests.turnkit import story as story_of
from tests.turnkit import story_engine


@pytest.mark.parametrize(
    ("story", "question", "asked", "told"),
    [
        ("main", "When did Pakistan land on the moon?", "Pakistan", "India"),
        ("main", "Did Russia sign the agreement?", "Russia", "Pakistan"),
        ("main", "When did the US reach the moon's south pole?", "the United States", "India"),
        # the entry's answer names no one: its question says whom it is about
        ("main", "Did Li Qiang meet President Xi?", "Li Qiang", "Kakar"),
        # China's landing is a goal for this decade: not when it landed
        ("main", "when did china land on the moon", "China", "India"),
        ("lagos", "Did Okafor open the line?", "Okafor", "Bakare"),
        ("dam", "Who did Kalmora pay for the dam?", "Kalmora", "Dravenia"),
    ],
)
def test_a_wrong_premise_is_corrected_from_thestory(
    request: pytest.FixtureRequest, story: str, question: str, asked: str, told: str
) -> None:
    engine = story_of(request, story)
    answer = engine.answer(Query(text=question))
    assert answer.kind is AnswerKind.CORRECTION and not answer.answered
    first, *_, last = answer.text.split("\n")
    assert first.startswith("The story doesn't say that about") and asked in first
    assert told in first.split(":")[0] and answer.source
    assert last.startswith("About") and asked in last  # and what it says of the asked party


@pytest.mark.parametrize(
    "question",
    [
        "What did Kakar say about India?",  # India is the topic, not who did it
        "Who signed the agreement?",
        "How old is Xi Jinping?",
        "Is Li Qiang the president of China?",  # his own entry is about him: no other party
    ],
)
def test_questions_without_a_wrong_premise_are_not_corrected(engine: Engine, question: str) -> None:
    assert engine.answer(Query(text=question)).kind is not AnswerKind.CORRECTION


def test_who_did_something_to_a_party_is_no_premise_about_that_party(engine: Engine) -> None:
    lagos = story_engine("lagos-metro")
    # "who leads India?" asks who does it to India: not "it says this about China: China leads"
    asked = [
        (engine, "who leads India?"),
        (engine, "who will lead India?"),
        (lagos, "who criticised Bakare?"),
        (lagos, "who has criticised Bakare?"),
    ]
    for story, question in asked:
        assert story.answer(Query(text=question)).kind is not AnswerKind.CORRECTION


@pytest.mark.parametrize(
    ("story", "question", "stated", "said"),
    [
        ("main", "did india land on the moon in july?", "July", "In August"),
        ("main", "kya India 2030 tak astronaut bhejega?", "2030", "2040"),
        ("lagos", "Did the Orange Line open in March?", "March", "July 14, 2025"),
        # a figure, as typed, against the same unit's other figure
        ("lagos", "Is the fare 500 naira?", "500", "750 naira"),
        ("lagos", "Is it true that the fare is 500 naira?", "500", "750 naira"),
        ("lagos", "fare na 500 naira per trip abi?", "500", "750 naira"),  # pidgin's tag
        ("malaria", "Is the vaccine 80% effective?", "80%", "71%"),
        ("malaria", "is each dose $5?", "$5", "$3.90"),  # not the 5 months of the schedule
        ("football", "Did the petition get 15,000 signatures?", "15,000", "11,300"),
        ("lagos", "Are the trains every 10 minutes?", "10", "every five minutes"),
        ("lagos", "Is the fare 2000 naira?", "2000", "750 naira"),  # no year, with its unit
        ("football", "Is the deal worth 70 million euros?", "70 million", "62 million euros"),
        # the day of a date is no figure: its year is what the story gives otherwise
        ("malaria", "Did Kenya begin its rollout on 2 March 2025?", "2025", "2 March 2026"),
        # an age, right after a name or before "years old", against the one the story gives
        ("football", "is kessler 50?", "50", "Kessler, 48"),
        ("football", "Is Kessler 52?", "52", "Kessler, 48"),  # the coach's age, not his
        # answered by the entry that gives the age: its other figure (19 years chaired) is none
        ("football", "Is Bosveld 19 years old?", "19", "Bosveld, 67"),
        ("main", "Did Kakar give his speech on Thursday?", "Thursday", "On Friday"),
        ("football", "is van dalen 60 years old?", "60", "van Dalen, 52"),
        # the entry is asked what the club won; its clause about the founding gives the year
        ("football", "was eemland founded in 1974?", "1974", "founded in 1908"),
        ("football", "Did Eemland win the KNVB Cup in 1988?", "1988", "KNVB Cup in 1987"),
        # the story gives these dates, but of another thing or another party: still corrected
        ("lagos", "did the line open in 2018?", "2018", "July 14, 2025"),  # the contract's
        ("lagos", "did the line open in 2022?", "2022", "July 14, 2025"),  # the plan's
        ("malaria", "did the rollout start in september?", "September", "2 March 2026"),
        # a statement asked with a tag is its yes/no question: the tag is no word of it
        ("main", "ok so india landed there in july right?", "July", "In August"),
        ("main", "india landed in july, didn't it?", "July", "In August"),
        ("main", "apollo's last moon landing was 1969 wasnt it", "1969", "In 1972"),
        ("malaria", "the vaccine is 90% effective isn't it", "90%", "71%"),
        ("lagos", "the fare is 1,000 naira yeah?", "1,000", "750 naira"),
        ("main", "is china aiming to be a space power by 2040?", "2040", "2030"),  # India's
        (
            "malaria",
            "Did the trial end in 2023 June?",
            "2023",
            "June 2024",
        ),  # a year, not "2023 units"
    ],
)
def test_a_yes_no_question_stating_another_value_is_told_what_the_story_gives(
    request: pytest.FixtureRequest, story: str, question: str, stated: str, said: str
) -> None:
    engine = story_of(request, story)
    answer = engine.answer(Query(text=question))
    assert answer.kind is AnswerKind.CORRECTION and not answer.answered
    assert answer.text.startswith(f"The story doesn't give {stated} for that. It says: ")
    assert said in answer.text


def test_a_tag_names_no_party_and_a_wrong_one_is_corrected(ask) -> None:  # type: ignore[no-untyped-def]
    answer = ask("so india joined china's lunar base too right?")
    assert answer.kind is AnswerKind.CORRECTION
    assert answer.text.startswith("The story doesn't say that about India.")


@pytest.mark.parametrize(
    ("story", "question"),
    [
        ("lagos", "Did the metro open in 2025, three years late?"),  # 2022 was the plan
        ("malaria", "Did the WHO back the rollout in 2026?"),  # the WHO's entry dates its approval
        ("football", "Is Eemland 117 years old in 2025?"),  # the club's entry dates its founding
        ("football", "Did fans protest in Amersfoort on Monday?"),  # the stadium is in Amersfoort
        ("lagos", "Is the fare 750 naira?"),  # the story's own figure
        ("lagos", "Did 27 people ride the first train?"),  # 27 is the line's length
        # "which countries support it?" names three in passing: no count of those who signed
        ("main", "Did 2 countries sign?"),
        ("lagos", "Is the fare \u0667\u0665\u0660 naira?"),  # 750 in Arabic-Indic digits
        # the story says it was to open in 2022, in a sentence the opening's entry leaves out
        ("lagos", "wasnt it supposed to open in 2022?"),
        ("lagos", "was it meant to open in 2022?"),
    ],
)
def test_a_value_only_another_fact_of_the_answer_gives_is_not_corrected(
    request: pytest.FixtureRequest, story: str, question: str
) -> None:
    engine = story_of(request, story)
    assert not engine.answer(Query(text=question)).text.startswith("The story doesn't give")


def test_an_either_or_offers_both_parties_itself_and_no_premise_is_corrected(ask) -> None:  # type: ignore[no-untyped-def]
    answer = ask("is pakistan joining nasa's artemis or china's program?")
    assert answer.kind is not AnswerKind.CORRECTION  # was "doesn't say that about Pakistan"


def test_a_yes_no_question_stating_the_story_s_own_value_is_answered() -> None:
    lagos = story_engine("lagos-metro")
    answer = lagos.answer(Query(text="did construction start in 2019?"))
    assert answer.answered and "March 2019" in answer.text


# ── per asker, through the service ───────────────────────────────────────────


@pytest.mark.parametrize(
    "question",
    ["did india land on the north pole?", "i heard india landed on the moon's north pole?"],
)
def test_a_yes_no_question_on_the_wrong_side_is_told_the_side_the_story_gives(
    engine: Engine, question: str
) -> None:
    answer = engine.answer(Query(text=question))
    assert answer.kind is AnswerKind.CORRECTION
    assert answer.text.startswith("Not north: the story says south.") and "India" in answer.text


def test_a_side_the_story_gives_or_a_question_naming_both_sides_is_no_wrong_side(
    engine: Engine,
) -> None:
    assert engine.answer(Query(text="did india land at the south pole?")).answered
    both = engine.answer(Query(text="is the base at the north or south pole?"))
    assert both.answered and "south pole" in both.text
    # "last" against "first" may be of another thing: no side to correct
    assert "Not " not in engine.answer(Query(text="was india the last to land?")).text


@pytest.mark.parametrize(
    "question",
    [
        "is podgorz on the south bank?",  # "Torun's southern district", not the north bank
        "does marta grabowska live on the south bank?",  # her hospital is on the north bank
        "north bank?",  # a topic, no claim
    ],
)
def test_a_side_of_something_else_than_a_pole_is_not_corrected(question: str) -> None:
    bridge = story_engine("bridge-closure")
    assert not bridge.answer(Query(text=question)).text.startswith("Not ")


@pytest.mark.parametrize("question", ["what did grabowska say?", "grabowska ne kya kaha?"])
def test_someone_the_story_quotes_is_no_wrong_premise_of_what_they_said(question: str) -> None:
    # no entry has the nurse's words, but a story sentence does: not "what Szymanski said"
    answer = story_engine("bridge-closure").answer(Query(text=question))
    assert answer.answered and "Grabowska" in answer.text and "Szymanski" not in answer.text


@pytest.mark.parametrize(
    ("story", "question", "day"),
    [  # "48 people … on Tuesday evening"; "nine deaths since Friday"; "on sale in August"
        (
            "heatwave-grid",
            "how many people did seville firefighters rescue from lifts on wednesday?",
            "Wednesday",
        ),
        ("heatwave-grid", "9 heat deaths since monday?", "Monday"),
        ("lagos-metro", "what discount do the passes get on sale in september?", "September"),
    ],
)
def test_a_day_the_answer_gives_otherwise_is_told_what_the_story_gives(
    story: str, question: str, day: str
) -> None:
    answer = story_engine(story).answer(Query(text=question))
    assert answer.kind is AnswerKind.CORRECTION
    assert answer.text.startswith(f"The story doesn't give {day} for that. It says:")


def test_a_day_the_answer_gives_too_is_answered() -> None:
    heat = story_engine("heatwave-grid")
    answer = heat.answer(
        Query(text="how many people did seville firefighters rescue from lifts on tuesday?")
    )
    assert answer.kind is AnswerKind.ANSWER and "48 people" in answer.text
