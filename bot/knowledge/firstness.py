"""A cheap proof that the engine ranks an entry first for one of its own phrasings.

`storybot validate` asks the engine about every FAQ phrasing and warns when another entry
answers it. A whole decision costs ~1.7 ms, so at 100,000 entries (350,000 phrasings) the check
took 9 minutes. Most phrasings are won by their own entry by a wide margin, and that can be
shown without the decision: the rank model is linear, so the entry's own rank score is exact
from its evidence alone, and every rival's is bounded above by its BM25 score, how much of
the question its terms could cover, and the most any other evidence can add. When the
entry's score beats every bound, and the message takes none of the decision's other paths
(several questions, a long question's last clause, a premise correction), the decision's
best candidate is the entry itself; otherwise the caller makes the whole decision.
"""

from __future__ import annotations

from dataclasses import fields, replace

import numpy as np
import numpy.typing as npt

from bot.matching.analyzer import ENTITY_PREFIX, Analysis
from bot.matching.arrays import distinct
from bot.matching.engine import _LONG_QUESTION, Engine
from bot.matching.evidence import Evidence, gather, refine
from bot.matching.index import _QUERY_SHARE  # the least exponent on the share a phrasing finds
from bot.matching.messages import PART_BREAK
from bot.matching.ranking import _NOMINEES
from bot.matching.text import clean
from bot.models import Query
from bot.smalltalk import smalltalk_reply

# the range of each evidence value over any candidate; bm25 and covered are bounded per entry
_RANGES = {
    "phrasing": (0.0, 1.0),
    "phrasing_margin": (-1.0, 1.0),
    "bm25": (0.0, 1.0),
    "bm25_margin": (-1.0, 1.0),
    "semantic": (-1.01, 1.01),  # cosines of float16-stored unit vectors: a hair past 1
    "semantic_margin": (-2.02, 2.02),
    "covered": (0.0, 1.0),
    "soft_covered": (0.0, 1.0),
    "missing": (0.0, 1.0),
    "kind": (0.0, 1.0),
    "told": (0.0, 1.0),
    "qtype": (0.0, 1.0),
    "subject": (0.0, 1.0),
    "unnamed": (0.0, 1.0),
    "opposed": (0.0, 1.0),
    "elsewhere": (0.0, 1.0),
}
_SLACK = 1e-6  # rounding in the scores' sums is far below this
_RARE = 2000  # entries; a question term used by fewer is checked entry by entry


