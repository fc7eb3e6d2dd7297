"""Sentence encoders behind one small interface, chosen by name in the settings.

The default, `wordllama`, ships its 16 MB of static word vectors inside its wheel, so it runs
offline; `none` turns the semantic layer off. A deployment that can download models can add
another encoder to `ENCODERS` (model2vec, sentence-transformers) without touching the engine.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from bot.errors import SettingsError

Vectors = npt.NDArray[np.float32]

_WORDLLAMA_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
_WORDLLAMA_WEIGHTS = "weights/l2_supercat_256.safetensors"
_BATCH = 256


class Encoder(Protocol):
    """Turns texts into unit vectors whose dot product says how alike they are."""

    name: str

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Return one unit-length row per text (a zero row for a text with no known word)."""


class WordLlamaEncoder:
    """WordLlama's static 256-d embeddings, read from the files in its wheel, never the network.

    The weights and tokenizer are read directly rather than through `wordllama.WordLlama.load`:
    importing the package (and the HTTP client it brings for downloads) cost more than the
    rest of a cold `storybot ask`, and this path cannot fall back to a download. What it
    computes is wordllama's own `embed`: token vectors averaged over the attention mask; a
    test checks the two agree.
    """

    name = "wordllama"

    def __init__(self) -> None:
        """Load the weights and tokenizer that ship inside the installed `wordllama` package."""
        from safetensors import safe_open
        from tokenizers import Tokenizer

        spec = importlib.util.find_spec("wordllama")  # finds the folder, runs none of its code
        if spec is None or not spec.submodule_search_locations:
            raise SettingsError("STORYBOT_ENCODER=wordllama needs the wordllama package")
        folder = Path(next(iter(spec.submodule_search_locations)))
        self._tokenizer = Tokenizer.from_file(str(folder / _WORDLLAMA_TOKENIZER))
        self._tokenizer.no_padding()  # `encode` pads each batch itself
        self._tokenizer.no_truncation()
        with safe_open(str(folder / _WORDLLAMA_WEIGHTS), framework="np") as weights:
            table = weights.get_tensor("embedding.weight")
        # kept as shipped (float16): half the memory, and each row read is widened exactly
        self._table = np.ascontiguousarray(table)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Return unit vectors for `texts`, batched."""
        pooled = np.zeros((len(texts), self._table.shape[1]), dtype=np.float32)
        for start in range(0, len(texts), _BATCH):
            # one text at a time: `encode_batch` spreads short texts over a thread pool whose
            # per-thread heaps cost ~30 MB for nothing on two cores, and it is no faster
            batch = [
                self._tokenizer.encode(text, add_special_tokens=False).ids
                for text in texts[start : start + _BATCH]
            ]
            ids, mask = _padded(batch)
            tokens = self._table[np.clip(ids, 0, len(self._table) - 1)].astype(np.float32)
            summed = np.einsum("btd,bt->bd", tokens, mask)
            # each batch scaled to unit length as it comes: no second array of every row
            pooled[start : start + len(batch)] = unit_rows(
                summed / np.maximum(mask.sum(1, keepdims=True), 1)
            )
        return pooled


def _padded(batch: list[list[int]]) -> tuple[npt.NDArray[np.int64], Vectors]:
    """Return the token ids of a batch padded to its longest text, and the mask of real ones."""
    width = max(map(len, batch), default=0)
    ids = np.zeros((len(batch), width), dtype=np.int64)
    mask = np.zeros((len(batch), width), dtype=np.float32)
    for row, tokens in enumerate(batch):
        ids[row, : len(tokens)] = tokens
        mask[row, : len(tokens)] = 1.0
    return ids, mask


def unit_rows(vectors: Vectors) -> Vectors:
    """Return `vectors` scaled to unit length, leaving all-zero rows at zero."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    scaled: Vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return scaled


ENCODERS: dict[str, Callable[[], Encoder]] = {"wordllama": WordLlamaEncoder}


@cache
def load_encoder(name: str) -> Encoder | None:
    """Return the encoder called `name` (loaded once per process), or None for `none`."""
    if name == "none":
        return None
    if name not in ENCODERS:
        known = ", ".join([*ENCODERS, "none"])
        raise SettingsError(f"STORYBOT_ENCODER: unknown encoder {name!r}; choose one of: {known}")
    return ENCODERS[name]()
