"""Webhook mode: never without a secret, and an oversized request is refused unread."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator

import httpx
import pytest

from adapters.telegram_adapter import serve
from adapters.telegram_frontend import FRONTEND
from adapters.telegram_settings import TelegramSettings
from adapters.telegram_updater import MAX_WEBHOOK_BODY
from bot.matching.engine import Engine
from bot.serving.runner import configured
from bot.serving.service import StoryBot
from tests.conftest import platform_env
from tests.fakes.ports import free_port, listening
from tests.fakes.telegram_api import FakeTelegram

pytestmark = pytest.mark.anyio
TOKEN = "123456:TEST-telegram-token-never-logged"
SECRET = "s3cret-header-value"


def _webhook_env(fake: FakeTelegram, port: int, **extra: str) -> dict[str, str]:
    return {
        "STORYBOT_TELEGRAM_TOKEN": TOKEN,
        "STORYBOT_TELEGRAM_API_URL": fake.base_url,
        "STORYBOT_TELEGRAM_WEBHOOK_URL": "https://bot.example.invalid/telegram",
        "STORYBOT_TELEGRAM_WEBHOOK_PORT": str(port),
        **extra,
    }


@pytest.fixture
async def webhook(engine: Engine, monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[str]:
    fake = FakeTelegram(TOKEN)
    await fake.start()
    port = free_port()
    env = _webhook_env(fake, port, STORYBOT_TELEGRAM_WEBHOOK_SECRET=SECRET)
    settings = platform_env(monkeypatch, {}, env)
    stop = asyncio.Event()
    own = TelegramSettings(_env_file=None)
    task = asyncio.create_task(serve(StoryBot(engine, settings), own, stop))
    await fake.wait_for(lambda f: any(c.method == "setWebhook" for c in f.calls))
    await listening(port)
    try:
        yield f"http://127.0.0.1:{port}/telegram"
    finally:
        stop.set()
        await asyncio.wait_for(task, 15)
        await fake.stop()


async def _chunks(total: int, size: int = 1 << 16) -> AsyncIterator[bytes]:
    sent = 0
    while sent < total:
        yield b" " * min(size, total - sent)
        sent += size


async def _post(url: str, total: int, chunked: bool) -> int | None:
    """POST `total` bytes with a wrong secret; return the status, or None if cut off."""
    headers = {"X-Telegram-Bot-Api-Secret-Token": "wrong", "Content-Type": "application/json"}
    if not chunked:
        headers["Content-Length"] = str(total)
    async with httpx.AsyncClient(timeout=20) as client:
        try:
            response = await client.post(url, content=_chunks(total), headers=headers)
        except (httpx.RemoteProtocolError, httpx.WriteError, httpx.ReadError):
            return None  # the server closed the connection without reading the rest
    return response.status_code


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
async def test_a_request_over_one_megabyte_is_refused_before_it_is_read(
    webhook: str, chunked: bool
) -> None:
    """A 90 MiB POST with a wrong secret raised the bot's memory by 180 MB before."""
    assert await _post(webhook, MAX_WEBHOOK_BODY // 2, chunked) == 403  # read, wrong secret
    assert await _post(webhook, 8 * MAX_WEBHOOK_BODY, chunked) in (400, 413, None)


async def test_webhook_mode_without_a_secret_is_not_started(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, engine: Engine
) -> None:
    fake = FakeTelegram(TOKEN)
    await fake.start()
    try:
        settings = platform_env(monkeypatch, {}, _webhook_env(fake, free_port()))
        with caplog.at_level(logging.INFO):
            assert configured([FRONTEND]) == []
        [line] = [r for r in caplog.records if r.levelno >= logging.ERROR]
        assert "STORYBOT_TELEGRAM_WEBHOOK_SECRET" in line.getMessage() and not line.exc_info
        with pytest.raises(ValueError, match="STORYBOT_TELEGRAM_WEBHOOK_SECRET"):
            own = TelegramSettings(_env_file=None)
            await serve(StoryBot(engine, settings), own, asyncio.Event())
        assert not any(c.method == "setWebhook" for c in fake.calls)  # nothing was exposed
    finally:
        await fake.stop()
