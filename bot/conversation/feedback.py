"""Answers people can mark "not what I asked", remembered for a day, bounded.

Each answer the service gives carries a short random reference; a front end sends it back
when the asker presses "not what I asked". The reference leads to the question and the entry
that answered it, kept in memory only (nothing about the asker), so the mark can be logged for
the maintainer without the platform having to echo the question back.
"""

from __future__ import annotations

import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass

from bot.conversation.expiring import ExpiringMap


@dataclass(frozen=True)
class Receipt:
    """What one answer was: where it was asked, the question, the entry and its confidence."""

    platform: str
    chat_id: str
    question: str
    entry_id: str
    confidence: float


class Receipts:
    """Receipts by reference for `ttl` seconds; the oldest go first past `capacity`."""

    def __init__(
        self,
        ttl: float = 86_400.0,
        capacity: int = 20_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Keep receipts `ttl` seconds, at most `capacity` of them."""
        self._kept: ExpiringMap[Receipt] = ExpiringMap(ttl, capacity, clock)

    def issue(self, receipt: Receipt) -> str:
        """Keep `receipt`; return its reference (12 hex digits: fits any button's data)."""
        ref = secrets.token_hex(6)
        self._kept.set(ref, receipt)
        return ref

    def take(self, ref: str) -> Receipt | None:
        """Return and forget the receipt of `ref`: an answer is marked wrong once."""
        return self._kept.get(ref, remove=True)

    def __len__(self) -> int:
        """Return how many receipts are kept."""
        return len(self._kept)
