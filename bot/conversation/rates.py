"""An amount per period, from the one an answer spreads over time or says per another period.

"The remaining 45 cables will be examined over the next three weeks": how many a week? "65
million euros over the two days": how much a day? "40 million doses a year": how many a
month? The answer chosen gives the amount and the period it covers; the question asks it per
another period, and the reply adds the amount per that period and how it was worked out.
"""

from __future__ import annotations

import re

from bot.conversation.amounts import COUNTS, PERCENT, SCALES, Figure, figures

# how many days each period holds, to carry an amount from one period to another; a month is
# a twelfth of a year, so "a month" of "a year" is exact and only days and weeks are rounded
_DAYS = {"day": 1.0, "week": 7.0, "month": 365 / 12, "year": 365.0}
# "over the next three weeks", "over the two days", "over 3 years", "across five years"
_OVER = re.compile(
    r"\b(?:over|across|during|within) (?:the )?(?:next |past |last |coming |first )?"
    rf"(?P<count>\d+|{'|'.join(COUNTS)}) (?P<unit>year|month|week|day)s?\b",
    re.I,
)
# an amount said per period: "40 million doses a year", "148,000 won a month"
_RATE = re.compile(r"^(?:[a-z-]+ ){0,2}(?:a|an|per|each|every) (?P<unit>year|month|week|day)\b")
_TIME_WORDS = frozenset(f"{unit}{s}" for unit in _DAYS for s in ("", "s"))


def per_period(answer: str, period: str) -> str | None:
    """Return `answer`'s one amount as so much per `period` ("day" … "year"), if it says how.

    The amount is spread over a stretch of time the answer gives ("over three years"), or said
    per another period ("a year"); an answer with more than one such amount is not worked.
    """
    over = _OVER.search(answer)
    amounts = [f for f in figures(answer) if _amount(f)]
    if len(amounts) != 1:
        return None
    amount = amounts[0]
    rate = _RATE.match(" ".join(_counted(amount)))
    if over is not None and rate is None:
        count = COUNTS.get(over["count"].lower()) or int(over["count"])
        unit = over["unit"].lower()
        worked = amount.value / (count * _DAYS[unit]) * _DAYS[period]
        spread = f"over {count} {unit}{'s' * (count != 1)}"
    elif rate is not None and over is None and rate["unit"] != period:
        unit = rate["unit"]
        worked = amount.value / _DAYS[unit] * _DAYS[period]
        spread = f"a {unit}"
    else:
        return None
    fitting = _fitting(amount, worked)
    shown = worked if worked == round(worked) else _rounded(worked, fitting)
    about = "about " if shown != worked else ""
    per = _said(fitting, shown, f"a {period}")
    return f"By the story's figures, that is {about}{per} ({_said(amount, amount.value, spread)})."


def _said(amount: Figure, value: float, period: str) -> str:
    """Return `value` said as `amount` is, with what it counts: "15 cables a week"."""
    return " ".join(part for part in (amount.said(value), _thing(amount), period) if part)


def _amount(figure: Figure) -> bool:
    """Return whether `figure` is an amount of something: not a share, nor a count of periods."""
    return figure.unit not in PERCENT and not (figure.after and figure.after[0] in _TIME_WORDS)


def _counted(amount: Figure) -> tuple[str, ...]:
    """Return the words after an amount's scale: "40 million doses a year" gives "doses a year"."""
    after = amount.after
    return after[1:] if amount.scale and after and after[0] == amount.scale.lower() else after


def _thing(amount: Figure) -> str:
    """Return what a bare amount counts: "45 cables" gives "cables", "$1.2 billion" nothing."""
    after = _counted(amount)
    if amount.unit or amount.sign or not after:
        return ""
    word = after[0]
    return word if word.isalpha() and word not in ("a", "an", "per", "each") else ""


def _fitting(amount: Figure, value: float) -> Figure:
    """Return `amount` in the largest scale `value` holds one of: not $0.05 billion, $50 million.

    Thousands are written out, as news writes them: 47,900 euros.
    """
    scale = amount.scale.lower()
    while scale and value < SCALES[scale]:
        smaller = [name for name, size in SCALES.items() if size < SCALES[scale]]
        scale = smaller[-1] if smaller else ""
    return amount._replace(scale="" if scale == "thousand" else scale)


def _rounded(value: float, like: Figure) -> float:
    """Return `value` to three significant figures in `like`'s scale: 116.67 is 117."""
    scale = SCALES.get(like.scale.lower(), 1.0)
    scaled = value / scale
    return float(f"{scaled:.3g}") * scale if scaled >= 100 else round(scaled, 2) * scale
