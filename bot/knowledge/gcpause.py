"""Keep the cyclic garbage collector away from answers while a large engine is built.

At 100,000 entries an engine is ~2 million objects. Building it with the collector on costs
a third of the build in full collections, each holding the GIL (and every answer) for
seconds; and once built, each later full collection walks it all again. So a build runs with
the collector paused, and the engine built is frozen: moved where the collector never looks.
An engine holds no reference cycle, so the one it replaces is freed by reference counting.
"""

from __future__ import annotations

import gc
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
