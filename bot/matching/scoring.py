"""A question's score on each phrasing of the entries it is scored against, two ways.

Small knowledge keeps every entry it scores as a table (`entrytables`): summed in Python, a
question's few terms cost a third of the numpy steps over arrays. Large knowledge cannot keep
its entries' tables, and making one per entry scored cost more than the arrays' steps, so it
scores over the corpus arrays. Both add the same weights in the same order: the same scores.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from bot.matching.arrays import spans
from bot.matching.corpus import Corpus, Flags
from bot.matching.entrytables import EntryTable, QueryRows

_ENTRY_CREDIT = 0.85  # a term found in another phrasing of the same entry
_ANSWER_CREDIT = 0.6  # a term found only in the answer or its source
_QUERY_SHARE = 0.65  # how much covering the question counts against covering the phrasing
_STRICT_SHARE = 0.9
_SUBSTITUTED = 0.65  # the question names someone the entry is not about, the entry another

Best = tuple[float, int]  # an entry's best phrasing score, and that phrasing's number


def table_scores(tables: list[EntryTable], query: QueryRows, agreement: list[float]) -> list[Best]:
    """Return each entry's best phrasing score from its table (`agreement`: by phrasing type)."""
    # by entry slot and number, the phrasings that share a term with the question
    sharing: list[tuple[int, int]] = []
    bases: list[float] = []
    fractions: list[float] = []
    shares: list[float] = []
    for slot, table in enumerate(tables):
        # the whole entry: question terms it uses in a phrasing, or only in its answer
        in_entry, in_answer, shares_of = query.in_entry(table)
        share = _STRICT_SHARE if table.strict else _QUERY_SHARE
        total = query.plain_total if table.strict else query.boosted_total
        for number, shared in shares_of.items():  # any other phrasing scores exactly 0
            # a term in this phrasing counts fully, in another phrasing or the answer partly
            reached = shared + (in_entry - shared) * _ENTRY_CREDIT + in_answer * _ANSWER_CREDIT
            bases.append(reached / total)
            fractions.append(shared / table.own[number])
            shares.append(share)
            sharing.append((slot, number))
    # numpy's powers, not Python's: its vectorised `power` rounds its own way
    exponents = np.array(shares)
    powers = (np.array(bases) ** exponents * np.array(fractions) ** (1 - exponents)).tolist()
    best = [(0.0, 0)] * len(tables)
    missing = [query.missing(table) for table in tables]  # someone named is not in the entry
    for (slot, number), power in zip(sharing, powers, strict=True):
        table = tables[slot]
        score = power * agreement[table.qtypes[number]]
        if missing[slot] and not query.known.issuperset(table.names[number]):
            score = score * _SUBSTITUTED  # and it names someone the question does not
        # of phrasings as good, the first is the best (they come in no order here)
        if score > best[slot][0] or (score == best[slot][0] and number < best[slot][1]):
            best[slot] = (score, number)
    return best


def array_scores(
    corpus: Corpus,
    named: Flags,
    own: npt.NDArray[np.float64],
    agreement: npt.NDArray[np.float64],
    wanted: npt.NDArray[np.intp],
    query: QueryRows,
) -> list[Best]:
    """Return each wanted entry's best phrasing score from the corpus arrays.

    `named` says which term rows name someone, `own` is each phrasing's own weight, and
    `agreement` each phrasing type's agreement with the asked one.
    """
    lookup = _Lookup(query)
    strict = corpus.strict[wanted]
    # the whole entry: question terms it uses in a phrasing, or only in its answer
    cells, owner = spans(corpus.entry_starts[wanted], corpus.entry_starts[wanted + 1])
    rows = corpus.entry_terms[cells]
    weights, found = lookup.weights(rows, strict[owner])
    phrased = corpus.phrased[cells]
    in_entry = np.bincount(owner, weights * phrased, minlength=len(wanted))
    in_answer = np.bincount(owner, weights * ~phrased, minlength=len(wanted))
    names = np.bincount(owner, found & named[rows], minlength=len(wanted))
    missing = names < query.named  # someone the question names is nowhere in the entry
    # each phrasing: the question terms it uses itself
    phrasings, entry = spans(corpus.first_phrasing[wanted], corpus.first_phrasing[wanted + 1])
    cells, owner = spans(corpus.phrasing_starts[phrasings], corpus.phrasing_starts[phrasings + 1])
    rows = corpus.phrasing_terms[cells]
    weights, found = lookup.weights(rows, strict[entry][owner])
    shared = np.bincount(owner, weights, minlength=len(phrasings))
    unasked = np.bincount(owner, named[rows] & ~found, minlength=len(phrasings)) > 0
    share = np.where(strict, _STRICT_SHARE, _QUERY_SHARE)[entry]
    total = np.where(strict, query.plain_total, query.boosted_total)[entry]
    # a term in this phrasing counts fully, in another phrasing or the answer partly
    reached = (
        shared + (in_entry[entry] - shared) * _ENTRY_CREDIT + in_answer[entry] * _ANSWER_CREDIT
    )
    score = (reached / total) ** share * (shared / own[phrasings]) ** (1 - share)
    score *= agreement[corpus.qtypes[phrasings]]
    score = np.where(missing[entry] & unasked, score * _SUBSTITUTED, score)
    best, first = _first_best(score, entry, len(wanted))
    bests = zip(best.tolist(), first.tolist(), strict=True)
    return [(score, number) if score > 0 else (0.0, 0) for score, number in bests]


class _Lookup:
    """A question's known rows as an array, with both weightings, for array lookups."""

    def __init__(self, query: QueryRows) -> None:
        self.rows = np.array(query.rows, dtype=np.int32)
        self.boosted = np.array([*query.boosted, 0.0])
        self.plain = np.array([*query.plain, 0.0])

    def weights(
        self, rows: npt.NDArray[np.int32], plain: Flags
    ) -> tuple[npt.NDArray[np.float64], Flags]:
        """Return each term's question weight (0 when not asked), and whether it was asked."""
        at = np.searchsorted(self.rows, rows)
        found = (
            self.rows[np.minimum(at, len(self.rows) - 1)] == rows if len(self.rows) else rows < 0
        )
        at = np.where(found, at, len(self.rows))  # the appended 0.0
        return np.where(plain, self.plain[at], self.boosted[at]), found


def _first_best(
    score: npt.NDArray[np.float64], entry: npt.NDArray[np.intp], size: int
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.intp]]:
    """Return each entry's highest score and its first phrasing with it (0 when none beats 0)."""
    starts = np.searchsorted(entry, np.arange(size))
    best = np.maximum.reduceat(score, starts)
    first = np.where(score == best[entry], np.arange(len(score)), len(score))
    return best, np.minimum.reduceat(first, starts) - starts
