"""How long between two things the story dates: "how many years between A and B?".

"How many years between the last moon landing and NASA's planned return?": each thing is
asked "when" on its own; when both are surely answered, by two entries that each give one
year, the reply gives both answers and the years between them, worked out from the story's
own years. Anything else is read as asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.conversation.stated import YEARS
from bot.matching.decision import Candidate, Decision

if TYPE_CHECKING:
    from bot.matching.engine import Engine

# "how many years between A and B?", "how long separates A and B?", "how many yrs are there
# between A and B?": the two things are all that follows
_BETWEEN = re.compile(
    r"\b(?:how many (?:years|yrs)|how long)(?: (?:are|is|was|were) there)? "
    r"(?:between|separate|separates|separated) (?P<one>.+?) (?:and|from) (?P<other>.+?)[?.!]*$",
    re.IGNORECASE,
)


def between(engine: Engine, text: str) -> Decision | None:
    """Answer how many years lie between two things `text` asks of, each dated by the story."""
    asked = _BETWEEN.search(text)
    if asked is None:
        return None
    first, second = (_dated(engine, thing) for thing in (asked["one"], asked["other"]))
    if first is None or second is None or first[0].entry == second[0].entry:
        return None
    years = abs(first[1] - second[1])
    answer = replies.between([first[0], second[0]], years)
    return Decision(text, answer, "how long between: each side dated", (first[0], second[0]))


def _dated(engine: Engine, thing: str) -> tuple[Candidate, int] | None:
    """Return the sure answer of when `thing` was (or will be), and the one year it gives."""
    found = engine.candidates(f"when {thing}")
    best = found[0] if found else None
    if best is None or best.probability < engine.thresholds.answer:
        return None
    years = set(YEARS.findall(best.entry.answer))
    return (best, int(years.pop())) if len(years) == 1 else None
