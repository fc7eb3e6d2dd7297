"""`storybot run` as a real process: platforms from settings, clean shutdown on signals."""

from __future__ import annotations

import asyncio
import os
import signal
import subprocess
import sys
import time

import pytest

from tests.fakes.server import closed_port
from tests.fakes.telegram_api import FakeTelegram

TOKEN = "987654:RUN-token-must-not-be-logged"


def test_run_without_any_token_points_to_chat() -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYBOT_")}
    result = subprocess.run(
        [sys.executable, "-m", "bot", "run"],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        cwd="/",
    )
    assert result.returncode == 2
    assert "storybot chat" in result.stderr and "README" in result.stderr
    assert "telegram: skipped, STORYBOT_TELEGRAM_TOKEN is not set" in result.stderr


async def _storybot_run(
    data_dir: object, telegram: FakeTelegram, **extra: str
) -> asyncio.subprocess.Process:
    """Start `storybot run` as a user would, pointed at the fake Telegram (and more via `extra`)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("STORYBOT_")}
    env |= {
        "STORYBOT_TELEGRAM_TOKEN": TOKEN,
        "STORYBOT_TELEGRAM_API_URL": telegram.base_url,
        "STORYBOT_TELEGRAM_POLL_TIMEOUT": "1",
        "STORYBOT_DATA_DIR": str(data_dir),
        **extra,
    }
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "run", env=env, cwd="/", stderr=asyncio.subprocess.PIPE
    )


@pytest.mark.anyio
@pytest.mark.parametrize("sig", [signal.SIGTERM, signal.SIGINT])
async def test_run_serves_telegram_and_stops_cleanly_on_a_signal(
    sig: signal.Signals, tmp_path
) -> None:
    fake = FakeTelegram(TOKEN)
    await fake.start()
    process = await _storybot_run(tmp_path, fake, STORYBOT_LOG_LEVEL="DEBUG")
    try:
        await fake.wait_for(lambda f: any(c.method == "getUpdates" for c in f.calls), timeout=30)
        await fake.push({"message": fake.message("where was the agreement signed?")})
        [reply] = await fake.wait_for(lambda f: len(f.sent) >= 1)
        assert "Beijing" in reply.params["text"]
        start = time.monotonic()
        process.send_signal(sig)
        _, stderr = await asyncio.wait_for(process.communicate(), 15)
        assert process.returncode == 0
        assert time.monotonic() - start < 10
        log = stderr.decode()
        assert "starting telegram" in log and "discord: skipped" in log
        assert TOKEN not in log and TOKEN.split(":")[1] not in log
    finally:
        if process.returncode is None:
            process.kill()
        await fake.stop()


@pytest.mark.anyio
async def test_run_serves_telegram_and_discord_in_one_process(tmp_path) -> None:
    import base64

    from tests.fakes.discord_api import FakeDiscord

    discord_token = (
        base64.b64encode(b"900000000000000001").decode().rstrip("=") + ".run.discord-secret"
    )
    telegram, discord = FakeTelegram(TOKEN), FakeDiscord(discord_token)
    await telegram.start()
    await discord.start()
    process = await _storybot_run(
        tmp_path,
        telegram,
        STORYBOT_DISCORD_TOKEN=discord_token,
        STORYBOT_DISCORD_API_URL=discord.api_url,
    )
    try:
        await asyncio.wait_for(discord.ready.wait(), 30)
        await telegram.wait_for(
            lambda f: any(c.method == "getUpdates" for c in f.calls), timeout=30
        )
        await telegram.push({"message": telegram.message("where was the agreement signed?")})
        await discord.dispatch(
            "MESSAGE_CREATE", discord.message("when did india land?", guild=False)
        )
        [reply] = await telegram.wait_for(lambda f: len(f.sent) >= 1)
        await discord.wait_for(lambda f: len(f.found("POST", "/channels/")) >= 1)
        assert "Beijing" in reply.params["text"]
        assert "August" in discord.found("POST", "/channels/")[0].body["embeds"][0]["description"]
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 15)
        assert process.returncode == 0
        log = stderr.decode()
        assert "starting discord, telegram" in log
        assert discord_token not in log and TOKEN not in log
    finally:
        if process.returncode is None:
            process.kill()
        await telegram.stop()
        await discord.stop()


@pytest.mark.anyio
async def test_run_serves_with_the_gaps_log_off_when_its_database_cannot_be_opened(
    tmp_path,
) -> None:
    blocker = tmp_path / "a-file"  # the data folder would have to be made inside a file
    blocker.write_text("not a folder")
    fake = FakeTelegram(TOKEN)
    await fake.start()
    process = await _storybot_run(blocker / "data", fake)
    try:
        await fake.wait_for(lambda f: any(c.method == "getUpdates" for c in f.calls), timeout=30)
        await fake.push({"message": fake.message("what is the gravity like on the moon?")})
        await fake.push({"message": fake.message("where was the agreement signed?")})
        replies = await fake.wait_for(lambda f: len(f.sent) >= 2)
        assert any("Beijing" in r.params["text"] for r in replies)  # answered in any order
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 15)
        assert process.returncode == 0
        log = stderr.decode()
        assert log.count("gaps log off: cannot open") == 1 and "Traceback" not in log
    finally:
        if process.returncode is None:
            process.kill()
        await fake.stop()


async def _lines_until(process: asyncio.subprocess.Process, text: str, seconds: float) -> str:
    """Read the process's log until a line holds `text`; return what was read."""
    read = ""
    async with asyncio.timeout(seconds):
        while text not in read:
            line = await process.stderr.readline()  # type: ignore[union-attr]
            assert line, f"storybot run ended before logging {text!r}:\n{read}"
            read += line.decode()
    return read


