"""A title the fact store gives one person names that person: "the mayor", "the head coach"."""

from __future__ import annotations

import pytest

from bot.knowledge.loading import default_folder, load_knowledge
from bot.matching.titles import title_holders, titled
from bot.models import Query
from tests.conftest import DATA
from tests.turnkit import answers_with, story_engine


def test_a_title_one_person_holds_is_theirs_and_a_shared_one_no_ones() -> None:
    holders = title_holders(load_knowledge(DATA / "stories" / "malaria-vaccine" / "knowledge"))
    assert holders[("health", "minister")].term == holders[("minister",)].term == "@asante-darko"
    assert holders[("regional", "director")].term == "@ndiaye"
    # two people are directors ("WHO Regional Director", "managing director"): neither is "the
    # director"
    assert ("director",) not in holders
    # the moon story's Kakar is "caretaker Prime Minister" and Li Qiang "Premier": each alone
    moon = title_holders(load_knowledge(default_folder()))
    assert moon[("prime", "minister")].term == "@kakar"


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("what did the mayor say", True),
        ("what did torun's mayor say", True),  # as the description says
        ("what did the mayor of torun say", True),
        ("what did the former mayor say", False),
        ("what did gdansk's mayor say", False),
        ("what did the mayor of gdansk say", False),
        ("what did the mayor's wife say", False),
        ("what did the mayor of the museum say", False),
    ],
)
def test_a_title_names_its_holder_only_as_said_of_them(question: str, named: bool) -> None:
    holders = title_holders(load_knowledge(DATA / "stories" / "bridge-closure" / "knowledge"))
    words = tuple(question.replace("'s", "").split())
    assert (titled(words, holders) == {"@zielinski"}) is named


def test_a_title_in_a_question_naming_another_party_is_not_its_holders() -> None:
    holders = title_holders(load_knowledge(DATA / "stories" / "malaria-vaccine" / "knowledge"))
    words = ("who", "is", "the", "health", "minister")
    assert titled(words, holders, ["ghana"]) == {"@asante-darko"}
    assert titled(words, holders, ["kenya"]) == frozenset()  # Kenya's is someone else


def test_what_the_coach_was_told_is_asked_of_the_head_coach() -> None:
    football = story_engine("football-takeover")
    answer = football.answer(Query(text="when did the coach find out about the sale"))
    assert answer.answered and "Sunday evening" in answer.text
    # nor does a title asked for its name make its holder's name one the question gives
    named = football.answer(Query(text="what is the head coach's name"))
    assert named.answered and "Rutger van Dalen" in named.text


@pytest.mark.parametrize(
    ("story", "question", "said"),
    [  # what someone does, asked in words that only ask it: "gig", "portfolio", "working for"
        ("heatwave-grid", "where does tomas quintero work these days?", "head of energy research"),
        ("ransomware-hospital", "what's johan rekdal's gig?", "finance director"),
        ("lagos-metro", "what portfolio does ibrahim garba hold?", "Minister of Transportation"),
        (
            "bridge-closure",
            "who is agnieszka wrobel working for?",
            "roads authority's chief engineer",
        ),
    ],
)
def test_what_someone_does_is_asked_in_many_words(story: str, question: str, said: str) -> None:
    assert answers_with(story, question, said)
