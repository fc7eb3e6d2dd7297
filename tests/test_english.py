"""The dictionary that tells real English words from typos."""

from __future__ import annotations

import numpy as np
import pytest

from bot.matching import english
from bot.matching.english import is_english, zipf


def test_the_shipped_dictionary_is_the_installed_word_list_hashed() -> None:
    shipped = np.load(english._HASHES)
    assert np.array_equal(shipped, english.word_hashes(english.listed_words()))


def test_the_shipped_verbs_are_the_installed_lemma_tables_verbs_hashed() -> None:
    shipped = np.load(english._VERB_HASHES)
    assert np.array_equal(shipped, english.word_hashes(english.listed_verbs()))


def test_the_shipped_frequencies_are_the_installed_wordfreq_table() -> None:
    shipped = np.load(english._FREQUENCIES)
    assert np.array_equal(shipped, english.listed_frequencies())


@pytest.mark.parametrize(
    ("word", "frequency"),
    [
        ("the", 7.7),
        ("weather", 4.9),
        ("wether", 2.8),  # a castrated ram: rare, and one letter from "weather"
        ("minster", 3.0),
        ("tried", 5.2),
        ("tired", 4.7),
        ("lawer", 0.0),  # under the table's floor: read as rare
        ("", 0.0),
        ("\ud800", 0.0),
    ],
)
def test_a_words_frequency_is_its_zipf_value_in_tenths(word: str, frequency: float) -> None:
    assert zipf(word) == frequency


@pytest.mark.parametrize(
    ("word", "listed"),
    [
        ("started", True),
        ("stated", True),
        ("used", True),  # "use" + d
        ("using", True),  # "use", its e dropped: no typo of the story's "causing"
        ("owing", True),
        ("bes", False),  # no "bee" + s: an e is restored only before a vowel
        ("bying", False),  # "bye" + ing, but no word in use: a typo of "buying"
        ("uring", False),
        ("byer", False),  # only -ing restores an e on a two-letter stem
        ("ewing", False),  # a name
        ("cities", True),  # "city" less "ies"
        ("running", True),  # "run", its last letter doubled
        ("signd", False),  # not "sign" + d: a typo
        ("qwzx", False),
        ("", False),
        ("\ud800", False),  # a lone surrogate is looked up, not an error
    ],
)
def test_a_word_is_english_if_it_or_its_stem_is_listed(word: str, listed: bool) -> None:
    assert is_english(word) is listed
