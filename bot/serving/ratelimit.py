"""Token buckets per user and per chat, so one person cannot flood a group through the bot."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    """What to do with one question."""

    ALLOW = "allow"
    WARN = "warn"  # over the limit: say "slow down", once
    SILENT = "silent"  # still over the limit: say nothing


@dataclass
class _Bucket:
    tokens: float
    stamp: float
    warned: bool = False


@dataclass(frozen=True)
class Limit:
    """A burst of `capacity` questions, refilled at `per_minute` a minute."""

    capacity: int
    per_minute: float


class RateLimiter:
    """Per-user and per-chat token buckets; memory stays bounded by dropping idle buckets."""

    def __init__(
        self,
        user: Limit,
        chat: Limit | None = None,
        clock: Callable[[], float] = time.monotonic,
        max_buckets: int = 100_000,
    ) -> None:
        """Limit each user by `user` and, when given, each chat by `chat`."""
        self._limits = {"user": user, **({"chat": chat} if chat else {})}
        self._clock = clock
        self._max = max_buckets
        self._buckets: dict[tuple[str, str], _Bucket] = {}
        self._lock = threading.Lock()  # questions are answered on worker threads

    def check(self, platform: str, chat_id: str, user_id: str) -> Verdict:
        """Spend one token from the user's and the chat's bucket, or say why not."""
        with self._lock:
            return self._check(platform, chat_id, user_id)

    def _check(self, platform: str, chat_id: str, user_id: str) -> Verdict:
        now = self._clock()
        keys = [("user", f"{platform}:{user_id}"), ("chat", f"{platform}:{chat_id}")]
        keys = [(kind, key) for kind, key in keys if kind in self._limits]
        buckets = [self._refilled(kind, key, now) for kind, key in keys]
        if all(b.tokens >= 1 for b in buckets):
            for bucket in buckets:
                bucket.tokens -= 1
                bucket.warned = False
            return Verdict.ALLOW
        empty = [b for b in buckets if b.tokens < 1]
        if any(not b.warned for b in empty):
            for bucket in empty:
                bucket.warned = True
            return Verdict.WARN
        return Verdict.SILENT

    def _refilled(self, kind: str, key: str, now: float) -> _Bucket:
        limit = self._limits[kind]
        bucket = self._buckets.get((kind, key))
        if bucket is None:
            if len(self._buckets) >= self._max:
                self._forget_idle(now)
            bucket = self._buckets[(kind, key)] = _Bucket(float(limit.capacity), now)
            return bucket
        bucket.tokens = self._level(kind, bucket, now)
        bucket.stamp = now
        return bucket

    def _level(self, kind: str, bucket: _Bucket, now: float) -> float:
        limit = self._limits[kind]
        return min(limit.capacity, bucket.tokens + (now - bucket.stamp) * limit.per_minute / 60)

    def _forget_idle(self, now: float) -> None:
        # a bucket idle long enough to be full again carries no state worth keeping
        full = [
            key
            for key, bucket in self._buckets.items()
            if self._level(key[0], bucket, now) >= self._limits[key[0]].capacity
        ]
        for key in full or list(self._buckets)[: len(self._buckets) // 2]:
            del self._buckets[key]
