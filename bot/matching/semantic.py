"""Semantic neighbours: entries whose phrasings mean what a question means; soft word matches."""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache, partial

import numpy as np
import numpy.typing as npt

from bot.matching import heap
from bot.matching.arrays import dot_rows, run_sums, spans
from bot.matching.clusters import Clusters
from bot.matching.encoder import Encoder, Vectors, bulk, encoded, unit_rows

_COARSE_DIMS = 64  # Matryoshka-trained: the first dims alone rank well, at a quarter the cost
_RESCORE = 4  # coarse nominations per wanted neighbour, re-ranked with every dimension
_EXACT_UP_TO = 2048  # entries; below this a full scan costs less than the coarse one saves
# entries; from here a coarse scan of every entry costs over a millisecond, and only the
# groups of entries nearest the question are read (see `clusters`)
_GROUPED_FROM = 32768
_CHUNK = 4096  # entries embedded at a time while building
_POOLS_KEPT = 128  # entries whose term vectors are kept gathered: 50 kB each, or so


class SemanticIndex:
    """Unit vectors of every entry's texts, searched by dot product."""

    def __init__(
        self,
        encoder: Encoder,
        texts: Sequence[Sequence[str]],
        previous: SemanticIndex | None = None,
        old_positions: Sequence[int | None] | None = None,
    ) -> None:
        """Embed `texts`: for each entry, the texts that say what it answers.

        An entry whose old position (`old_positions`) is not None takes its rows from
        `previous` (the same texts embedded by the same encoder) instead of being embedded.
        """
        self.encoder = encoder
        self._starts = np.concatenate(([0], np.cumsum([len(e) for e in texts], dtype=np.int64)))
        # on large knowledge only a few dozen rows are read per question: half the memory
        large = len(texts) > _EXACT_UP_TO
        dtype = np.float16 if large else np.float32
        if previous is None or old_positions is None or previous._vectors.dtype != dtype:
            previous, old_positions = None, [None] * len(texts)
        old = np.array([-1 if p is None else p for p in old_positions], dtype=np.int64)
        self._vectors: Vectors = np.zeros((0, 0), dtype=dtype)
        coarse = np.zeros((len(texts), _COARSE_DIMS), dtype=np.float32)
        # the encoder's table widened while the entries are embedded only: the word vectors
        # made next are the build's last peak, and the widened table was 16 MB of it
        with bulk(encoder, int(self._starts[-1])):
            self._embed_chunks(encoder, texts, coarse, old, previous)
            # the chunks' scratch: not held beside the narrowed table, nor the groups' copy
            heap.release()
        coarse = unit_rows(coarse)
        # large knowledge: the groups keep the coarse vectors, in their own order
        self._groups = Clusters(coarse) if len(texts) >= _GROUPED_FROM else None
        self._coarse = coarse if self._groups is None else np.zeros((0, _COARSE_DIMS), np.float32)
        self.embed = lru_cache(maxsize=4096)(partial(_embed, encoder))

    def _embed_chunks(
        self,
        encoder: Encoder,
        texts: Sequence[Sequence[str]],
        coarse: Vectors,
        old: npt.NDArray[np.int64],
        previous: SemanticIndex | None,
    ) -> None:
        """Store every entry's rows, and the sum of their first dimensions in `coarse`."""
        # a chunk of entries at a time: the float32 vectors of every text at once would be
        # twice the float16 store, and they were the build's peak
        for first in range(0, max(len(texts), 1), _CHUNK):
            chunk = texts[first : first + _CHUNK]
            starts = self._starts[first : first + len(chunk) + 1]
            rows = self._filled(encoder, chunk, starts, old[first : first + _CHUNK], previous)
            # from the rows as stored, so that reused and new entries get the same coarse
            # vectors; every entry has at least one text (its question or its name)
            if chunk:
                coarse[first : first + len(chunk)] = run_sums(
                    rows[:, :_COARSE_DIMS].astype(np.float32), starts[:-1] - starts[0]
                )
            heap.release()

    def _filled(
        self,
        encoder: Encoder,
        chunk: Sequence[Sequence[str]],
        starts: npt.NDArray[np.int64],
        old: npt.NDArray[np.int64],
        previous: SemanticIndex | None,
    ) -> Vectors:
        """Store one chunk's rows, copied from `previous` where `old` says so, else embedded."""
        kept = old >= 0
        reused = kept.tolist()
        fresh = [text for entry, k in zip(chunk, reused, strict=True) if not k for text in entry]
        if not any(reused):  # a first build: every row embedded, stored a slice at a time
            # not the float32 vectors of the whole chunk at once: 15 MB at 10,000 entries,
            # at the build's peak
            for first, vectors in encoded(encoder, fresh):
                rows = self._rows(starts, vectors.shape[1])
                rows[first : first + len(vectors)] = vectors
            return rows
        # a chunk whose every entry is reused embeds nothing: no rows, the store's width
        vectors = previous._vectors[:0] if previous and not fresh else encoder.encode(fresh)
        rows = self._rows(starts, vectors.shape[1])
        taken = np.repeat(kept, np.diff(starts))
        if previous is not None:
            was = old[kept]
            rows[taken] = previous._vectors[
                spans(previous._starts[was], previous._starts[was + 1])[0]
            ]
        rows[~taken] = vectors
        return rows

    def _rows(self, starts: npt.NDArray[np.int64], width: int) -> Vectors:
        """Return the store's rows from `starts[0]` to `starts[-1]`, made `width` wide if new."""
        if not self._vectors.shape[1]:  # the first chunk: now the store's width is known
            self._vectors = np.empty((self._starts[-1], width), self._vectors.dtype)
        return self._vectors[starts[0] : starts[-1]]

    def neighbours(self, vector: Vectors, limit: int) -> list[int]:
        """Return the positions of up to `limit` entries nearest to `vector`, nearest first."""
        entries = len(self._starts) - 1
        if not vector.any() or not entries:
            return []
        if entries <= _EXACT_UP_TO:  # small knowledge: every entry, every dimension
            best = np.maximum.reduceat(dot_rows(self._vectors, vector), self._starts[:-1])
            return [int(p) for p in np.argsort(-best, kind="stable")[:limit]]
        question = _unit(vector[:_COARSE_DIMS])
        rows = None
        if self._groups is None:
            coarse = dot_rows(self._coarse, question)
        else:  # bounded work: only the rows of the groups nearest the question
            rows, coarse = self._groups.nearest(question)
        wanted = min(limit * _RESCORE, len(coarse))
        best = np.argpartition(-coarse, wanted - 1)[:wanted]
        nominated = [int(p) for p in (best if rows is None else rows[best])]
        exact = self.similarities(vector, nominated)
        order = np.argsort(-exact, kind="stable")[:limit]
        return [nominated[i] for i in order]

    def similarities(self, vector: Vectors, positions: Sequence[int]) -> Vectors:
        """Return, for each entry at `positions`, the best cosine of its texts with `vector`."""
        if not positions:
            return np.zeros(0, dtype=np.float32)
        starts, ends = self._starts[positions], self._starts[np.add(positions, 1)]
        rows = spans(starts, ends)[0]
        cosines = np.asarray(self._vectors[rows], dtype=np.float32) @ vector
        offsets = np.concatenate(([0], np.cumsum(ends - starts)[:-1]))
        best: Vectors = np.maximum.reduceat(cosines, offsets)
        return best


