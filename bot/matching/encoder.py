"""Sentence encoders behind one small interface, chosen by name in the settings.

The default, `wordllama`, ships its 16 MB of static word vectors inside its wheel, so it runs
offline; `none` turns the semantic layer off. A deployment that can download models can add
another encoder to `ENCODERS` (model2vec, sentence-transformers) without touching the engine.
"""

from __future__ import annotations

import importlib.util
import json
import threading
from array import array
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import AbstractContextManager, contextmanager, nullcontext
from functools import cache, cached_property, lru_cache
from itertools import repeat
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

import numpy as np
import numpy.typing as npt

from bot.errors import SettingsError
from bot.matching.wordids import WordIds

if TYPE_CHECKING:  # imported when the encoder loads: `storybot ask` without one never needs it
    from tokenizers import Tokenizer

Vectors = npt.NDArray[np.float32]
_Ids = npt.NDArray[np.uint16]
_Counts = npt.NDArray[np.intp]

_WORDLLAMA_TOKENIZER = "tokenizers/l2_supercat_tokenizer_config.json"
_WORDLLAMA_WEIGHTS = "weights/l2_supercat_256.safetensors"
# texts pooled at a time: the owner matrix grows with its square, and a product this small
# stays on one BLAS thread (at 32 texts OpenBLAS spread it over both cores and, beside any
# other busy process, took eight times as long)
_BATCH = 16
_WORDS = 65536  # distinct words whose tokens are kept
# texts whose token rows are read from the table at a time, a multiple of `_BATCH`: at 512
# their rows were 6 MB of scratch at a build's peak, and 128 is no slower
_READ = 128
_SLICE = 8 * _READ  # texts a build embeds per call (`encoded`): whole read blocks
_ID = "H"  # a token id as an `array` stores it: 16 bits hold the vocabulary's 32,000
_ID_BYTES = array(_ID).itemsize
# texts from which each row read is widened once and kept (`_Widened`): fewer texts widen
# the rows they read as they read them (5 us a text)
_WIDEN_FROM = 16384
_HEADER_BYTES = 1 << 20  # a safetensors header past this is no weights file of ours


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
    # texts that may be embedded apart from the rest with the same rows: each block of `_READ`
    # texts is read and pooled on its own, so slices of whole blocks change nothing
    slice_texts = _SLICE

    def __init__(self) -> None:
        """Load the weights and tokenizer that ship inside the installed `wordllama` package."""
        spec = importlib.util.find_spec("wordllama")  # finds the folder, runs none of its code
        if spec is None or not spec.submodule_search_locations:
            raise SettingsError("STORYBOT_ENCODER=wordllama needs the wordllama package")
        folder = Path(next(iter(spec.submodule_search_locations)))
        # read beside the rest of a build, which needs it only once its words are read: a
        # cold `storybot ask` waited ~0.1 s for the tokenizer's JSON before doing anything else
        self._loader = ThreadPoolExecutor(1, thread_name_prefix="tokenizer")
        self._loading = self._loader.submit(_tokenizer, folder / _WORDLLAMA_TOKENIZER)
        # each word's ids packed as bytes: as tuples of ints they held 20 MB at 100,000 entries
        self._word_ids = lru_cache(maxsize=_WORDS)(lambda word: self._words(word))
        # kept in float16 as shipped (16 MB, not 31 MB) and mapped from the file, not read: only
        # the pages of the rows a knowledge's words use are ever in memory (a story's few
        # thousand tokens of 32,000). A question's few rows are widened as read, and a build
        # widens each row it reads once (`bulk`), as widening each text's rows made a build's
        # embedding a third slower
        self._table = _mapped(folder / _WORDLLAMA_WEIGHTS, "embedding.weight")
        self._widened: _Widened | None = None
        self._bulk_lock = threading.Lock()
        self._bulk_blocks = 0  # blocks under way (a reload may overlap another)

    @cached_property
    def _tokenizer(self) -> Tokenizer:
        """Return the tokenizer, waiting for it to be read the first time."""
        tokenizer = self._loading.result()
        # its thread ended, not left idle: `storybot validate` forks, and a fork copies no thread
        self._loader.shutdown(wait=True)
        return tokenizer

    @cached_property
    def _words(self) -> WordIds:
        """Return the reader of a word's ids, once the tokenizer is read."""
        return WordIds(self._tokenizer)

    @contextmanager
    def bulk(self, texts: int) -> Iterator[None]:
        """Run a block that embeds `texts` texts, each row read widened once if they are many.

        The same vectors either way: every float16 value widens exactly. Only the rows read
        are widened, not the whole table (32 MB beside the 16 MB kept, at the build's peak).
        """
        if texts < _WIDEN_FROM:
            yield
            return
        with self._bulk_lock:
            self._bulk_blocks += 1
            if self._bulk_blocks == 1:
                self._widened = _Widened(self._table)
        try:
            yield
        finally:
            with self._bulk_lock:
                self._bulk_blocks -= 1
                if self._bulk_blocks == 0:
                    self._widened = None

    def encode(self, texts: Sequence[str]) -> Vectors:
        """Return unit vectors for `texts`, batched."""
        if len(texts) == 1:  # a question, or a word of it: most calls while answering
            return self._one(texts[0])
        table, widened = self._table, self._widened  # a `bulk` block may end meanwhile
        pooled = np.zeros((len(texts), table.shape[1]), dtype=np.float32)
        for first in range(0, len(texts), _READ):
            ids, lengths = self._block_ids(texts[first : first + _READ])
            # the token rows of many batches read in one step, not batch by batch
            rows = np.asarray(table[ids], np.float32) if widened is None else widened.rows(ids)
            ends = [0, *np.cumsum(lengths).tolist()]  # as Python ints: no numpy scalar a batch
            sums = pooled[first : first + len(lengths)]
            for start in range(0, len(lengths), _BATCH):
                counts = lengths[start : start + _BATCH]
                batch = rows[ends[start] : ends[start + len(counts)]]
                sums[start : start + len(counts)] = _summed(batch, counts)
            # scaled row by row, so the same however many rows at once: one step for them all
            sums /= np.maximum(lengths, 1).astype(np.float32)[:, np.newaxis]
            sums[:] = unit_rows(sums)
        return pooled

    def _block_ids(self, texts: Sequence[str]) -> tuple[_Ids, _Counts]:
        """Return the token ids of `texts`, one text after another, and how many each has.

        Texts of words one space apart (see `_ids`) are read as one: their words split in one
        call and their ids joined in one, not text by text (twice as fast).
        """
        joined = " ".join(texts)
        # every text is words one space apart exactly when the texts joined so are
        if not _single_spaced(joined):
            ids = [self._ids(text) for text in texts]
            lengths = np.fromiter(map(len, ids), dtype=np.intp, count=len(ids))
            return np.frombuffer(b"".join(ids), dtype=np.uint16), lengths
        parts = list(map(self._word_ids, joined.split(" ")))
        tokens = np.fromiter(map(len, parts), dtype=np.intp, count=len(parts)) // _ID_BYTES
        spaces = np.fromiter(map(str.count, texts, repeat(" ")), np.intp, count=len(texts))
        words = spaces + 1
        lengths = np.add.reduceat(tokens, np.cumsum(words) - words)
        return np.frombuffer(b"".join(parts), dtype=np.uint16), lengths

    def _one(self, text: str) -> Vectors:
        """Return what `encode([text])` returns, in half its steps.

        The same products: one text owns all its tokens, so its owner matrix is all ones.
        """
        ids = self._ids(text)
        rows = np.asarray(self._table[np.frombuffer(ids, dtype=np.uint16)], np.float32)
        owners = np.ones((1, len(ids)), dtype=np.float32)
        return unit_rows((owners @ rows) / np.float32(max(len(ids), 1)))

    def _ids(self, text: str) -> array[int]:
        """Return the token ids of `text`, word by word from a cache where that is exact.

        The tokenizer marks each space as "▁" and no token holds a "▁" after another
        character, so a text of words one space apart is the concatenation of its words'
        tokens, and a build's 350,000 texts use a few thousand distinct words. Leading,
        trailing or repeated spaces make runs of "▁" and take the whole-text path.
        """
        if not _single_spaced(text):
            return _packed(self._tokenizer.encode(text, add_special_tokens=False).ids)
        return array(_ID, b"".join(map(self._word_ids, text.split(" "))))


