"""Everyday phrasal verbs read as the plain words a story uses, never over the story's own."""

from __future__ import annotations

from pathlib import Path

from bot.matching.engine import Engine
from bot.matching.phrasal import Phrasal, general_phrasal, parse
from bot.models import Query

FOOTBALL = Path(__file__).parent / "data" / "stories" / "football-takeover" / "knowledge"
PLAIN = parse(
    "# a comment\n"
    "set up, sets up, setting up => founded\n"
    "set up shop => opened\n"
    "turn up, turned up => attended\n"
    "lonely => single words are not read\n"
)


def test_a_file_gives_every_form_of_each_expression() -> None:
    assert PLAIN[("setting", "up")] == ("founded",)
    assert PLAIN[("set", "up", "shop")] == ("opened",)
    assert ("lonely",) not in PLAIN


def test_the_longest_form_is_read_first_and_other_words_stay() -> None:
    phrasal = Phrasal(PLAIN)
    assert phrasal.read("when was it set up".split()) == "when was it founded".split()
    assert phrasal.read("they set up shop here".split()) == "they opened here".split()
    assert phrasal.read("set it up".split()) == "set it up".split()  # not the form


def test_the_story_own_phrases_and_unused_plain_words_are_left_alone() -> None:
    kept = Phrasal(PLAIN, kept=["Set up", "the landing"])  # a synonym phrase of the story
    assert kept.read("who set up the firm".split()) == "who set up the firm".split()
    unused = Phrasal(PLAIN, used=lambda word: word != "attended")
    assert unused.read("fans turned up".split()) == "fans turned up".split()
    assert unused.read("who set up".split()) == "who founded".split()


def test_the_shipped_list_has_multi_word_forms_only() -> None:
    plain = general_phrasal()
    assert len(plain) > 500 and all(len(form) > 1 for form in plain)


def test_a_phrasal_verb_finds_the_entry_the_story_words_plainly() -> None:
    plain = Engine.from_folder(FOOTBALL, encoder="none")
    answer = plain.answer(Query(text="in what year was castellan set up"))
    assert answer.answered and answer.entry_id == "castellan-about"  # "founded in …"
