"""The knowledge's synonyms as phrases of stems, and the words two groups claim."""

from __future__ import annotations

import Stemmer

from bot.matching.phrases import phrase_table

_STEMMER = Stemmer.Stemmer("english")


def _stems(text: str) -> list[str]:
    return [_STEMMER.stemWord(word) for word in text.lower().split()]


def _conflicts(*groups: tuple[str, ...]) -> list[str]:
    return phrase_table({}, groups, _stems)[1]


def test_a_word_another_group_has_once_stemmed_is_named_with_both_groups() -> None:
    [said] = _conflicts(("land", "touchdown"), ("peace", "landings"))
    assert said.startswith("'landings' is read as 'land'") and "cannot also mean 'peace'" in said


def test_a_group_whose_first_word_another_group_has_is_said_to_be_lost() -> None:
    [said] = _conflicts(("peace", "landings"), ("land", "touchdown"))
    assert said == (
        "'land' is read as 'peace': that group's 'landings' is 'land' once stemmed; "
        "move it to the group of 'land'"
    )


def test_two_groups_whose_first_words_are_one_are_said_once() -> None:
    assert _conflicts(("talk", "chat"), ("talks", "chats")) == [
        "the groups of 'talk' and 'talks' are read as one group: their first words are one "
        "word once stemmed"
    ]


def test_a_name_reads_as_its_entity_over_a_synonym() -> None:
    phrases, _ = phrase_table({"Kakar": "kakar"}, [("kakar", "pm")], _stems)
    assert phrases[("kakar",)] == "@kakar" and phrases[("pm",)] == "kakar"


def test_a_phrasal_synonym_is_read_over_the_pronoun_it_holds() -> None:
    from tests.turnkit import story_engine

    read = story_engine("kilwa-artefacts-return").analyzer.analyze
    # synonyms.yaml's "hand back" is "return", with "them" between its verb and particle too
    assert read("which museum is handing them back").terms == ("museum", "return")
    assert read("give it back").terms == read("give back").terms
    # only a verb that takes an object so: "did they back it up?" is no "backed up" (jam)
    bridge = story_engine("bridge-closure").analyzer.analyze
    assert "traffic_jam" not in bridge("did the government back it up").terms