@pytest.mark.anyio
async def test_run_retries_a_platform_unreachable_at_boot_and_serves_it_once_it_is_up(
    tmp_path,
) -> None:
    fake = FakeTelegram(TOKEN, port=closed_port())  # as at boot, before the network is up
    process = await _storybot_run(tmp_path, fake)
    try:
        log = await _lines_until(process, "telegram failed: ", 30)
        await fake.start(fake.port)
        await fake.wait_for(lambda f: any(c.method == "getUpdates" for c in f.calls), timeout=10)
        await fake.push({"message": fake.message("where was the agreement signed?")})
        [reply] = await fake.wait_for(lambda f: len(f.sent) >= 1)
        assert "Beijing" in reply.params["text"]
        process.send_signal(signal.SIGTERM)
        _, stderr = await asyncio.wait_for(process.communicate(), 15)
        assert process.returncode == 0
        log += stderr.decode()
        assert "telegram failed: NetworkError: " in log and "restarting in 1 s" in log
        assert "Traceback" not in log and TOKEN.split(":")[1] not in log
    finally:
        if process.returncode is None:
            process.kill()
        await fake.stop()


@pytest.mark.anyio
async def test_run_stops_with_one_line_naming_the_setting_when_the_token_is_rejected(
    tmp_path,
) -> None:
    fake = FakeTelegram("987654:the-token-the-platform-knows")
    await fake.start()
    process = await _storybot_run(tmp_path, fake)  # with TOKEN, which it does not know
    try:
        _, stderr = await asyncio.wait_for(process.communicate(), 30)  # it ends by itself
        assert process.returncode == 1
        log = stderr.decode()
        errors = [line for line in log.splitlines() if " ERROR " in line]
        assert len(errors) == 1 and "STORYBOT_TELEGRAM_TOKEN" in errors[0], log
        assert "restarting" not in log  # retrying cannot fix a token
        assert "Traceback" not in log and TOKEN.split(":")[1] not in log
    finally:
        if process.returncode is None:
            process.kill()
        await fake.stop()
