"""Either-or questions of two parties: "who will reach the moon first, the US or China?".

Each side is asked alone, without the words that compare them ("first", "sooner"); when both
are surely answered, each by its own entry that names its side, and both entries answer the
same telling kind of question (a date, a count or a person for each, not "what"), the reply
says what the story says of each. Anything else is read as asked.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation import premises
from bot.matching.analysis import Analysis
from bot.matching.decision import Candidate, Decision, Entry
from bot.matching.lexicon import COMPARING, QType

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping

    from bot.matching.engine import Engine

# "what is X?" for each side says nothing to compare: "Pakistan or India, who first?" is not
# answered by what Pakistan joined and what kind of landing India made
_GENERIC = frozenset({QType.WHAT, QType.NONE, QType.HOW, QType.YESNO})
_ASKING_WHO = frozenset("who whos whom".split())


def compared(
    engine: Engine,
    text: str,
    question: Analysis,
    kinds: Mapping[str, str],
    names: Mapping[str, str],
    asks: Callable[[Entry], QType],
) -> Decision | None:
    """Answer of each side an either-or question names two parties as, or None.

    `kinds` and `names` give each entity term's type and name; `asks` an entry's question type.
    """
    for sides in question.either:
        parties = [[t for t in side if kinds.get(t) in premises.PARTIES] for side in sides]
        if any(len(found) != 1 for found in parties):
            continue
        pair = [found[0] for found in parties]
        answers = [_side(engine, question, side, other) for side, other in (pair, pair[::-1])]
        found = [c for c in answers if c is not None]
        asked = {asks(c.entry) for c in found}
        if len(found) < 2 or len(asked) > 1 or asked <= _GENERIC:
            return None
        if found[0].entry == found[1].entry:
            # one entry says it of both: "the U.S. is targeting 2025 and India 2040"
            both = max(found, key=lambda c: c.probability)
            answer = replies.single(both.entry, both.probability)  # "X or Y?": never "Yes."
            return Decision(text, answer, "either-or: one entry answers both sides", (both,))
        named = [(names[side], c) for side, c in zip(pair, found, strict=True)]
        reason = "either-or: each side answered"
        return Decision(text, replies.compared(named), reason, tuple(found))
    return None


def _side(engine: Engine, question: Analysis, side: str, other: str) -> Candidate | None:
    """Return the sure answer of the question asked of `side` alone, if its entry names it."""
    alone = premises.without_term(question, other)
    # "first", "sooner" compare the two: of one side, the question asks what it says
    kept = [i for i, said in enumerate(alone.surfaces) if said not in COMPARING]
    reading = replace(
        alone,
        terms=tuple(alone.terms[i] for i in kept),
        surfaces=tuple(alone.surfaces[i] for i in kept),
        qtype=QType.NONE,
        # nor does it ask who: "who sends astronauts sooner, China or the US?" names both
        words=tuple(w for w in alone.words if w not in _ASKING_WHO),
    )
    ranked = engine.rank(reading) if reading.terms else []
    best = ranked[0] if ranked else None
    if best is None or best.probability < engine.thresholds.answer:
        return None
    return best if side in engine.terms_of(best.entry.id) else None
