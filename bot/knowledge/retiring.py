"""Free a replaced engine a little at a time, so that no answer waits for it all at once.

Dropping the last reference to a 100,000-entry engine frees some two million objects in one
chain of deallocations, and the GIL is held for all of it (about 0.6 s): every answer waits.
Here a background thread takes the engine apart instead, emptying one container at a time and
pausing every few thousand objects so that answers run in between. It only ever empties what
nothing else refers to (a reference count says so), so whatever the new engine shares with the
old one, or an answer still being worked out on the old one, is left alone.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from types import FunctionType, ModuleType

log = logging.getLogger(__name__)

_CHUNK = 2_000  # items let go between pauses: a few milliseconds of freeing
_WAIT_S = 60.0  # how long an answer begun on the old engine may keep it before we stop waiting
# code is shared by nature: never taken apart, even when nothing else seems to hold it
_SHARED = (type, ModuleType, FunctionType)


def _ours() -> int:
    """Return what `sys.getrefcount` says of an object held by one name only (2 on CPython)."""
    probe = object()
    return sys.getrefcount(probe)


_OURS = _ours()


def retire(old: object) -> threading.Thread:
    """Free `old` piece by piece in a background thread, once nothing else holds it.

    The caller must drop its own reference right after the call. Returns the thread.
    Weak references are not counted: an engine's own (the dialogue's proxy, the analyzer's
    caches) point within it, so nothing outside can reach a half-emptied part of it.
    """
    holder = [old]
    del old
    thread = threading.Thread(target=_dismantle, args=(holder,), name="retire", daemon=True)
    thread.start()
    return thread


def _dismantle(stack: list[object]) -> None:
    deadline = time.monotonic() + _WAIT_S
    # the caller's reference, and those of answers still running on it, must go first
    while sys.getrefcount(stack[0]) > _OURS and time.monotonic() < deadline:
        time.sleep(0.02)
    started = time.perf_counter()
    done = emptied = 0
    while stack:
        item = stack.pop()
        if sys.getrefcount(item) == _OURS:  # nothing else can see it: safe to empty
            before = len(stack)
            try:  # straight onto the stack: a list of parts held here would count as a holder
                stack.extend(_emptied(item))
            except Exception:  # an odd object: let it go whole, and carry on with the rest
                log.debug("could not take apart a %s", type(item).__name__, exc_info=True)
            emptied += len(stack) > before
        del item  # an emptied container or a leaf: freeing it is cheap
        done += 1
        if done % _CHUNK == 0:
            time.sleep(0)  # let the threads that answer take the GIL
    took = time.perf_counter() - started
    log.debug("freed the old engine: %d containers emptied in %.1f s", emptied, took)


def _emptied(item: object) -> list[object]:
    """Take up to `_CHUNK` things out of `item` and return them (with `item`, if not empty)."""
    if isinstance(item, dict):
        parts: list[object] = []
        for _ in range(min(len(item), _CHUNK)):
            parts += item.popitem()
    elif isinstance(item, list):
        parts = item[-_CHUNK:]
        del item[-_CHUNK:]
    elif isinstance(item, set):
        parts = [item.pop() for _ in range(min(len(item), _CHUNK))]
    elif isinstance(item, tuple | frozenset):
        return list(item)  # cannot be emptied: letting go of it now drops only its shell
    elif type(item).__dictoffset__ and not isinstance(item, _SHARED):
        # an object with a dictionary of its own (a bound method's `__dict__` is its
        # function's, shared by every engine: its type has no dictionary slot)
        parts = list(vars(item).values())
        vars(item).clear()
        return parts
    else:
        return []
    return [*parts, item] if item else parts  # a big container comes back for its next slice
