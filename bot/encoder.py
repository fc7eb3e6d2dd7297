"""Sentence encoders behind one small interface, chosen by name in the settings.

The default, `wordllama`, ships its 16 MB of static word vectors inside its wheel, so it runs
offline; `none` turns the semantic layer off. A deployment that can download models can add
another encoder to `ENCODERS` (model2vec, sentence-transformers) without touching the engine.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np
import numpy.typing as npt

from bot.errors import SettingsError

Vectors = npt.NDArray[np.float32]


class Encoder(Protocol):
    """Turns texts into unit vectors whose dot product says how alike they are."""

    name: str

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Return one unit-length row per text (a zero row for a text with no known word)."""


class WordLlamaEncoder:
    """WordLlama's static 256-d embeddings, loaded from its own wheel, never the network."""

    name = "wordllama"

    def __init__(self) -> None:
        """Load the weights and tokenizer that ship inside the installed `wordllama` package."""
        import wordllama  # imported here: `storybot ask` with the encoder off stays light

        # 0.4 looks for its tokenizer in the wrong folder and then downloads it; pointing the
        # cache at the package folder finds both files in the wheel
        folder = Path(wordllama.__file__).parent
        self._model = wordllama.WordLlama.load(cache_dir=folder, disable_download=True)

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Return unit vectors for `texts`, batched."""
        if not texts:
            return np.zeros((0, 256), dtype=np.float32)
        vectors = np.asarray(self._model.embed(list(texts)), dtype=np.float32)
        return unit_rows(vectors)


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
