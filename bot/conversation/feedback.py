"""Answers people can mark "not what I asked", remembered for a day, bounded.

Each answer the service gives carries a short random reference; a front end sends it back
when the asker presses "not what I asked". The reference leads to the question and the entry
that answered it, kept in memory only, so the mark can be logged for the maintainer without
the platform having to echo the question back. The asker's id is kept beside it (never
logged), so that only they can mark it, and only once.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, replace

from bot.conversation.expiring import ExpiringMap
from bot.models import Marked


@dataclass(frozen=True)
class Receipt:
    """What one answer was: where and by whom it was asked, the question, the entry."""

    platform: str
    chat_id: str
    user_id: str
    question: str
    entry_id: str
    confidence: float
    marked: bool = False


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
        self._marking = threading.Lock()  # two presses at once: one mark

    def issue(self, receipt: Receipt) -> str:
        """Keep `receipt`; return its reference (12 hex digits: fits any button's data)."""
        ref = secrets.token_hex(6)
        self._kept.set(ref, receipt)
        return ref

    def mark(self, ref: str, platform: str, user_id: str) -> tuple[Marked, Receipt | None]:
        """Mark the answer `ref` for the person who pressed; the receipt only when it is new.

        An answer is marked once, by its asker; anyone else's press leaves it markable.
        """
        with self._marking:
            receipt = self._kept.get(ref)
            if receipt is None:
                return Marked.UNKNOWN, None
            if (receipt.platform, receipt.user_id) != (platform, user_id):
                return Marked.NOT_ASKER, None
            if receipt.marked:
                return Marked.ALREADY, None
            self._kept.set(ref, replace(receipt, marked=True))
            return Marked.NOTED, receipt

    def __len__(self) -> int:
        """Return how many receipts are kept."""
        return len(self._kept)
