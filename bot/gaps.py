"""The unanswered-questions log: what people asked that the bot could not answer."""

from __future__ import annotations

import hashlib
import hmac
import secrets
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

DAY = 86_400.0


@dataclass(frozen=True)
class Gap:
    """One question the bot declined or was unsure of."""

    asked_at: float
    platform: str
    chat: str  # a salted hash: no chat or user id is stored in clear
    question: str
    best_entry: str | None
    best_score: float


class GapStore(Protocol):
    """Where gaps are kept: SQLite today, a server database tomorrow."""

    def add(self, gap: Gap) -> None:
        """Store one gap."""

    def all(self) -> list[Gap]:
        """Return every stored gap, oldest first."""

    def forget(self, older_than_days: float | None = None) -> int:
        """Erase gaps (all, or those older than the given age); return how many."""

    def chat_key(self, platform: str, chat_id: str) -> str:
        """Return the salted hash that stands for a chat."""


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS gaps (
    id INTEGER PRIMARY KEY,
    asked_at REAL NOT NULL,
    platform TEXT NOT NULL,
    chat TEXT NOT NULL,
    question TEXT NOT NULL,
    best_entry TEXT,
    best_score REAL NOT NULL
);
CREATE INDEX IF NOT EXISTS gaps_asked_at ON gaps (asked_at);
"""


class SqliteGapStore:
    """Gaps in one SQLite file: WAL mode, one connection per thread, safe across processes."""

    def __init__(self, path: Path) -> None:
        """Open (creating if needed) the database at `path`."""
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        with self._connection() as db:
            db.executescript(_SCHEMA)
            db.execute(
                "INSERT OR IGNORE INTO meta (key, value) VALUES ('salt', ?)",
                (secrets.token_hex(16),),
            )
            self._salt = db.execute("SELECT value FROM meta WHERE key = 'salt'").fetchone()[0]

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
            db.execute("PRAGMA synchronous=NORMAL")  # WAL keeps this crash-safe
            db.execute("PRAGMA busy_timeout=30000")
            self._local.db = db
        yield db

    def add(self, gap: Gap) -> None:
        """Store one gap in its own transaction."""
        with self._connection() as db:
            db.execute(
                "INSERT INTO gaps (asked_at, platform, chat, question, best_entry, best_score) "
                "VALUES (?, ?, ?, ?, ?, ?)",
                (
                    gap.asked_at,
                    gap.platform,
                    gap.chat,
                    gap.question,
                    gap.best_entry,
                    gap.best_score,
                ),
            )

    def all(self) -> list[Gap]:
        """Return every stored gap, oldest first."""
        with self._connection() as db:
            rows = db.execute(
                "SELECT asked_at, platform, chat, question, best_entry, best_score "
                "FROM gaps ORDER BY asked_at, id"
            ).fetchall()
        return [Gap(*row) for row in rows]

    def forget(self, older_than_days: float | None = None) -> int:
        """Erase all gaps, or those asked more than `older_than_days` ago."""
        with self._connection() as db:
            if older_than_days is None:
                cursor = db.execute("DELETE FROM gaps")
            else:
                cutoff = time.time() - older_than_days * DAY
                cursor = db.execute("DELETE FROM gaps WHERE asked_at < ?", (cutoff,))
            return cursor.rowcount

    def chat_key(self, platform: str, chat_id: str) -> str:
        """Return an HMAC of the chat with this database's own salt."""
        digest = hmac.new(self._salt.encode(), f"{platform}:{chat_id}".encode(), hashlib.sha256)
        return digest.hexdigest()[:16]

    def close(self) -> None:
        """Close this thread's connection."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None
