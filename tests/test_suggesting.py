"""Type-ahead suggestions: a question's last word is read as the start of a word."""

from __future__ import annotations

import pytest

from bot.matching.engine import Engine, Entry
from bot.matching.text import clean

HALF_TYPED = [
    ("who sig", "signing"),
    ("where was the agr", "signing-place"),
    ("when did ind", "india-when"),
    ("li qia", "li-qiang"),  # "li" whole, "qia" the start of "Qiang": one name
    ("xi jin", "xi-jinping"),
    ("who is kaka", "kakar-who"),
    ("WHERE WAS THE AGR", "signing-place"),  # in capitals
    ("when did Índ", "india-when"),  # an accent, folded as every word is
    ("anw", "kakar"),  # "Anwar ul Haq Kakar" as a whole name
]


def _as_before(engine: Engine, text: str, limit: int = 25) -> list[Entry]:
    """Return what `suggest` gave before half-typed words: `text` read as typed, each once."""
    reading = engine.analyzer.analyze(clean(text, engine.thresholds.max_chars))
    found = [engine.entries[hit.entry] for hit in engine.index.search(reading, 2 * limit)]
    questions = [entry.question for entry in found]
    return [e for n, e in enumerate(found) if e.question not in questions[:n]][:limit]


@pytest.mark.parametrize(("typed", "entry_id"), HALF_TYPED)
def test_a_half_typed_last_word_suggests_the_entries_it_begins(
    engine: Engine, typed: str, entry_id: str
) -> None:
    assert engine.suggest(typed, 25)[0].id == entry_id


def test_a_half_typed_word_suggests_what_the_whole_word_does_first(engine: Engine) -> None:
    typing, typed = engine.suggest("who sig", 25), engine.suggest("who signed", 25)
    assert [e.id for e in typing[:3]] == [e.id for e in typed[:3]]


@pytest.mark.parametrize(
    "typed",
    [
        "kakar",  # a whole word, and the first entries of two ask "Who is Anwaar-ul-Haq Kakar?"
        "who signed",
        "artemis",
        "india landing",
        "who sign",  # "sign" is whole: not "signed", "signatories"
        "who is li",  # "li" is a word of the knowledge: read as it is, as before
        "who sig ",  # a space after it: the word is whole, however short
        "where was the agr?",
        "who signd",  # no word begins so: a typo, corrected as before
    ],
)
def test_a_whole_word_is_read_as_before(engine: Engine, typed: str) -> None:
    assert engine.suggest(typed, 25) == _as_before(engine, typed)


def test_no_suggestion_list_holds_an_entry_or_a_question_twice(engine: Engine) -> None:
    questions = [f.question for f in engine.knowledge.faq] + ["kakar", "kak", "Kakar?"]
    # every keystroke of every question, as autocomplete asks
    for typed in {q[:n] for q in questions for n in range(1, len(q) + 1)}:
        found = engine.suggest(typed, 25)
        assert len(found) <= 25
        assert len({e.id for e in found}) == len(found), typed
        assert len({e.question.casefold() for e in found}) == len(found), typed
