"""Shared fixtures: the shipped knowledge, an engine over it, and an editable copy."""

from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from pathlib import Path

import pytest

from bot.knowledge.loading import default_folder
from bot.matching.engine import Engine
from bot.models import Answer, Query
from tests.chatkit import Chat, open_chat, platform_env  # noqa: F401 - platform_env: used by tests

DATA = Path(__file__).parent / "data"


@pytest.fixture(scope="session")
def engine() -> Engine:
    return Engine.from_folder(default_folder())


@pytest.fixture
def ask(engine: Engine):
    def _ask(text: str) -> Answer:
        return engine.answer(Query(text=text))

    return _ask


@pytest.fixture
def knowledge_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "knowledge"
    shutil.copytree(default_folder(), folder)
    return folder


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture(params=["console", "telegram", "discord"])
async def chat(
    request: pytest.FixtureRequest, engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> AsyncIterator[Chat]:
    """A conversation with the bot on each front end in turn (see tests/chatkit.py)."""
    talk = await open_chat(request.param, engine, monkeypatch)
    yield talk
    await talk.close()


@pytest.fixture(scope="session")
def lagos() -> Engine:
    """The lagos-metro story's engine without the semantic layer: word rules show plainly."""
    return Engine.from_folder(DATA / "stories" / "lagos-metro" / "knowledge", encoder="none")


@pytest.fixture(scope="session")
def malaria() -> Engine:
    """The malaria-vaccine story's engine without the semantic layer."""
    return Engine.from_folder(DATA / "stories" / "malaria-vaccine" / "knowledge", encoder="none")
