"""Work split between forked processes comes back whole, or fails loudly."""

from __future__ import annotations

import os

import pytest

from bot.knowledge.shares import Found, in_shares


def _numbered(share: int, shares: int) -> Found:
    return [(n, f"item {n} of share {share}/{shares}") for n in range(share, 5000, shares)]


def test_every_share_of_the_work_is_returned() -> None:
    found = in_shares(5000, _numbered)
    assert sorted(n for n, _ in found) == list(range(5000))


def test_small_work_runs_as_one_share_in_this_process() -> None:
    assert in_shares(10, _numbered) == _numbered(0, 1)


@pytest.mark.skipif(len(os.sched_getaffinity(0)) < 2, reason="one core: nothing is forked")
def test_a_failed_share_raises() -> None:
    def failing(share: int, shares: int) -> Found:
        if share == 1:
            raise ValueError("broken share")
        return []

    with pytest.raises(RuntimeError, match="failed"):
        in_shares(5000, failing)
