"""validate's shortcut: whenever it proves an entry wins its own phrasing, the engine agrees."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bot.knowledge.firstness import OwnFirst
from bot.knowledge.loading import default_folder, load_knowledge
from bot.knowledge.validation import confusions
from bot.matching.encoder import load_encoder
from bot.matching.engine import Engine

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
from bench_matcher import synthetic  # noqa: E402

STORIES = ROOT / "tests" / "data" / "stories"


def _proved_and_decided(engine: Engine) -> tuple[int, int]:
    proof, proved, checked = OwnFirst(engine), 0, 0
    for position, entry in enumerate(engine.knowledge.faq):
        for phrasing in (entry.question, *entry.phrasings):
            checked += 1
            if proof.holds(phrasing, position):
                proved += 1
                best = engine.best_entry(phrasing)
                assert best is None or best.id == entry.id, phrasing
    return proved, checked


@pytest.mark.parametrize("encoder", ["wordllama", "none"])
@pytest.mark.parametrize("folder", [default_folder(), STORIES / "lagos-metro" / "knowledge"])
def test_a_phrasing_proved_won_by_its_entry_is_won_by_it(folder: Path, encoder: str) -> None:
    engine = Engine.from_folder(folder, encoder=encoder)
    proved, checked = _proved_and_decided(engine)
    assert proved > checked // 20  # few: the story's phrasings name people and countries


def test_the_proof_holds_on_large_synthetic_knowledge_with_confusions() -> None:
    knowledge = synthetic(load_knowledge(default_folder()), 3000)
    engine = Engine(knowledge, encoder=load_encoder("wordllama"))
    proved, checked = _proved_and_decided(engine)
    assert proved > checked // 4  # the decisions the shortcut spares (29 % here)
    assert confusions(engine)  # synthetic phrasings do get confused: the rest is decided


def test_an_either_or_phrasing_is_always_decided() -> None:
    # one alternative lends a rival the other's words, past the bound the proof relies on
    engine = Engine.from_folder(STORIES / "lagos-metro" / "knowledge", encoder="none")
    position = next(i for i, e in enumerate(engine.knowledge.faq) if e.id == "fare")
    proof = OwnFirst(engine)
    assert proof.holds("how much is the fare, flat", position)
    assert not proof.holds("how much is the fare, flat or by distance", position)
