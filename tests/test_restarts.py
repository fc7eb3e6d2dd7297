"""A platform that fails is started again, one it rejects is not: the real libraries, faked
platforms on 127.0.0.1, each front end in turn."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import io
import logging
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from adapters.discord_frontend import FRONTEND as DISCORD
from adapters.discord_settings import DiscordSettings
from adapters.telegram_frontend import FRONTEND as TELEGRAM
from adapters.telegram_settings import TelegramSettings
from bot.config import Settings
from bot.matching.engine import Engine
from bot.serving import runner
from bot.serving.frontends import Frontend
from bot.serving.logs import configure_logging
from bot.serving.service import StoryBot
from tests.chatkit import DISCORD_TOKEN, TELEGRAM_TOKEN, platform_env
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.server import closed_port
from tests.fakes.telegram_api import FakeTelegram

pytestmark = pytest.mark.anyio

FRONTENDS = ["telegram", "discord"]


@dataclass
class Platform:
    """A front end, its settings and the fake platform they point at (not yet serving)."""

    frontend: Frontend
    core: Settings
    settings: TelegramSettings | DiscordSettings
    fake: FakeTelegram | FakeDiscord
    token: str  # the token the bot was given

    async def up(self) -> None:
        """Start the fake on the port the settings point at."""
        await self.fake.start(self.fake.port)

    def connected(self) -> bool:
        """Return whether the bot got as far as receiving updates."""
        if isinstance(self.fake, FakeTelegram):
            return any(c.method == "getUpdates" for c in self.fake.calls)
        return self.fake.ready.is_set()


def _platform(name: str, monkeypatch: pytest.MonkeyPatch, token: str | None = None) -> Platform:
    """Point `name`'s settings at a fake on a port nothing listens on yet."""
    if name == "telegram":
        fake: FakeTelegram | FakeDiscord = FakeTelegram(TELEGRAM_TOKEN, port=closed_port())
        token = token or TELEGRAM_TOKEN
        env = {"TOKEN": token, "API_URL": fake.base_url, "POLL_TIMEOUT": "1"}
    else:
        fake = FakeDiscord(DISCORD_TOKEN, port=closed_port())
        token = token or DISCORD_TOKEN
        env = {"TOKEN": token, "API_URL": fake.api_url}
    prefix = f"STORYBOT_{name.upper()}_"
    core = platform_env(monkeypatch, {prefix + k: v for k, v in env.items()}, {})
    if name == "telegram":
        return Platform(TELEGRAM, core, TelegramSettings(_env_file=None), fake, token)
    return Platform(DISCORD, core, DiscordSettings(_env_file=None), fake, token)


def _supervised(platform: Platform, engine: Engine, stop: asyncio.Event) -> asyncio.Task[bool]:
    """Serve the platform as `storybot run` does: supervised, restarted, or stopped for good."""
    bot = StoryBot(engine, platform.core)
    serve = functools.partial(platform.frontend.serve, bot, platform.settings, stop)
    name = platform.frontend.name
    return asyncio.create_task(runner.supervise(name, serve, stop, fatal=platform.frontend.fatal))


@pytest.mark.parametrize("name", FRONTENDS)
async def test_a_platform_unreachable_at_start_is_retried_until_it_comes_up(
    name: str, engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(runner, "RESTART_FIRST", 0.2)
    platform = _platform(name, monkeypatch)
    stop = asyncio.Event()
    serving = _supervised(platform, engine, stop)
    try:
        while f"{name} failed" not in caplog.text:  # the network is not up yet
            assert not serving.done(), "the platform was not restarted"
            await asyncio.sleep(0.02)
        await platform.up()
        await platform.fake.wait_for(lambda _: platform.connected(), timeout=8)
        stop.set()
        assert await asyncio.wait_for(serving, 10) is True
    finally:
        stop.set()
        await platform.fake.stop()
    failures = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert failures and all(r.getMessage().startswith(f"{name} failed: ") for r in failures)
    assert not any(r.exc_info for r in failures)  # one line each, no traceback


@pytest.mark.parametrize("name", FRONTENDS)
async def test_a_rejected_token_stops_the_platform_for_good_naming_its_setting(
    name: str, engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setattr(runner, "RESTART_FIRST", 0.05)
    wrong = "111111:WRONG-token-not-to-be-shown" if name == "telegram" else "MTEx.wrong.not-shown"
    platform = _platform(name, monkeypatch, token=wrong)
    await platform.up()
    stop = asyncio.Event()
    with _logging_as_run_does(wrong, caplog) as log:  # at debug level: tracebacks written too
        try:
            assert await asyncio.wait_for(_supervised(platform, engine, stop), 10) is False
        finally:
            stop.set()
            await platform.fake.stop()
    written = log.getvalue()
    [line] = [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]
    assert line.startswith(f"{name} stopped: ") and f"STORYBOT_{name.upper()}_TOKEN" in line
    assert "WRONG" not in line
    assert f"{name}: what stopped it" in written and "Traceback" in written
    assert wrong not in written and wrong.split(":")[-1] not in written


@contextlib.contextmanager
def _logging_as_run_does(token: str, caplog: pytest.LogCaptureFixture) -> Iterator[io.StringIO]:
    """Log at DEBUG through `configure_logging` into the text yielded, and to caplog too."""
    root = logging.getLogger()
    kept, level = root.handlers[:], root.level
    configure_logging("DEBUG", [token])
    [handler] = root.handlers
    assert isinstance(handler, logging.StreamHandler)
    written = io.StringIO()
    handler.setStream(written)
    root.addHandler(caplog.handler)
    caplog.handler.setLevel(logging.DEBUG)
    try:
        yield written
    finally:
        root.handlers[:], root.level = kept, level


async def test_a_token_revoked_while_polling_stops_telegram_naming_its_setting(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    platform = _platform("telegram", monkeypatch)
    await platform.up()
    stop = asyncio.Event()
    serving = _supervised(platform, engine, stop)
    try:
        await platform.fake.wait_for(lambda _: platform.connected(), timeout=8)
        assert isinstance(platform.fake, FakeTelegram)
        platform.fake.token = "999:revoked"  # the operator reset the token with @BotFather
        assert await asyncio.wait_for(serving, 10) is False  # not waiting for a signal
    finally:
        stop.set()
        await platform.fake.stop()
    runner_lines = [r for r in caplog.records if r.name == "bot.serving.runner"]
    [line] = [r.getMessage() for r in runner_lines if r.levelno >= logging.ERROR]
    assert line.startswith("telegram stopped: ") and "STORYBOT_TELEGRAM_TOKEN" in line
