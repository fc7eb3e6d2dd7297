"""The unanswered-questions log: what people asked that the bot could not answer."""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
import sqlite3
import stat
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import astuple, dataclass, replace
from pathlib import Path
from typing import Protocol

from bot.gaps.scrub import scrub

DAY = 86_400.0
UNANSWERED = "unanswered"  # declined, or answered unsure
WRONG = "wrong"  # answered, and the asker said it was not what they asked


@dataclass(frozen=True)
class Gap:
    """One question the bot declined or was unsure of."""

    asked_at: float
    platform: str
    chat: str  # a keyed hash: no chat or user id is stored in clear
    question: str
    best_entry: str | None
    best_score: float
    key: str = ""  # the question's canonical terms, sorted: what grouping compares
    kind: str = UNANSWERED


class GapStore(Protocol):
    """Where gaps are kept: SQLite today, a server database tomorrow."""

    def add(self, gap: Gap) -> None:
        """Store one gap."""

    def all(self) -> list[Gap]:
        """Return every stored gap, oldest first."""

    def forget(self, older_than_days: float | None = None) -> int:
        """Erase gaps (all, or those older than the given age); return how many."""

    def chat_key(self, platform: str, chat_id: str) -> str:
        """Return the keyed hash that stands for a chat."""


_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS gaps (
    id INTEGER PRIMARY KEY,
    asked_at REAL NOT NULL,
    platform TEXT NOT NULL,
    chat TEXT NOT NULL,
    question TEXT NOT NULL,
    best_entry TEXT,
    best_score REAL NOT NULL,
    key TEXT NOT NULL DEFAULT '',
    kind TEXT NOT NULL DEFAULT 'unanswered'
);
CREATE INDEX IF NOT EXISTS gaps_asked_at ON gaps (asked_at);
"""

_SQLITE_HEADER = b"SQLite format 3\x00"  # the first bytes of every SQLite database


class SqliteGapStore:
    """Gaps in one SQLite file: WAL mode, one connection per thread, safe across processes.

    The folder is private to its owner (0700), the database and its journals 0600. Chat ids
    are hashed with a key kept in a file of its own (`<database>.key`, 0600), never in the
    database: a copy of the database alone cannot be matched back to chats or users.
    """

    def __init__(self, path: Path, max_rows: int | None = None) -> None:
        """Open (creating if needed) the database at `path`, keeping at most `max_rows`."""
        self.path = path
        self.max_rows = max_rows
        _refuse_foreign(path)
        _private_folder(path)
        _private_files(path)
        self._key = _read_or_create_key(path.with_name(path.name + ".key"))
        self._local = threading.local()
        with self._connection() as db:
            db.executescript(_SCHEMA)
            columns = {row[1] for row in db.execute("PRAGMA table_info(gaps)")}
            if "key" not in columns:  # a database from before grouping keys were stored
                db.execute("ALTER TABLE gaps ADD COLUMN key TEXT NOT NULL DEFAULT ''")
            if "kind" not in columns:  # from before answers could be marked wrong
                db.execute("ALTER TABLE gaps ADD COLUMN kind TEXT NOT NULL DEFAULT 'unanswered'")
            # older versions kept their salt here, beside the hashes it made guessable
            db.execute("DELETE FROM meta WHERE key = 'salt'")
        _private_files(path)  # the -wal and -shm files exist now

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        db: sqlite3.Connection | None = getattr(self._local, "db", None)
        if db is None:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")  # readers never block the writer
            db.execute("PRAGMA synchronous=NORMAL")  # WAL keeps this crash-safe
            db.execute("PRAGMA busy_timeout=30000")
            # erased questions are overwritten, not left readable in free pages
            db.execute("PRAGMA secure_delete=ON")
            self._local.db = db
        yield db

    def add(self, gap: Gap) -> None:
        """Store one gap, scrubbed, dropping the oldest rows past `max_rows`."""
        row = astuple(replace(gap, question=scrub(gap.question)))
        with self._connection() as db:
            db.execute("BEGIN IMMEDIATE")
            try:
                cursor = db.execute(
                    "INSERT INTO gaps (asked_at, platform, chat, question, best_entry, "
                    "best_score, key, kind) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    row,
                )
                if self.max_rows is not None and cursor.lastrowid is not None:
                    # ids only grow: a row max_rows or more behind the newest is among the oldest
                    db.execute(
                        "DELETE FROM gaps WHERE id <= ?", (cursor.lastrowid - self.max_rows,)
                    )
                db.execute("COMMIT")
            except BaseException:
                db.execute("ROLLBACK")
                raise

    def all(self) -> list[Gap]:
        """Return every stored gap, oldest first."""
        with self._connection() as db:
            rows = db.execute(
                "SELECT asked_at, platform, chat, question, best_entry, best_score, key, kind "
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
            # the erased pages are zeroed in the WAL; copy them over the database file and
            # empty the WAL, or the old text stays in one or the other until much later
            db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            return cursor.rowcount

    def chat_key(self, platform: str, chat_id: str) -> str:
        """Return an HMAC of the chat under the key kept outside the database."""
        digest = hmac.new(self._key, f"{platform}:{chat_id}".encode(), hashlib.sha256)
        return digest.hexdigest()[:16]

    def close(self) -> None:
        """Close this thread's connection."""
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


def _private_folder(path: Path) -> None:
    """Create the database's folder 0700; tighten an existing one holding only its files."""
    folder = path.parent
    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    mode = stat.S_IMODE(folder.stat().st_mode)
    # a folder of the operator's choosing that holds other files is theirs to set
    ours = all(p.name.startswith(path.name) for p in folder.iterdir())
    if mode & 0o077 and ours:
        folder.chmod(0o700)


def _refuse_foreign(path: Path) -> None:
    """Refuse a path that holds anything but an SQLite database, before touching it.

    A mistyped `STORYBOT_GAPS_DB` naming a folder or a document must leave it as it was, not
    make it private (0600 took a folder's execute bit: its owner could no longer enter it).
    """
    if not path.exists():
        return
    if not path.is_file():
        raise sqlite3.DatabaseError(f"{path} is not a file")
    with path.open("rb") as file:
        head = file.read(len(_SQLITE_HEADER))
    if head and head != _SQLITE_HEADER:  # an empty file is a database not yet written
        raise sqlite3.DatabaseError(f"{path} is not an SQLite database")


def _private_files(path: Path) -> None:
    """Create the database 0600 if new, and make it and its journals 0600."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, 0o600))
    # SQLite gives -wal and -shm the database's mode; files of older versions need fixing
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        if file.is_file() and stat.S_IMODE(file.stat().st_mode) != 0o600:
            file.chmod(0o600)


def _read_or_create_key(path: Path) -> bytes:
    """Return the secret in `path`, creating it (0600, atomically) on first use."""
    if not path.exists():
        draft = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w") as file:
            file.write(secrets.token_hex(32))
        try:
            os.link(draft, path)  # another process made the key first: use theirs
        except FileExistsError:
            pass
        finally:
            draft.unlink()
    return path.read_text().strip().encode()
