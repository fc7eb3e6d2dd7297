"""What a figure the story gives stands for: "what's the 62 million zloty figure about?".

People quote a figure from the story and ask what it is ("the 14.5 million, what is that
exactly?", "whats the deal with the 27 and 17 numbers?", "this 1998 date, it's about
what?"). When the question says little besides its figures, and one entry's answer states
every one of them, that entry answers it (of several, the likeliest). Anything else is read
as asked.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bot import replies
from bot.matching.analysis import Analysis
from bot.matching.decision import Decision, Entry
from bot.matching.lexicon import QType

if TYPE_CHECKING:
    from bot.matching.engine import Engine

# the words that ask what a figure is: "what's the 62 million figure?", "what does 61% mean?"
_ASKING = re.compile(
    r"\b(?:figures?|numbers?|stats?|deal|about(?!\s+\d)|mean|means|refers?|scene)\b", re.I
)
# a figure of two digits or more ("1,650" too): "3 weeks" may be any three of the story's things
_FIGURE = re.compile(r"(?<![\w.,])(?:\d{1,3}(?:,\d{3})+|\d\d+)(?:\.\d+)?(?![\w]|[.,]\d)")
# words that say only where the figure was or what it is, not what it is of
_ABOUT_FIGURES = frozenset(
    """
    figure figures number numbers stat stats date deal about mean means meant refer refers
    scene thing article story piece report text exactly actually near end start bit quoi kya
    million billion thousand trillion percent per cent mil bn whole
    """.split()
)
_MOST = 2  # figures a question asks about at once: "the 27 and 17 numbers"
_OTHERS = 3  # other words it may say: "the 62 million zloty figure", "good or bad?"


def figured(engine: Engine, text: str, reading: Analysis) -> Decision | None:
    """Answer what the figures `text` quotes stand for, when one entry states them all."""
    if reading.qtype is QType.YESNO or not _ASKING.search(text):  # almost every question
        return None  # "is the backlog of about 170 more than three times the 48?" asks a ratio
    said = list(dict.fromkeys(f.replace(",", "") for f in _FIGURE.findall(text)))
    if not said or len(said) > _MOST:
        return None
    generic = {t for word in _ABOUT_FIGURES for t in engine.analyzer.terms(word)}
    digits = {t for f in said for t in engine.analyzer.terms(f)}
    if len(set(reading.terms) - digits - generic) > _OTHERS:
        return None  # it asks more than what the figure is
    postings = engine.index.corpus.postings
    whole = [f.split(".")[0] for f in said]
    found = set(postings.rows(whole[0]).tolist()).intersection(
        *(postings.rows(w).tolist() for w in whole[1:])
    )
    stating = [engine.entries[p] for p in sorted(found) if _states(engine.entries[p].answer, said)]
    return answered_by(engine, text, stating, "a figure asked of: an entry states it")


def answered_by(engine: Engine, text: str, stating: list[Entry], reason: str) -> Decision | None:
    """Answer `text` with the entry of `stating` the question's words make likeliest.

    One entry stating what is asked answers it; of several, the likeliest; of several none of
    which the words nominate, none does.
    """
    if not stating:
        return None
    ranked = [c.entry for c in engine.candidates(text) if c.entry in stating]
    if not ranked and len(stating) > 1:
        return None
    entry = (ranked or stating)[0]
    return Decision(text, replies.single(entry, engine.thresholds.answer), reason)


def _states(answer: str, figures: list[str]) -> bool:
    """Return whether `answer` states every one of `figures` ("2,300" states "2300")."""
    written = {f.replace(",", "") for f in _FIGURE.findall(answer)}
    return all(f in written for f in figures)
