"""Rendered images kept in memory, bounded by their total size in bytes."""

from __future__ import annotations

import threading
from collections import OrderedDict

DEFAULT_MAX_BYTES = 16 * 1024 * 1024


class ImageCache:
    """A thread-safe LRU of encoded images by canonical request key.

    Bounded in bytes, not entries: a Lambda instance's memory is the budget, and images vary
    from a few kB to megabytes. An image larger than the whole budget is not cached.
    """

    def __init__(self, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        if max_bytes < 0:
            raise ValueError("max_bytes must be >= 0")
        self.max_bytes = max_bytes
        self._entries: OrderedDict[str, bytes] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def get(self, key: str) -> bytes | None:
        with self._lock:
            image = self._entries.get(key)
            if image is not None:
                self._entries.move_to_end(key)
            return image

    def put(self, key: str, image: bytes) -> None:
        if len(image) > self.max_bytes:
            return
        with self._lock:
            previous = self._entries.pop(key, None)
            if previous is not None:
                self._size -= len(previous)
            self._entries[key] = image
            self._size += len(image)
            while self._size > self.max_bytes:
                _, evicted = self._entries.popitem(last=False)
                self._size -= len(evicted)

    @property
    def size_bytes(self) -> int:
        return self._size

    def __len__(self) -> int:
        return len(self._entries)
