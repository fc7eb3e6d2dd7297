"""A build embeds on one BLAS thread, and gives the threads back when its last block ends."""

from __future__ import annotations

import threading

from threadpoolctl import threadpool_info, threadpool_limits

from bot.matching import blas


def _blas_threads() -> set[int]:
    return {lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"}


def test_blocks_run_on_one_blas_thread_until_the_last_ends() -> None:
    with threadpool_limits(2, user_api="blas"):  # as on a machine of two cores
        before = _blas_threads()
        with blas.one_thread():
            assert _blas_threads() == {1}
            inner_done = threading.Event()

            def overlapping() -> None:  # a reload's build beside the first
                with blas.one_thread():
                    assert _blas_threads() == {1}
                inner_done.set()

            worker = threading.Thread(target=overlapping)
            worker.start()
            worker.join()
            assert inner_done.is_set()
            assert _blas_threads() == {1}  # the first block still runs
        assert _blas_threads() == before
