"""Matrix products on one BLAS thread while a build embeds its texts.

A build pools each 16 texts' token vectors by one small product, thousands of them. OpenBLAS
splits each over both cores, and where another process keeps a core busy every product
waits for its other half to be scheduled: at 10,035 entries the embedding took 1.2 to 34 s
beside one busy process, against 0.2 to 0.5 s on one thread (0.2 s either way on an idle
machine). One thread computes each product the same way (the split is by rows and columns,
never within a sum), so the vectors are the same.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from typing import Any

_lock = threading.Lock()
_users = 0  # blocks under way: the threads come back when the last one ends
_limited: Any = None  # threadpoolctl's limiter while a block runs (it restores the count)


@contextmanager
def one_thread() -> Iterator[None]:
    """Run the block with BLAS on one thread; blocks may overlap (a reload beside another)."""
    global _users, _limited
    with _lock:
        _users += 1
        if _users == 1:
            _limited = _controller().limit(limits=1, user_api="blas")
    try:
        yield
    finally:
        with _lock:
            _users -= 1
            if _users == 0:
                _limited.restore_original_limits()
                _limited = None


@cache
def _controller() -> Any:
    """Return the controller of the BLAS libraries loaded (found once: 2 ms)."""
    # imported on the first build: `storybot ask` without an encoder never needs it
    from threadpoolctl import ThreadpoolController

    return ThreadpoolController()
