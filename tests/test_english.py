"""The dictionary that tells real English words from typos."""

from __future__ import annotations

import numpy as np
import pytest

from bot.matching import english
from bot.matching.english import is_english


def test_the_shipped_dictionary_is_the_installed_word_list_hashed() -> None:
    shipped = np.load(english._HASHES)
    assert np.array_equal(shipped, english.word_hashes(english.listed_words()))


def test_the_shipped_verbs_are_the_installed_lemma_tables_verbs_hashed() -> None:
    shipped = np.load(english._VERB_HASHES)
    assert np.array_equal(shipped, english.word_hashes(english.listed_verbs()))


@pytest.mark.parametrize(
    ("word", "listed"),
    [
        ("started", True),
        ("stated", True),
        ("used", True),  # "use" + d
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
