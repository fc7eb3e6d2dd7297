"""Sums a question asks of the story's figures: "by how many?", "how much a year?", "how long?".

People ask what the story's figures make: "by how many did the crew exceed the minimum?" (a
crew of 64, a minimum of 58), "what's the difference between the two raises?" (148,000 won
and 92,000 won), "the 40 million over five years, how much a year?", "how long did the cuts
last?" (from 4:20 p.m. to 11:45 p.m.). When the answer chosen gives just the figures such a
question needs, the reply adds what they make and how, so that the asker can check it.
Anything else is answered as it was. General English only.
"""

from __future__ import annotations

import itertools
import re

from bot.conversation.amounts import (
    CLOCK,
    MONTH_YEAR,
    PART_OF,
    PERCENT,
    Figure,
    alike,
    counts_said,
    figures,
    minute_of_day,
    month_number,
)
from bot.conversation.rates import per_period
from bot.conversation.ratios import compared, share
from bot.matching.decision import Decision
from bot.matching.lexicon import QType
from bot.models import AnswerKind

# "by how many …?", "what's the difference …?", "how many more …?", "kitni seats zyada?"
_APART = re.compile(
    r"\b(?:difference|how (?:many|much) (?:more|less|fewer|higher|lower|bigger|smaller)|"
    r"by how (?:many|much)|gap between|zyada)\b",
    re.I,
)
# "how much a year?", "what's that per month?", "per annum"
_PER = re.compile(
    r"\b(?:per|a|an|each|every) (?P<unit>year|month|week|day)\b|\b(?:annually|yearly|per annum)\b",
    re.I,
)
# what the amount is: one the question quotes or points at, or an average asked of the answer's
_SPREAD = re.compile(r"\d|\b(?:that|this|thats|average)\b", re.I)
# a figure's aside: "148,000 won ($107)" is one figure, its conversion set apart
_ASIDE = re.compile(r"\([^()]*\)")
# "how many didn't join?", "how many are still working?": the rest of a whole of which the
# answer says a part
_REST = re.compile(
    r"\b(?:didn'?t|did not|don'?t|do not|weren'?t|were not|haven'?t|have not|"
    r"still working|the rest)\b",
    re.I,
)
# what sets two figures against each other: "1.8% against the 10%", "from 71 to 64"
_AGAINST = re.compile(r"\s+(?:against|compared with|compared to|versus|vs\.?)\s+(?:the |a )?", re.I)
# a figure said as a difference: "$700 million over budget", "5 percent more"
_STATED = re.compile(
    r"\s*(?:[a-z]+\s+)?(?:over|above|below|more|less|fewer|higher|lower|short|up|down)\b", re.I
)
_TO = re.compile(r"\s+to\s+")
_FILLER = frozenset("a an the and or in on at of to by for from with as".split())


def with_sum(decided: Decision, qtype: QType) -> Decision:
    """Return `decided` with what its answer's figures make, when its question asks a sum."""
    answer = decided.answer
    if answer.kind is not AnswerKind.ANSWER:
        return decided
    line = worked(decided.question, qtype, answer.text)
    if line is None:
        return decided
    summed = answer.model_copy(update={"text": f"{answer.text}\n\n{line}"})
    return Decision(decided.question, summed, f"{decided.reason}; a sum worked", decided.candidates)


def worked(question: str, qtype: QType, answer: str) -> str | None:
    """Return the line that works out what `question` asks of `answer`'s figures, if it can."""
    plain = _ASIDE.sub(" ", answer)  # "148,000 won ($107)": the story's own conversion aside
    if qtype is QType.YESNO:
        return compared(question, plain)
    if _APART.search(question):
        return _apart(plain)
    shared = share(question, plain)  # "what share of the staff …?"
    if shared is not None:
        return shared
    if qtype in (QType.COUNT, QType.AMOUNT) and _REST.search(question):
        return _rest(plain)
    # the last period it names is the one asked: "148,000 won a month, how much per annum?"
    per = next(reversed(list(_PER.finditer(question))), None)
    # "the 40 million over five years, how much a year?", "what's that per year?"; not "how
    # much does the club make in a year?", which asks of no amount spread
    if per is not None and _SPREAD.search(question):
        return per_period(plain, (per["unit"] or "year").lower())
    if qtype is QType.DURATION:
        return _elapsed(answer)
    return None


