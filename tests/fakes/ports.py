"""Local ports for a front end's own server in tests: a free one, and waiting until it listens."""

from __future__ import annotations

import asyncio
import socket


def free_port() -> int:
    """Return a port on 127.0.0.1 that nothing listens on just now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def listening(port: int, seconds: float = 10.0) -> None:
    """Wait until something accepts connections on `port` (a webhook server, once it is up).

    PTB calls setWebhook before its server accepts: on a busy machine a test's first request
    can come in between.
    """
    loop = asyncio.get_running_loop()
    deadline = loop.time() + seconds
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            if loop.time() > deadline:
                raise
            await asyncio.sleep(0.05)
        else:
            writer.close()
            await writer.wait_closed()
            return
