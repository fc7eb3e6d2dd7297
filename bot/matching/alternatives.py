"""Either-or questions: "is the fare flat or distance-based?" names two alternatives.

An answer that holds one alternative settles the question ("a flat fare of N750"), so the other
alternative is not a word the answer lacks. General English only; nothing here knows a story.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

Sides = tuple[frozenset[str], frozenset[str]]

_OR = frozenset({"or"})
_SIDE_WORDS = 2  # terms on each side: "heavy rail or light rail"
_SKIP = 2  # filler words after "or" before its alternative: "elected or just a caretaker?"
_SKIP_BEFORE = 1  # and before it: "an elected one or …"


def either_or(
    words: Sequence[str], terms: Iterable[tuple[str, str]], filler: frozenset[str]
) -> tuple[Sides, ...]:
    """Return the term sets on each side of every "or" in `words`.

    `terms` are the question's (term, surface) pairs in order, as the analyzer read them from
    `words`; `filler` the words it drops. A side is the run of terms next to "or", up to
    `_SIDE_WORDS` of them; "or not" and "or something" have no second side and are skipped.
    """
    spans = _spans(words, terms)
    found = []
    for at, word in enumerate(words):
        if word not in _OR:
            continue
        left = _side(spans, range(at - 1, -1, -1), filler, words, _SKIP_BEFORE)
        right = _side(spans, range(at + 1, len(words)), filler, words, _SKIP)
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
    spans: dict[int, str],
    positions: Iterable[int],
    filler: frozenset[str],
    words: Sequence[str],
    skip: int,
) -> frozenset[str]:
    """Collect the run of terms at `positions`, after at most `skip` leading filler words."""
    side: list[str] = []
    for i in positions:
        term = spans.get(i)
        if term is None:
            if side or skip == 0 or words[i] not in filler:
                break
            skip -= 1
            continue
        if term not in side:
            side.append(term)
        if len(side) == _SIDE_WORDS:
            break
    return frozenset(side)
