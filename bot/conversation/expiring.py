"""A thread-safe map whose items expire after a while, and whose oldest go past a capacity."""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

V = TypeVar("V")


class ExpiringMap(Generic[V]):
    """Values by key for `ttl` seconds; past `capacity` keys, the least recently set go first."""

    def __init__(
        self, ttl: float, capacity: int, clock: Callable[[], float] = time.monotonic
    ) -> None:
        """Keep values `ttl` seconds, at most `capacity` of them."""
        self._ttl, self._capacity, self._clock = ttl, capacity, clock
        self._items: OrderedDict[str, tuple[float, V]] = OrderedDict()
        self._lock = threading.Lock()  # the service calls it from worker threads

    def get(self, key: str, remove: bool = False) -> V | None:
        """Return the value of `key` if it has not expired (and forget it, if `remove`)."""
        with self._lock:
            found = self._items.pop(key, None) if remove else self._items.get(key)
            if found is None:
                return None
            if self._clock() - found[0] > self._ttl:
                self._items.pop(key, None)
                return None
            return found[1]

    def set(self, key: str, value: V) -> None:
        """Keep `value` under `key`, as the most recent."""
        with self._lock:
            self._items[key] = (self._clock(), value)
            self._items.move_to_end(key)
            while len(self._items) > self._capacity:
                self._items.popitem(last=False)

    def pop(self, key: str) -> None:
        """Forget `key`."""
        with self._lock:
            self._items.pop(key, None)

    def __len__(self) -> int:
        """Return how many keys are kept (expired ones included until touched)."""
        return len(self._items)
