"""Words for any one person ("the teacher lady", "the german guy") are covered by an entry
that names someone of the story, as "his title?" is by an answer holding a title."""

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
