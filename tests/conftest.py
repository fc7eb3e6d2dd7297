"""Shared fixtures: the shipped knowledge, an engine over it, and an editable copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.config import Settings
from bot.engine import Engine
from bot.knowledge import default_folder
from bot.models import Answer, Query

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
