"""Suggestions for a question being typed: its last word is usually half a word.

Autocomplete (Discord's `/ask`) and Telegram's inline mode ask on every keystroke. "who sig"
is read as "who" and a word that begins "sig": each of the knowledge's most used words that
begin so is read in its place, the entries each reading finds are weighed by how much that
word is used, and the best of all readings come first. A last word the knowledge knows
whole, or followed by a space or a mark, is read as typed (typos corrected), as before.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from bot.matching.analysis import Analysis
from bot.matching.analyzer import Analyzer
from bot.matching.completions import Completions
from bot.matching.decision import Entry
from bot.matching.index import Index
from bot.matching.text import clean, tokenize

READINGS = 4  # readings of the half-typed word searched at most: four index searches
# a reading whose words are used this many times less than the likeliest one's is left out:
# "wh" is "what", "who" or "when", not the odd "whole"
_FAINT = 10
_LAST_WORD = re.compile(r"[^\W_]+\Z")  # the word a text ends inside, if it does


class Suggester:
    """Finds the entries a partly typed question may be after, each one once."""

    def __init__(
        self,
        analyzer: Analyzer,
        index: Index,
        entries: list[Entry],
        completions: Completions,
        max_chars: int,
    ) -> None:
        """Suggest among `entries`, read by `analyzer`, found in `index` and `completions`."""
        self._analyzer = analyzer
        self._index = index
        self._entries = entries
        self._completions = completions
        self._max_chars = max_chars

    def suggest(self, text: str, limit: int) -> list[Entry]:
        """Return up to `limit` distinct entries the partly typed `text` may be after."""
        scored: dict[int, float] = {}
        # twice the limit: an entry whose question another one also asks is left out
        for reading, weight in self._readings(text):
            for hit in self._index.search(reading, 2 * limit):
                scored[hit.entry] = max(scored.get(hit.entry, 0.0), hit.score * weight)
        # stable: one reading's hits stay in the index's order, its ties included
        ranked = sorted(scored, key=scored.__getitem__, reverse=True)
        return list(_distinct((self._entries[p] for p in ranked), limit))

    def _readings(self, text: str) -> list[tuple[Analysis, float]]:
        """Return the readings of `text` to search, each with its weight in 0..1."""
        cleaned = clean(text, self._max_chars)
        last = _LAST_WORD.search(cleaned) if text[-1:].isalnum() else None
        prefix = "".join(tokenize(last.group())) if last else ""
        if not last or not prefix or prefix in self._analyzer.words:
            return [(self._analyzer.analyze(cleaned), 1.0)]
        head = cleaned[: last.start()]
        readings: dict[tuple[str, ...], Analysis] = {}  # by terms: "signed", "signing" alike
        used: dict[tuple[str, ...], int] = {}
        for word, count in self._completions.complete(prefix):
            reading = self._analyzer.analyze(head + word)
            readings.setdefault(reading.terms, reading)  # as its most used word reads
            used[reading.terms] = used.get(reading.terms, 0) + count + 1  # unused names count
        if not used:  # no word begins so: a typo, read as typed
            return [(self._analyzer.analyze(cleaned), 1.0)]
        likeliest = sorted(used.items(), key=lambda pair: pair[1], reverse=True)[:READINGS]
        most = likeliest[0][1]
        return [(readings[terms], n / most) for terms, n in likeliest if n * _FAINT >= most]


def _distinct(entries: Iterable[Entry], limit: int) -> Iterator[Entry]:
    """Yield the first `limit` of `entries` whose question no earlier one asks."""
    seen: set[str] = set()
    for entry in entries:
        question = " ".join(entry.question.casefold().split())
        if question not in seen:
            seen.add(question)
            yield entry
            if len(seen) == limit:
                return
