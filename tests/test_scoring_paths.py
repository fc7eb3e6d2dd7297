"""Small knowledge is scored from per-entry tables, large from arrays: the same scores."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.evaluation import read_questions
from bot.matching import index as index_module
from bot.matching.engine import Engine

STORIES = Path(__file__).parent / "data" / "stories"
FOLDERS = [STORIES / "lagos-metro", STORIES / "football-takeover"]


@pytest.mark.parametrize("story", FOLDERS, ids=lambda p: p.name)
def test_tables_and_arrays_score_every_entry_alike(story: Path) -> None:
    engine = Engine.from_folder(story / "knowledge", encoder="none")
    index = engine.index
    everyone = range(len(engine.entries))
    questions = [q.question for q in read_questions(story / "questions.jsonl")]
    readings = [engine.analyzer.analyze(q) for q in questions]
    tabled = [index.score(r, everyone) for r in readings]
    index._tables = None  # as knowledge of more than 4,096 entries is scored
    assert [index.score(r, everyone) for r in readings] == tabled


def test_the_shortlist_counts_votes_alike_in_python_and_in_numpy(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = Engine.from_folder(FOLDERS[0] / "knowledge", encoder="none")
    questions = [q.question for q in read_questions(FOLDERS[0] / "questions.jsonl")]
    readings = [engine.analyzer.analyze(q) for q in questions]
    counted = [engine.index.shortlisted(r, 16) for r in readings]
    monkeypatch.setattr(index_module, "_FEW_VOTERS", 0)  # every vote counted by numpy
    assert [engine.index.shortlisted(r, 16) for r in readings] == counted
