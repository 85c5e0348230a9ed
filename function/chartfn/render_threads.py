"""The threads that render: a small pool of our own, not the server's general thread pool.

matplotlib caches fonts per thread (its font objects are not thread-safe), and glibc gives
busy threads their own heaps. Starlette's default pool has up to 40 threads: over a long load
run more and more of them render, each growing its own caches and heap (measured: RSS +27 to
+68 MB from request 1000 to 3000). Rendering is serialised by the theme lock anyway, so two
threads lose nothing: compression, outside the lock, still overlaps.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from chartfn.memory import release_free_memory

Result = TypeVar("Result")


class RenderThreads:
    """Runs rendering on a few threads of our own, and gives the heaps' free memory back to the
    OS whenever rendering goes idle (a trim takes ~0.1 ms and runs after the answer is ready)."""

    def __init__(self, threads: int, *, inline: bool = False) -> None:
        self._executor = ThreadPoolExecutor(
            max_workers=threads, thread_name_prefix="chartfn-render"
        )
        self._inline = inline  # Settings.render_inline: Lambda renders on the loop's thread
        self._in_flight = 0  # only touched on the event loop's thread

    async def run(self, work: Callable[[], Result]) -> Result:
        if self._inline:
            return work()
        self._in_flight += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._executor, work)
        finally:
            self._in_flight -= 1
            if self._in_flight == 0:
                self._executor.submit(release_free_memory)
