"""Words that only say what kind of value is asked are covered by an answer holding it: any
one person ("the teacher lady", "the german guy") by an entry naming someone of the story, a
plan ("when do they want it done?") by an answer telling one, as "his title?" is by a title."""

from __future__ import annotations

from bot.matching.engine import Engine
from bot.models import Query


def _covers(engine: Engine, entry_id: str, word: str) -> bool:
    (term,) = engine.analyzer.terms(word)
    return term in engine.tools.terms_of(engine.position(entry_id))


def test_an_entry_naming_someone_covers_the_words_for_a_person(lagos: Engine) -> None:
    assert _covers(lagos, "critic", "woman")  # Tunde Lawal's criticism
    assert _covers(lagos, "critic", "man")
    assert not _covers(lagos, "length", "woman")  # the line's length names no one


def test_a_person_asked_of_by_a_plain_word_is_answered(lagos: Engine) -> None:
    answer = lagos.answer(Query(text="Why the opposition man is not happy with the train?"))
    assert answer.answered and "Lawal" in answer.text


def test_an_answer_telling_a_plan_covers_the_words_that_ask_for_one(lagos: Engine) -> None:
    assert _covers(lagos, "phase-two", "want")  # "Phase two … is due to open in 2027"
    assert _covers(lagos, "phase-two", "planning")
    assert not _covers(lagos, "length", "want")  # the line's length is no plan
