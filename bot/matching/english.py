"""Tell real English words from typos, so that typo correction leaves real words alone."""

from __future__ import annotations

from functools import cache

_SUFFIXES = ("ing", "ed", "es", "s", "d", "er", "ers", "ly")


@cache
def _dictionary() -> frozenset[str]:
    # loaded on first use: most questions never need it, and it costs ~20 ms
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["gcide"], lower=True, alpha=True))


def is_english(word: str) -> bool:
    """Return whether `word`, or `word` less a common inflection, is a dictionary word."""
    words = _dictionary()
    if word in words:
        return True
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            stem = word[: -len(suffix)]
            if suffix == "d" and not stem.endswith("e"):
                continue  # "used" is "use" + d; "signd" is not "sign" + d, but a typo
            if (
                stem in words
                or stem + "e" in words
                or (stem[-1:] == stem[-2:-1] and stem[:-1] in words)
            ):
                return True
    return word.endswith("ies") and word[:-3] + "y" in words
