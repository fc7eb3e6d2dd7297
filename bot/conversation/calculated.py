"""Sums of the story's figures that a question quotes: "£310,000 for 42 objects, per object?".

People copy two of the story's figures into a question and ask what they make: "1.9 million
customers in 212 towns, how many a town?", "so 19 treated on Sifnos plus 3 flown out, 22 in
all?", "85m against the 62m budget, how much more?". When every figure the question gives is
one the story says, and it asks one sum of them (in all, how much more, per, what share, how
many times), the reply works it out and shows how. Anything else is read as asked: a figure
the story never says is no sum of its facts.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from bot.conversation.amounts import COUNTS, PERCENT, SCALES, Figure, figures
from bot.knowledge.sentences import story_sentences
from bot.matching.decision import Decision
from bot.models import Answer, AnswerKind

if TYPE_CHECKING:
    from bot.matching.engine import Engine

# what each sum is asked by, tried in this order: "what share" before "how many more"
_SHARE = re.compile(
    r"\b(?:what|which) (?:share|percentage|proportion|fraction)\b|\bhow many per ?cent\b"
    r"|\bkitne (?:percent|fisad)\b|\bas (?:a )?(?:%|percent(?:age)?|per ?cent)\b",
    re.I,
)
_TIMES = re.compile(r"\bratio\b|\bhow many times\b|\bby what factor\b|\bkitne guna\b", re.I)
_MORE = re.compile(
    # not "what's the difference between 5% and 25%?", which asks what each is
    r"\bhow (?:much|many) (?:more|less|fewer|bigger|higher|lower|longer)\b"
    r"|\bby how (?:much|many)\b|\bgap between\b|\bhow (?:much|many) (?:\w+ )?(?:are |is )?left\b"
    r"|\b(?:bache|bachte|bachta|baqi|baaki|baki)\b",
    re.I,
)
# a total asked of two figures; of three, a sum stated ("19 + 3, 22 in all?") is checked
_ALL = re.compile(
    r"\b(?:in total|total|altogether|in all|combined|all together|added up|sum|milake)\b", re.I
)
# a sum stated as a bound: "more than 1,400 altogether?"
_BOUND = re.compile(
    r"\b(?:(?P<more>more than|over|above|at least)|less than|fewer than|under|below)\s*$", re.I
)
_ADDED = re.compile(r"\bplus\b|\band\b|\s\+\s?", re.I)
# "per object", "a town", "each household": what a per-thing sum divides by
_PER = re.compile(r"\b(?:per|each|every|a|an|har)\s+(?P<thing>[a-z]+)\b", re.I)
# "180m", "1.2bn", "42k": a scale written onto the figure, read as the story may say it
# ("540 m" may be metres: then the story says 540)
_SHORT = re.compile(r"(?<=\d)\s?(?P<scale>mn|mln|mil|m|bn|b|k)\b", re.I)
_SHORT_SCALES = dict(mn="million", mln="million", mil="million", m="million", k="thousand")
_SHORT_SCALES |= dict(bn="billion", b="billion")
_WORDS = re.compile(rf"\b(?:{'|'.join(COUNTS)})\b", re.I)  # "Nineteen were treated"
_ENDED = re.compile(r"[.!?\"\u201d]\s*$")  # a sentence, not a heading or a dateline
_MOST = 3  # figures a question may give: two, and a sum it asks about


def calculated(engine: Engine, text: str) -> Decision | None:
    """Answer the sum `text` asks of figures it quotes from the story, or None."""
    if sum(c.isdigit() for c in text) < 2:  # almost every question
        return None
    read = _SHORT.sub(lambda m: f" {_SHORT_SCALES[m['scale'].lower()]}", text)
    said = figures(read)
    shares = sum(f.unit in PERCENT for f in said)
    if not 2 <= len(said) <= _MOST or 0 < shares < len(said):
        return None  # a share beside a figure: of it, or of something else?
    told = _story_values(engine.knowledge.story)
    values = [_in_story(f, told) for f in said]
    worked = _worked(read, said, values)
    if worked is None:
        return None
    reply, used = worked
    source = " … ".join(_sentences(engine.knowledge.story, used))
    answer = Answer(text=reply, kind=AnswerKind.ANSWER, source=source or None, confidence=0.5)
    return Decision(text, answer, "a sum of the story's figures the question quotes")


_Said = tuple[Figure, float]  # a figure the question gives, and its value as the story says it


def _worked(
    text: str, said: list[Figure], values: list[float | None]
) -> tuple[str, list[_Said]] | None:
    """Return the reply and the values it used, for the one sum `text` asks, or None."""
    if len(said) == 3:
        return _checked(text, said, values)
    known = [(f, v) for f, v in zip(said, values, strict=True) if v is not None]
    if len(known) < len(said):
        return None  # a figure the story never gives
    big, small = sorted(known, key=lambda pair: -pair[1])
    most, least = big[1], small[1]
    alike = _alike(big[0], small[0])
    used = [big, small]
    unit = big[0] if big[0].sign or big[0].unit else small[0]  # "46.1 … the 43 degrees"
    if big[0].unit in PERCENT:  # two shares: how many times, or how many points apart
        return _of_shares(text, big, small)
    if _SHARE.search(text) and least > 0 and alike:
        share = least / most * 100
        return f"{_about(share)}{_number(share)}%: {_shown(small)} of {_shown(big)}.", used
    if _TIMES.search(text) and least > 0 and alike:
        ratio = most / least
        return f"{_about(ratio)}{_number(ratio)} times: {_shown(big)} ÷ {_shown(small)}.", used
    per = _per(text, known)
    if per is not None:
        whole, part = per
        each = whole[1] / part[1]
        reply = f"{_said_as(whole[0], each)} per {_counted(part[0])}"
        return f"{_about(each)}{reply}: {_shown(whole)} ÷ {_shown(part)}.", used
    if _MORE.search(text) and alike:
        return f"{_said_as(unit, most - least)}: {_shown(big)} - {_shown(small)}.", used
    if _ALL.search(text) and alike:
        return f"{_said_as(unit, most + least)} in all: {_shown(big)} + {_shown(small)}.", used
    return None


def _of_shares(text: str, big: _Said, small: _Said) -> tuple[str, list[_Said]] | None:
    """Return how two shares compare, if asked: "by what factor does 18% exceed 10%?"."""
    (_, most), (_, least) = big, small
    if _TIMES.search(text) and least > 0:
        ratio = most / least
        return f"{_about(ratio)}{_number(ratio)} times: {_shown(big)} ÷ {_shown(small)}.", [
            big,
            small,
        ]
    if _MORE.search(text):
        gap = most - least
        points = f"{_number(gap)} percentage points"
        return f"{_about(gap)}{points}: {_shown(big)} - {_shown(small)}.", [big, small]
    return None


def _checked(
    text: str, said: list[Figure], values: list[float | None]
) -> tuple[str, list[_Said]] | None:
    """Return whether a sum a question states holds: "so 22 in all, 19 plus 3?".

    The largest figure is the asker's sum; the other two must be the story's, and alike.
    """
    if not (_ALL.search(text) and _ADDED.search(text)):
        return None
    last = max(range(len(said)), key=lambda n: values[n] or said[n].value)
    total = said[last]
    parts = [(f, v) for n, (f, v) in enumerate(zip(said, values, strict=True)) if n != last]
    known: list[_Said] = [(f, v) for f, v in parts if v is not None and _alike(total, f)]
    if len(known) < len(parts):
        return None
    worked = sum(v for _, v in known)
    stated = values[last]
    asked = total.value if stated is None else stated
    sums = f"{' + '.join(_shown(pair) for pair in known)} = {_said_as(total, worked)}"
    used = known
    bound = _BOUND.search(text[: total.start])  # "more than 1,400 altogether?"
    if bound is not None:
        holds = worked > asked if bound["more"] else worked < asked
        bounds = f"{'more' if bound['more'] else 'less'} than {_shown((total, asked))}"
        return f"{'Yes' if holds else 'No'}: {sums}, {'' if holds else 'not '}{bounds}.", used
    if abs(worked - asked) < 1e-9:
        return f"Yes: {sums}.", used
    return f"No: {sums}, not {_shown((total, asked))}.", used


def _per(text: str, known: list[_Said]) -> tuple[_Said, _Said] | None:
    """Return (whole, part) when `text` asks the whole per thing one figure counts.

    Asked after the figures: "£310,000 for 42 objects, per object?"; "each dose is $5, how
    much for 4?" states a price per dose and asks no share of it.
    """
    after = max(f.end for f, _ in known)
    things = [_singular(m["thing"]) for m in _PER.finditer(text.lower(), after)]
    counting = [pair for pair in known if _counted(pair[0]) in things]
    if len(counting) != 1:
        return None
    part = counting[0]
    whole = next(pair for pair in known if pair is not part)
    return whole, part


def _counted(figure: Figure) -> str:
    """Return the word a figure counts, singular: "42 objects" counts "object"."""
    words = [w for w in figure.after if w.lower() not in SCALES]
    return _singular(words[0].lower().strip("?.,!")) if words else ""


def _singular(word: str) -> str:
    """Return `word` without a plural ending: "objects" is "object", "towns" "town"."""
    for ending, plain in (("ies", "y"), ("ses", "s"), ("s", "")):
        if word.endswith(ending) and len(word) > len(ending) + 2:
            return word[: -len(ending)] + plain
    return word


def _alike(one: Figure, other: Figure) -> bool:
    """Return whether two figures may be of one kind: "85 million zlotys … the 40 million".

    Not when each says its own and they differ: shillings and pounds, a share and a sum.
    """
    kinds = [(f.sign or f.unit).lower() for f in (one, other)]
    return not all(kinds) or kinds[0] == kinds[1]


def _in_story(figure: Figure, told: frozenset[float]) -> float | None:
    """Return the value of `figure` as the story says it, or None when it never does.

    A scale the question writes on may be no scale: "540 m" is 540 metres in the story.
    """
    plain = figure.value / SCALES[figure.scale.lower()] if figure.scale else None
    for candidate in (figure.value, plain):
        if candidate is not None and round(candidate, 6) in told:
            return candidate
    return None


@lru_cache(maxsize=8)
def _story_values(story: str) -> frozenset[float]:
    """Return every figure the story gives, with its scale, and the counts it writes out."""
    return frozenset(round(value, 6) for value in _values(story))


def _values(text: str, shares: bool | None = None) -> set[float]:
    """Return the values of the figures `text` gives, written out ones among them.

    Only its shares, or only its other figures, when `shares` says which.
    """
    said = {f.value for f in figures(text) if shares is None or (f.unit in PERCENT) == shares}
    if shares:
        return said
    return said | {float(COUNTS[w.lower()]) for w in _WORDS.findall(text)}


def _sentences(story: str, used: list[_Said]) -> list[str]:
    """Return the first story sentence giving each figure used, in the story's order."""
    sentences = story_sentences(story)
    # a sentence before a heading: "... ship the objects." before "Museum votes to return 42"
    ranked = sorted(range(len(sentences)), key=lambda n: (not _ENDED.search(sentences[n]), n))
    found: list[int] = []
    for figure, value in used:
        share = figure.unit in PERCENT  # "5%" is no "five regional banks"
        at = next((n for n in ranked if value in _values(sentences[n], share)), None)
        if at is not None and at not in found:
            found.append(at)
    return [sentences[n] for n in sorted(found)]


