"""`storybot run`'s background tasks: a failure is logged with its traceback and retried."""

from __future__ import annotations

import asyncio
import itertools
import logging
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from bot.config import Settings
from bot.gaps.store import Gap, SqliteGapStore
from bot.matching.engine import Engine
from bot.serving import runner
from bot.serving.service import StoryBot

pytestmark = pytest.mark.anyio


def _settings(folder: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    monkeypatch.setenv("STORYBOT_KNOWLEDGE_DIR", str(folder))
    return Settings(_env_file=None)


class FakeFrontend:
    """A front end that serves until `done()` is true (or 5 s), then stops the bot as a signal
    would; its first serves fail with `failures`, in turn."""

    def __init__(
        self, done: Callable[[], bool], failures: tuple[Exception, ...] = (), name: str = "fake"
    ) -> None:
        self.done = done
        self.failures = list(failures)
        self.name = name
        self.serves = 0

    def settings(self) -> None:
        return None

    def wanted(self, settings: None) -> bool:
        return True

    def ready(self, settings: None) -> str | None:
        return None

    async def serve(self, bot: StoryBot, settings: None, stop: asyncio.Event) -> None:
        self.serves += 1
        if self.failures:
            raise self.failures.pop(0)
        deadline = time.monotonic() + 5
        while not self.done() and time.monotonic() < deadline and not stop.is_set():
            await asyncio.sleep(0.02)
        stop.set()

    def fatal(self, error: Exception) -> str | None:
        return "check STORYBOT_FAKE_TOKEN" if isinstance(error, PermissionError) else None


def _platform_until(done: Callable[[], bool]) -> list[runner.Ready]:
    return runner.configured([FakeFrontend(done)])  # type: ignore[list-item]


class LockedOnce(SqliteGapStore):
    """A store whose first retention sweep finds the database locked."""

    sweeps = 0

    def forget(self, older_than_days: float | None = None) -> int:
        self.sweeps += 1
        if self.sweeps == 1:
            raise sqlite3.OperationalError("database is locked")
        return super().forget(older_than_days)


async def test_a_failed_sweep_is_logged_and_later_sweeps_still_run(
    engine: Engine,
    knowledge_copy: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(runner, "RESTART_FIRST", 0.05)
    store = LockedOnce(tmp_path / "gaps.sqlite3")
    store.add(Gap(time.time() - 200 * 86_400, "telegram", "k", "an old question", None, 0.1))
    bot = StoryBot(engine, _settings(knowledge_copy, monkeypatch), store)
    await runner.serve_all(bot, _platform_until(lambda: not store.all()))
    assert store.all() == [], "the 200-day-old row outlived a failed sweep"
    [failure] = [r for r in caplog.records if "retention sweep failed" in r.getMessage()]
    assert failure.exc_info is not None and "database is locked" in str(failure.exc_info[1])


class WatcherFailsOnce(StoryBot):
    """A bot whose knowledge watcher dies the first time it runs."""

    watches = 0

    async def watch(self, stop: asyncio.Event) -> None:
        self.watches += 1
        if self.watches == 1:
            raise RuntimeError("watcher exploded")
        await stop.wait()


async def test_a_dead_watcher_is_logged_with_its_traceback_and_restarted(
    engine: Engine,
    knowledge_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(runner, "RESTART_FIRST", 0.05)
    bot = WatcherFailsOnce(engine, _settings(knowledge_copy, monkeypatch))
    caplog.set_level(logging.INFO)
    await runner.serve_all(bot, _platform_until(lambda: bot.watches >= 2))
    assert bot.watches == 2
    [failure] = [r for r in caplog.records if "knowledge watcher failed" in r.getMessage()]
    assert failure.exc_info is not None and "exploded" in str(failure.exc_info[1])


async def test_restarts_back_off_and_stop_with_the_bot() -> None:
    stop = asyncio.Event()
    runs: list[float] = []

    async def always_fails() -> None:
        runs.append(time.monotonic())
        if len(runs) == 4:
            stop.set()
        raise RuntimeError("still broken")

    first = 0.02
    await asyncio.wait_for(runner.supervise("a task", always_fails, stop, first=first), 5)
    gaps = [b - a for a, b in itertools.pairwise(runs)]
    assert len(runs) == 4 and gaps[0] >= first and gaps[2] >= 4 * first  # doubling each time


@pytest.mark.parametrize("platform", [True, False])
async def test_a_failure_while_stopping_is_a_warning_and_nothing_restarts(
    platform: bool, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG, logger="bot.serving.runner")
    stop = asyncio.Event()
    runs = 0

    async def fails_on_the_way_out() -> None:
        nonlocal runs
        runs += 1
        await stop.wait()
        raise ConnectionResetError("closing the session failed")

    fatal = (lambda error: None) if platform else None
    task = asyncio.create_task(
        runner.supervise("telegram", fails_on_the_way_out, stop, fatal=fatal)
    )
    await asyncio.sleep(0.05)
    stop.set()
    assert await asyncio.wait_for(task, 5) is True
    assert runs == 1
    [line] = [r for r in caplog.records if r.levelno >= logging.INFO]
    assert line.levelno == logging.WARNING
    assert line.getMessage().startswith("telegram failed while stopping")
    assert "restarting" not in caplog.text


# ── platforms ────────────────────────────────────────────────────────────────
async def test_a_platform_failing_at_start_is_restarted_with_one_line_per_failure(
    engine: Engine,
    knowledge_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(runner, "RESTART_FIRST", 0.05)
    caplog.set_level(logging.DEBUG, logger="bot.serving.runner")
    offline = tuple(ConnectionError("network is unreachable\nmore detail") for _ in range(3))
    fake = FakeFrontend(lambda: True, failures=offline)
    bot = StoryBot(engine, _settings(knowledge_copy, monkeypatch))
    assert await runner.serve_all(bot, runner.configured([fake])) == 0  # type: ignore[list-item]
    assert fake.serves == 4  # three failures, then it served until stopped
    errors = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert [r.getMessage() for r in errors] == [
        f"fake failed: ConnectionError: network is unreachable; restarting in {d:g} s"
        for d in (0.05, 0.1, 0.2)
    ]
    assert not any(r.exc_info for r in errors)  # the tracebacks are at debug level only
    assert sum(bool(r.exc_info) for r in caplog.records if r.levelno == logging.DEBUG) == 3


async def test_a_platform_whose_token_is_rejected_stops_for_good_and_run_fails(
    engine: Engine,
    knowledge_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    monkeypatch.setattr(runner, "RESTART_FIRST", 0.05)
    rejected = FakeFrontend(lambda: True, failures=(PermissionError("401 token 123:abc"),))
    bot = StoryBot(engine, _settings(knowledge_copy, monkeypatch))
    ready = runner.configured([rejected])  # type: ignore[list-item]
    assert await asyncio.wait_for(runner.serve_all(bot, ready), 5) == 1
    assert rejected.serves == 1
    errors = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert errors == ["fake stopped: check STORYBOT_FAKE_TOKEN"]


async def test_the_other_platform_serves_on_when_one_stops_for_good(
    engine: Engine,
    knowledge_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    later = time.monotonic() + 0.3  # it keeps serving after the other one stopped
    rejected = FakeFrontend(lambda: True, failures=(PermissionError("401"),), name="rejected")
    fine = FakeFrontend(lambda: rejected.serves > 0 and time.monotonic() > later, name="fine")
    bot = StoryBot(engine, _settings(knowledge_copy, monkeypatch))
    ready = runner.configured([rejected, fine])  # type: ignore[list-item]
    assert await runner.serve_all(bot, ready) == 0  # stopped by "a signal": a clean stop
    assert (rejected.serves, fine.serves) == (1, 1)
    assert "rejected stopped: check STORYBOT_FAKE_TOKEN" in caplog.text
