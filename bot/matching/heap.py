"""Give the memory a build's scratch arrays freed back to the operating system.

Once glibc has freed one large array it raises its threshold for serving arrays from their
own mappings, so the build's later scratch arrays (tens of MB each at 100,000 entries) come
from the heap, and freeing them leaves holes between the arrays the engine keeps: 140 MB
stayed resident after the phrasing index was built. `malloc_trim` hands those pages back.
Elsewhere (macOS, musl, Windows) there is no such call, and nothing is done.
"""

from __future__ import annotations

import ctypes
from collections.abc import Callable
from functools import cache


def release() -> None:
    """Return the heap's free pages to the operating system, where the C library can."""
    trim = _malloc_trim()
    if trim is not None:
        # ctypes lets go of the GIL meanwhile, but the trim holds the heap's lock: a thread
        # answering waits only if it allocates then (a reload's longest answer went down)
        trim(0)


@cache
def _malloc_trim() -> Callable[[int], int] | None:
    try:
        trim: Callable[[int], int] = ctypes.CDLL(None).malloc_trim
    except (OSError, AttributeError, TypeError):  # no C library to ask (Windows), or not glibc
        return None
    return trim
