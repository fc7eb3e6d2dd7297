"""A "go" that goes nowhere: "going to win" says "will", "going nationwide" says "become".

Such a "go" is no word to match; what follows it says what is asked. A "go" that goes
somewhere is kept: "go to the moon", "going to Abuja", "go up", "went home".
"""

from __future__ import annotations

from collections.abc import Callable

from bot.matching.lexicon import DETERMINERS

GO = frozenset("go goes going went gone".split())
# words after "go" that say where to: "go up", "went home", "going abroad"
_WHITHER = frozenset(
    "into toward towards up down back home abroad out off over there away across past ahead".split()
)


def going_nowhere(words: list[str], names: Callable[[str], bool]) -> list[str]:
    """Return `words` without each "go" that goes nowhere (`names`: a word begins a name)."""
    return [
        word
        for i, word in enumerate(words)
        if word not in GO or _goes_somewhere(words[i + 1 : i + 3], names)
    ]


def _goes_somewhere(after: list[str], names: Callable[[str], bool]) -> bool:
    """Return whether the words `after` a "go" say where: "to the moon", "to Abuja", "up"."""
    if not after or after[0] != "to":
        return bool(after) and after[0] in _WHITHER
    return len(after) == 1 or after[1] in DETERMINERS or names(after[1])
