"""A "go" that goes nowhere: "going to win" says "will", "going nationwide" says "become".

Such a "go" is no word to match; what follows it says what is asked. A "go" that goes
somewhere is kept: "go to the moon", "went to each country", "going to Abuja", "go up",
"went home", and so is one that begins a phrase the knowledge reads ("go-slow", "go on").
"""

from __future__ import annotations

from collections.abc import Callable

from bot.matching.analysis import ENTITY_PREFIX
from bot.matching.lexicon import GO_WORDS, NOUN_OPENERS

# words after "go" that say where to: "go up", "went home", "going abroad"; and "for", as
# "what does a dose go for?" asks a price
_WHITHER = frozenset("up down back home abroad out off there away ahead for".split())
# ... and those that do with a word after them: "goes via Oshodi" (not "the deal goes through")
_TOWARDS = frozenset(
    "to into toward towards over across past from through via along around".split()
)
# after "going to", words that begin a place rather than a verb: "going to each region"
_PLACE_OPENERS = NOUN_OPENERS | {"both"}

# the term of the knowledge phrase (a name or a synonym) beginning at a word, if any
PhraseAt = Callable[[list[str], int], "str | None"]


def drop_idle_go(words: list[str], phrase_at: PhraseAt) -> list[str]:
    """Return `words` without each "go" that goes nowhere (`phrase_at`: the knowledge's)."""
    return [
        word
        for i, word in enumerate(words)
        if word not in GO_WORDS or phrase_at(words, i) or _goes_somewhere(words, i, phrase_at)
    ]


def _goes_somewhere(words: list[str], at: int, phrase_at: PhraseAt) -> bool:
    """Return whether the "go" at `at` says where: "to the moon", "to Abuja", "up"."""
    after = words[at + 1] if at + 1 < len(words) else ""
    if after in _WHITHER:
        return True
    if after not in _TOWARDS or at + 2 == len(words):
        return False
    if words[at] != "going" or after != "to":
        return True
    # "going to" is "will" before a verb: "going to face the fans"
    if words[at + 2] in _PLACE_OPENERS:
        return True
    term = phrase_at(words, at + 2)
    return term is not None and term.startswith(ENTITY_PREFIX)
