"""Shared fixtures: the shipped knowledge, an engine over it, and an editable copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

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
