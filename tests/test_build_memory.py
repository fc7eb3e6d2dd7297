"""What a build reads lazily and hands back: the entries' texts, and the heap it freed."""

from __future__ import annotations

import platform

import pytest

from bot.knowledge.loading import default_folder, load_knowledge
from bot.matching import heap
from bot.matching.entrytexts import EntryTexts


def test_entry_texts_are_each_questions_phrasings_then_each_entitys_names_and_description() -> None:
    knowledge = load_knowledge(default_folder())
    expected = [(f.question, *f.phrasings) for f in knowledge.faq]
    expected += [(*e.names, e.description) for e in knowledge.entities]
    texts = EntryTexts(knowledge)
    assert len(texts) == len(expected)
    assert list(texts) == expected
    assert texts[3:40:2] == expected[3:40:2]
    assert texts[-1] == expected[-1]
    with pytest.raises(IndexError):
        texts[len(expected)]


def test_the_heap_is_handed_back_at_any_time_or_left_where_no_trim_exists(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    if platform.libc_ver()[0] == "glibc":  # where the trim exists, it is found
        assert heap._malloc_trim() is not None
    heap.release()
    monkeypatch.setattr(heap, "_malloc_trim", lambda: None)
    heap.release()  # macOS, musl: nothing to call, nothing done