def _plain(value: float) -> str:
    """Return a value without trailing zeros: 1.90 as "1.9", 42.0 as "42"."""
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _number(value: float) -> str:
    """Return a worked-out value as a reader says it: "7,381", "5.56", "23 million"."""
    for scale, word in ((1e9, "billion"), (1e6, "million")):
        if value >= scale:
            return f"{_plain(round(value / scale, 2))} {word}"
    return f"{_said(value):,}" if value >= 100 else _plain(_said(value))


def _said(value: float) -> float:
    """Return `value` rounded as it is said: whole from 100, else to two places."""
    for scale in (1e9, 1e6):
        if value >= scale:
            return round(value / scale, 2) * scale
    return round(value) if value >= 100 else round(value, 2 if value < 10 else 1)


def _about(value: float) -> str:
    """Return "About " when `value` was rounded to be said."""
    return "" if abs(value - _said(value)) < 1e-6 * max(1.0, value) else "About "


def _said_as(figure: Figure, value: float) -> str:
    """Return `value` with the sign and unit of `figure`: "£7,381", "23 million zlotys", "8%"."""
    if figure.unit in PERCENT:
        return f"{_number(value)}%"
    return " ".join(part for part in (f"{figure.sign}{_number(value)}", figure.unit) if part)


def _shown(pair: _Said) -> str:
    """Return a figure the question gives, at its value in the story: "85 million"."""
    return _said_as(*pair)
