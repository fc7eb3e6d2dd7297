"""`storybot run`: serve every configured platform in one process and one event loop."""

from __future__ import annotations

import asyncio
import contextlib
import functools
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
# a failed background task or platform is retried after 1 s, then 2, 4 … up to 5 minutes
RESTART_FIRST = 1.0
RESTART_MAX = 300.0
ONE_LINE = 200  # characters of a platform's failure logged: a message may hold a web page


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
    """Run each front end, the knowledge watcher and upkeep until SIGINT or SIGTERM.

    A front end that fails is started again, backing off as the background tasks do, unless
    it says retrying cannot help (a rejected token). Return 0 on a signal, 1 when every front
    end has stopped for good by itself.
    """
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    upkeep = [
        asyncio.create_task(supervise("knowledge watcher", lambda: bot.watch(stop), stop)),
        asyncio.create_task(supervise("retention sweep", lambda: _prune(bot, stop), stop)),
    ]
    # one platform failing must not take the others down: each has its own supervisor
    platforms = [
        supervise(
            ready.frontend.name,
            functools.partial(ready.frontend.serve, bot, ready.settings, stop),
            stop,
            fatal=ready.frontend.fatal,
        )
        for ready in chosen
    ]
    served = await asyncio.gather(*platforms)  # each until `stop`, or until it stops for good
    stop.set()  # every platform is gone: stop the watcher too
    await asyncio.gather(*upkeep, return_exceptions=True)
    await asyncio.to_thread(bot.close)  # write the gaps still queued
    log.info("storybot: stopped")
    return 0 if any(served) else 1


async def supervise(
    name: str,
    run: Callable[[], Coroutine[Any, Any, None]],
    stop: asyncio.Event,
    first: float | None = None,
    fatal: Callable[[Exception], str | None] | None = None,
) -> bool:
    """Run a task until `stop`: log each failure, then restart it; return False if given up.

    Restarts back off from `first` seconds (default `RESTART_FIRST`), doubling up to
    `RESTART_MAX`; a task that ran well for that long starts from `first` again. A background
    task's failure is logged with its traceback. A platform (`fatal` given) fails the same way
    at every boot without network, so each failure is one line, its traceback at debug level;
    an error `fatal` explains ends it for good with that line.
    """
    first = RESTART_FIRST if first is None else first
    delay = first
    while not stop.is_set():
        started = time.monotonic()
        error: Exception | None = None
        try:
            await run()
        except Exception as exc:  # a task must never die silently
            error = exc
        if stop.is_set():  # nothing restarts now: a failure on the way out is only noted
            if error is not None:
                _log_stopping(name, error, brief=fatal is not None)
            return True
        why = fatal(error) if fatal is not None and error is not None else None
        if why is not None:
            log.error("%s stopped: %s", name, why)
            log.debug("%s: what stopped it", name, exc_info=error)
            return False
        if time.monotonic() - started > RESTART_MAX:  # it ran well for a while: start over
            delay = first
        _log_restart(name, error, delay, brief=fatal is not None)
        with contextlib.suppress(TimeoutError):  # stopping cuts the wait short
            await asyncio.wait_for(stop.wait(), delay)
        delay = min(delay * 2, RESTART_MAX)
    return True


def _log_restart(name: str, error: Exception | None, delay: float, brief: bool) -> None:
    """Log that `name` failed (or stopped on its own) and when it starts again."""
    if error is None:
        log.error("%s stopped on its own; restarting in %g s", name, delay)
    else:
        _log_failure(logging.ERROR, name, "failed", f"; restarting in {delay:g} s", error, brief)


def _log_stopping(name: str, error: Exception, brief: bool) -> None:
    """Log that `name` failed while stopping (closing a session, say): a warning, no restart."""
    _log_failure(logging.WARNING, name, "failed while stopping", "", error, brief)


def _log_failure(
    level: int, name: str, what: str, then: str, error: Exception, brief: bool
) -> None:
    """Log "`name` `what``then`", a platform's (`brief`) in one line, a task's with its traceback.

    A platform fails so at every boot without network: its traceback goes to debug level.
    """
    if brief:
        log.log(level, "%s %s: %s%s", name, what, _one_line(error), then)
        log.debug("%s: the %s", name, what.replace("failed", "failure"), exc_info=error)
    else:
        log.log(level, "%s %s%s", name, what, then, exc_info=error)


def _one_line(error: Exception) -> str:
    """Return the kind of `error` and the first line of its message, cut to a line's length."""
    lines = str(error).strip().splitlines()
    text = f"{type(error).__name__}: {lines[0]}" if lines else type(error).__name__
    return text if len(text) <= ONE_LINE else text[: ONE_LINE - 1] + "…"


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
