"""What both fake platforms share: serving on loopback and waiting for what they record."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from aiohttp import web


async def serve_locally(app: web.Application) -> tuple[web.AppRunner, int]:
    """Serve `app` on a free port of 127.0.0.1; return its runner and the port."""
    runner = web.AppRunner(app, access_log=None)  # request URLs may carry tokens
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]


async def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll `condition` until it holds, or raise `TimeoutError` naming `what`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the fake never saw {what}")
        await asyncio.sleep(0.02)
