"""The running bot, and the one door every front end uses: answers, suggestions, the FAQ.

Each method takes the asker's `Query`, applies that path's rate limit, reads the engine once
(a reload that lands mid-call cannot mix two knowledge versions in one reply), and logs one
line. Front ends import this module and `bot.models`, never the engine.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable

from bot import replies
from bot.config import Settings
from bot.engine import Engine
from bot.errors import KnowledgeError
from bot.gap_writer import GapWriter
from bot.gaps import Gap, GapStore
from bot.models import Answer, AnswerKind, Catalogue, Query, Suggestion
from bot.ratelimit import Limit, RateLimiter, Verdict
from bot.reloading import folder_state, watch_folder

log = logging.getLogger(__name__)

APOLOGY = replies.APOLOGY  # what a front end says when its own handler fails
UNSURE = {AnswerKind.DECLINE, AnswerKind.CLARIFY}


class StoryBot:
    """What every front end talks to: answers a `Query`, and keeps serving through edits."""

    def __init__(self, engine: Engine, settings: Settings, gaps: GapStore | None = None) -> None:
        """Serve `engine`; log gaps to `gaps` when given, from a thread answers never wait for."""
        self.engine = engine
        self.settings = settings
        self.gaps = GapWriter(gaps) if gaps is not None else None
        self._questions = RateLimiter(
            user=Limit(settings.rate_user_burst, settings.rate_user_per_minute),
            chat=Limit(settings.rate_chat_burst, settings.rate_chat_per_minute),
        )
        # typing: inline queries and autocomplete fire per keystroke, so a cheap, wider bucket
        self._typing = RateLimiter(
            user=Limit(settings.rate_typing_burst, settings.rate_typing_per_minute)
        )
        # listings (/faq, /about, /help) post long messages: few per person and per chat
        self._listings = RateLimiter(
            user=Limit(settings.rate_listing_burst, settings.rate_listing_per_minute),
            chat=Limit(2 * settings.rate_listing_burst, 2 * settings.rate_listing_per_minute),
        )

    @property
    def title(self) -> str:
        """Return the title of the story being served."""
        return self.engine.knowledge.title

    def answer(self, query: Query, entry_id: str | None = None) -> Answer:
        """Answer a question (or a picked suggestion), within the asker's rate limits."""
        start = time.perf_counter()
        refusal = self._refusal(self._questions, query)
        if refusal is not None:
            self._log("question", query, refusal.kind.value, start)
            return refusal
        engine = self.engine  # one engine for the whole question, even if a reload lands now
        best: str | None = entry_id
        if entry_id:
            answer = engine.answer_entry(entry_id)
        else:  # the decision names its best candidate: the gaps log needs no second match
            decision = engine.decide(query)
            answer, best = decision.answer, decision.best.entry.id if decision.best else None
        outcome = answer.entry_id if answer.answered else f"unanswered ({answer.kind.value})"
        self._log("question", query, f"{outcome} confidence={answer.confidence:.2f}", start)
        log.debug("question text: %r", query.text)
        if self.gaps is not None and self._is_gap(answer):
            self._store_gap(query, answer, best)
        return answer

    async def ask(self, query: Query, entry_id: str | None = None) -> Answer:
        """Answer off the event loop: matching and the gaps log are blocking work."""
        return await asyncio.to_thread(self.answer, query, entry_id)

    def suggest(self, query: Query, limit: int) -> tuple[Suggestion, ...]:
        """Return questions a half-typed `query` may be after; the first FAQ ones if none.

        Over the asker's typing limit the list is empty: the platform shows nothing new.
        """
        return tuple(s for s, _ in self._typed("suggest", query, limit, answers=False))

    def previews(self, query: Query, limit: int) -> tuple[Answer, ...]:
        """Return the answers to what a half-typed `query` may be after (inline results)."""
        return tuple(a for _, a in self._typed("preview", query, limit, answers=True) if a)

    def _typed(
        self, what: str, query: Query, limit: int, answers: bool
    ) -> list[tuple[Suggestion, Answer | None]]:
        start = time.perf_counter()
        if self._typing.check(query.platform, query.user_id, query.user_id) is not Verdict.ALLOW:
            self._log(what, query, "rate limited", start)
            return []
        engine = self.engine  # the suggestions and their answers from one knowledge version
        text = query.text.strip()[: self.settings.max_question_chars]
        found = tuple(replies.suggestion(e) for e in engine.suggest(text, limit)) if text else ()
        found = found or engine.top_questions(limit)
        self._log(what, query, f"{len(found)} suggestions", start)
        return [(s, engine.answer_entry(s.entry_id) if answers else None) for s in found]

    def catalogue(self, query: Query) -> Catalogue:
        """Return the FAQ by topic for `/faq`, or the refusal when asked too often."""
        start = time.perf_counter()
        refusal = self._refusal(self._listings, query)
        if refusal is not None:
            self._log("faq", query, refusal.kind.value, start)
            return Catalogue(refusal=refusal)
        topics = self.engine.topics()
        self._log("faq", query, f"{len(topics)} topics", start)
        return Catalogue(topics=topics)

    def about(self, query: Query) -> Answer:
        """Say which story the bot knows."""
        return self._listing("about", query, lambda engine: engine.about())

    def help(self, query: Query) -> Answer:
        """Say how to ask."""
        return self._listing("help", query, lambda engine: engine.help())

    def reload(self) -> bool:
        """Load the knowledge folder again; keep the current engine if it is broken."""
        folder = self.settings.knowledge_dir
        before = folder_state(folder)
        try:
            engine = Engine.from_settings(self.settings)
        except KnowledgeError as exc:
            log.error("knowledge reload rejected, still serving the last good knowledge:\n%s", exc)
            return False
        except Exception:  # a bug, not a bad edit: keep serving and keep watching
            log.exception("knowledge reload failed, still serving the last good knowledge")
            return False
        if folder_state(folder) != before:  # saved again while loading: that save will reload
            log.info("knowledge changed while it was read; waiting for the folder to settle")
            return False
        self.engine = engine  # a single assignment: questions see the old or the new, whole
        log.info("knowledge reloaded from %s: %d FAQ entries", folder, len(engine.knowledge.faq))
        return True

    def close(self) -> None:
        """Write the gaps still queued (for a few seconds at most) and stop their writer."""
        if self.gaps is not None:
            self.gaps.close()

    async def watch(self, stop: asyncio.Event) -> None:
        """Reload once the knowledge folder has changed and gone quiet, until `stop` is set."""
        await watch_folder(self.settings.knowledge_dir, self.reload, stop)

    def _listing(self, what: str, query: Query, text: _Text) -> Answer:
        start = time.perf_counter()
        refusal = self._refusal(self._listings, query)
        if refusal is None:
            refusal = Answer(text=text(self.engine), kind=AnswerKind.SMALLTALK)
        self._log(what, query, refusal.kind.value, start)
        return refusal

    @staticmethod
    def _refusal(limiter: RateLimiter, query: Query) -> Answer | None:
        verdict = limiter.check(query.platform, query.chat_id, query.user_id)
        if verdict is Verdict.ALLOW:
            return None
        if verdict is Verdict.WARN:
            return Answer(text=replies.SLOW_DOWN, kind=AnswerKind.THROTTLED)
        return Answer(text="", kind=AnswerKind.SILENT)

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
        self.gaps.add(gap)  # queued: a locked or full database costs the gap, not the answer

    @staticmethod
    def _log(what: str, query: Query, outcome: str, start: float) -> None:
        elapsed = (time.perf_counter() - start) * 1000
        log.info(
            "%s %s %s: %s latency=%.1fms",
            what,
            query.platform,
            query.chat_kind.value,
            outcome,
            elapsed,
        )


_Text = Callable[[Engine], str]
