"""Whether an entry says the figures a question states: "Apollo 11" is not the last landing.

General English only: figures are read from a question's terms, where "2,300" is 2300.
"""

from __future__ import annotations

from collections.abc import Iterable


def figures_said(question: Iterable[str], terms: frozenset[str]) -> bool:
    """Return whether `terms` say every figure of two digits or more the question states.

    An entry that never says "Apollo 11" or "2026" is about another thing ("when did Apollo 11
    land?" is not answered by the last landing, in 1972); "in 87" is said by "1987". One
    digit is often a count of what is asked ("1 dose", "the 3 countries"), said in words.
    """
    stated = [t for t in question if len(t) > 1 and t.isdigit()]
    if not stated:  # almost every question
        return True
    years = [t for t in terms if len(t) == 4 and t.isdigit()]
    return all(t in terms or (len(t) == 2 and any(y.endswith(t) for y in years)) for t in stated)
