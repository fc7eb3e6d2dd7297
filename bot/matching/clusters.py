"""Entries grouped by meaning, so that a question reads a few groups of vectors, not all of them.

A scan of every entry's vector costs 15-25 ms a question at 1,000,000 entries and grows with
the knowledge. Grouped once at build time (spherical k-means on a sample, then every vector
to its nearest centre), a question compares itself with the centres and reads the members of
the nearest groups only, up to a fixed number of rows: its work no longer grows with size.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

from bot.matching.arrays import dot_rows
from bot.matching.encoder import Vectors, unit_rows

GROUP_SIZE = 1024  # entries per group on average: centres and members cost alike to scan
READ = 16384  # the most member rows one question reads, whatever the groups' sizes
PROBES = 32  # the most groups one question reads: a group is a step of Python, however small
_SAMPLE_PER_GROUP = 32  # k-means learns the centres from this many vectors a group
_ROUNDS = 8
_CHUNK = 65536  # vectors assigned to their centre at a time: bounded scratch memory

Positions = npt.NDArray[np.int32]


class Clusters:
    """Unit vectors stored group by group around centres; `nearest` reads the nearest groups."""

    def __init__(self, vectors: Vectors, seed: int = 0) -> None:
        """Group the rows of `vectors` (unit length) into about `len / GROUP_SIZE` groups."""
        groups = max(1, len(vectors) // GROUP_SIZE)
        rng = np.random.default_rng(seed)  # seeded: the same knowledge groups the same way
        self.centres = _centres(vectors, groups, rng)
        owner = np.concatenate(
            [
                _nearest_centre(vectors[first : first + _CHUNK], self.centres)
                for first in range(0, len(vectors), _CHUNK)
            ]
        )
        order = np.argsort(owner, kind="stable")  # within a group, entries keep file order
        self.members: Positions = order.astype(np.int32)
        self.starts = np.searchsorted(owner[order], np.arange(groups + 1)).astype(np.int64)
        # stored in group order: a group is one slice to read, not rows gathered one by one
        self._rows = vectors[order]

    def nearest(self, vector: Vectors, read: int = READ) -> tuple[Positions, Vectors]:
        """Return the rows of the groups nearest `vector` and their dot products with it.

        Nearest group first; `PROBES` groups and `read` rows at most, whatever their sizes.
        """
        order = np.argsort(-(self.centres @ vector), kind="stable")[:PROBES]
        ends = np.cumsum(np.diff(self.starts)[order])
        # whole groups until the budget is spent; the one that crosses it is cut short
        spans = [
            (int(self.starts[g]), int(self.starts[g + 1]) - max(0, int(end) - read))
            for g, end in zip(order[: int(np.searchsorted(ends, read)) + 1], ends, strict=False)
        ]
        positions = np.concatenate([self.members[a:b] for a, b in spans])
        return positions, np.concatenate([dot_rows(self._rows[a:b], vector) for a, b in spans])


def _centres(vectors: Vectors, groups: int, rng: np.random.Generator) -> Vectors:
    """Return `groups` unit centres learnt by spherical k-means from a sample of `vectors`."""
    size = min(len(vectors), groups * _SAMPLE_PER_GROUP)
    sample = vectors[np.sort(rng.choice(len(vectors), size, replace=False))]
    centres = sample[rng.choice(size, groups, replace=False)]
    for _ in range(_ROUNDS):
        owner = _nearest_centre(sample, centres)
        sums = np.stack(
            [np.bincount(owner, sample[:, d], minlength=groups) for d in range(sample.shape[1])],
            axis=1,
        ).astype(np.float32)
        empty = ~sums.any(axis=1)  # a centre nothing came to stays where it was
        sums[empty] = centres[empty]
        centres = unit_rows(sums)
    return centres


def _nearest_centre(vectors: Vectors, centres: Vectors) -> npt.NDArray[np.intp]:
    nearest: npt.NDArray[np.intp] = np.argmax(vectors @ centres.T, axis=1)
    return nearest
