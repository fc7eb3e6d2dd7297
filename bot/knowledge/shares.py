"""Run one share of a long check in each of several forked processes, and gather the results.

`storybot validate` asks the engine about every FAQ phrasing: at 100,000 entries that is
minutes of work on one core, and the phrasings do not depend on each other. A forked child
shares the parent's engine without copying or rebuilding it; each child sends back its
share's results as JSON through a pipe.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import sys
import traceback
from collections.abc import Callable

from threadpoolctl import threadpool_limits

Found = list[tuple[int, str]]  # what a share finds: numbered texts
Work = Callable[[int, int], Found]  # the work of share k of n

_MIN_SHARE = 1000  # items; below this a fork costs more than it saves
_MAX_SHARES = 8  # children: each holds its own copy of the pages it writes


def in_shares(count: int, work: Work) -> Found:
    """Return what `work(share, shares)` finds for every share, each run in a forked child.

    `count` is how many items the work spans: small work, or a system without `fork`, runs
    as one share in this process.
    """
    shares = min(_cores(), count // _MIN_SHARE, _MAX_SHARES)
    # fork without exec is safe with numpy's and the tokenizer's threads on Linux only (and
    # why multiprocessing spawns elsewhere)
    if shares < 2 or sys.platform != "linux":
        return work(0, 1)
    thawed = gc.get_freeze_count() == 0  # a served engine may be frozen already: leave it so
    gc.freeze()  # a child's collections then touch no inherited page: none is copied
    children: list[tuple[int, int]] = []
    try:
        for share in range(shares):
            children.append(_forked(share, shares, work))
        return [found for pid, reader in children for found in _collected(pid, reader)]
    finally:
        for pid, reader in children:  # after a failure: no child left waiting or unreaped
            _reap(pid, reader)
        if thawed:
            gc.unfreeze()


def _cores() -> int:
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))  # the cores this process may use, not the machine's
    return os.cpu_count() or 1


def _forked(share: int, shares: int, work: Work) -> tuple[int, int]:
    """Start a child that writes `work(share, shares)` to a pipe; return its pid and the pipe."""
    reader, writer = os.pipe()
    pid = os.fork()
    if pid:
        os.close(writer)
        return pid, reader
    os.close(reader)
    status = 1
    try:
        # one BLAS thread a child: the children already fill the cores, and two BLAS threads
        # each on small products made the whole check 77 s instead of 27 s at 10,035 entries
        with threadpool_limits(limits=1), os.fdopen(writer, "w", encoding="utf-8") as pipe:
            json.dump(work(share, shares), pipe)
        status = 0
    except BaseException:  # the child's only way to tell: its traceback, then its exit code
        traceback.print_exc()
    finally:
        os._exit(status)  # never back into the parent's code: no cleanup, no second exit


def _reap(pid: int, reader: int) -> None:
    """Close a child's pipe if still open and wait for it if not yet waited for."""
    with contextlib.suppress(OSError):
        os.close(reader)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)


def _collected(pid: int, reader: int) -> Found:
    """Read a child's results and wait for it; raise if it failed."""
    with os.fdopen(reader, encoding="utf-8", closefd=False) as pipe:
        sent = pipe.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not sent:
        raise RuntimeError(f"a forked share of the work failed (child {pid}); see its traceback")
    return [(number, text) for number, text in json.loads(sent)]
