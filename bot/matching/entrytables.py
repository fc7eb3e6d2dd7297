"""Each entry's terms as small Python tables, and a question's as rows, for the phrasing index.

A question is scored against a dozen or two entries. Over the corpus arrays that took some
sixty numpy steps, each a few microseconds however small its arrays; summed from these tables,
made when an entry is first scored, it takes a third of the time.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import compress, pairwise

import numpy as np
import numpy.typing as npt

from bot.matching.analysis import ENTITY_PREFIX
from bot.matching.corpus import Corpus, Flags


@dataclass(frozen=True, slots=True)
class EntryTable:
    """One entry's term rows: which a phrasing uses, and each phrasing's own."""

    strict: bool  # a "who is X?" entry: the question must be about X alone
    # every term row of the entry -> the phrasings that use it, by number (none: the answer's)
    phrasings: dict[int, tuple[int, ...]]
    names: tuple[tuple[int, ...], ...]  # each phrasing's rows that name someone
    own: tuple[float, ...]  # each phrasing's own weight
    qtypes: tuple[int, ...]  # each phrasing's question type, as a position in QTYPES


def table_of(
    corpus: Corpus, own: npt.NDArray[np.float64], named: Flags, position: int
) -> EntryTable:
    """Return the table of the entry at `position`.

    `own` is each phrasing's own weight, `named` whether each term row names someone.
    """
    start, end = corpus.entry_starts[position : position + 2].tolist()
    rows = corpus.entry_terms[start:end].tolist()
    first, last = corpus.first_phrasing[position : position + 2].tolist()
    starts = corpus.phrasing_starts[first : last + 1].tolist()
    cells = corpus.phrasing_terms[starts[0] : starts[-1]]
    terms, naming = cells.tolist(), named[cells].tolist()
    spans = [(a - starts[0], b - starts[0]) for a, b in pairwise(starts)]
    using: dict[int, list[int]] = {row: [] for row in rows}
    for number, (a, b) in enumerate(spans):
        for row in terms[a:b]:
            using[row].append(number)
    return EntryTable(
        strict=bool(corpus.strict[position]),
        phrasings={row: tuple(numbers) for row, numbers in using.items()},
        names=tuple(tuple(compress(terms[a:b], naming[a:b])) for a, b in spans),
        own=tuple(own[first:last].tolist()),
        qtypes=tuple(corpus.qtypes[first:last].tolist()),
    )


class QueryRows:
    """A question's known terms as ascending rows, with both weightings."""

    def __init__(
        self,
        ids: dict[str, int],
        terms: set[str],
        boosted: dict[str, float],
        plain: dict[str, float],
    ) -> None:
        """Keep the `terms` the knowledge uses (`ids`), with both their weights."""
        known = sorted((ids[t], t) for t in terms if t in ids)
        self.rows = [row for row, _ in known]
        self.known = frozenset(self.rows)
        self.boosted = [boosted[t] for _, t in known]
        self.plain = [plain[t] for _, t in known]
        self.naming = [row for row, t in known if t.startswith(ENTITY_PREFIX)]
        self.boosted_total, self.plain_total = sum(boosted.values()), sum(plain.values())
        # a name the knowledge never uses is missing from every entry
        self.named = sum(t.startswith(ENTITY_PREFIX) for t in terms)

    def in_entry(self, table: EntryTable) -> tuple[float, float, dict[int, float]]:
        """Return the weight of the terms the entry uses in a phrasing, and only in its answer.

        With the weight each phrasing that uses any shares with the question, by number. All
        summed in ascending rows, as the corpus stores an entry's and a phrasing's terms.
        """
        in_entry = in_answer = 0.0
        shared: dict[int, float] = {}
        weights = self.plain if table.strict else self.boosted
        for row, weight in zip(self.rows, weights, strict=True):
            using = table.phrasings.get(row)
            if using is None:
                continue
            if using:
                in_entry += weight
                for number in using:
                    shared[number] = shared.get(number, 0.0) + weight
            else:
                in_answer += weight
        return in_entry, in_answer, shared

    def missing(self, table: EntryTable) -> bool:
        """Return whether someone the question names is nowhere in the entry."""
        if not self.named:  # most questions name no one
            return False
        return sum(row in table.phrasings for row in self.naming) < self.named
