"""A title the fact store gives one person names that person: "the mayor", "the head coach"."""

from __future__ import annotations

from bot.knowledge.loading import default_folder, load_knowledge
from bot.matching.nameforms import title_aliases
from bot.models import Query
from tests.conftest import DATA
from tests.turnkit import story_engine


def test_a_title_one_person_holds_is_their_name_and_a_shared_one_is_no_ones() -> None:
    found = title_aliases(load_knowledge(DATA / "stories" / "malaria-vaccine" / "knowledge"), set())
    assert found["health minister"] == found["minister"] == "asante-darko"
    assert found["regional director"] == "ndiaye"
    # two people are directors ("WHO Regional Director", "managing director"): neither is "the
    # director"
    assert "director" not in found
    assert (
        title_aliases(
            load_knowledge(DATA / "stories" / "lagos-metro" / "knowledge"), {"governor"}
        ).get("governor")
        is None
    )  # a form the folder already gives is left alone


def test_a_title_a_synonym_group_holds_names_no_one() -> None:
    # the moon story's "prime minister" is also "pm" and "premier": Kakar's and Li Qiang's
    assert title_aliases(load_knowledge(default_folder()), set()) == {}


def test_what_the_coach_was_told_is_asked_of_the_head_coach() -> None:
    football = story_engine("football-takeover")
    answer = football.answer(Query(text="when did the coach find out about the sale"))
    assert answer.answered and "Sunday evening" in answer.text
