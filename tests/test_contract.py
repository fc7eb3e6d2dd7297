"""One question through the console, Telegram and Discord paths reaches the same `Answer`."""

from __future__ import annotations

import asyncio
import io

import pytest

from adapters import console_adapter
from bot.config import Settings
from bot.conversation import Turn
from bot.decision import Decision
from bot.engine import Engine
from bot.knowledge import default_folder
from bot.models import Answer, Query
from bot.service import StoryBot
from tests import test_discord, test_telegram

QUESTION = "@StoryBot where was the agreement signed?"


class RecordingEngine(Engine):
    """The real engine, remembering every answer it gave and to which platform."""

    def __init__(self) -> None:
        super().__init__(Engine.from_folder(default_folder()).knowledge)
        self.given: list[tuple[str, Answer]] = []

    def decide(self, query: Query, turn: Turn | None = None) -> Decision:
        result = super().decide(query, turn)
        self.given.append((query.platform, result.answer))
        return result


@pytest.mark.anyio
async def test_same_question_same_answer_on_every_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    engine = RecordingEngine()
    console_adapter.run(
        StoryBot(engine, Settings(_env_file=None)),
        io.StringIO(f"{QUESTION}\nquit\n"),
        io.StringIO(),
    )

    tg = await test_telegram._start(engine, monkeypatch)
    await test_telegram._ask(tg.fake, tg.fake.message(QUESTION))
    await test_telegram._finish(tg)

    dc = await test_discord._start(engine, monkeypatch)
    await dc.fake.dispatch("MESSAGE_CREATE", dc.fake.message(QUESTION, guild=False))
    await dc.fake.wait_for(lambda f: len(f.found("POST", "/channels/")) >= 1)
    await test_discord._finish(dc)
    await asyncio.sleep(0)

    platforms = [platform for platform, _ in engine.given]
    answers = {answer for _, answer in engine.given}
    assert platforms == ["console", "telegram", "discord"]
    assert len(answers) == 1
    assert next(iter(answers)).entry_id == "signing-place"
