"""Ratios a question asks of the story's figures: "is it more than half?", "what share is that?".

"Is the union's 148,000-won demand more than one and a half times management's 92,000-won
offer?", "so more than half of the money was borrowed?", "what share of the staff got pulled
onto extra shifts?" (about 900 of some 7,800). When the answer chosen gives the two figures,
the reply adds how they compare, and whether a yes/no question's "more than …" holds. General
English only.
"""

from __future__ import annotations

import re

from bot.conversation.amounts import COUNTS, PART_OF, PERCENT, Figure, alike, figures

# "what share …?", "what percentage …?", "the debt-to-revenue ratio?"
_SHARE = re.compile(r"\b(?:share|percentage|proportion|fraction|ratio|per ?cent)\b", re.I)
# how many times the other a figure is said to be: "1.5 times", "one and a half times",
# "twice", "half"
_TIMES = re.compile(
    r"\b(?:(?P<n>\d+(?:\.\d+)?|one|two|three|four|five|ten)(?P<half> and a half)? times|"
    r"(?P<twice>twice|double|doubled)|(?P<thrice>triple|tripled|treble)|"
    r"(?P<part>half|a third|a quarter))\b",
    re.I,
)
_PARTS = {"half": 0.5, "a third": 1 / 3, "a quarter": 0.25}
# what the question holds the figures' ratio against: "more than", "less than"
_MORE = re.compile(r"\b(?:more|greater|bigger|higher|larger|over|above|at least)\s+(?:than\s+)?$")
_LESS = re.compile(r"\b(?:less|fewer|smaller|lower|under|below)\s+(?:than\s+)?$")
_VERDICT = re.compile(r"(?:yes|no)\b", re.I)


def compared(question: str, answer: str) -> str | None:
    """Return how two of `answer`'s figures compare, for a yes/no question of how many times."""
    times = _TIMES.search(question)
    if times is None or _VERDICT.match(answer):
        return None  # the answer says yes or no already
    multiple = _multiple(times)
    pair = _pair(question, answer, larger_first=multiple >= 1)
    if pair is None:
        return None
    first, second = pair
    ratio = first.value / second.value
    line = f"by the story's figures, {_compare(first, second, ratio)}."
    before = question[: times.start()].lower()
    if _MORE.search(before):
        return f"{'Yes' if ratio > multiple else 'No'}: {line}"
    if _LESS.search(before):
        return f"{'Yes' if ratio < multiple else 'No'}: {line}"
    return line[0].upper() + line[1:]


def share(question: str, answer: str) -> str | None:
    """Return what share one of `answer`'s figures is of another, when the question asks one."""
    if not _SHARE.search(question) or any(f.unit in PERCENT for f in figures(answer)):
        return None  # an answer giving a percentage says the share itself
    pair = _pair(question, answer, larger_first=False)
    if pair is None:
        return None
    part, whole = pair
    return f"By the story's figures, {_compare(part, whole, part.value / whole.value)}."


def _multiple(times: re.Match[str]) -> float:
    """Return the multiple a question says: 1.5 for "one and a half times", 0.5 for "half"."""
    if times["twice"]:
        return 2.0
    if times["thrice"]:
        return 3.0
    if times["part"]:
        return _PARTS[times["part"].lower()]
    number = times["n"].lower()
    return (COUNTS.get(number) or float(number)) + (0.5 if times["half"] else 0.0)


def _pair(question: str, answer: str, larger_first: bool) -> tuple[Figure, Figure] | None:
    """Return the two figures of `answer` the question compares, in the order it asks them.

    Those the question states, in its order; one it states and the only other of its kind;
    else a part and its whole ("900 of the 7,800 employees"), or the only two of one kind,
    the larger first when the question asks how many times, the smaller when what share.
    """
    found = [f for f in figures(answer) if f.value > 0]
    # "148,000-won demand": the figure said before a hyphen is one too
    stated = [f.value for f in figures(re.sub(r"(?<=\d)-(?=[a-z])", " ", question))]
    said = [
        next(f for f in found if f.value == v) for v in stated if any(f.value == v for f in found)
    ]
    if len(said) >= 2 and said[0].kind == said[1].kind and said[0] != said[1]:
        return said[0], said[1]
    if len(said) == 1:
        others = [f for f in found if f.kind == said[0].kind and f.value != said[0].value]
        return (said[0], others[0]) if len(others) == 1 else None
    if stated:
        return None  # it asks of a figure the answer does not give
    part = PART_OF.search(answer)
    if part is not None and not larger_first:
        some, whole = (_at(found, part.start(name)) for name in ("some", "whole"))
        return (some, whole) if some and whole else None
    two = alike(found)
    if two is None:
        return None
    low, high = sorted(two, key=lambda f: f.value)
    return (high, low) if larger_first else (low, high)


def _at(found: list[Figure], start: int) -> Figure | None:
    """Return the figure of `found` that starts at `start`, if one does."""
    return next((f for f in found if f.start == start), None)


def _compare(first: Figure, second: Figure, ratio: float) -> str:
    """Return how `first` compares with `second`: "about 1.6 times", "about 47% of"."""
    if ratio >= 1:
        shown = round(ratio, 1) if ratio < 10 else round(ratio)
        about = "" if shown == ratio else "about "
        return f"{first.said(first.value)} is {about}{shown:g} times {second.said(second.value)}"
    percent = round(ratio * 100, 1) if ratio < 0.1 else round(ratio * 100)
    about = "" if percent == ratio * 100 else "about "
    return f"{first.said(first.value)} is {about}{percent:g}% of {second.said(second.value)}"
