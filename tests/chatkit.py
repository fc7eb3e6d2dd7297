"""One chat test kit: ask on any front end, get back what the user saw, as plain text.

Like errbot's test backend, but over the real front ends: the terminal chat runs its own loop
on a thread, Telegram and Discord run their real libraries against the fakes on 127.0.0.1.
The `chat` fixture (tests/conftest.py) is parametrised over all three, so a cross-platform
behaviour is one test.
"""

from __future__ import annotations

import asyncio
import base64
import html
import io
import queue
import re
import threading
from dataclasses import dataclass
from typing import Protocol

import pytest

from adapters import console_adapter
from adapters.discord_adapter import serve as serve_discord
from adapters.discord_settings import DiscordSettings
from adapters.telegram_adapter import serve as serve_telegram
from adapters.telegram_settings import TelegramSettings
from bot.config import Settings
from bot.gaps.store import GapStore
from bot.matching.engine import Engine
from bot.serving.service import StoryBot
from tests.fakes.discord_api import FakeDiscord
from tests.fakes.discord_payloads import DM_CHANNEL_ID
from tests.fakes.telegram_api import FakeTelegram

TELEGRAM_TOKEN = "123456:TEST-telegram-token-never-logged"
DISCORD_TOKEN = (
    base64.b64encode(b"900000000000000001").decode().rstrip("=")
    + ".fake.discord-token-never-logged"
)


