"""A fair turn for every asker in a chat, within the chat's own pace.

A platform lets a bot post only so fast in one group (Telegram: 20 messages a minute). Past
that pace a question waits for its turn instead of being refused, and when several wait,
the turn goes to whoever has been answered least in the last minute: a few loud accounts
cannot use up the group's budget while others wait. Each person has one question waiting at
most, and a chat at most a minute's worth, so every wait ends within about a minute.
"""

from __future__ import annotations

import asyncio
import threading
import time
from collections import deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field

from bot.serving.ratelimit import Limit, RateLimiter, Verdict

WINDOW = 60.0  # seconds of history that decide who has had their share
MAX_WAIT = 90.0  # a question still waiting after this is told to wait instead
_MAX_TRACKED = 256  # askers remembered per chat before those idle for a window are dropped


@dataclass(eq=False)
class Ticket:
    """One question waiting for its turn in a chat."""

    chat: str
    user: str
    arrived: float
    granted: bool = False


@dataclass
class _Chat:
    tokens: float
    stamp: float
    waiting: list[Ticket] = field(default_factory=list)
    served: dict[str, deque[float]] = field(default_factory=dict)
    warned: set[str] = field(default_factory=set)


class FairPace:
    """Per-chat token buckets whose waiting questions are served least-answered first."""

    def __init__(self, pace: Limit, max_chats: int = 100_000) -> None:
        """Let each chat have `pace.capacity` answers at once and `pace.per_minute` after."""
        self.pace = pace
        self.max_waiting = max(1, int(pace.per_minute))  # a minute's worth
        self._max_chats = max_chats
        self._chats: dict[str, _Chat] = {}
        self._lock = threading.Lock()  # the sync path answers on worker threads

    def admit(self, chat: str, user: str, now: float) -> Verdict | Ticket:
        """Take a turn now (ALLOW), queue for one (a `Ticket`), or refuse (WARN, SILENT)."""
        with self._lock:
            state = self._refilled(chat, now)
            if state.tokens >= 1 and not state.waiting:
                self._serve(state, user, now)
                return Verdict.ALLOW
            queued = any(t.user == user for t in state.waiting)
            if queued or len(state.waiting) >= self.max_waiting:
                return self._refuse(state, user)
            ticket = Ticket(chat, user, now)
            state.waiting.append(ticket)
            return ticket

    def poll(self, ticket: Ticket, now: float) -> float | None:
        """Return None once `ticket` has its turn, else the seconds until the next turn."""
        with self._lock:
            state = self._refilled(ticket.chat, now)
            while state.tokens >= 1 and state.waiting:
                chosen = min(
                    state.waiting, key=lambda t: (self._count(state, t.user, now), t.arrived)
                )
                state.waiting.remove(chosen)
                chosen.granted = True
                self._serve(state, chosen.user, now)
            if ticket.granted:
                return None
            return (1 - state.tokens) * 60 / self.pace.per_minute

    def withdraw(self, ticket: Ticket) -> None:
        """Give up a ticket's place (its asker left, or waited too long)."""
        with self._lock:
            state = self._chats.get(ticket.chat)
            if state is not None and ticket in state.waiting:
                state.waiting.remove(ticket)

    def _serve(self, state: _Chat, user: str, now: float) -> None:
        state.tokens -= 1
        state.served.setdefault(user, deque()).append(now)
        self._count(state, user, now)  # drops what fell out of the window
        state.warned.discard(user)
        if len(state.served) > _MAX_TRACKED:  # a busy group over months: forget who left
            state.served = {u: t for u, t in state.served.items() if t and t[-1] > now - WINDOW}
            state.warned.clear()

    def _refuse(self, state: _Chat, user: str) -> Verdict:
        if user in state.warned:
            return Verdict.SILENT
        state.warned.add(user)
        return Verdict.WARN

    def _count(self, state: _Chat, user: str, now: float) -> int:
        times = state.served.get(user)
        if not times:
            return 0
        while times and times[0] <= now - WINDOW:
            times.popleft()
        return len(times)

    def _refilled(self, chat: str, now: float) -> _Chat:
        state = self._chats.get(chat)
        if state is None:
            if len(self._chats) >= self._max_chats:
                self._forget_idle(now)
            state = self._chats[chat] = _Chat(float(self.pace.capacity), now)
        gained = (now - state.stamp) * self.pace.per_minute / 60
        state.tokens, state.stamp = min(self.pace.capacity, state.tokens + gained), now
        return state

    def _forget_idle(self, now: float) -> None:
        # a chat with nobody waiting and nobody answered in the last window has no state worth
        # keeping (a full bucket is what a new one starts with)
        idle = [
            chat
            for chat, state in self._chats.items()
            if not state.waiting
            and all(not t or t[-1] <= now - WINDOW for t in state.served.values())
        ]
        for chat in idle or list(self._chats)[: len(self._chats) // 2]:
            del self._chats[chat]


Sleep = Callable[[float], Awaitable[None]]


class Gate:
    """The way in for questions: the asker's own bucket, then a fair turn in the chat."""

    def __init__(
        self,
        user: Limit,
        chat: Limit,
        clock: Callable[[], float] = time.monotonic,
        sleep: Sleep = asyncio.sleep,
        unlimited: frozenset[str] = frozenset(),
    ) -> None:
        """Limit each person by `user` and pace each chat by `chat`; `unlimited` platforms pass."""
        self._users = RateLimiter(user, clock=clock)
        self.pace = FairPace(chat)
        self._clock = clock
        self._sleep = sleep
        self._unlimited = unlimited

    def check(self, platform: str, chat_id: str, user_id: str) -> Verdict:
        """Decide now, without waiting: past the chat's pace the question is refused."""
        admitted = self._admit(platform, chat_id, user_id)
        if isinstance(admitted, Ticket):
            self.pace.withdraw(admitted)
            return Verdict.WARN
        return admitted

    async def wait(self, platform: str, chat_id: str, user_id: str) -> Verdict:
        """Decide, waiting (up to `MAX_WAIT`) for a fair turn when the chat is at its pace."""
        admitted = self._admit(platform, chat_id, user_id)
        if not isinstance(admitted, Ticket):
            return admitted
        try:
            while (delay := self.pace.poll(admitted, self._clock())) is not None:
                if self._clock() - admitted.arrived >= MAX_WAIT:
                    return Verdict.WARN
                await self._sleep(delay + 0.01)  # the next turn, which may go to another
        finally:
            self.pace.withdraw(admitted)  # a no-op once granted
        return Verdict.ALLOW

    def _admit(self, platform: str, chat_id: str, user_id: str) -> Verdict | Ticket:
        if platform in self._unlimited:
            return Verdict.ALLOW
        verdict = self._users.check(platform, user_id, user_id)
        if verdict is not Verdict.ALLOW:
            return verdict
        return self.pace.admit(f"{platform}:{chat_id}", user_id, self._clock())
