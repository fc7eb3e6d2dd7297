"""`storybot run`: serve every configured platform in one process and one event loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import time
from collections.abc import Callable, Coroutine
from typing import Any

from bot.config import Settings
from bot.plugins import load_frontend
from bot.service import StoryBot

log = logging.getLogger(__name__)

# platform name -> the settings field whose presence turns it on
PLATFORMS = {"telegram": "telegram_token", "discord": "discord_token"}
Serve = Callable[[StoryBot, Settings, asyncio.Event], Coroutine[Any, Any, None]]
PRUNE_EVERY = 6 * 3600.0  # seconds between retention sweeps of the gaps log
# a failed background task is retried after 1 s, then 2, 4 … up to 5 minutes
RESTART_FIRST = 1.0
RESTART_MAX = 300.0


def configured(settings: Settings) -> list[str]:
    """Return the platforms whose token is set, logging why each other one is skipped."""
    chosen = []
    for name, field in PLATFORMS.items():
        if getattr(settings, field) is None:
            log.info("%s: skipped, STORYBOT_%s is not set", name, field.upper())
        elif (
            name == "telegram"
            and settings.telegram_webhook_url
            and not _has_webhook_secret(settings)
        ):
            log.error("telegram: not started: webhook mode needs STORYBOT_TELEGRAM_WEBHOOK_SECRET")
        else:
            chosen.append(name)
    return chosen


def _has_webhook_secret(settings: Settings) -> bool:
    # without one, anyone who finds the URL can post forged updates (and make the bot speak)
    return settings.telegram_webhook_secret is not None


async def serve_all(bot: StoryBot, settings: Settings, names: list[str]) -> int:
    """Run each named platform, the knowledge watcher and upkeep until SIGINT or SIGTERM."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    upkeep = [
        asyncio.create_task(supervise("knowledge watcher", lambda: bot.watch(stop), stop)),
        asyncio.create_task(supervise("retention sweep", lambda: _prune(bot, stop), stop)),
    ]
    tasks = {}
    for name in names:
        try:
            serve: Serve = load_frontend(name)
        except LookupError as exc:
            log.error("%s: cannot start: %s", name, exc)
            continue
        tasks[asyncio.create_task(serve(bot, settings, stop), name=name)] = name
    failed = 0
    for task in asyncio.as_completed(list(tasks)):
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
