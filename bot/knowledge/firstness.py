"""A cheap proof that the engine ranks an entry first for one of its own phrasings.

`storybot validate` asks the engine about every FAQ phrasing and warns when another entry
answers it. A whole decision costs ~1.7 ms, so at 100,000 entries (350,000 phrasings) the check
took 9 minutes. Most phrasings are won by their own entry by a wide margin, and that can be
shown without the decision: the rank model is linear, so the entry's own rank score is exact
from its evidence alone, and every rival's is bounded above by its BM25 score, how much of
the question its terms could cover, and the most any other evidence can add (`rivals`). The
few rivals whose bound reaches the entry's score are measured exactly, as the ranking would.
When the entry is nominated, outranks every rival and is sure enough to be answered, and
the message takes none of the decision's other paths (several questions, a long question's
last clause, a premise correction), the decision's best candidate is the entry itself;
otherwise the caller makes the whole decision.
"""

from __future__ import annotations

import math
from dataclasses import fields, replace

import numpy as np

from bot.knowledge.rivals import RankWeights, RivalBounds, bound_rivals
from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.encoder import Vectors
from bot.matching.engine import Engine
from bot.matching.evidence import Evidence, gather, refine
from bot.matching.messages import LONG_QUESTION, PART_BREAK
from bot.matching.ranking import _NOMINEES, lexical_nominees
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
# rivals measured in full when their bound reaches the entry's score; past this many the
# whole decision costs less
_MEASURED = 32
_PHRASED = 256  # rivals whose phrasing score is measured, at most


