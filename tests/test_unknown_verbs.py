"""A verb the knowledge never uses weighs less than an unknown noun: it is most often the
entry's own doing in other words, where an unknown noun is a thing the story leaves out."""

from __future__ import annotations

import pytest

from bot.matching.coverage import QuestionTerms
from bot.matching.engine import Engine
from bot.matching.english import is_only_verb
from bot.models import Query
from tests.turnkit import story_engine


@pytest.mark.parametrize(
    ("word", "verb"),
    [
        ("owe", True),
        ("shown", True),  # any form of a verb
        ("installed", True),
        ("watch", False),  # a noun too
        ("injured", False),  # an adjective too
        ("president", False),
        ("shwon", False),  # a typo is no verb
    ],
)
def test_a_word_is_only_a_verb_when_no_other_reading_is_listed(word: str, verb: bool) -> None:
    assert is_only_verb(word) is verb


def _weights(engine: Engine, text: str) -> dict[str, float]:
    reading = engine.analyzer.analyze(text)
    terms = QuestionTerms(engine.index, None, reading)
    return dict(zip(reading.surfaces or reading.terms, terms.weights.values(), strict=False))


def test_an_unknown_verb_weighs_half_an_unknown_noun(malaria: Engine) -> None:
    weights = _weights(malaria, "did the ceo owe kenya")
    assert not malaria.index.knows("ceo") and not malaria.index.knows("owe")
    assert weights["owe"] == pytest.approx(weights["ceo"] / 2)


def test_a_verb_the_knowledge_uses_weighs_as_rare_as_it_is(malaria: Engine) -> None:
    weights = _weights(malaria, "when were the doses delivered")
    (stem,) = malaria.analyzer.stems("delivered")
    assert malaria.index.knows(stem)
    assert weights["delivered"] == malaria.index.weight(stem, plain=True)


def test_an_entry_said_with_another_verb_is_answered(malaria: Engine) -> None:
    answer = malaria.answer(Query(text="how many solar fridges did kenya put in"))
    assert answer.answered and "300" in answer.text


def test_a_thing_the_story_leaves_out_is_still_declined(malaria: Engine) -> None:
    answer = malaria.answer(Query(text="who's the CEO of the company making malvora?"))
    assert not answer.answered


def test_an_unknown_word_of_two_letters_weighs_a_quarter_of_an_unknown_noun(
    malaria: Engine,
) -> None:
    # pidgin "di" (the) and "e" (it): particles of a language chat mixes in, not things asked of
    weights = _weights(malaria, "di ceo e")
    assert not malaria.index.knows("di") and not malaria.index.knows("ceo")
    assert weights["di"] == pytest.approx(weights["ceo"] / 4)
    assert weights["e"] == pytest.approx(weights["ceo"] / 4)


def test_a_question_with_a_particle_of_another_language_is_answered() -> None:
    answer = story_engine("lagos-metro").answer(
        Query(text="e get stop for maryland abi? na there i dey work")
    )
    assert answer.answered and "Maryland" in answer.text
