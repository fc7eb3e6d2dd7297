"""A "first" or "largest" said of a narrower kind than the question asks of does not answer it."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.matching.engine import Engine
from bot.models import Query


def _position(engine: Engine, entry_id: str) -> int:
    return next(p for p, e in enumerate(engine.entries) if e.id == entry_id)


@pytest.mark.parametrize(
    "question",
    ["Which country landed on the moon first?", "Who is the first country to land on the moon?"],
)
def test_the_first_of_a_narrower_kind_is_offered_not_answered(
    engine: Engine, question: str
) -> None:
    # the story's first is the first to reach the south pole; India was the fourth on the moon
    decision = engine.decide(Query(text=question))
    assert not decision.answer.answered
    assert decision.best is not None and decision.best.entry.id == "india-first"
    india = engine.entry("india-first")
    assert india is not None and decision.answer.suggestions[0].question == india.question


@pytest.mark.parametrize(
    "question",
    [
        "which country reached the south pole first",
        "Who was first to land on the moon's south pole?",
        "India moon south pole first?",
    ],
)
def test_the_first_of_the_kind_asked_is_answered(engine: Engine, question: str) -> None:
    answer = engine.answer(Query(text=question))
    assert answer.answered and "India" in answer.text


def test_only_a_thing_the_entry_is_asked_by_narrows(engine: Engine) -> None:
    narrowings = engine.tools.narrowings
    assert narrowings is not None
    india = _position(engine, "india-first")
    assert narrowings.narrower(india, frozenset({"first", "countri", "land", "moon"}))
    # "land" (what was done), "unexplored" (a description) and the moon (the story's setting,
    # in most entries) narrow nothing: the south pole does, asked or not
    assert not narrowings.narrower(india, frozenset({"first", "south_pole"}))
    assert not narrowings.narrower(india, frozenset({"countri", "land", "moon"}))  # no "first"
    # an answer without a superlative is never narrower
    place = _position(engine, "signing-place")
    assert not narrowings.narrower(place, frozenset({"first", "agreement"}))


def test_an_entry_asked_for_a_date_is_narrowed_by_the_thing_any_phrasing_names(
    engine: Engine,
) -> None:
    # India's landing date entry says "the first country to reach the moon's south pole" too;
    # one of its phrasings names the south pole, most ask only when
    answer = engine.answer(Query(text="india was the first country to land on the moon right?"))
    assert not answer.answered
    # nor is the US's first landing corrected with India's first at the south pole
    answer = engine.answer(Query(text="When did the US first land on the moon?"))
    assert not answer.answered and "India" not in answer.text


def test_an_entry_s_own_phrasing_is_never_narrowed(knowledge_copy: Path) -> None:
    # a maintainer may phrase India's first without the south pole: it is still its question
    faq = knowledge_copy / "faq.yaml"
    text = faq.read_text(encoding="utf-8")
    said = "      - South pole par pehle kaun utra?\n"
    faq.write_text(text.replace(said, said + "      - Which country was the first?\n", 1))
    engine = Engine.from_folder(knowledge_copy, encoder="none")
    answer = engine.answer(Query(text="Which country was the first?"))
    assert answer.answered and answer.entry_id == "india-first"
