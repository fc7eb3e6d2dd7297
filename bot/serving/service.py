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
from bot.conversation.feedback import Receipt, Receipts
from bot.conversation.turns import Memory
from bot.errors import KnowledgeError
from bot.gaps.scrub import scrub
from bot.gaps.store import GapStore
from bot.gaps.writer import GapWriter
from bot.knowledge import gcpause
from bot.knowledge.retiring import retire
from bot.matching.engine import Engine
from bot.matching.text import clean
from bot.models import Answer, AnswerKind, Catalogue, Feedback, Marked, Query, Suggestion
from bot.serving.fairness import Gate
from bot.serving.gaplog import GapLog, read_with
from bot.serving.ratelimit import Limit, RateLimiter, Verdict
from bot.serving.reloading import folder_state, watch_folder

log = logging.getLogger(__name__)

APOLOGY = replies.APOLOGY  # what a front end says when its own handler fails
# a question that got none of these leaves nothing for "he" or "that" to point back to
_MOVED_ON = {AnswerKind.DECLINE, AnswerKind.CLARIFY, AnswerKind.CORRECTION}
# replies the asker can mark "not what I asked": answers, and corrections of their premise
_MARKABLE = {AnswerKind.ANSWER, AnswerKind.CORRECTION}


class StoryBot:
    """What every front end talks to: answers a `Query`, and keeps serving through edits."""

    def __init__(self, engine: Engine, settings: Settings, gaps: GapStore | None = None) -> None:
        """Serve `engine`; log gaps to `gaps` when given, from a thread answers never wait for."""
        self.engine = engine
        self.settings = settings
        _warn_duplicates(engine)
        self.gaps = GapWriter(gaps) if gaps is not None else None
        log_to = settings.max_question_chars, settings.gaps_low_confidence
        self._gaplog = GapLog(self.gaps, *log_to) if self.gaps is not None else None
        self.memory = Memory(ttl=settings.followup_seconds)  # what "and where?" refers to
        self.receipts = Receipts()  # what each answer was, for "not what I asked"
        # questions: each person's own bucket, then a fair turn within the chat's pace; the
        # terminal chat is one local person and has no limit
        self._questions = Gate(
            user=Limit(settings.rate_user_burst, settings.rate_user_per_minute),
            chat=Limit(settings.rate_chat_burst, settings.rate_chat_per_minute),
            unlimited=frozenset({"console"}),
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
        """Answer a question (or a picked suggestion) now, within the asker's rate limits."""
        start = time.perf_counter()
        refusal = self._refusal(self._questions, query)
        if refusal is not None:
            self._log("question", query, refusal.kind.value, start)
            return refusal
        return self._reply(query, entry_id, start)

    async def ask(self, query: Query, entry_id: str | None = None) -> Answer:
        """Answer off the event loop, after waiting for a fair turn if the chat is busy."""
        start = time.perf_counter()
        verdict = await self._questions.wait(query.platform, query.chat_id, query.user_id)
        refusal = _refusal_for(verdict)
        if refusal is not None:
            self._log("question", query, refusal.kind.value, start)
            return refusal
        # matching and the gaps log are blocking work
        return await asyncio.to_thread(self._reply, query, entry_id, start)

    def _reply(self, query: Query, entry_id: str | None, start: float) -> Answer:
        engine = self.engine  # one engine for the whole question, even if a reload lands now
        best: str | None = entry_id
        context = ""  # what a follow-up was read with, for the gaps log
        followed = False  # read with the last turn: its answer or decline is about that turn
        asker = f"{query.platform}:{query.chat_id}:{query.user_id}"
        if entry_id:
            answer = engine.answer_entry(entry_id)
            turn = engine.turn_of(answer, answer.question or "")
        else:  # the decision names its best candidate: the gaps log needs no second match
            decision = engine.decide(query, self.memory.recall(asker))
            answer, best = decision.answer, decision.best.entry.id if decision.best else None
            turn = engine.turn_of(answer, decision.question, decision.analysis)
            context = read_with(query.text, decision.analysis)
            followed = decision.analysis is not None
        if turn is not None:
            self.memory.remember(asker, turn)
        elif answer.kind in _MOVED_ON and not followed:
            # "he" no longer means whoever the last answer named; but after "how old is he?"
            # was declined of the governor, "what did he say?" still asks of him
            self.memory.forget(asker)
        said = answer.entry_id or "a story sentence"  # a quoted sentence is no entry
        outcome = said if answer.answered else f"unanswered ({answer.kind.value})"
        self._log("question", query, f"{outcome} confidence={answer.confidence:.2f}", start)
        log.debug("question text: %r", query.text)
        if self._gaplog is not None:
            self._gaplog.unsure(engine, query, answer, best, context)
        # only a known person can press "not what I asked" and be recognised as the asker
        if answer.entry_id and answer.kind in _MARKABLE and not query.anonymous:
            asked = query.text if not entry_id else answer.question or ""
            asked = clean(scrub(asked), self.settings.max_question_chars)
            receipt = Receipt(
                query.platform,
                query.chat_id,
                query.user_id,
                asked,
                answer.entry_id,
                answer.confidence,
            )
            answer = answer.model_copy(update={"ref": self.receipts.issue(receipt)})
        return answer

    def feedback(self, query: Query, ref: str | None) -> Feedback:
        """Log, for the maintainer, that the answer `ref` was not what `query`'s asker asked.

        Only its asker can mark an answer, once; the outcome says why not otherwise. No `ref`
        (a chat's `wrong` before any answer it could mark) is said so.
        """
        start = time.perf_counter()
        refusal = self._refusal(self._typing, query)
        if refusal is not None:
            self._log("feedback", query, refusal.kind.value, start)
            return Feedback(marked=Marked.REFUSED, reply=refusal)
        marked, receipt = (Marked.NOTHING, None)
        if ref:
            marked, receipt = self.receipts.mark(ref, query.platform, query.user_id)
        if receipt is not None and self._gaplog is not None:
            asked = Query(text=receipt.question, platform=receipt.platform, chat_id=receipt.chat_id)
            self._gaplog.wrong(self.engine, asked, receipt.entry_id, receipt.confidence)
        outcome = f"marked wrong: {receipt.entry_id}" if receipt else marked.value
        self._log("feedback", query, outcome, start)
        return Feedback(marked=marked, reply=replies.marked(marked))

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
        # a space at the end is kept: it says the last word is whole ("who sig" is half one)
        text = query.text.lstrip()[: self.settings.max_question_chars]
        found = tuple(map(replies.suggestion, engine.suggest(text, limit))) if text.strip() else ()
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
            with gcpause.handing_over():  # answers keep their turns while it builds
                engine = Engine.from_settings(self.settings, previous=self.engine)
        except KnowledgeError as exc:
            log.error("knowledge reload rejected, still serving the last good knowledge:\n%s", exc)
            return False
        except Exception:  # a bug, not a bad edit: keep serving and keep watching
            log.exception("knowledge reload failed, still serving the last good knowledge")
            return False
        if folder_state(folder) != before:  # saved again while loading: that save will reload
            log.info("knowledge changed while it was read; waiting for the folder to settle")
            return False
        # a single assignment: questions see the old or the new, whole; the old one is freed
        # in the background, a little at a time, once the last answer begun on it is done
        retired, self.engine = self.engine, engine
        retire(retired)
        del retired
        log.info("knowledge reloaded from %s: %d FAQ entries", folder, len(engine.knowledge.faq))
        _warn_duplicates(engine)
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
    def _refusal(limiter: RateLimiter | Gate, query: Query) -> Answer | None:
        return _refusal_for(limiter.check(query.platform, query.chat_id, query.user_id))

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


def _refusal_for(verdict: Verdict) -> Answer | None:
    if verdict is Verdict.ALLOW:
        return None
    if verdict is Verdict.WARN:
        return Answer(text=replies.SLOW_DOWN, kind=AnswerKind.THROTTLED)
    return Answer(text="", kind=AnswerKind.SILENT)


def _warn_duplicates(engine: Engine) -> None:
    """Log each question written in two entries: served, but one entry never answers it."""
    for duplicate in engine.knowledge.duplicated:
        log.warning("knowledge: %s", duplicate)
