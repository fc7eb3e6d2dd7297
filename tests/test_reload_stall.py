"""Large reloads: no answer waits on them, and the engine they replace is freed."""

from __future__ import annotations

import gc
import random
import threading
import time
import weakref
from pathlib import Path

import pytest
import yaml

from bot.config import Settings
from bot.knowledge import gcpause
from bot.knowledge.loading import load_knowledge
from bot.matching.engine import Engine
from bot.models import Query
from bot.serving.service import StoryBot

EXTRA = 3000  # a few thousand entries: a reload takes seconds, as a big one does


def _grow(folder: Path, extra: int) -> None:
    """Add `extra` made-up entries, of the story's words, to the folder's faq.yaml."""
    faq = folder / "faq.yaml"
    entries = yaml.safe_load(faq.read_text(encoding="utf-8"))["entries"]
    words = sorted({w for e in entries for w in e["answer"].lower().split() if w.isalpha()})
    rng = random.Random(5)  # noqa: S311 - made-up words, not secrets
    for n in range(extra):
        w = rng.sample(words, 6)
        entries.append(
            {
                "id": f"extra-{n}",
                "question": f"What did the {w[0]} {w[1]} say about {w[2]}?",
                "phrasings": [f"Why is the {w[3]} {w[4]}?", f"Who {w[5]} the {w[0]}?"],
                "answer": f"The {w[1]} {w[3]} the {w[5]}.",
                "source": entries[0]["source"],
            }
        )
    faq.write_text(yaml.safe_dump({"entries": entries}, width=1000), encoding="utf-8")


def test_an_engine_is_freed_by_reference_counting_alone(knowledge_copy: Path) -> None:
    # a frozen engine in a reference cycle would never be freed after a reload
    engine = Engine(load_knowledge(knowledge_copy))
    engine.answer(Query(text="who signed the agreement?"))  # fill the analyzer's caches
    gone = weakref.ref(engine)
    with gcpause.paused():
        del engine
        assert gone() is None


def test_the_collector_resumes_only_when_the_last_pause_ends() -> None:
    assert gc.isenabled()
    with gcpause.paused():
        with gcpause.paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_answers_keep_coming_while_a_large_folder_reloads(
    knowledge_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _grow(knowledge_copy, EXTRA)
    monkeypatch.setenv("STORYBOT_KNOWLEDGE_DIR", str(knowledge_copy))
    monkeypatch.setenv("STORYBOT_ENCODER", "none")
    monkeypatch.setenv("STORYBOT_RATE_USER_BURST", "1000000")
    monkeypatch.setenv("STORYBOT_RATE_CHAT_BURST", "1000000")
    config = Settings(_env_file=None)
    bot = StoryBot(Engine.from_settings(config), config)
    waits: list[float] = []
    done = threading.Event()

    def ask() -> None:
        while not done.is_set():
            start = time.perf_counter()
            assert bot.answer(Query(text="where was the agreement signed?")).answered
            waits.append(time.perf_counter() - start)

    asker = threading.Thread(target=ask)
    asker.start()
    try:
        assert bot.reload()
    finally:
        done.set()
        asker.join()
    assert len(bot.engine.knowledge.faq) > EXTRA
    assert len(waits) > 10 and max(waits) < 1.0  # generous: a 2-core machine shares the CPU
