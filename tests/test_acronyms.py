"""A name in capitals that is also an English word is read as what it names, not as the word."""

from __future__ import annotations

from bot.knowledge.schema import Entity
from bot.matching.acronyms import Acronyms
from bot.matching.engine import Engine
from bot.models import Query
from tests.conftest import DATA

WHO = Entity(
    id="who",
    name="World Health Organization",
    type="organisation",
    aliases=["WHO"],
    description="The UN agency for health.",
    source="the WHO approved it",
)


def test_an_acronym_that_spells_a_word_is_read_as_its_full_name() -> None:
    acronyms = Acronyms([WHO])
    assert acronyms.spell("when did the WHO approve it") == (
        "when did the World Health Organization approve it"
    )
    assert acronyms.spell("WHO approved it?") == "WHO approved it?"  # a shouted question word
    assert acronyms.spell("WHEN DID THE WHO APPROVE IT") == "WHEN DID THE WHO APPROVE IT"
    assert acronyms.spell("who approved it?") == "who approved it?"
    assert acronyms.spell("the WHOLE thing") == "the WHOLE thing"


def test_a_question_about_the_who_reaches_the_organisation() -> None:
    malaria = Engine.from_folder(DATA / "stories" / "malaria-vaccine" / "knowledge")
    assert "@who" in malaria.analyzer.analyze("when did the WHO give it the green light?").terms
    assert "@who" not in malaria.analyzer.analyze("who gave it the green light?").terms
    answer = malaria.answer(Query(text="when did the WHO give it the green light?"))
    assert answer.answered and "October 2025" in answer.text
