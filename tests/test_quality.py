"""Accuracy floors: a change that makes the bot answer worse fails the suite."""

from __future__ import annotations

import pytest

from bot.engine import Engine
from bot.evaluation import evaluate, read_questions
from bot.models import Query
from tests.conftest import DATA

# (file, in-scope floor, out-of-scope floor): the rates reached when the floors were set;
# raise them when the bot gets better, never lower them to make a change pass
FLOORS = [("dev.jsonl", 1.0, 0.96), ("questions.jsonl", 0.975, 0.94)]


@pytest.mark.parametrize(("name", "in_floor", "out_floor"), FLOORS)
def test_question_set_stays_above_its_floor(
    engine: Engine, name: str, in_floor: float, out_floor: float
) -> None:
    report = evaluate(read_questions(DATA / name), lambda q: engine.answer(Query(text=q)))
    assert report.in_scope.rate >= in_floor, [q.id for q, _ in report.misses]
    assert report.out_scope.rate >= out_floor, [q.id for q, _ in report.misses]


def test_a_bot_that_answers_everything_scores_badly_on_out_of_scope(engine: Engine) -> None:
    always = engine.answer(Query(text="Who signed the moon agreement with Pakistan?"))
    report = evaluate(read_questions(DATA / "dev.jsonl"), lambda q: always)
    assert report.out_scope.rate == 0.0
    assert report.in_scope.rate < 0.2
