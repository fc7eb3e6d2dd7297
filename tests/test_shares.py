"""Work split between forked processes comes back whole, or fails loudly."""

from __future__ import annotations

import os
import sys

import pytest

from bot.knowledge import shares
from bot.knowledge.shares import Found, in_shares

FORKS = sys.platform == "linux" and shares._cores() >= 2


def _numbered(share: int, count: int) -> Found:
    return [(n, f"{os.getpid()}") for n in range(share, 5000, count)]


def test_every_share_of_the_work_is_returned() -> None:
    found = in_shares(5000, _numbered)
    assert sorted(n for n, _ in found) == list(range(5000))
    pids = {pid for _, pid in found}
    if FORKS:  # done in children, not here
        assert len(pids) > 1 and str(os.getpid()) not in pids


def test_small_work_runs_as_one_share_in_this_process() -> None:
    assert in_shares(10, _numbered) == _numbered(0, 1)


@pytest.mark.skipif(not FORKS, reason="nothing is forked here")
def test_a_failed_share_raises_and_leaves_no_child_behind() -> None:
    def failing(share: int, count: int) -> Found:
        if share == 1:
            raise ValueError("broken share")
        return []

    with pytest.raises(RuntimeError, match="failed"):
        in_shares(5000, failing)
    with pytest.raises(ChildProcessError):
        os.waitpid(-1, os.WNOHANG)  # every child was waited for
