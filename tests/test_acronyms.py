"""A name in capitals that is also an English word is read as what it names, not as the word."""

from __future__ import annotations

import pytest

from bot.knowledge.schema import Entity
from bot.matching.acronyms import Acronyms
from bot.matching.engine import Engine
from bot.models import Query
from tests.conftest import DATA


def _organisation(name: str, acronym: str) -> Entity:
    """Return an organisation of the fact store named `name`, also called `acronym`."""
    return Entity(
        id=acronym.lower(),
        name=name,
        type="organisation",
        aliases=[acronym],
        description=f"{name} is an organisation.",
        source=f"the {acronym} said so",
    )


FULL = "World Health Organization"
WHO = _organisation(FULL, "WHO")
IT = _organisation("IT ministry", "IT")
US = _organisation("United States", "US")


@pytest.mark.parametrize(
    ("text", "spelled"),
    [
        ("when did the WHO approve it", f"when did the {FULL} approve it"),
        ("the head of WHO", f"the head of {FULL}"),  # after a preposition
        ("what did WHO say", f"what did {FULL} say"),  # another question word asks
        ("who's the WHO's top person", f"who's the {FULL}'s top person"),
        ("is WHO behind this or just gavi", f"is {FULL} behind this or just gavi"),
        ("and WHO pays for it?", "and WHO pays for it?"),  # the question word, shouted
        ("so WHO led the trial?", "so WHO led the trial?"),
        ("Hi. WHO approved it?", "Hi. WHO approved it?"),
        ("WHEN DID THE WHO APPROVE IT", "WHEN DID THE WHO APPROVE IT"),  # all shouted
        ("the WHOLE thing", "the WHOLE thing"),
        ("what does IT cost", "what does IT cost"),  # a pronoun needs "the" or a preposition
        ("the head of IT", "the head of IT ministry"),
        # typed in lower case, a pronoun's or question word's spelling is the name after "the"
        ("what year is the us aiming for", "what year is the United States aiming for"),
        ("tell us about the us plan", "tell us about the United States plan"),
        ("is it for us", "is it for us"),
        ("who is the who's head", f"who is the {FULL}'s head"),
        ("what did the who say", f"what did the {FULL} say"),
        ("who said it", "who said it"),
    ],
)
def test_an_acronym_that_spells_a_word_is_read_as_its_name_where_it_means_it(
    text: str, spelled: str
) -> None:
    assert Acronyms([WHO, IT, US]).spell(text) == spelled


def test_a_knowledge_name_has_every_acronym_in_it_written_out() -> None:
    acronyms = Acronyms([WHO])
    assert acronyms.spell_name("WHO regional director") == f"{FULL} regional director"


def test_a_question_about_the_who_reaches_the_organisation() -> None:
    malaria = Engine.from_folder(DATA / "stories" / "malaria-vaccine" / "knowledge")
    assert "@who" in malaria.analyzer.analyze("when did the WHO give it the green light?").terms
    assert "@who" not in malaria.analyzer.analyze("who gave it the green light?").terms
    answer = malaria.answer(Query(text="when did the WHO give it the green light?"))
    assert answer.answered and "October 2025" in answer.text
    # an alias that begins with the acronym ("WHO Africa director") still names
    director = malaria.analyzer.analyze("what did the WHO Africa director say").terms
    assert "@ndiaye" in director
    assert malaria.answer(Query(text="and WHO pays for the doses?")).entry_id == "who-pays"
