"""`storybot run`: serve every configured platform in one process and one event loop."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Callable, Coroutine
from typing import Any

from bot.config import Settings
from bot.engine import Engine
from bot.plugins import load_frontend

log = logging.getLogger(__name__)

# platform name -> the settings field whose presence turns it on
PLATFORMS = {"telegram": "telegram_token", "discord": "discord_token"}
Serve = Callable[[Engine, Settings, asyncio.Event], Coroutine[Any, Any, None]]


def configured(settings: Settings) -> list[str]:
    """Return the platforms whose token is set, logging why each other one is skipped."""
    chosen = []
    for name, field in PLATFORMS.items():
        if getattr(settings, field) is None:
            log.info("%s: skipped, STORYBOT_%s is not set", name, field.upper())
        else:
            chosen.append(name)
    return chosen


async def serve_all(engine: Engine, settings: Settings, names: list[str]) -> int:
    """Run each named platform until SIGINT or SIGTERM; return the exit status."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    tasks = {}
    for name in names:
        try:
            serve: Serve = load_frontend(name)
        except LookupError as exc:
            log.error("%s: cannot start: %s", name, exc)
            continue
        tasks[asyncio.create_task(serve(engine, settings, stop), name=name)] = name
    failed = 0
    for task in asyncio.as_completed(list(tasks)):
        try:
            await task
        except Exception:  # one platform failing must not take the others down
            failed += 1
            log.exception("a platform stopped with an error")
    log.info("storybot: stopped")
    return 1 if failed or not tasks else 0