def _apart(answer: str) -> str | None:
    """Return how far apart two figures of `answer` are, if it says which two.

    A pair it sets against each other ("from 71 to 64", "1.8% against the 10%"), or the only
    two of one kind it gives ("148,000 won … 92,000 won").
    """
    found = figures(answer)
    if any(_STATED.match(answer, f.end) for f in found):
        return None  # "$700 million over budget": the answer says how far apart already
    pair = _paired(answer, found) or alike(found)
    if pair is None:
        return None
    high, low = sorted(pair, key=lambda f: f.value, reverse=True)
    if high.value == low.value:
        return None
    # "8.2 percentage points", not "8.2%": a difference of two shares
    unit = "percentage points" if high.unit in PERCENT else _shared(high, low)
    return (
        f"By the story's figures, that is {high.said(high.value - low.value, unit)} "
        f"({high.said(high.value)} against {low.said(low.value)})."
    )


def _rest(answer: str) -> str | None:
    """Return how many of a whole did not do what a part did: "6,500 of its 8,200 members"."""
    part = PART_OF.search(answer)
    if part is None:
        return None
    some, whole = (float(part[name].replace(",", "")) for name in ("some", "whole"))
    if some >= whole:
        return None
    rest = f"{whole - some:,.0f}"
    return f"By the story's figures, that leaves {rest} ({part['whole']} less {part['some']})."


def _elapsed(answer: str) -> str | None:
    """Return the time between the two clock times or months `answer` gives, if just two."""
    times = [minute_of_day(m) for m in CLOCK.finditer(answer)]
    if len(times) == 2 and times[0] != times[1]:
        hours, minutes = divmod((times[1] - times[0]) % (24 * 60), 60)
        return f"By the story's times, that is {counts_said((hours, 'hour'), (minutes, 'minute'))}."
    # "the trial ended in June 2024, and the WHO approved it in October 2025"
    months = [int(m["year"]) * 12 + month_number(m["month"]) for m in MONTH_YEAR.finditer(answer)]
    if len(months) == 2 and months[0] != months[1]:
        years, left = divmod(abs(months[1] - months[0]), 12)
        return f"By the story's dates, that is {counts_said((years, 'year'), (left, 'month'))}."
    return None


def _paired(text: str, figures: list[Figure]) -> tuple[Figure, Figure] | None:
    """Return the one pair of figures `text` sets against each other, if it sets one."""
    pairs = [
        (one, other)
        for one, other in itertools.pairwise(figures)
        if _AGAINST.fullmatch(text[one.end : other.start])
        or (
            _TO.fullmatch(text[one.end : other.start])
            and text[: one.start].rstrip().endswith("from")
        )
    ]
    if len(pairs) != 1:
        return None
    one, other = pairs[0]
    if (one.sign, one.unit) != (other.sign, other.unit):
        if one.unit or one.sign:  # "from 18,450 to 24,000 seats": the first says it once
            return None
        one = one._replace(sign=other.sign, unit=other.unit, scale=one.scale or other.scale)
    return one, other


def _shared(one: Figure, other: Figure) -> str | None:
    """Return the words both figures are of ("cubic metres per second"), when they have no unit."""
    if one.unit or one.sign:
        return None
    words = []
    for mine, theirs in zip(one.after, other.after, strict=False):
        if mine != theirs:
            break
        words.append(mine)
    return " ".join(words) if words and words[0] not in _FILLER else None
