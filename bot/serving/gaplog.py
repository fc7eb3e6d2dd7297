"""What the maintainer's gaps log is told: questions left unsure, and answers marked wrong.

`storybot gaps` groups them; here each becomes one `Gap` row, its text scrubbed of contact
details and cut as the engine read it.
"""

from __future__ import annotations

import time

from bot.gaps.report import asks_something, canonical_key
from bot.gaps.scrub import scrub
from bot.gaps.store import UNANSWERED, WRONG, Gap
from bot.gaps.writer import GapWriter
from bot.matching.analysis import Analysis
from bot.matching.engine import Engine
from bot.matching.text import clean, tokenize
from bot.models import Answer, AnswerKind, Query

_UNSURE = {AnswerKind.DECLINE, AnswerKind.CLARIFY}


class GapLog:
    """Turns what serving saw into gaps, queued on a writer answers never wait for."""

    def __init__(self, writer: GapWriter, max_chars: int, low_confidence: float) -> None:
        """Queue on `writer`; texts cut at `max_chars`; answers below `low_confidence` count."""
        self.writer = writer
        self.max_chars = max_chars
        self.low_confidence = low_confidence

    def unsure(
        self, engine: Engine, query: Query, answer: Answer, best: str | None, context: str
    ) -> None:
        """Log a question the bot declined, was unsure of, or answered with low confidence.

        `best` is the entry it came closest to; `context`, what a follow-up was read with.
        """
        doubtful = answer.answered and answer.confidence < self.low_confidence
        if (answer.kind in _UNSURE or doubtful) and asks_something(query.text):
            self._add(engine, query, best, answer.confidence, UNANSWERED, context)

    def wrong(self, engine: Engine, query: Query, entry_id: str, confidence: float) -> None:
        """Log that `entry_id`'s answer to `query` was marked "not what I asked"."""
        self._add(engine, query, entry_id, confidence, WRONG, "")

    def _add(
        self,
        engine: Engine,
        query: Query,
        best: str | None,
        confidence: float,
        kind: str,
        context: str,
    ) -> None:
        # what the engine read: a long message's beginning and end, where its question is
        question = clean(scrub(query.text), self.max_chars)
        question += f" {scrub(context.strip())}" if context else ""
        gap = Gap(
            asked_at=time.time(),
            platform=query.platform,
            chat=self.writer.chat_key(query.platform, query.chat_id),
            question=question,
            best_entry=best,
            best_score=confidence,
            key=canonical_key(question, engine),  # `storybot gaps` need not analyse it
            kind=kind,
        )
        self.writer.add(gap)  # queued: a locked or full database costs the gap, not the answer


def read_with(text: str, reading: Analysis | None) -> str:
    """Return " (after: …)" naming what a follow-up was read with, or "" for a question alone.

    "when was that?" means nothing in the gaps log; with the words it leaned on it can be
    turned into a FAQ entry.
    """
    if reading is None:
        return ""
    own = set(tokenize(text))
    lent = [w for w in dict.fromkeys(" ".join(reading.surfaces).split()) if w not in own]
    return f" (after: {' '.join(lent)})" if lent else ""
