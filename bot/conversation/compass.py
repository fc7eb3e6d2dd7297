"""A yes/no question placing something on the wrong side: "Did India land at the north pole?".

The question without its compass word is matched; when a confident entry covers every other
word of it and says the opposite side ("the moon's south pole") and never the side asked,
the reply says which side the story gives. Only compass points: "first" against "last" or
"before" against "after" may be of another thing ("the last landing, in 1972" says nothing
against "the first").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from bot.conversation.premises import without_term
from bot.matching.analysis import Analysis
from bot.matching.coverage import phrase_parts
from bot.matching.decision import Candidate
from bot.matching.lexicon import QType

SIDES = (("north", "south"), ("east", "west"))  # each side's opposite, both ways round
_TRIED = 3  # confident entries looked through for one that says the other side


class SidePremise(NamedTuple):
    """The side the question states, the one the entry gives, and that entry."""

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
    """Return the side a yes/no `question` states where the story gives the opposite one.

    `rank` ranks the entries for a reading, `terms_of` gives a candidate's terms, `read`
    reads a word as the knowledge does; `threshold` is how sure the question without the
    side must be answered.
    """
    # "did India land at the north pole?", and a claim with a question mark: "i heard India
    # landed at the north pole?"
    if question.qtype not in (QType.YESNO, QType.NONE) or question.either:
        return None
    for stated, told in (*SIDES, *((b, a) for a, b in SIDES)):
        asked, other = read(stated), read(told)
        if len(asked) != 1 or len(other) != 1 or asked[0] not in question.terms:
            continue
        if other[0] in question.terms:  # "north or south?" names both
            return None
        without = without_term(question, asked[0])
        for best in rank(without)[:_TRIED]:
            if best.probability < threshold:
                break
            if not best.evidence.subject or best.evidence.unnamed:
                continue  # it may be about another thing: no correction from it
            terms = phrase_parts(terms_of(best))  # "south_pole" says south, and pole
            # every other word of the question: "pole" of "north pole" is the south pole's
            if set(without.terms) <= terms and other[0] in terms and asked[0] not in terms:
                return SidePremise(stated, told, best)
        return None
    return None
