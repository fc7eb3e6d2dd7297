"""Keep the cyclic garbage collector away from answers while a large engine is built.

At 100,000 entries an engine is ~2 million objects. Building it with the collector on costs
a third of the build in full collections, each holding the GIL (and every answer) for
seconds; and once built, each later full collection walks it all again. So a build runs with
the collector paused, and the engine built is frozen: moved where the collector never looks.
An engine holds no reference cycle, so the one it replaces is freed by reference counting.
"""

from __future__ import annotations

import gc
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pausers = 0  # blocks under way: the collector resumes when the last one ends
_resume = False  # whether it was on when the first of them began


@contextmanager
def paused() -> Iterator[None]:
    """Run the block with cyclic garbage collection off (reference counting still frees)."""
    global _pausers, _resume
    with _lock:
        if _pausers == 0:
            _resume = gc.isenabled()
        _pausers += 1
        gc.disable()
    try:
        yield
    finally:
        with _lock:
            _pausers -= 1
            if _pausers == 0 and _resume:
                gc.enable()


def settle() -> None:
    """Freeze every object alive now: a new engine is kept, and full collections skip it."""
    gc.freeze()


_HANDOVER_S = 0.0001  # how long a thread that wants the GIL waits before it is handed over


@contextmanager
def handing_over() -> Iterator[None]:
    """Run a long build in one thread with the GIL handed to waiting threads 50x as often.

    An answer that gives up the GIL (numpy does, for a moment) waits up to the switch
    interval (5 ms) to get it back each time while a build holds it: tens of times per
    answer, so answers took 200 ms during a reload. At 0.5 ms they still took 85-119 ms at
    100,000 entries; at 0.1 ms the longest is under 100 ms.
    """
    before = sys.getswitchinterval()
    sys.setswitchinterval(min(before, _HANDOVER_S))
    try:
        yield
    finally:
        sys.setswitchinterval(before)
