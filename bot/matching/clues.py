"""What a text must hold for a pattern to match it, read once so that most patterns never run.

A pattern's clue is a word one of its alternatives needs ("prime minister" needs "minister"),
a digit or a mark; a text without it cannot match, and its search is skipped. Reading an
entry's answer took nineteen regex searches, one per kind of value; with clues most run none
(`answerability.offers`).
"""

from __future__ import annotations

import re
from typing import NamedTuple


class Clue(NamedTuple):
    """What a pattern cannot match without, in a text `Clues` can read.

    One of `words` as a whole word in any case, a digit (if `digit`), one of the characters
    `marks`, or one of the strings `within` anywhere in the lower-case text.
    """

    words: frozenset[str]
    digit: bool = False
    marks: str = ""
    within: tuple[str, ...] = ()


def clue(words: str, digit: bool = False, marks: str = "", within: str = "") -> Clue:
    """Return the clue of `words` (one string of them), a digit, `marks` and strings `within`."""
    return Clue(frozenset(words.split()), digit, marks, tuple(within.split()))


class Clues:
    """The words, digits and marks of one text, read once for every pattern's `Clue`."""

    def __init__(self, text: str) -> None:
        """Read `text`'s words in lower case, when every letter and digit of it is ASCII.

        A pattern matching without case may match another script's letter ("İ" as "i"), and a
        digit pattern any script's digit: a text with such a letter or digit runs every pattern.
        """
        self._text = text
        self._lower = text.lower()
        readable = text.isascii() or not any(c.isalnum() for c in text if not c.isascii())
        self._words = frozenset(_WORD_RUN.findall(self._lower)) if readable else None
        self._digit = readable and _DIGIT.search(text) is not None

    def allow(self, clue: Clue) -> bool:
        """Return whether the pattern of `clue` may match the text."""
        if self._words is None:
            return True
        return (
            (clue.digit and self._digit)
            or not clue.words.isdisjoint(self._words)
            or bool(clue.marks and any(mark in self._text for mark in clue.marks))
            or bool(clue.within and any(part in self._lower for part in clue.within))
        )

    def capitals(self) -> bool:
        """Return whether the text may hold a capital letter."""
        return self._words is None or self._lower != self._text


_WORD_RUN = re.compile(r"\w+")
_DIGIT = re.compile(r"\d")
