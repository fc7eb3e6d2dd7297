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
import weakref
from types import FunctionType, ModuleType

log = logging.getLogger(__name__)

_CHUNK = 2_000  # objects let go between pauses: a few milliseconds of freeing
_WAIT_S = 60.0  # how long an answer begun on the old engine may keep it before we stop waiting
_OURS = 2  # the references `sys.getrefcount` sees when we alone hold an object: ours and its own


def retire(old: object) -> threading.Thread:
    """Free `old` piece by piece in a background thread, once nothing else holds it.

    The caller must drop its own reference right after the call. Returns the thread.
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
    freed = 0
    while stack:
        item = stack.pop()
        if sys.getrefcount(item) == _OURS:  # nothing else can see it: safe to empty
            try:
                stack.extend(_emptied(item))
            except Exception:  # an odd object: let it go whole, and carry on with the rest
                log.debug("could not take apart a %s", type(item).__name__, exc_info=True)
        del item  # an emptied container or a leaf: freeing it is cheap
        freed += 1
        if freed % _CHUNK == 0:
            time.sleep(0)  # let the threads that answer take the GIL
    log.debug("freed the old engine: %d objects in %.1f s", freed, time.perf_counter() - started)


def _emptied(item: object) -> list[object]:
    """Empty `item` where it can be emptied and return what it held."""
    if type(item) in weakref.ProxyTypes:  # a dead proxy fails any question put to it
        return []
    if isinstance(item, dict):
        parts = [*item.keys(), *item.values()]
        item.clear()
    elif isinstance(item, list | set):
        parts = list(item)
        item.clear()
    elif isinstance(item, tuple | frozenset):
        parts = list(item)  # cannot be emptied: letting go of it now drops only its shell
    elif isinstance(item, type | ModuleType | FunctionType):
        parts = []  # code and classes are shared by nature: never taken apart
    else:
        state = getattr(item, "__dict__", None)
        if not isinstance(state, dict):
            return []
        parts = list(state.values())
        state.clear()
    return parts
