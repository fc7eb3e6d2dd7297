"""What both fake platforms share: serving on loopback and waiting for what they record."""

from __future__ import annotations

import asyncio
import socket
import time
from collections.abc import Callable

from aiohttp import web


async def serve_locally(app: web.Application, port: int = 0) -> tuple[web.AppRunner, int]:
    """Serve `app` on `port` of 127.0.0.1 (0: a free one); return its runner and the port."""
    runner = web.AppRunner(app, access_log=None)  # request URLs may carry tokens
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", port)
    await site.start()
    return runner, site._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]


async def wait_until(condition: Callable[[], bool], timeout: float, what: str) -> None:
    """Poll `condition` until it holds, or raise `TimeoutError` naming `what`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"the fake never saw {what}")
        await asyncio.sleep(0.02)


def closed_port() -> int:
    """Return a port of 127.0.0.1 nothing listens on (yet): a platform not reachable."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
    return port
