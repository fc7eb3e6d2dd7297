"""A word's ids read by the tokenizer's model alone are those `encode` gives it."""

from __future__ import annotations

import random
from array import array
from typing import Any

import pytest

from bot.matching.encoder import load_encoder
from bot.matching.wordids import WordIds

_WORDS = [
    "moon", "Pakistan", "US", "naïve", "e\u0301", "ﬁne", "数据", "مرحبا", "\U0001f600", "o'brien",
    '"quoted"', "1,000", "2023-24", "\u2581", "\u2581x", "x\u2581", "a\u00a0b", "<s>", "a<s>b",
    "</s>x", "<unk>", "\t",
]  # fmt: skip


@pytest.fixture(scope="module")
def tokenizer() -> Any:
    encoder = load_encoder("wordllama")
    return encoder._tokenizer  # type: ignore[union-attr]


def _encoded(tokenizer: Any, word: str) -> bytes:
    return array("H", tokenizer.encode(word, add_special_tokens=False).ids).tobytes()


def test_wordllama_s_words_are_read_by_its_model(tokenizer: Any) -> None:
    assert WordIds(tokenizer)._by_model


def test_a_word_reads_as_encode_reads_it(tokenizer: Any) -> None:
    rng = random.Random(5)  # noqa: S311 - made-up words, no secret
    drawn = [
        "".join(chr(rng.randint(33, 0x2FFF)) for _ in range(rng.randint(1, 8))) for _ in range(500)
    ]
    read = WordIds(tokenizer)
    assert [read(word) for word in [*_WORDS, *drawn]] == [
        _encoded(tokenizer, word) for word in [*_WORDS, *drawn]
    ]
