"""Shortcuts a build takes through its texts read them exactly as the long way does."""

from __future__ import annotations

import pytest

from bot.matching.asking import for_others, phrased_for_others
from bot.matching.text import tokenize

# phrasings that ask for others, spelled every way tokenizing reads, and some that do not
_PHRASINGS = [
    "Who else has joined?",
    "WHO ELSE HAS JOINED?",
    "Which countries besides Pakistan?",
    "Anyone apart from China?",
    "Who, aside from Kakar, spoke?",
    "Any country other than China?",
    "Who joined, o'ther than Pakistan?",  # the apostrophe dropped: "other"
    "Who joined ot-wise'her than Pakistan?",  # "-wise" cut: "ot'her", then "other"
    "Qui d'autre? Ëlse?",  # accents dropped: "else"
    "Who has joined the moon base?",
    "What did the Elsewhere Fund say?",
    "Who is the other partner?",
    "How many joined before 2024?",
    "",
]


@pytest.mark.parametrize("text", _PHRASINGS)
def test_phrasings_asking_for_others_are_found_as_their_tokens_say(text: str) -> None:
    found = phrased_for_others([(text,)])
    assert found == ({(0, 0)} if for_others(tokenize(text)) else set())
