"""Write the gaps log from one background thread, so no answer ever waits for its database.

A locked or full database, or a slow disk, costs gaps, never answers: past a bounded queue
gaps are dropped, with one warning a minute that says how many.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path

from bot.gaps.store import Gap, GapStore, SqliteGapStore

log = logging.getLogger(__name__)

QUEUE_SIZE = 1000  # gaps waiting for the database; at ~1 kB each, a megabyte at most
WARN_EVERY = 60.0  # seconds between two warnings about dropped gaps


def open_gaps(path: Path, max_rows: int | None = None) -> SqliteGapStore | None:
    """Open the gaps database, or return None (the log is off) when it cannot be opened."""
    try:
        return SqliteGapStore(path, max_rows)
    except (OSError, sqlite3.Error) as exc:  # read-only folder, full disk, not a database
        log.warning("gaps log off: cannot open %s (%s); serving without it", path, exc)
        return None


class DropCounter:
    """Count dropped gaps; warn on the first, then at most once a minute with the count."""

    def __init__(self, every: float = WARN_EVERY, clock: Callable[[], float] = time.monotonic):
        """Warn at most once per `every` seconds of `clock`."""
        self._every = every
        self._clock = clock
        self._lock = threading.Lock()  # drops come from the answer threads and the writer
        self._unreported = 0
        self._last: float | None = None
        self.total = 0

    def drop(self, reason: str) -> None:
        """Count one dropped gap, and warn if the last warning is a minute old."""
        with self._lock:
            self._unreported += 1
            self.total += 1
            now = self._clock()
            if self._last is not None and now - self._last < self._every:
                return
            count, self._unreported, self._last = self._unreported, 0, now
        log.warning("gaps log: %d unanswered question(s) not stored: %s", count, reason)

    def report(self) -> None:
        """Log the drops not yet reported (at shutdown)."""
        with self._lock:
            count, self._unreported = self._unreported, 0
        if count:
            log.warning("gaps log: %d more unanswered question(s) not stored", count)


class GapWriter:
    """A `GapStore` whose `add` only queues: one thread writes to the real store behind it."""

    def __init__(self, store: GapStore, size: int = QUEUE_SIZE, drops: DropCounter | None = None):
        """Start the writer thread for `store`, queueing at most `size` gaps."""
        self.store = store
        self.drops = drops or DropCounter()
        self._size = size
        self._pending: deque[Gap] = deque()
        self._writing = False
        self._closed = False
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._run, name="storybot-gaps", daemon=True)
        self._thread.start()

    def add(self, gap: Gap) -> None:
        """Queue `gap` for writing; drop it (counted) when the queue is full. Never blocks."""
        with self._changed:
            queued = not self._closed and len(self._pending) < self._size
            if queued:
                self._pending.append(gap)
                self._changed.notify_all()
        if not queued:
            self.drops.drop("the database is too slow or locked, and the queue is full")

    def all(self) -> list[Gap]:
        """Return every stored gap, after what is queued now has been written (or 5 s)."""
        self.flush()
        return self.store.all()

    def forget(self, older_than_days: float | None = None) -> int:
        """Erase gaps in the store behind (all, or older than the given age)."""
        return self.store.forget(older_than_days)

    def chat_key(self, platform: str, chat_id: str) -> str:
        """Return the store's hash for a chat."""
        return self.store.chat_key(platform, chat_id)

    def flush(self, timeout: float = 5.0) -> bool:
        """Wait until every queued gap is written or dropped; False if `timeout` passed first."""
        with self._changed:
            return self._changed.wait_for(lambda: not self._pending and not self._writing, timeout)

    def close(self, timeout: float = 3.0) -> None:
        """Write what is queued, stop the thread and report the drops, within `timeout` s."""
        deadline = time.monotonic() + timeout  # a locked database must not hold up shutdown
        self.flush(timeout)
        with self._changed:
            self._closed = True
            left, self._pending = len(self._pending), deque()
            self._changed.notify_all()
        for _ in range(left):
            self.drops.drop("still queued at shutdown")
        self._thread.join(max(0.0, deadline - time.monotonic()))
        self.drops.report()

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: self._pending or self._closed)
                if not self._pending:
                    return
                gap = self._pending.popleft()
                self._writing = True
            try:
                self.store.add(gap)
            except Exception as exc:  # any failure of the store costs one gap, not the writer
                self.drops.drop(f"{type(exc).__name__}: {exc}")
            finally:
                with self._changed:
                    self._writing = False
                    self._changed.notify_all()