class OwnFirst:
    """Proves, where it can, that an entry's own phrasing ranks that entry first."""

    def __init__(self, engine: Engine) -> None:
        """Read the engine's rank model: the proof needs it linear in the evidence."""
        self._engine = engine
        rank = engine.model.rank
        weights = {name: rank.weights.get(name, 0.0) for name in Evidence.names()}
        bm25, covered = weights.pop("bm25"), weights.pop("covered")
        self._semantic = max(weights["semantic"], 0.0)
        phrasing = weights.pop("phrasing")
        ranges = dict(_RANGES)
        if engine.tools.semantic is None:
            ranges["semantic"] = (0.0, 0.0)  # no encoder: every candidate's similarity is 0
        # the most the other evidence can add to any rival's score
        rest = rank.bias + sum(
            w * (ranges[name][1] if w > 0 else ranges[name][0]) for name, w in weights.items()
        )
        self._rank = RankWeights(phrasing, bm25, covered, rest)
        known = set(_RANGES) == {f.name for f in fields(Evidence)}
        # an entry's own score is measured alone: a rank score weighing a margin over the
        # other candidates would depend on them, and no bound here would hold
        alone = not any(w for name, w in weights.items() if name.endswith("_margin"))
        self._usable = known and alone and min(bm25, covered, phrasing) >= 0
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
        analysis = engine.naming.read(engine.analyzer.analyze(text), engine.index)  # as ranked
        if not analysis.terms:
            return True  # no word to match: no candidate
        if len(analysis.terms) > LONG_QUESTION:
            return False  # the last clause may be ranked instead
        if analysis.either:
            return False  # one alternative lends a rival the other's words: no bound holds
        if not self._read_as_asked(analysis, position):
            return False  # a word may be read as a name, or the question's gist ranked
        return self._ranks_first(analysis, position)

    def _read_as_asked(self, analysis: Analysis, position: int) -> bool:
        """Return whether the engine ranks `analysis` as it is and answers with no correction.

        A word no entry uses may be read as a name, and a long question without it ranked
        too. A name the entry itself uses cannot make a premise correction of its answer
        (the correction names a party the answering entry lacks); the entry is answered, so
        no premise of the question is looked for.
        """
        index = self._engine.index
        if not all(map(index.knows, analysis.terms)):
            return False
        named = {t for t in analysis.terms if t.startswith(ENTITY_PREFIX)}
        return not named or named <= index.terms_of(position)

    def _ranks_first(self, analysis: Analysis, position: int) -> bool:
        engine, tools = self._engine, self._engine.tools
        bm25 = tools.bm25.scores(analysis.terms)
        if not self._nominated(analysis, position, bm25.top(_NOMINEES)):
            return False  # nominated by meaning alone, or not at all: decide
        vector = None
        if tools.semantic is not None:
            vector = tools.semantic.embed(" ".join(analysis.words))
        question, evidence = gather(tools, analysis, vector, [position], bm25, {})
        own = engine.model.rank.score(evidence[position])
        # ranked first, it stays first only if it clears the answer threshold: a less
        # likely first may be passed by a likelier rival, which this proof cannot bound
        tolerated = self._tolerated(refine(tools, question, position, evidence[position]))
        rivals = bound_rivals(tools, analysis, bm25, position, self._lent, self._rank)
        if own <= rivals.outsider_score + _SLACK or rivals.outsider_phrasing >= tolerated:
            return False
        threats = self._threats(analysis, vector, rivals, own, tolerated)
        if threats is None or len(threats) > _MEASURED:
            return False
        if not threats:
            return True
        # a rank score does not depend on the other candidates measured beside it
        _, exact = gather(tools, analysis, vector, threats, bm25, {})
        return max(engine.model.rank.score(exact[p]) for p in threats) <= own - _SLACK

    def _tolerated(self, evidence: Evidence) -> float:
        """Return how well a rival may match the phrasing with the entry still answered.

        The entry's answer chance grows with its phrasing score's margin over the best
        rival's; this is the best rival phrasing score that leaves it at the threshold.
        """
        model, threshold = self._engine.model, self._engine.thresholds.answer
        weight = model.answer.weights.get("phrasing_margin", 0.0)
        alone = model.answer.score(self._least_margins(evidence, 0.0))
        if not 0 < threshold < 1 or weight <= 0:
            return -1.0  # no rival tolerated: every phrasing score is at least 0
        tolerated = (alone - math.log(threshold / (1 - threshold))) / weight - _SLACK
        # the logistic is clamped far out: check the figure rather than trust the algebra
        sure = model.probability(self._least_margins(evidence, tolerated)) >= threshold
        return tolerated if sure else -1.0

    def _threats(
        self,
        analysis: Analysis,
        vector: Vectors | None,
        rivals: RivalBounds,
        own: float,
        tolerated: float,
    ) -> list[int] | None:
        """Return the rivals whose rank score may reach `own`, with their values measured.

        None when a rival may match the phrasing better than `tolerated`, or too many may.
        Each bound is lowered by measuring what it assumed: the phrasing score, then the
        similarity of the rivals still in reach.
        """
        tools = self._engine.tools
        scores, close = rivals.scores.copy(), rivals.phrasings >= tolerated
        if close.sum() > _PHRASED:
            return None
        if close.any():
            hits = tools.index.score(analysis, rivals.insiders[close].tolist())
            phrasings = np.array([h.score for h in hits])
            if (phrasings >= tolerated).any():
                return None  # the entry may not be sure enough to stay first: decide
            scores[close] -= self._rank.phrasing * (rivals.phrasings[close] - phrasings)
        threats = scores > own - _SLACK
        if vector is not None and tools.semantic is not None and threats.any():
            # most rivals mean something else than the question
            cosines = tools.semantic.similarities(vector, rivals.insiders[threats].tolist())
            lowered = scores[threats] - self._semantic * (_RANGES["semantic"][1] - cosines)
            threats[threats] = lowered > own - _SLACK
        return [int(p) for p in rivals.insiders[threats]]

    def _nominated(self, analysis: Analysis, position: int, by_bm25: list[int]) -> bool:
        """Return whether the ranking surely measures the entry: BM25 or the index nominates it."""
        return position in by_bm25 or position in lexical_nominees(self._engine.tools, analysis)

    def _least_margins(self, evidence: Evidence, best_phrasing: float) -> Evidence:
        """Return `evidence` with each margin at the worst any rival could make it.

        Measured alone, an entry has no rival; the answer model weighs its margins over the
        best rival's, which can be at most the top of each value's range, and for the
        phrasing score at most `best_phrasing`, the bound on every rival's.
        """
        weights = self._engine.model.answer.weights
        worst: dict[str, float] = {}
        for margin, value in (
            ("phrasing", evidence.phrasing),
            ("bm25", evidence.bm25),
            ("semantic", evidence.semantic),
        ):
            name = margin + "_margin"
            top = best_phrasing if margin == "phrasing" else _RANGES[margin][1]
            worst[name] = value - top if weights.get(name, 0.0) >= 0 else value - _RANGES[margin][0]
        return replace(evidence, **worst)
