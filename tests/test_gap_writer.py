"""The gaps log never holds up an answer: a locked, slow, full or missing database."""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from bot.config import Settings
from bot.gaps.store import Gap, SqliteGapStore
from bot.gaps.writer import DropCounter, GapWriter, open_gaps
from bot.matching.engine import Engine
from bot.models import AnswerKind, Query
from bot.serving.service import StoryBot

UNANSWERABLE = "What is the gravity like on the moon?"


def _bot(folder: Path, store: object, monkeypatch: pytest.MonkeyPatch) -> StoryBot:
    monkeypatch.setenv("STORYBOT_KNOWLEDGE_DIR", str(folder))
    monkeypatch.setenv("STORYBOT_RATE_USER_BURST", "100000")
    monkeypatch.setenv("STORYBOT_RATE_CHAT_BURST", "100000")
    return StoryBot(Engine.from_folder(folder), Settings(_env_file=None), store)  # type: ignore[arg-type]


def _gap(n: int = 0) -> Gap:
    return Gap(time.time(), "telegram", "k", f"question {n}", None, 0.1)


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class StuckStore(SqliteGapStore):
    """A store whose writes wait until `release` is set, like a database someone has locked."""

    def __init__(self, path: Path) -> None:
        super().__init__(path)
        self.writing = threading.Event()
        self.release = threading.Event()

    def add(self, gap: Gap) -> None:
        self.writing.set()
        self.release.wait(10)
        super().add(gap)


class FullDisk(SqliteGapStore):
    """A store on a disk with no room left."""

    def add(self, gap: Gap) -> None:
        raise sqlite3.OperationalError("database or disk is full")


def _warnings(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [
        r for r in caplog.records if r.name == "bot.gaps.writer" and r.levelno >= logging.WARNING
    ]


def test_a_locked_gaps_database_never_delays_an_answer(
    knowledge_copy: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "gaps.sqlite3"
    bot = _bot(knowledge_copy, SqliteGapStore(path), monkeypatch)
    locker = sqlite3.connect(path, isolation_level=None)
    locker.execute("BEGIN IMMEDIATE")  # another process holds the write lock
    try:
        slowest = 0.0
        for n in range(10):
            start = time.perf_counter()
            answer = bot.answer(Query(text=f"{UNANSWERABLE} {n}", user_id=str(n)))
            slowest = max(slowest, time.perf_counter() - start)
            assert answer.kind is AnswerKind.DECLINE
            assert slowest < 1.0, "the answer waited for the locked gaps database"
        start = time.perf_counter()
        assert bot.answer(Query(text="where was the agreement signed?", user_id="x")).answered
        slowest = max(slowest, time.perf_counter() - start)
    finally:
        locker.execute("ROLLBACK")
        locker.close()
    assert bot.gaps is not None and len(bot.gaps.all()) == 10  # written once the lock went
    print(f"\nslowest answer with the gaps database locked: {slowest * 1000:.0f} ms")


def test_a_full_queue_drops_gaps_with_one_warning_a_minute_and_a_count(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    store = StuckStore(tmp_path / "gaps.sqlite3")
    writer = GapWriter(store, size=2, drops=DropCounter(60, clock))
    start = time.perf_counter()
    writer.add(_gap(0))
    assert store.writing.wait(5)
    for n in range(1, 10):  # one is being written, two wait, seven are dropped
        writer.add(_gap(n))
    assert time.perf_counter() - start < 0.1
    clock.now += 61
    writer.add(_gap(10))
    store.release.set()
    assert writer.flush(5)
    warnings = [r.getMessage() for r in _warnings(caplog)]
    assert len(warnings) == 2 and "1 unanswered" in warnings[0] and "7 unanswered" in warnings[1]
    assert len(store.all()) == 3 and writer.drops.total == 8
    writer.close()


def test_a_full_disk_logs_one_warning_then_a_count(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    clock = Clock()
    writer = GapWriter(FullDisk(tmp_path / "gaps.sqlite3"), drops=DropCounter(60, clock))
    for n in range(3000):
        writer.add(_gap(n))
        if n % 500 == 0:
            assert writer.flush(5)  # a queue of 1,000: let the writer keep up
    assert writer.flush(5)
    assert [r.getMessage() for r in _warnings(caplog)] == [
        "gaps log: 1 unanswered question(s) not stored: OperationalError: database or disk is full"
    ]
    clock.now += 61
    writer.close()  # the rest are counted in one line
    [_, last] = _warnings(caplog)
    assert "2999 more" in last.getMessage()
    assert not any(r.exc_info for r in caplog.records)


def test_a_failing_gap_store_never_costs_the_answer(
    knowledge_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    bot = _bot(knowledge_copy, FullDisk(tmp_path / "gaps.sqlite3"), monkeypatch)
    for n in range(30):
        answer = bot.answer(Query(text=UNANSWERABLE, user_id=str(n)))
        assert answer.kind is AnswerKind.DECLINE and answer.suggestions
    assert bot.gaps is not None and bot.gaps.flush(5)
    assert len(_warnings(caplog)) == 1 and "disk is full" in _warnings(caplog)[0].getMessage()
    assert not any(r.exc_info for r in caplog.records)  # no tracebacks, one line


def test_a_gaps_database_that_cannot_be_opened_turns_the_log_off(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert open_gaps(blocker / "data" / "gaps.sqlite3") is None
    [line] = _warnings(caplog)
    assert "gaps log off" in line.getMessage() and "a-file" in line.getMessage()


def test_shutdown_with_a_locked_database_takes_at_most_its_timeout(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    store = StuckStore(tmp_path / "gaps.sqlite3")
    writer = GapWriter(store)
    for n in range(5):
        writer.add(_gap(n))
    start = time.perf_counter()
    writer.close(timeout=0.3)
    assert time.perf_counter() - start < 0.6
    assert writer.drops.total == 4  # one was being written; the four queued are counted
    assert "3 more" in _warnings(caplog)[-1].getMessage()
    store.release.set()
