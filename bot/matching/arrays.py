"""Array operations numpy lacks, or does slowly: distinct values, members of ranges, products.

`np.unique` hashes 1-d arrays since numpy 2.3: on 16,000 entry numbers it takes 2 ms where
a sort takes 0.1 ms, and on 3 million values it held the GIL for half a second of its 4 s.
A sort does the same work faster and lets answers run meanwhile.
"""

from __future__ import annotations

from typing import TypeVar

import numpy as np
import numpy.typing as npt

_T = TypeVar("_T", bound=np.generic)
_Array = npt.NDArray[np.integer]
_Floats = npt.NDArray[np.floating]
# OpenBLAS hands a matrix-vector product of more cells than 460,800 to its threads; on a
# busy machine they took 8 ms where one core takes 0.1 ms (16,384 rows of 64 dimensions)
_ONE_THREAD_CELLS = 262144
_ROW_BLOCK = 4  # OpenBLAS takes rows four at a time, and the last few by another path
# numpy's pairwise sum adds fewer values than this one after another, from -0.0
_PAIRWISE_FROM = 8


def distinct(values: npt.NDArray[_T]) -> npt.NDArray[_T]:
    """Return the distinct values of a 1-d array, in ascending order (as `np.unique`)."""
    ordered = np.sort(values)
    return ordered[_firsts(ordered)]


def distinct_inverse(values: npt.NDArray[_T]) -> tuple[npt.NDArray[_T], npt.NDArray[np.intp]]:
    """Return the distinct values, and each value's position among them (`return_inverse`)."""
    order = np.argsort(values, kind="stable")
    ordered = values[order]
    firsts = _firsts(ordered)
    inverse = np.empty(len(values), dtype=np.intp)
    inverse[order] = np.cumsum(firsts) - 1
    return ordered[firsts], inverse


def first_positions(values: npt.NDArray[_T]) -> npt.NDArray[np.intp]:
    """Return where each distinct value first stands in `values`, in the order they stand."""
    order = np.argsort(values, kind="stable")
    return np.sort(order[_firsts(values[order])])


def spans(starts: _Array, ends: _Array) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.intp]]:
    """Return every index in the ranges `starts[i]:ends[i]`, and the range `i` of each."""
    lengths = ends - starts
    owner = np.repeat(np.arange(len(starts)), lengths)
    offsets = np.cumsum(lengths) - lengths
    return np.arange(int(lengths.sum())) - offsets[owner] + starts[owner], owner


def run_sums(rows: _Floats, starts: _Array) -> _Floats:
    """Return the sum of each run of `rows` (from `starts[i]` to the next start), in order.

    Bit for bit what `np.add.reduceat(rows, starts, axis=0)` gives (every run holding a row):
    the first row plus the others' sum, which numpy adds one after another from -0.0 when
    they are fewer than eight (its pairwise sum). Short runs are summed a row at a time for
    all of them at once (12 -> 7 ms for 10,000 entries' texts); longer runs are numpy's.
    """
    ends = np.append(starts[1:], len(rows))
    lengths = ends - starts
    sums: _Floats = rows[starts]
    short = np.flatnonzero((lengths > 1) & (lengths <= _PAIRWISE_FROM))
    if len(short):
        first, sizes = starts[short], lengths[short]
        others = np.full((len(short), *rows.shape[1:]), -0.0, dtype=rows.dtype)
        for at in range(1, int(sizes.max())):
            longer = np.flatnonzero(sizes > at)
            others[longer] += rows[first[longer] + at]
        sums[short] += others
    long = np.flatnonzero(lengths > _PAIRWISE_FROM)
    if len(long):  # a run's sum is its own: the long runs' rows gathered, summed as numpy does
        sizes = lengths[long]
        sums[long] = np.add.reduceat(
            rows[spans(starts[long], ends[long])[0]], np.cumsum(sizes) - sizes, axis=0
        )
    return sums


def dot_rows(matrix: _Floats, vector: _Floats) -> _Floats:
    """Return `matrix @ vector`, in slices small enough for one thread to take each.

    Slices of whole blocks of four rows: each row's product is then the one a single thread
    gives for the whole matrix, whatever the size.
    """
    rows = max(_ONE_THREAD_CELLS // max(matrix.shape[-1], 1), _ROW_BLOCK)
    rows -= rows % _ROW_BLOCK
    if len(matrix) <= rows:
        product: _Floats = matrix @ vector
        return product
    return np.concatenate([matrix[a : a + rows] @ vector for a in range(0, len(matrix), rows)])


def _firsts(ordered: npt.NDArray[_T]) -> npt.NDArray[np.bool_]:
    """Return, for a sorted array, whether each value is the first of its run."""
    firsts = np.empty(len(ordered), dtype=bool)
    firsts[:1] = True
    np.not_equal(ordered[1:], ordered[:-1], out=firsts[1:])
    return firsts
