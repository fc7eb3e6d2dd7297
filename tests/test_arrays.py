"""The array helpers give what numpy's own (slower) calls give."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from threadpoolctl import threadpool_limits

from bot.matching.arrays import distinct, distinct_inverse, dot_rows, run_sums, spans

_VALUES = st.lists(st.integers(-50, 50), max_size=200)


@given(_VALUES)
def test_distinct_is_numpys_unique(values: list[int]) -> None:
    array = np.array(values, dtype=np.int64)
    assert np.array_equal(distinct(array), np.unique(array))


@given(_VALUES)
def test_distinct_inverse_is_numpys_unique_with_its_inverse(values: list[int]) -> None:
    array = np.array(values, dtype=np.int32)
    found, inverse = distinct_inverse(array)
    expected, expected_inverse = np.unique(array, return_inverse=True)
    assert np.array_equal(found, expected) and np.array_equal(inverse, expected_inverse)
    assert np.array_equal(found[inverse], array)


def test_spans_lists_every_index_of_every_range() -> None:
    indices, owner = spans(np.array([2, 7, 7]), np.array([4, 7, 9]))
    assert indices.tolist() == [2, 3, 7, 8] and owner.tolist() == [0, 0, 2, 2]


@given(st.integers(1, 20000), st.integers(0, 7))
def test_dot_rows_is_one_threads_product(rows: int, start: int) -> None:
    matrix = np.random.default_rng(rows).standard_normal((20008, 64)).astype(np.float32)
    vector = matrix[-1] / np.linalg.norm(matrix[-1])
    part = matrix[start : start + rows]
    with threadpool_limits(1):
        expected = part @ vector
    assert np.array_equal(dot_rows(part, vector), expected)


@given(st.lists(st.integers(1, 20), min_size=1, max_size=60), st.integers(0, 2**32 - 1))
def test_run_sums_are_numpys_reduceat_bit_for_bit(lengths: list[int], seed: int) -> None:
    rng = np.random.default_rng(seed)
    scale = rng.choice([1e-30, 1e-3, 1.0, 1e4])  # sums that round, and subnormal ones
    rows = (rng.standard_normal((sum(lengths), 8)) * scale).astype(np.float32)
    rows[rng.random(rows.shape) < 0.1] = -0.0  # a signed zero's sign is summed too
    rows[rng.random(rows.shape) < 0.1] = 0.0
    starts = np.cumsum(lengths) - np.array(lengths)
    expected = np.add.reduceat(rows, starts, axis=0)
    found = run_sums(rows, starts)
    assert np.array_equal(found, expected) and np.array_equal(
        np.signbit(found), np.signbit(expected)
    )
