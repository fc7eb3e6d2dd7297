"""The running bot: the current engine, live reloads, rate limits, logs and the gaps log."""

from __future__ import annotations

import asyncio
import logging
import time
from pathlib import Path

from bot.config import Settings
from bot.engine import Engine
from bot.errors import KnowledgeError
from bot.gaps import Gap, GapStore
from bot.models import Answer, AnswerKind, Query
from bot.ratelimit import Limit, RateLimiter, Verdict

log = logging.getLogger(__name__)

SLOW_DOWN = "You're asking faster than I can answer. Please wait a little and ask again."
UNSURE = {AnswerKind.DECLINE, AnswerKind.CLARIFY}


class StoryBot:
    """What every front end talks to: answers a `Query`, and keeps serving through edits."""

    def __init__(self, engine: Engine, settings: Settings, gaps: GapStore | None = None) -> None:
        """Serve `engine`; log gaps to `gaps` when given."""
        self.engine = engine
        self.settings = settings
        self.gaps = gaps
        self.limiter = RateLimiter(
            user=Limit(settings.rate_user_burst, settings.rate_user_per_minute),
            chat=Limit(settings.rate_chat_burst, settings.rate_chat_per_minute),
        )

    def answer(self, query: Query, entry_id: str | None = None) -> Answer:
        """Answer a question (or a picked suggestion), within the asker's rate limits."""
        start = time.perf_counter()
        verdict = self.limiter.check(query.platform, query.chat_id, query.user_id)
        if verdict is not Verdict.ALLOW:
            kind = AnswerKind.THROTTLED if verdict is Verdict.WARN else AnswerKind.SILENT
            log.info("question %s %s: rate limited (%s)", query.platform, query.chat_kind, kind)
            return Answer(
                answered=False, text=SLOW_DOWN if kind is AnswerKind.THROTTLED else "", kind=kind
            )
        engine = self.engine  # one engine for the whole question, even if a reload lands now
        best: str | None = entry_id
        if entry_id:
            answer = engine.answer_entry(entry_id)
        else:  # the decision names its best candidate: the gaps log needs no second match
            decision = engine.decide(query)
            answer, best = decision.answer, decision.best.entry.id if decision.best else None
        self._log(query, answer, time.perf_counter() - start)
        if self.gaps is not None and self._is_gap(answer):
            self._store_gap(query, answer, best)
        return answer

    async def ask(self, query: Query, entry_id: str | None = None) -> Answer:
        """Answer off the event loop: matching and the gaps log are blocking work."""
        return await asyncio.to_thread(self.answer, query, entry_id)

    def reload(self) -> bool:
        """Load the knowledge folder again; keep the current engine if it is broken."""
        folder = self.settings.knowledge_dir
        try:
            engine = Engine.from_settings(self.settings)
        except KnowledgeError as exc:
            log.error("knowledge reload rejected, still serving the last good knowledge:\n%s", exc)
            return False
        self.engine = engine  # a single assignment: questions see the old or the new, whole
        log.info("knowledge reloaded from %s: %d FAQ entries", folder, len(engine.knowledge.faq))
        return True

    async def watch(self, stop: asyncio.Event) -> None:
        """Reload whenever a file in the knowledge folder changes, until `stop` is set."""
        from watchfiles import awatch  # only a running bot needs it

        folder: Path = self.settings.knowledge_dir
        log.info("watching %s for edits", folder)
        async for _ in awatch(folder, stop_event=stop, debounce=300, step=100):
            await asyncio.to_thread(self.reload)

    def _is_gap(self, answer: Answer) -> bool:
        if answer.kind in UNSURE:
            return True
        return answer.answered and answer.confidence < self.settings.gaps_low_confidence

    def _store_gap(self, query: Query, answer: Answer, best: str | None) -> None:
        assert self.gaps is not None  # noqa: S101 - checked by the caller
        gap = Gap(
            asked_at=time.time(),
            platform=query.platform,
            chat=self.gaps.chat_key(query.platform, query.chat_id),
            question=query.text[: self.settings.max_question_chars],
            best_entry=best,
            best_score=answer.confidence,
        )
        try:
            self.gaps.add(gap)
        except Exception:  # losing one log line must never lose the user's answer
            log.exception("could not store an unanswered question")

    def _log(self, query: Query, answer: Answer, seconds: float) -> None:
        outcome = answer.entry_id if answer.answered else answer.kind.value
        log.info(
            "question %s %s: %s confidence=%.2f latency=%.1fms",
            query.platform,
            query.chat_kind,
            outcome if answer.answered else f"unanswered ({outcome})",
            answer.confidence,
            seconds * 1000,
        )
        log.debug("question text: %r", query.text)
