"""A word's token ids, read by the tokenizer's BPE model alone where that is what `encode` does.

WordLlama's tokenizer only marks the start of a text and each space with "▁" before its model
reads it, and splits out its few special tokens ("<s>") first. For a word (no space in it)
holding no special token, `encode` then returns the model's tokens of "▁" + word; asking the
model directly skips the rest of the pipeline and its `Encoding`, twice as fast (a build at
10,035 entries reads 8,000 distinct words: 34 -> 17 ms). A tokenizer read any other way is
asked through `encode`.
"""

from __future__ import annotations

from array import array
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tokenizers import Tokenizer

_MARK = "\u2581"  # "▁", SentencePiece's space
# a probe of what the normalizer may do besides marking spaces: case, accents, compatibility
# forms, spaces run together; one that only marks them returns it so marked
_PROBE = "Ab  \u00e9e\u0301\ufb01"
_ID = "H"  # as the encoder packs ids: 16 bits hold the vocabulary's 32,000


class WordIds:
    """Reads one word at a time into its token ids, packed as bytes."""

    def __init__(self, tokenizer: Tokenizer) -> None:
        """Read with `tokenizer`, by its model alone where that gives what `encode` gives."""
        self._tokenizer = tokenizer
        normalizer = tokenizer.normalizer
        self._by_model = (
            tokenizer.pre_tokenizer is None
            and normalizer is not None
            and normalizer.normalize_str(_PROBE) == _MARK + _PROBE.replace(" ", _MARK)
        )
        self._special = tuple(t.content for t in tokenizer.get_added_tokens_decoder().values())

    def __call__(self, word: str) -> bytes:
        """Return the ids of `word` (no space in it) as `encode` reads them, packed."""
        if self._by_model and word and not any(map(word.__contains__, self._special)):
            tokens = self._tokenizer.model.tokenize(_MARK + word)
            return array(_ID, [token.id for token in tokens]).tobytes()
        ids = self._tokenizer.encode(word, add_special_tokens=False).ids
        return array(_ID, ids).tobytes()
