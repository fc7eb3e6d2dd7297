"""Either-or questions: "is the fare flat or distance-based?" names two alternatives.

An answer that holds one alternative settles the question ("a flat fare of N750"), so the other
alternative is not a word the answer lacks. General English only; nothing here knows a story.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Sides = tuple[frozenset[str], frozenset[str]]

_OR = frozenset({"or", "ya"})  # "ya": Roman Urdu
_SIDE_WORDS = 2  # words on each side: "heavy rail or light rail"
# words that may stand between "or" and an alternative: "elected one or just a caretaker?",
# "flat or by distance?", "per person or per household?"; anything else ("or not", "or how
# long …") ends the search
_SKIPPABLE = frozenset(
    "a an the just only one some by in on at with per into to for from as".split()
)


def either_or(words: Sequence[str], terms: Iterable[tuple[str, str]]) -> tuple[Sides, ...]:
    """Return the term sets on each side of every "or" in `words`.

    `terms` are the question's (term, surface) pairs in order, as the analyzer read them from
    `words`. The second side is the run of terms right after "or" (up to `_SIDE_WORDS` words);
    the first side is as many words right before it, as English puts alternatives in parallel
    ("is it electric or diesel?": "electric", not "it electric").
    """
    spans = _spans(words, terms)
    found = []
    for at, word in enumerate(words):
        if word not in _OR:
            continue
        right, size = _side(spans, range(at + 1, len(words)), words, _SIDE_WORDS)
        left, _ = _side(spans, range(at - 1, -1, -1), words, size)
        if left and right and left != right:
            found.append((left, right))
    return tuple(found)


def _spans(words: Sequence[str], terms: Iterable[tuple[str, str]]) -> dict[int, str]:
    """Map each word position to the term read from it (filler positions are absent)."""
    at: dict[int, str] = {}
    start = 0
    for term, surface in terms:
        tokens = surface.split()
        for i in range(start, len(words) - len(tokens) + 1):
            if list(words[i : i + len(tokens)]) == tokens:
                at.update((i + k, term) for k in range(len(tokens)))
                start = i + len(tokens)
                break
    return at


def _side(
    spans: dict[int, str], positions: Iterable[int], words: Sequence[str], size: int
) -> tuple[frozenset[str], int]:
    """Return the terms of the next `size` words at `positions`, and how many words they span.

    Words of `_SKIPPABLE` may come first; any other filler word ends the side.
    """
    side: list[str] = []
    used = 0
    for i in positions:
        term = spans.get(i)
        if term is None:
            if side or words[i] not in _SKIPPABLE:
                break
            continue
        if term not in side:
            side.append(term)
        used += 1
        if used == size:
            break
    return frozenset(side), used
