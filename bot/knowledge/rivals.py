"""Upper bounds on how well every other entry can do for a question, over all entries at once.

`OwnFirst` needs, for one phrasing, a bound on every rival entry's rank score and on its
phrasing score. Entries that share none of the question's rare terms ("outsiders") share one
bound; the few that do ("insiders") are bounded one by one, in arrays.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from bot.matching.analysis import Analysis
from bot.matching.arrays import distinct_inverse
from bot.matching.bm25 import Bm25Scores
from bot.matching.evidence import Retrievers
from bot.matching.scoring import _QUERY_SHARE  # the least exponent on the share a phrasing finds

_RARE = 2000  # entries; a question term used by fewer is checked entry by entry

Floats = npt.NDArray[np.float64]


@dataclass(frozen=True)
class RankWeights:
    """The rank score's weights on phrasing, BM25 and coverage, and the most the rest adds."""

    phrasing: float
    bm25: float
    covered: float
    rest: float

    def bound(self, bm25: npt.ArrayLike, phrasing: Floats, covered: Floats) -> Floats:
        """Return the rank score bound for rivals with these BM25, phrasing and cover bounds."""
        score: Floats = (
            self.rest
            + self.phrasing * phrasing
            + self.bm25 * np.asarray(bm25, dtype=np.float64)
            + self.covered * covered
        )
        return score


@dataclass(frozen=True)
class RivalBounds:
    """Bounds on every entry but one: a shared one for outsiders, one each for insiders."""

    outsider_score: float  # the most an entry sharing no rare question term can score
    outsider_phrasing: float  # and the most its best phrasing can score
    insiders: npt.NDArray[np.int32]  # entries sharing a rare question term, ascending
    scores: Floats  # each insider's rank score bound
    phrasings: Floats  # each insider's phrasing score bound


def bound_rivals(
    tools: Retrievers,
    analysis: Analysis,
    bm25: Bm25Scores,
    position: int,
    lent: frozenset[str],
    model: RankWeights,
) -> RivalBounds:
    """Bound the rank and phrasing scores of every entry but `position` for `analysis`.

    `bm25` are the question's BM25 scores; `lent` the terms any entry may count as covered
    (cue words, words of an entity's names).
    """
    index, postings = tools.index, tools.index._postings
    shares = _shares(tools, analysis)
    rare = [t for t in shares if t not in lent and 0 < len(postings.rows(t)) <= _RARE]
    # a term used by many entries, or a role word: counted as covered for every rival
    known = [t for t in shares if t not in rare and (index.knows(t) or t in lent)]
    everywhere = sum(shares[t] for t in known)
    # on the question's 0..1 scale, divided as float32: a few 1e-8 below the evidence's
    # float64 at most, inside the slack; only touched entries score above 0
    ceiling = tools.bm25.ceiling(analysis.terms)
    touched = bm25.sums
    best_bm25 = min(float(touched.max() / ceiling), 1.0) if len(touched) else 0.0
    outside = np.array([min(everywhere, 1.0)])
    outsider_phrasing = float(outside[0] ** _QUERY_SHARE)
    outsider_score = float(model.bound(best_bm25, outside**_QUERY_SHARE, outside)[0])
    rows = [postings.rows(t) for t in rare]
    insiders, row = distinct_inverse(np.concatenate(rows or [postings.entries[:0]]))
    reached = np.repeat([shares[t] for t in rare], [len(r) for r in rows])
    covered = np.bincount(row, weights=reached, minlength=len(insiders)) + everywhere
    others = insiders != position
    insiders, covered = insiders[others], np.minimum(covered[others], 1.0)
    phrasings = covered**_QUERY_SHARE
    scores = model.bound(np.minimum(bm25.at(insiders) / ceiling, 1.0), phrasings, covered)
    return RivalBounds(outsider_score, outsider_phrasing, insiders, scores, phrasings)


def _shares(tools: Retrievers, analysis: Analysis) -> dict[str, float]:
    """Return each question term's share of the question's weight, the larger of two weighings.

    Coverage weighs a name like any word; the phrasing index boosts it for most entries. A
    term's larger share bounds both: an entry's phrasing score is at most the share its terms
    reach to the power of the query share (0.65, or 0.9 for "who is X?" entries), times
    factors of at most 1.
    """
    index = tools.index
    plain = {t: index.weight(t, plain=True) for t in analysis.terms}
    boosted = {t: index.weight(t) for t in analysis.terms}
    plain_total = sum(plain.values()) or 1.0
    boosted_total = sum(boosted.values()) or 1.0
    return {t: max(plain[t] / plain_total, boosted[t] / boosted_total) for t in plain}