class OwnFirst:
    """Proves, where it can, that an entry's own phrasing ranks that entry first."""

    def __init__(self, engine: Engine) -> None:
        """Read the engine's rank model: the proof needs it linear in the evidence."""
        self._engine = engine
        rank = engine.model.rank
        weights = {name: rank.weights.get(name, 0.0) for name in Evidence.names()}
        self._bm25, self._covered = weights.pop("bm25"), weights.pop("covered")
        self._phrasing = weights.pop("phrasing")
        # the most the other evidence can add to any rival's score
        self._rest = rank.bias + sum(
            w * (_RANGES[name][1] if w > 0 else _RANGES[name][0]) for name, w in weights.items()
        )
        known = set(_RANGES) == {f.name for f in fields(Evidence)}
        self._usable = known and min(self._bm25, self._covered, self._phrasing) >= 0
        # a cue word ("job", "date") counts as covered by any entry offering its kind, and a
        # word of an entity's names by any entry naming that entity
        tools = engine.tools
        self._lent = frozenset().union(*tools.cue_terms.values(), *tools.implied.values())

    def holds(self, phrasing: str, position: int) -> bool:
        """Return True only if `engine.best_entry(phrasing)` is entry `position` or nothing."""
        engine = self._engine
        text = clean(Query(text=phrasing).text, engine.thresholds.max_chars)
        if smalltalk_reply(text, engine.knowledge.title) is not None:
            return True  # small talk: no candidate at all
        if not self._usable or len(PART_BREAK.split(text)) > 1:
            return False  # several questions: each is decided on its own
        analysis = engine.analyzer.analyze(text)
        if not analysis.terms:
            return True  # no word to match: no candidate
        if len(analysis.terms) > _LONG_QUESTION or any(
            t.startswith(ENTITY_PREFIX) for t in analysis.terms
        ):
            return False  # the last clause may be ranked instead; a premise may be corrected
        if analysis.either:
            return False  # one alternative lends a rival the other's words: no bound holds
        return self._ranks_first(analysis, position)

    def _ranks_first(self, analysis: Analysis, position: int) -> bool:
        engine, tools = self._engine, self._engine.tools
        bm25 = tools.bm25.scores(analysis.terms)
        if position not in bm25.top(_NOMINEES):
            return False  # nominated some other way, or not at all: decide
        vector = None
        if tools.semantic is not None:
            vector = tools.semantic.embed(" ".join(analysis.words))
        question, evidence = gather(tools, analysis, vector, [position], bm25, {})
        own = engine.model.rank.score(evidence[position])
        # ranked first, it stays first only if it clears the answer threshold: a less
        # likely first may be passed by a likelier rival, which this proof cannot bound
        refined = refine(tools, question, position, evidence[position])
        if engine.model.probability(self._least_margins(refined)) < engine.thresholds.answer:
            return False
        ceiling = tools.bm25.ceiling(analysis.terms)
        return own > self._rival_bound(analysis, bm25.values / ceiling, position) + _SLACK

    def _least_margins(self, evidence: Evidence) -> Evidence:
        """Return `evidence` with each margin at the worst any rival could make it.

        Measured alone, an entry has no rival; the answer model weighs its margins over the
        best rival's, which can be at most the top of each value's range.
        """
        weights = self._engine.model.answer.weights
        worst = {}
        for margin, value in (
            ("phrasing", evidence.phrasing),
            ("bm25", evidence.bm25),
            ("semantic", evidence.semantic),
        ):
            name = margin + "_margin"
            top = _RANGES[margin][1]
            worst[name] = value - top if weights.get(name, 0.0) >= 0 else value - _RANGES[margin][0]
        return replace(evidence, **worst)

    def _rival_bound(
        self, analysis: Analysis, bm25: npt.NDArray[np.float32], position: int
    ) -> float:
        """Return a bound on the rank score of every entry but `position`."""
        tools = self._engine.tools
        index, postings = tools.index, tools.index._postings
        weights = {t: index.weight(t, plain=True) for t in analysis.terms}
        total = sum(weights.values()) or 1.0
        cues = self._lent
        rare = [t for t in weights if t not in cues and 0 < len(postings.rows(t)) <= _RARE]
        # a term used by many entries, or a role word: counted as covered for every rival
        everywhere = sum(
            w for t, w in weights.items() if t not in rare and (index.knows(t) or t in cues)
        )
        # float32 division: a few 1e-8 below the evidence's float64 at most, inside _SLACK
        best_bm25 = min(float(bm25.max()), 1.0) if len(bm25) else 0.0
        outsiders = float(self._score(best_bm25, everywhere / total))
        if not rare:
            return outsiders
        insiders = distinct(np.concatenate([postings.rows(t) for t in rare]))
        insiders = insiders[insiders != position]
        covered = np.full(len(insiders), everywhere, dtype=np.float64)
        for term in rare:
            covered += weights[term] * np.isin(insiders, postings.rows(term))
        scores = self._score(np.minimum(bm25[insiders], 1.0), covered / total)
        return max(outsiders, float(scores.max())) if len(insiders) else outsiders

    def _score(self, bm25: npt.ArrayLike, covered: npt.ArrayLike) -> npt.NDArray[np.float64]:
        """Return the rank score bound for rivals with these BM25 and coverage values.

        With no name in the question its terms weigh the same for the phrasing index as for
        coverage, so a phrasing finds at most the covered share: its score is at most that
        share to the power of the query share (0.65, or 0.9 for "who is X?" entries).
        """
        share = np.minimum(np.asarray(covered, dtype=np.float64), 1.0)
        bound: npt.NDArray[np.float64] = (
            self._rest
            + self._phrasing * share**_QUERY_SHARE
            + self._bm25 * np.asarray(bm25, dtype=np.float64)
            + self._covered * share
        )
        return bound
