"""Story engines and one asker's conversation, for the conversation tests."""

from __future__ import annotations

from functools import lru_cache

import pytest

from bot.matching.engine import Engine
from bot.models import AnswerKind, Query
from tests.conftest import DATA


@lru_cache(maxsize=8)
def story_engine(name: str) -> Engine:
    """Return the engine of the test story `name`, with the shipped encoder, built once."""
    return Engine.from_folder(DATA / "stories" / name / "knowledge")


def answers_with(story: str, question: str, said: str) -> bool:
    """Return whether the test story `story` answers `question` with `said` in its reply."""
    answer = story_engine(story).answer(Query(text=question))
    return answer.answered and said in answer.text


# the short names the tests' tables use
_FOLDERS = {
    "lagos": "lagos-metro",
    "malaria": "malaria-vaccine",
    "football": "football-takeover",
    "dam": "river-dam",
}


def story(request: pytest.FixtureRequest, name: str) -> Engine:
    """Return the engine of a table's story: "main" is the shipped story's (`engine`)."""
    if name == "main":
        engine: Engine = request.getfixturevalue("engine")
        return engine
    return story_engine(_FOLDERS[name])


def chat(engine: Engine, questions: list[str]) -> list[str | AnswerKind]:
    """Ask one after another as one person; return what each answer was (entry id or kind)."""
    turn, said = None, []
    for text in questions:
        decision = engine.decide(Query(text=text), turn)
        answer = decision.answer
        said.append(answer.entry_id if answer.answered and answer.entry_id else answer.kind)
        turn = engine.turn_of(answer, decision.question, decision.analysis) or turn
    return said