class _Widened:
    """The rows of a float16 table that a build has read, each widened to float32 once.

    Packed in the order first read: a build's texts use a few thousand of the 32,000 tokens.
    """

    def __init__(self, table: npt.NDArray[np.float16]) -> None:
        """Start with no row widened; room for them all, resident only as rows are added."""
        self._table = table
        self._slot = np.full(len(table), -1, dtype=np.int32)  # each token's row here, or -1
        self._rows: Vectors = np.empty(table.shape, dtype=np.float32)
        self._count = 0
        self._lock = threading.Lock()  # overlapping builds share it

    def rows(self, ids: _Ids) -> Vectors:
        """Return the float32 rows of the tokens `ids`, in order."""
        with self._lock:
            at = self._slot[ids]
            missing = at < 0
            if missing.any():
                new = np.unique(ids[missing])
                end = self._count + len(new)
                self._rows[self._count : end] = self._table[new]
                self._slot[new] = np.arange(self._count, end, dtype=np.int32)
                self._count = end
                at = self._slot[ids]
            rows: Vectors = self._rows[at]
            return rows


def _single_spaced(text: str) -> bool:
    """Return whether `text` is words one space apart: none before, after, or two together."""
    return bool(text) and text[0] != " " and text[-1] != " " and "  " not in text


