"""Who the story quotes or names: its people, each with what their entry says they are."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.matching.engine import Engine
from bot.models import Query
from tests.turnkit import story_engine

LAGOS = Path(__file__).parent / "data" / "stories" / "lagos-metro" / "knowledge"


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


def test_a_fact_store_of_many_people_lists_some_and_counts_the_rest(tmp_path: Path) -> None:
    folder = tmp_path / "lagos"
    shutil.copytree(LAGOS, folder)
    names = [f"Clerk Number{chr(65 + n)}" for n in range(20)]
    with (folder / "story.txt").open("a", encoding="utf-8") as story:
        story.write("".join(f"\n{name} said the line was good." for name in names))
    people = "".join(
        f"\n  - id: clerk-{n}\n    name: {name}\n    type: person\n"
        f"    description: {name} is a clerk.\n    source: {name} said the line was good\n"
        for n, name in enumerate(names)
    )
    facts = (folder / "facts.yaml").read_text(encoding="utf-8")
    facts = facts.replace("entities:\n", "entities:\n" + people, 1)
    (folder / "facts.yaml").write_text(facts, encoding="utf-8")
    answer = Engine.from_folder(folder, encoder="none").answer(
        Query(text="which people does the story name?")
    )
    lines = answer.text.splitlines()
    assert lines[0].startswith("The story names ") and lines[0].endswith(" people:")
    assert len(lines) == 1 + 12 + 1 and lines[-1].startswith("- and ")
    assert lines[-1] == f"- and {int(lines[0].split()[3]) - 12} more"
