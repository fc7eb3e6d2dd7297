"""From an analysed question to its candidate entries, likeliest first, with their evidence."""

from __future__ import annotations

import heapq
import math
from collections.abc import Callable
from functools import partial

from bot.matching.analysis import Analysis
from bot.matching.decision import Candidate, Entry, Model
from bot.matching.evidence import Evidence, Retrievers, gather, refine
from bot.matching.index import Hit
from bot.matching.needs import TELLING, Need

# candidates each retriever nominates: a fifth and sixth one changed no decision of any set
# or trial (only the questions suggested after some declines), and measuring them cost a
# third of a question's time (`benchmarks/README.md`)
_NOMINEES = 4
_SCORED = 16  # entries the lexical index scores in full, of those its terms vote for
_REFINED = 3  # leading candidates whose words are also matched by meaning
# a question an entry's phrasing holds this fully is its own: its "first" is the one asked
_OWN_PHRASING = 0.95
# terms of a message a ranking reads, its first: each is weighed, looked up and matched against
# every candidate, and by meaning against the leading ones (a word the story never uses is
# embedded first), so 500 characters of made-up words (65 terms) cost twice what 32 do. The
# longest reading of the sets' questions has 25
MAX_TERMS = 32


def rank(
    tools: Retrievers, entries: list[Entry], model: Model, analysis: Analysis, sure: float
) -> list[Candidate]:
    """Return the candidate entries for an analysed question, likeliest first.

    Each retriever nominates a few entries, every nominee's evidence is measured, the rank
    model orders them, and `model` gives each the chance that its answer is right. A
    first-ranked entry at least `sure` to be right (the answer threshold) stays first.
    """
    if not analysis.terms:
        return []
    analysis = analysis.first(MAX_TERMS)
    shortlist = tools.index.shortlist(analysis, _SCORED)
    bm25 = tools.bm25.scores(analysis.terms)
    others = bm25.top(_NOMINEES)
    vector = None
    if tools.semantic is not None:
        vector = tools.semantic.embed(" ".join(analysis.words))
        others += tools.semantic.neighbours(vector, _NOMINEES)
    # the shortlist and the other retrievers' nominees scored in one pass, not two: an
    # entry's score does not depend on which others are scored beside it
    hits = {h.entry: h for h in tools.index.score(analysis, dict.fromkeys(shortlist + others))}
    unique = list(dict.fromkeys(_nominated([hits[p] for p in shortlist]) + others))
    question, evidence = gather(tools, analysis, vector, unique, bm25, hits)
    order = sorted(evidence, key=lambda p: model.rank.score(evidence[p]), reverse=True)
    for position in order[:_REFINED]:
        evidence[position] = refine(tools, question, position, evidence[position])
    narrowed = _narrowed(tools, analysis)
    # the telling value read again only for a candidate whose kind of value fell short
    found = [
        _candidate(
            entries[p],
            evidence[p],
            model,
            (not evidence[p].kind and _untold(tools, analysis, p))
            or (narrowed is not None and narrowed(p) and evidence[p].phrasing < _OWN_PHRASING),
            sure,
        )
        for p in order
    ]
    # of the leading candidates, the one whose answer is likeliest right goes first: the rank
    # model weighs which entry is meant, the answer model also whether it answers; but none
    # that leaves out a party the question names, or agrees less with its question type
    # ("which country first …?" for "when was the first …?"), passes the first-ranked
    lead = found[:_REFINED]
    if lead and lead[0].probability < sure:  # a first-ranked entry that answers stays first
        first = lead[0].evidence
        found[:_REFINED] = sorted(lead, key=lambda c: _place(c, first), reverse=True)
    return found


def _candidate(
    entry: Entry, evidence: Evidence, model: Model, untold: bool, sure: float
) -> Candidate:
    """Return `entry` as a candidate: its answer's chance, under `sure` if `untold`."""
    probability = model.probability(evidence)
    if untold:
        probability = min(probability, math.nextafter(sure, 0.0))
    return Candidate(entry, evidence, probability)


_COUNTED_PAST = frozenset({Need.COUNT, Need.PAST})


def _untold(tools: Retrievers, analysis: Analysis, position: int) -> bool:
    """Return whether entry `position` lacks a telling value asked, or says it of another thing.

    Asked only of a candidate whose kind of value already fell short (`Evidence.kind` 0): a
    name or a count of what happened asked then needs no second look.

    A place, reason, day, month, time or age asked for is seldom in an answer by chance, and
    an answer without it ("which month in 2018 was it signed?": "signed in 2018", and March
    for the building) is at most a "did you mean", however well its words match. So is one
    that names nothing a name is asked of ("what is the main contractor called?"), and one
    that counts no thing that happened ("how many rode it on the first day?": "officials
    expect 250,000 passengers a day").
    """
    if Need.NAME in analysis.asks or analysis.asks >= _COUNTED_PAST:
        return True
    told = analysis.asks & TELLING
    if not told:  # most questions
        return False
    return not tools.offers.holds(position, told, frozenset(analysis.terms), analysis.stated)


def _narrowed(tools: Retrievers, analysis: Analysis) -> Callable[[int], bool] | None:
    """Return whether an entry's answer says a superlative the question asks of more narrowly.

    "Which country landed on the moon first?" is at most a "did you mean" for "the first
    country to reach the moon's south pole". None for a question with no superlative.
    """
    narrowings = tools.narrowings
    terms = frozenset(analysis.terms)
    if narrowings is None or terms.isdisjoint(narrowings.superlatives):  # most questions
        return None
    return partial(narrowings.narrower, question=terms)


def lexical_nominees(tools: Retrievers, analysis: Analysis) -> list[int]:
    """Return the entries the lexical index nominates for a question, as `rank` takes them."""
    return _nominated(tools.index.shortlisted(analysis, _SCORED))


def _nominated(scored: list[Hit]) -> list[int]:
    """Return the entries of the best-scored hits among a question's shortlist."""
    return [h.entry for h in heapq.nlargest(_NOMINEES, scored, key=lambda h: h.score)]


def _place(candidate: Candidate, first: Evidence) -> float:
    """Return a leading candidate's place: its answer's chance, or last if it is weaker.

    Weaker: it names fewer of the question's parties, or agrees less with its type, than the
    first-ranked candidate.
    """
    evidence = candidate.evidence
    as_good = evidence.subject >= first.subject and evidence.qtype >= first.qtype
    return candidate.probability if as_good else -1.0
