"""A guess at what a question of pronouns means: "who makes it?", "where was it going?".

With no word the story uses there is nothing to match, but the meaning of the whole question
may still be near an entry asked the same way: "who makes it?" is near "Who makes the
vaccine?". Such a guess is only offered ("did you mean …?"), never answered: "it" may be
anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.matching.analysis import Analysis
from bot.matching.decision import Entry
from bot.matching.lexicon import QType
from bot.matching.semantic import SemanticIndex

# the question types that say what is asked whatever "it" is; "what is it?" says nothing
_TELLING_TYPES = frozenset(
    {QType.WHO, QType.WHEN, QType.WHERE, QType.COUNT, QType.AMOUNT, QType.DURATION, QType.WHY}
)
_NEAREST = 6  # entries nearest in meaning looked at
# the words that stand for the story's thing: "who makes *it*?"; "and where?" has none
_POINTING = frozenset("it its they them their this that these those".split())


def guesses(
    semantic: SemanticIndex | None,
    entries: Sequence[Entry],
    reading: Analysis,
    qtype_of: Callable[[str], QType],
    limit: int,
) -> list[Entry]:
    """Return up to `limit` entries nearest in meaning to `reading`, asked as it is asked.

    Only for a question that points at something ("it", "they"). `qtype_of`: the question
    type of an entry's question.
    """
    if (
        semantic is None
        or reading.qtype not in _TELLING_TYPES
        or _POINTING.isdisjoint(reading.words)
    ):
        return []
    vector = semantic.embed(" ".join(reading.words))
    near = [entries[p] for p in semantic.neighbours(vector, _NEAREST)]
    return [e for e in near if qtype_of(e.question) == reading.qtype][:limit]
