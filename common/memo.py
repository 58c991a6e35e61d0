"""A small least-recently-used store in the process's memory, each value kept at most a given time.

For answers that cost more to compute than to keep and whose key names everything they depend on (a version of
the data among it): no network round trip to read them, unlike the shared cache. Shared by the threads of one
process; every worker has its own.
"""

import threading
import time
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class ProcessMemo:
    def __init__(self, *, max_entries: int, seconds: float) -> None:
        self.max_entries = max_entries
        self.seconds = seconds
        self._entries: OrderedDict[Hashable, tuple[float, Any]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: Hashable) -> Any | None:
        with self._lock:
            item = self._entries.get(key)
            if item is None:
                return None
            expires, value = item
            if expires < time.monotonic():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
            return value

    def get_or_build(self, key: Hashable, build: Callable[[], Any]) -> Any:
        """The value kept under `key`, else `build()`'s, kept (a None from `build` is not kept)."""
        value = self.get(key)
        if value is None:
            value = build()
            if value is not None:
                self.put(key, value)
        return value

    def put(self, key: Hashable, value: Any) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + self.seconds, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        return len(self._entries)
