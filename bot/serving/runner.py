"""`storybot run`: serve every configured platform in one process and one event loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from bot.serving.frontends import Frontend, read_settings
from bot.serving.service import StoryBot

log = logging.getLogger(__name__)

PRUNE_EVERY = 6 * 3600.0  # seconds between retention sweeps of the gaps log
# a failed background task is retried after 1 s, then 2, 4 … up to 5 minutes
RESTART_FIRST = 1.0
RESTART_MAX = 300.0


@dataclass(frozen=True)
class Ready:
    """A front end that can start, with the settings it read."""

    frontend: Frontend
    settings: Any


def configured(frontends: list[Frontend]) -> list[Ready]:
    """Return the front ends whose settings let them start, logging why any other is skipped."""
    chosen = []
    for frontend in frontends:
        settings = read_settings(frontend)
        if isinstance(settings, str):  # a bad variable: this front end stays off, others start
            log.error("%s: not started:\n%s", frontend.name, settings)
            continue
        why = frontend.ready(settings)
        if why is None:
            chosen.append(Ready(frontend, settings))
        elif frontend.wanted(settings):  # set up, but not so that it can start: say so loudly
            log.error("%s: not started: %s", frontend.name, why)
        else:
            log.info("%s: skipped, %s", frontend.name, why)
    return chosen


async def serve_all(bot: StoryBot, chosen: list[Ready]) -> int:
    """Run each front end, the knowledge watcher and upkeep until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    upkeep = [
        asyncio.create_task(supervise("knowledge watcher", lambda: bot.watch(stop), stop)),
        asyncio.create_task(supervise("retention sweep", lambda: _prune(bot, stop), stop)),
    ]
    tasks = [
        asyncio.create_task(
            ready.frontend.serve(bot, ready.settings, stop), name=ready.frontend.name
        )
        for ready in chosen
    ]
    failed = 0
    for task in asyncio.as_completed(tasks):
        try:
            await task
        except Exception:  # one platform failing must not take the others down
            failed += 1
            log.exception("a platform stopped with an error")
    stop.set()  # every platform is gone: stop the watcher too
    await asyncio.gather(*upkeep, return_exceptions=True)
    await asyncio.to_thread(bot.close)  # write the gaps still queued
    log.info("storybot: stopped")
    return 1 if failed or not tasks else 0


async def supervise(
    name: str,
    run: Callable[[], Coroutine[Any, Any, None]],
    stop: asyncio.Event,
    first: float | None = None,
) -> None:
    """Run a background task until `stop`: log each failure with its traceback, then restart.

    Restarts back off from `first` seconds (default `RESTART_FIRST`), doubling up to
    `RESTART_MAX`; a task that ran well for that long starts from `first` again.
    """
    first = RESTART_FIRST if first is None else first
    delay = first
    while not stop.is_set():
        started = time.monotonic()
        error: Exception | None = None
        try:
            await run()
        except Exception as exc:  # a background task must never die silently
            error = exc
        if error is None and stop.is_set():
            return
        if time.monotonic() - started > RESTART_MAX:  # it ran well for a while: start over
            delay = first
        what = "failed" if error else "stopped on its own"
        log.error("%s %s; restarting in %g s", name, what, delay, exc_info=error)
        with contextlib.suppress(TimeoutError):  # stopping cuts the wait short
            await asyncio.wait_for(stop.wait(), delay)
        delay = min(delay * 2, RESTART_MAX)


async def _prune(bot: StoryBot, stop: asyncio.Event) -> None:
    """Erase gaps past their retention now and every few hours."""
    while not stop.is_set():
        if bot.gaps is not None:
            days = bot.settings.gaps_retention_days
            erased = await asyncio.to_thread(bot.gaps.forget, days)
            if erased:
                log.info("gaps: erased %d questions older than %g days", erased, days)
        try:
            await asyncio.wait_for(stop.wait(), PRUNE_EVERY)
        except TimeoutError:
            continue