class WordVectors:
    """Vectors of single words, for matching a question's word to an entry's softly."""

    def __init__(
        self, encoder: Encoder, surfaces: dict[str, str], previous: WordVectors | None = None
    ) -> None:
        """Embed every knowledge term by its readable form (`surfaces`: term -> text).

        A term `previous` embedded from the same text keeps its vector; only the others are
        embedded.
        """
        self.encoder = encoder
        self._surfaces = surfaces
        before = previous._surfaces if previous else {}
        kept = [t for t, text in surfaces.items() if before.get(t) == text]
        new = {t: text for t, text in surfaces.items() if before.get(t) != text}
        self._row: dict[str, int] = {term: i for i, term in enumerate([*kept, *new])}
        self._vectors = encoder.encode(list(new.values()))
        if previous is not None:
            old = previous._vectors[[previous._row[t] for t in kept]]
            self._vectors = np.concatenate((old, self._vectors))
        self._unknown = lru_cache(maxsize=8192)(partial(_embed, encoder))
        # one per entry a question is matched to softly: the same few entries lead many
        self._pools = lru_cache(maxsize=_POOLS_KEPT)(partial(_pool, self._vectors, self._row))

    def of(self, term: str, surface: str) -> Vectors:
        """Return the vector of `term`, embedding `surface` when the knowledge never uses it."""
        row = self._row.get(term)
        return self._vectors[row] if row is not None else self._unknown(surface)

    def pool(self, terms: frozenset[str]) -> Pool:
        """Return the vectors of the knowledge `terms` as one matrix, made once per set."""
        return self._pools(terms)


class Pool:
    """The vectors of one entry's terms, matched against a question's words one at a time."""

    def __init__(self, vectors: Vectors) -> None:
        """Keep `vectors`, one row per term."""
        self._vectors = vectors

    def __bool__(self) -> bool:
        """Return whether any term has a vector: an empty pool matches nothing."""
        return len(self._vectors) > 0

    def best_match(self, vector: Vectors) -> float:
        """Return the highest cosine between `vector` and any of the pool's terms."""
        if not len(self._vectors):
            return 0.0
        # the largest of a few dozen as Python floats: numpy's reduction costs more to start
        best: float = max((self._vectors @ vector).tolist())
        return best


def _pool(vectors: Vectors, row: dict[str, int], terms: frozenset[str]) -> Pool:
    # in sorted order: the rows, and so each product's sums, are always the same
    return Pool(vectors[[row[t] for t in sorted(terms) if t in row]])


def _embed(encoder: Encoder, text: str) -> Vectors:
    row: Vectors = encoder.encode([text])[0]
    return row


def _unit(vector: Vectors) -> Vectors:
    row: Vectors = unit_rows(vector[np.newaxis, :])[0]
    return row
