"""What a question says of the value it asks: the topic of someone's words, an amount's currency.

"What did the governor say about the fare?" is not answered by his words on the commute, nor
"how much is the fare in dollars?" by "750 naira".
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import pairwise

from bot.matching.analysis import ENTITY_PREFIX, Analysis
from bot.matching.lexicon import CURRENCY_WORDS

_SAYING = frozenset("say said says saying think thinks thought".split())
# words for whatever the story is about: "what did he say about the project?"
_VAGUE = frozenset(
    "project projects plan plans scheme programme program initiative issue issues matter "
    "situation thing things news story development developments idea whole".split()
)


def required(
    query: Analysis, rare: Callable[[str], bool], setting: frozenset[str]
) -> tuple[frozenset[str], ...]:
    """Return the sets of terms of which an answering entry must hold one each.

    Read once per question, for all its candidates: the topic of someone's words asked about
    and the currency an amount is asked in, each when the question has one.
    """
    return tuple(found for found in (_topic(query, rare, setting), _currency(query)) if found)


def _topic(query: Analysis, rare: Callable[[str], bool], setting: frozenset[str]) -> frozenset[str]:
    """Return the topic of "what did X say about Y?" that an answer must speak of, or nothing.

    Someone's words on another topic are no answer: "what did the governor say about the
    fare?" is not answered by what he said of the commute. The topic is the terms of the
    words after "about"; it is asked of an entry only when each term is `rare` (some but under
    a third of the entries use it): an unknown word may be another word for the entry's, and
    a common one, or one of the story's `setting` (its title's terms), is what every entry
    speaks of unsaid ("about the metro"). A name is the topic only when no other word is, and
    only when it too is rare.
    """
    words = query.words
    at = next(
        (i for i, (w, n) in enumerate(pairwise(words)) if w in _SAYING and n == "about"), None
    )
    if at is None:
        return frozenset()
    after = set(words[at + 2 :]) - _VAGUE
    said = [
        t
        for t, surface in zip(query.terms, query.surfaces, strict=False)
        if surface and after.issuperset(surface.split())
    ]
    topic = frozenset(t for t in said if not t.startswith(ENTITY_PREFIX))
    if not all(rare(t) and t not in setting for t in topic):
        return frozenset()
    if topic:  # "about CCREC's fares" asks about fares, which CCREC's words may not be
        return topic
    # a name alone is a topic when few entries name it ("about covid"); one that many do is
    # what they speak of unsaid
    return frozenset(
        t for t in said if t.startswith(ENTITY_PREFIX) and rare(t) and t not in setting
    )


def _currency(query: Analysis) -> frozenset[str]:
    """Return the currency an amount is asked in, as the question's terms, or nothing.

    "How much is the fare in US dollars?" is not answered by "750 naira per trip". The
    currency is a name of one said right after "in" ("in dollars", "in US dollars").
    """
    words = query.words
    asked = {
        w
        for at, w in enumerate(words)
        if w in CURRENCY_WORDS and "in" in words[max(at - 2, 0) : at]
    }
    if not asked:
        return frozenset()
    return frozenset(
        t for t, surface in zip(query.terms, query.surfaces, strict=False) if surface in asked
    )