def _summed(rows: Vectors, lengths: npt.NDArray[np.intp]) -> Vectors:
    """Return the sum of each text's token `rows`, the texts' rows one after another."""
    # each text's tokens summed by one small product with the matrix of which text owns which
    # token: numpy's segment sum (`reduceat`) was four times slower
    owners = np.zeros((len(lengths), len(rows)), dtype=np.float32)
    owners[np.repeat(np.arange(len(lengths)), lengths), np.arange(len(rows))] = 1.0
    summed: Vectors = owners @ rows
    return summed


def _packed(ids: Sequence[int]) -> array[int]:
    """Return token ids as an array of 16-bit ids, as the table's rows are numbered."""
    return array(_ID, ids)


def bulk(encoder: Encoder, texts: int) -> AbstractContextManager[object]:
    """Return a block in which `encoder` embeds `texts` texts at its fastest, where it can."""
    block: Callable[[int], AbstractContextManager[object]] | None = getattr(encoder, "bulk", None)
    return block(texts) if block is not None else nullcontext()


def encoded(encoder: Encoder, texts: Sequence[str]) -> Iterator[tuple[int, Vectors]]:
    """Yield (first text, vectors) for `texts` a slice at a time: the rows of one `encode`.

    In slices where the encoder says that changes no row (`slice_texts`), else all at once;
    at least once, so an empty `texts` still tells the vectors' width.
    """
    size: int = getattr(encoder, "slice_texts", 0) or max(len(texts), 1)
    first = 0
    while first == 0 or first < len(texts):
        end = first + size
        if len(texts) - end == 1:  # a lone text would take the one-text path: kept together
            end += 1
        yield first, encoder.encode(texts[first:end])
        first = end


def unit_rows(vectors: Vectors) -> Vectors:
    """Return `vectors` scaled to unit length, leaving all-zero rows at zero."""
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    scaled: Vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    return scaled


def _mapped(path: Path, name: str) -> npt.NDArray[np.float16]:
    """Return the float16 tensor `name` of a safetensors file, mapped read-only from the file.

    The format: a little-endian 8-byte header length, a JSON header giving each tensor's
    dtype, shape and byte offsets after the header, then the tensors' bytes (little-endian).
    Read whole where the file cannot be mapped (some network file systems).
    """
    try:
        with path.open("rb") as file:
            size = int.from_bytes(file.read(8), "little")
            if not 0 < size <= _HEADER_BYTES:
                raise ValueError(f"a header of {size} bytes")
            tensor = json.loads(file.read(size))[name]
        start, end = tensor["data_offsets"]
        shape = tuple(int(n) for n in tensor["shape"])
        if tensor["dtype"] != "F16" or len(shape) != 2:
            raise ValueError(f"{name} is {tensor['dtype']} of {len(shape)} dimensions")
        if end - start != 2 * shape[0] * shape[1] or 8 + size + end > path.stat().st_size:
            raise ValueError(f"{name} holds {end - start} bytes, not {shape}")
    except (OSError, ValueError, KeyError, TypeError) as error:  # JSONDecodeError is one
        raise SettingsError(
            f"{path.name}: not float16 weights as wordllama ships ({error})"
        ) from error
    offset, little = 8 + size + start, np.dtype("<f2")
    try:
        return np.memmap(path, dtype=little, mode="r", offset=offset, shape=shape)
    except OSError:
        count = shape[0] * shape[1]
        return np.fromfile(path, dtype=little, count=count, offset=offset).reshape(shape)


def _tokenizer(path: Path) -> Tokenizer:
    """Return wordllama's tokenizer read from `path`, without padding, truncation or cache."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(path))
    tokenizer.no_padding()
    tokenizer.no_truncation()
    # its own cache of the pieces of each text it read only repeats the encoder's per-word
    # cache of ids (3 MB at 10,000 entries); older versions have no such call
    resize_cache = getattr(tokenizer.model, "_resize_cache", None)
    if resize_cache is not None:
        resize_cache(0)
    return tokenizer


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
