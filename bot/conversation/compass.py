"""A yes/no question putting something at the wrong pole: "Did India land at the north pole?".

The question without its side is matched; when a confident entry covers every other word of
it and names the opposite pole ("the moon's south pole"), never the one asked, the reply says
which pole the story gives. Only poles: a "south bank" or a "northern district" is a side of
something the question may not be asking about ("is Marina north of Oshodi?" is not answered
by "Oshodi, the south-western terminus"), and "first" against "last" may be of another thing.
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise
from typing import NamedTuple

from bot.conversation.premises import without_term
from bot.matching.analysis import Analysis
from bot.matching.coverage import phrase_parts
from bot.matching.decision import Candidate
from bot.matching.lexicon import QType

_POLES = {"north": "south", "south": "north"}
_TRIED = 3  # confident entries looked through for one that names the other pole


class SidePremise(NamedTuple):
    """The pole the question states, the one the entry gives, and that entry."""

    stated: str  # "north"
    told: str  # "south"
    candidate: Candidate


def find(
    question: Analysis,
    rank: Callable[[Analysis], list[Candidate]],
    terms_of: Callable[[Candidate], frozenset[str]],
    read: Callable[[str], tuple[str, ...]],
    threshold: float,
) -> SidePremise | None:
    """Return the pole a yes/no `question` states where the story gives the other one.

    `rank` ranks the entries for a reading, `terms_of` gives a candidate's terms, `read`
    reads a word as the knowledge does; `threshold` is how sure the question without the
    pole's side must be answered. Also a claim with a question mark: "i heard India landed
    at the north pole?".
    """
    if question.qtype not in (QType.YESNO, QType.NONE) or question.either:
        return None
    stated = next((w for w, after in pairwise(question.words) if after == "pole"), None)
    if stated not in _POLES:
        return None
    told = _POLES[stated]
    asked, other, pole = read(stated), read(told), read("pole")
    if len(asked) != 1 or len(other) != 1 or asked[0] not in question.terms:
        return None
    without = without_term(question, asked[0])
    for best in rank(without)[:_TRIED]:
        if best.probability < threshold:
            break
        if not best.evidence.subject or best.evidence.unnamed:
            continue  # it may be about another thing: no correction from it
        terms = phrase_parts(terms_of(best))  # "south_pole" says south, and pole
        # every other word of the question: "pole" of "north pole" is the south pole's
        if set(without.terms) <= terms and {other[0], *pole} <= terms and asked[0] not in terms:
            return SidePremise(stated, told, best)
    return None
