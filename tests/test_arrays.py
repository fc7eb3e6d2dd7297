"""The array helpers give what numpy's own (slower) calls give."""

from __future__ import annotations

import numpy as np
from hypothesis import given
from hypothesis import strategies as st
from threadpoolctl import threadpool_limits

from bot.matching.arrays import distinct, distinct_inverse, dot_rows, spans

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