def platform_env(
    monkeypatch: pytest.MonkeyPatch, base: dict[str, str], extra: dict[str, str]
) -> Settings:
    """Point settings at a fake platform; limits high (transport tests send bursts) unless set."""
    env = {
        "STORYBOT_RATE_USER_BURST": "100000",
        "STORYBOT_RATE_CHAT_BURST": "100000",
        **base,
        **extra,
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return Settings(_env_file=None)


@dataclass
class Running:
    """A front end serving a bot against a fake platform, until `stop` is set."""

    fake: FakeTelegram | FakeDiscord
    stop: asyncio.Event
    task: asyncio.Task[None]


async def start_telegram(
    engine: Engine, monkeypatch: pytest.MonkeyPatch, gaps: GapStore | None = None, **env: str
) -> Running:
    """Serve `engine` on the real python-telegram-bot against a fake Bot API."""
    fake = FakeTelegram(TELEGRAM_TOKEN)
    await fake.start()
    base = {
        "STORYBOT_TELEGRAM_TOKEN": TELEGRAM_TOKEN,
        "STORYBOT_TELEGRAM_API_URL": fake.base_url,
        "STORYBOT_TELEGRAM_POLL_TIMEOUT": "1",
    }
    settings = platform_env(monkeypatch, base, env)
    stop = asyncio.Event()
    own = TelegramSettings(_env_file=None)  # the front end reads its own settings
    task = asyncio.create_task(serve_telegram(StoryBot(engine, settings, gaps), own, stop))
    await fake.wait_for(lambda f: any(c.method == "setMyCommands" for c in f.calls))
    return Running(fake, stop, task)


async def start_discord(
    engine: Engine,
    monkeypatch: pytest.MonkeyPatch,
    fake: FakeDiscord | None = None,
    gaps: GapStore | None = None,
    **env: str,
) -> Running:
    """Serve `engine` on the real discord.py against a fake Discord (REST and gateway)."""
    fake = fake or FakeDiscord(DISCORD_TOKEN)
    if not fake.port:
        await fake.start()
    base = {"STORYBOT_DISCORD_TOKEN": DISCORD_TOKEN, "STORYBOT_DISCORD_API_URL": fake.api_url}
    settings = platform_env(monkeypatch, base, env)
    stop = asyncio.Event()
    own = DiscordSettings(_env_file=None)  # the front end reads its own settings
    task = asyncio.create_task(serve_discord(StoryBot(engine, settings, gaps), own, stop))
    await asyncio.wait_for(fake.ready.wait(), 15)
    await asyncio.sleep(0.1)  # let the client finish handling READY and GUILD_CREATE
    return Running(fake, stop, task)


async def finish(running: Running, stop_fake: bool = True) -> None:
    """Stop the front end, then the fake."""
    running.stop.set()
    await asyncio.wait_for(running.task, 15)
    if stop_fake:
        await running.fake.stop()


class Chat(Protocol):
    """A conversation with the bot on one front end, as its user sees it."""

    name: str

    async def ask(self, text: str) -> str:
        """Send `text` as the user; return what the bot said back, as plain text."""

    async def close(self) -> None:
        """Stop the front end."""


class ConsoleChat:
    """The terminal chat's own loop on a thread, fed line by line."""

    name = "console"

    def __init__(self, engine: Engine) -> None:
        """Start `storybot chat`'s loop over `engine`."""
        self._lines: queue.Queue[str] = queue.Queue()
        self._out = io.StringIO()
        self._said = threading.Condition()
        stdin = _QueueReader(self._lines)
        bot = StoryBot(engine, Settings(_env_file=None))
        self._thread = threading.Thread(
            target=console_adapter.run, args=(bot, stdin, _Notifying(self._out, self._said))
        )
        self._thread.start()
        self._wait_prompt(1)  # the greeting and the first prompt

    async def ask(self, text: str) -> str:
        """Type a line; return the bot's reply."""
        before = self._out.getvalue().count(console_adapter.PROMPT)
        self._lines.put(text + "\n")
        await asyncio.to_thread(self._wait_prompt, before + 1)  # it answered and asks again
        reply = self._out.getvalue().split(console_adapter.PROMPT)[-2]
        return reply.removeprefix("bot> ").strip()

    def _wait_prompt(self, count: int) -> None:
        with self._said:
            self._said.wait_for(
                lambda: self._out.getvalue().count(console_adapter.PROMPT) >= count, timeout=10
            )

    async def close(self) -> None:
        """End the chat as its user would."""
        self._lines.put("quit\n")
        await asyncio.to_thread(self._thread.join, 10)


class TelegramChat:
    """A private chat with the bot on the real python-telegram-bot, against the fake API."""

    name = "telegram"

    def __init__(self, running: Running) -> None:
        """Talk through the front end `running`."""
        self._running = running
        self._fake: FakeTelegram = running.fake  # type: ignore[assignment]

    async def ask(self, text: str) -> str:
        """Send a private message; return the text of the bot's reply."""
        before = len(self._fake.sent)
        await self._fake.push({"message": self._fake.message(text)})
        sent = await self._fake.wait_for(lambda f: len(f.sent) > before)
        await asyncio.sleep(0.05)  # a long answer may come in more than one message
        return "\n".join(_plain(c.params["text"]) for c in sent[before:])

    async def close(self) -> None:
        """Stop the front end and the fake."""
        await finish(self._running)


class DiscordChat:
    """A direct message conversation on the real discord.py, against the fake Discord."""

    name = "discord"

    def __init__(self, running: Running) -> None:
        """Talk through the front end `running`."""
        self._running = running
        self._fake: FakeDiscord = running.fake  # type: ignore[assignment]

    async def ask(self, text: str) -> str:
        """Send a direct message; return the reply's embed as text."""
        path = f"/channels/{DM_CHANNEL_ID}/messages"
        before = len(self._fake.found("POST", path))
        await self._fake.dispatch("MESSAGE_CREATE", self._fake.message(text, guild=False))
        await self._fake.wait_for(lambda f: len(f.found("POST", path)) > before)
        body = self._fake.found("POST", path)[-1].body
        parts = [body.get("content") or ""]
        for embed in body.get("embeds") or []:
            parts.append(embed.get("description", ""))
            parts += [field["value"] for field in embed.get("fields", [])]
        return "\n".join(p for p in parts if p)

    async def close(self) -> None:
        """Stop the front end and the fake."""
        await finish(self._running)


async def open_chat(name: str, engine: Engine, monkeypatch: pytest.MonkeyPatch) -> Chat:
    """Start a conversation with the bot over `engine` on the front end `name`."""
    if name == "console":
        return ConsoleChat(engine)
    if name == "telegram":
        return TelegramChat(await start_telegram(engine, monkeypatch))
    return DiscordChat(await start_discord(engine, monkeypatch))


def _plain(text: str) -> str:
    return html.unescape(re.sub(r"<[^>]+>", "", text))


class _QueueReader(io.TextIOBase):
    """A stdin whose lines come from a queue, so a test can type one at a time."""

    def __init__(self, lines: queue.Queue[str]) -> None:
        self._lines = lines

    def readline(self, size: int | None = -1) -> str:  # type: ignore[override]
        return self._lines.get(timeout=10)


class _Notifying(io.TextIOBase):
    """A stdout that wakes the test each time the chat writes."""

    def __init__(self, out: io.StringIO, said: threading.Condition) -> None:
        self._out, self._said = out, said

    def write(self, text: str) -> int:  # type: ignore[override]
        with self._said:
            self._out.write(text)
            self._said.notify_all()
        return len(text)
