"""What `serve` reaches into python-telegram-bot 22's `Updater` for, with a check each time.

Two things the library does not offer: a smaller request limit for the webhook server, and
a way to learn that the polling loop ended on its own (it aborts on a revoked token).
"""

from __future__ import annotations

import asyncio

# an update is a few kilobytes; Telegram never posts more than this to a webhook
MAX_WEBHOOK_BODY = 1 << 20


def limit_body(updater: object) -> None:
    """Make the webhook server refuse a body over `MAX_WEBHOOK_BODY` before reading it.

    python-telegram-bot 22 builds its tornado `HTTPServer` with tornado's default of 100 MB,
    read whole into memory before the secret is checked (a 90 MiB POST cost 180 MB). tornado
    reads the limit from `conn_params` for every new connection, and answers 400 as soon as
    Content-Length (or a chunked body so far) passes it.
    """
    server = getattr(getattr(updater, "_httpd", None), "_http_server", None)
    params = getattr(server, "conn_params", None)
    if params is None or not hasattr(params, "max_body_size"):
        raise RuntimeError("cannot limit the webhook's request size on this python-telegram-bot")
    params.max_body_size = MAX_WEBHOOK_BODY


def polling_task(updater: object) -> asyncio.Task[None]:
    """Return the task in which a polling `updater` fetches updates.

    The library's retry loop ends it, with `InvalidToken`, when the token is revoked while
    the bot runs; `Updater.running` stays true, so only the task tells.
    """
    task = getattr(updater, "_Updater__polling_task", None)
    if not isinstance(task, asyncio.Task):
        raise RuntimeError("cannot watch the polling loop on this python-telegram-bot")
    return task


async def until_stop_or_end(stop: asyncio.Event, polling: asyncio.Task[None] | None) -> None:
    """Wait until `stop` is set, or until `polling` (if any) has ended on its own."""
    stopped = asyncio.create_task(stop.wait())
    try:
        await asyncio.wait(
            {stopped, *([polling] if polling else [])}, return_when="FIRST_COMPLETED"
        )
    finally:
        stopped.cancel()
