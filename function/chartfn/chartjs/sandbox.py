"""The JavaScript sandbox: QuickJS (the quickjs-ng binding) on worker threads of its own.

What a config's JavaScript can reach: the language and its builtins, QuickChart's helpers and an
Intl.NumberFormat (prelude.js, intl.js). No I/O, no modules, nothing of the host: nothing is
ever added to a context with ``add_callable``. Every config gets a fresh context (its own
QuickJS runtime) with a memory cap, a stack cap and a CPU-time budget that its parse and all
its callbacks share, and the context is freed when the config is closed.

QuickJS runtimes are not thread-safe, and the binding crashes when two threads touch one
runtime even at different times. So every context is created, used and freed on one worker
thread, which owns it; Python code elsewhere holds only a handle number, and ``Session.call``
hops to the owning thread. No JS object or JS exception ever leaves its worker thread.

The engine loads on the first config that is not JSON (``import _quickjs`` happens on a
worker), not at import: the service's cold start does not pay for it, except under SnapStart,
where ``warm_up`` runs at init (chartfn.lambda_handler) so that the snapshot holds it.
"""

from __future__ import annotations

import contextlib
import json
import os
import queue
import threading
import time
from concurrent.futures import Future, TimeoutError
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from chartfn.chartjs.config import ConfigError

_HERE = Path(__file__).parent


@dataclass(frozen=True)
class SandboxLimits:
    """Bounds for one config's JavaScript (parse plus every callback of it)."""

    # CPU seconds, measured by QuickJS with clock(): the process's CPU time, so on a busy
    # multi-threaded server a config gets less wall time than this, never more CPU.
    time_budget: float = 1.0
    memory_bytes: int = 64 * 1024 * 1024
    # QuickJS's own stack limit, well inside the worker thread's stack (THREAD_STACK_BYTES)
    stack_bytes: int = 1024 * 1024
    # A worker that has not answered in this much wall time is given up on and replaced, so the
    # instance keeps serving even if some builtin runs uninterruptibly in C. Generous: it only
    # matters when the CPU budget failed to stop the work.
    wall_timeout: float = 20.0


THREAD_STACK_BYTES = 16 * 1024 * 1024
# Workers given up on but still running (stuck in C). Past this many, JS configs are refused
# rather than starting ever more threads.
MAX_ABANDONED_WORKERS = 4


@dataclass
class _Outcome:
    """What a task on a worker hands back: plain data only (no JS objects, no tracebacks)."""

    payload: str | None = None
    kind: str | None = None
    message: str | None = None
    handle: int | None = None
    cpu_seconds: float = 0.0
    # QuickJS's malloc_size after the work; only when asked (computing it walks the heap)
    js_memory: int | None = None


@dataclass
class _Context:
    context: Any
    dispatch: Any
    limits: SandboxLimits
    cpu_used: float = 0.0


class _Worker:
    """One thread that owns its QuickJS contexts; tasks run in the order submitted."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.abandoned = False
        self.busy_since: float | None = None
        self._tasks: queue.SimpleQueue[tuple[Future[_Outcome], Any, tuple[Any, ...]] | None] = (
            queue.SimpleQueue()
        )
        # touched only on this worker's thread
        self._contexts: dict[int, _Context] = {}
        self._next_handle = 0
        old = threading.stack_size()
        try:
            # the thread's C stack must be well over QuickJS's stack limit, on musl too
            threading.stack_size(THREAD_STACK_BYTES)
            self._thread = threading.Thread(target=self._run, name=name, daemon=True)
            self._thread.start()
        finally:
            threading.stack_size(old)

    def submit(self, task: Any, *args: Any) -> Future[_Outcome]:
        future: Future[_Outcome] = Future()
        self._tasks.put((future, task, args))
        return future

    def stop(self) -> None:
        self._tasks.put(None)

    def _run(self) -> None:
        while True:
            item = self._tasks.get()
            if item is None or self.abandoned:
                break
            future, task, args = item
            if not future.set_running_or_notify_cancel():
                continue
            self.busy_since = time.monotonic()
            try:
                outcome = task(self, *args)
            except BaseException as exc:  # anything unexpected: plain text, no traceback
                outcome = _Outcome(kind="internal", message=f"{type(exc).__name__}: {exc}")
            finally:
                self.busy_since = None
            future.set_result(outcome)
        # Given up on or stopped: free every context here, on the thread that owns them.
        self._contexts.clear()
        while True:
            try:
                item = self._tasks.get_nowait()
            except queue.Empty:
                break
            if item is not None:
                item[0].set_result(
                    _Outcome(kind="restarted", message="the JavaScript sandbox was restarted")
                )

    # --- tasks: run on the worker's thread -------------------------------------------------

    def task_evaluate(
        self, text: str, nonce: str, tree_limits: str, limits: SandboxLimits, measure: bool = False
    ) -> _Outcome:
        start = time.thread_time()
        try:
            context = _new_context(limits)
        except Exception as exc:
            return _Outcome(kind="internal", message=f"cannot start the sandbox: {exc}")
        outcome = _run_dispatch(context, ("parse", text, nonce, tree_limits))
        context.cpu_used += outcome.cpu_seconds
        outcome.cpu_seconds = time.thread_time() - start
        if measure:
            outcome.js_memory = int(context.context.memory().get("malloc_size", 0))
        if outcome.kind is None:
            self._next_handle += 1
            self._contexts[self._next_handle] = context
            outcome.handle = self._next_handle
        return outcome

    def task_call(
        self, handle: int, ref: int, args: str, this: str, tree_limits: str, op: str = "call"
    ) -> _Outcome:
        context = self._contexts.get(handle)
        if context is None:
            return _Outcome(kind="closed", message="this config was closed")
        outcome = _run_dispatch(context, (op, ref, args, this, tree_limits))
        context.cpu_used += outcome.cpu_seconds
        return outcome

    def task_memory(self, handle: int) -> _Outcome:
        context = self._contexts.get(handle)
        if context is None:
            return _Outcome(kind="closed", message="this config was closed")
        return _Outcome(payload=json.dumps(context.context.memory()))

    def task_release(self, handle: int) -> _Outcome:
        self._contexts.pop(handle, None)
        return _Outcome()


def _load_engine() -> Any:
    # _quickjs is the binding's C extension; its `quickjs` wrapper module starts a thread
    # of its own at import (for quickjs.Function), which nothing here uses.
    import _quickjs  # loaded on the first JS config only

    return _quickjs


_SOURCES: dict[str, str] = {}


def _source(name: str) -> str:
    text = _SOURCES.get(name)
    if text is None:
        text = _SOURCES[name] = (_HERE / name).read_text(encoding="utf-8")
    return text


def _new_context(limits: SandboxLimits) -> _Context:
    engine = _load_engine()
    context = engine.Context()
    context.set_max_stack_size(limits.stack_bytes)
    context.set_time_limit(10.0)  # the prelude is ours; this only guards against a bug in it
    context.eval(_source("intl.js"))
    dispatch = context.eval(_source("prelude.js"))
    context.set_memory_limit(limits.memory_bytes)
    return _Context(context=context, dispatch=dispatch, limits=limits)


def _run_dispatch(context: _Context, args: tuple[Any, ...]) -> _Outcome:
    engine = _load_engine()
    remaining = context.limits.time_budget - context.cpu_used
    if remaining <= 0:
        return _Outcome(kind="timeout", message="")
    context.context.set_time_limit(max(remaining, 0.001))
    start = time.thread_time()
    try:
        result = context.dispatch(*args)
    except engine.StackOverflow:
        return _Outcome(kind="stack", cpu_seconds=time.thread_time() - start)
    except engine.JSException as exc:
        text = str(exc).split("\n", 1)[0]
        return _Outcome(kind=_kind_of(text), message=text, cpu_seconds=time.thread_time() - start)
    cpu = time.thread_time() - start
    if not isinstance(result, str):
        return _Outcome(kind="internal", message="the sandbox returned no text", cpu_seconds=cpu)
    if result.startswith('{"error":'):
        error = json.loads(result)
        message = str(error.get("message", ""))
        kind = str(error.get("error", "thrown"))
        if kind in {"thrown", "syntax"} and _kind_of(message) != "thrown":
            kind = _kind_of(message)  # out of memory or stack overflow while compiling too
        return _Outcome(kind=kind, message=message, cpu_seconds=cpu)
    return _Outcome(payload=result, cpu_seconds=cpu)


def _kind_of(message: str) -> str:
    if "interrupted" in message:
        return "timeout"
    if "out of memory" in message:
        return "memory"
    if "stack overflow" in message or "Maximum call stack size exceeded" in message:
        return "stack"
    return "thrown"


def _printable(text: str, limit: int = 400) -> str:
    """One line of printable text: messages end up in HTTP headers."""
    cleaned = "".join(ch if ch.isprintable() else " " for ch in text)
    cleaned = " ".join(cleaned.split())
    return cleaned if len(cleaned) <= limit else cleaned[: limit - 1] + "…"


def _error(outcome: _Outcome, limits: SandboxLimits, what: str) -> ConfigError:
    kind = outcome.kind
    message = _printable(outcome.message or "")
    if kind == "timeout":
        return ConfigError(
            f"{what} ran past its time budget of {limits.time_budget:g} s of CPU (an endless "
            f"loop?); allowed: JavaScript that finishes within it, callbacks included"
        )
    if kind == "wall":
        return ConfigError(
            f"{what} did not finish within {limits.wall_timeout:g} s (wall clock), so its "
            f"sandbox was given up on and replaced; allowed: JavaScript that finishes within "
            f"its time budget of {limits.time_budget:g} s of CPU"
        )
    if kind == "memory":
        return ConfigError(
            f"{what} needed more than {limits.memory_bytes // (1024 * 1024)} MB of memory "
            f"(allowed: at most that much)"
        )
    if kind == "stack":
        return ConfigError(
            f"{what} nested or recursed too deeply (stack overflow); allowed: a stack of "
            f"{limits.stack_bytes // 1024} KB"
        )
    if kind == "syntax":
        return ConfigError(
            f"the config is neither JSON nor a JavaScript expression: {message} (allowed: "
            f"JSON, JSON5 or a JavaScript object literal such as {{type: 'bar', data: {{...}}}})"
        )
    if kind == "thrown":
        if message == "null":  # what QuickJS throws when even the error would not fit
            return ConfigError(
                f"{what} threw null: most likely it ran out of its "
                f"{limits.memory_bytes // (1024 * 1024)} MB of memory (allowed: at most that much)"
            )
        return ConfigError(f"{what} threw {message}")
    if kind == "limit":
        return ConfigError(message)
    if kind in {"closed", "restarted"}:
        return ConfigError(f"{what} cannot run: {message}")
    return ConfigError(f"{what} could not run in the sandbox: {message}")


class Session:
    """A config evaluated in a context that stays alive for its callbacks, until closed."""

    def __init__(self, pool: SandboxPool, worker: _Worker, handle: int) -> None:
        self._pool = pool
        self._worker = worker
        self._handle: int | None = handle
        self._lock = threading.Lock()

    @property
    def nonce(self) -> str:
        return self._pool.nonce

    def call(
        self,
        ref: int,
        args_json: str,
        this_json: str,
        tree_limits: str,
        what: str,
        op: str = "call",
    ) -> str:
        """The callback's result as the prelude's answer text; ConfigError when it fails.
        ``op`` 'each': ``args_json`` is a batch of argument lists, the answer their results."""
        with self._lock:
            if self._handle is None:
                raise ConfigError(f"{what} cannot run: its config was closed")
            outcome = self._pool.run(
                self._worker,
                _Worker.task_call,
                (self._handle, ref, args_json, this_json, tree_limits, op),
            )
        if outcome.kind is not None:
            raise _error(outcome, self._pool.limits, what)
        assert outcome.payload is not None
        return outcome.payload

    def memory(self) -> dict[str, int]:
        """QuickJS's own accounting of this context (malloc_size and friends)."""
        with self._lock:
            if self._handle is None:
                return {}
            outcome = self._pool.run(self._worker, _Worker.task_memory, (self._handle,))
        return json.loads(outcome.payload) if outcome.payload else {}

    def close(self) -> None:
        with self._lock:
            handle, self._handle = self._handle, None
        if handle is not None and not self._worker.abandoned:
            self._worker.submit(_Worker.task_release, handle)

    def __del__(self) -> None:
        # the context itself is freed on its worker, whichever thread drops the last reference
        with contextlib.suppress(Exception):  # at interpreter shutdown
            self.close()


@dataclass
class SandboxPool:
    """A few workers; each evaluation goes to the least busy one and stays on it."""

    threads: int = 2
    limits: SandboxLimits = field(default_factory=SandboxLimits)

    def __post_init__(self) -> None:
        self.nonce = "\x00chartfn:" + os.urandom(16).hex()  # unguessable by config code
        self._lock = threading.Lock()
        self._workers: list[_Worker] = []
        self._abandoned: list[_Worker] = []
        self._pending: dict[int, int] = {}
        self._spawned = 0

    def _spawn(self) -> _Worker:
        self._spawned += 1
        return _Worker(f"chartfn-js-{self._spawned}")

    def _pick(self) -> _Worker:
        with self._lock:
            self._abandoned = [w for w in self._abandoned if w._thread.is_alive()]
            if len(self._abandoned) >= MAX_ABANDONED_WORKERS:
                raise ConfigError(
                    "the JavaScript sandbox is busy with configs that would not stop; try again "
                    "later (allowed: JavaScript that finishes within its time budget)"
                )
            while len(self._workers) < self.threads:
                self._workers.append(self._spawn())
            return min(self._workers, key=lambda w: self._pending.get(id(w), 0))

    def run(self, worker: _Worker, task: Any, args: tuple[Any, ...]) -> _Outcome:
        with self._lock:
            self._pending[id(worker)] = self._pending.get(id(worker), 0) + 1
        try:
            future = worker.submit(task, *args)
            try:
                return future.result(timeout=self.limits.wall_timeout)
            except TimeoutError:
                self._abandon(worker)
                return _Outcome(kind="wall")
        finally:
            with self._lock:
                self._pending[id(worker)] -= 1

    def _abandon(self, worker: _Worker) -> None:
        with self._lock:
            if worker.abandoned:
                return
            worker.abandoned = True
            worker.stop()
            if worker in self._workers:
                self._workers.remove(worker)
            self._abandoned.append(worker)

    def evaluate(self, text: str, tree_limits: str) -> tuple[Session, _Outcome]:
        worker = self._pick()
        outcome = self.run(
            worker, _Worker.task_evaluate, (text, self.nonce, tree_limits, self.limits)
        )
        if outcome.kind is not None or outcome.handle is None:
            raise _error(outcome, self.limits, "the config's JavaScript")
        return Session(self, worker, outcome.handle), outcome

    def warm_up(self) -> None:
        """Load the engine and run a config on every worker (for SnapStart's snapshot)."""
        with self._lock:
            while len(self._workers) < self.threads:
                self._workers.append(self._spawn())
            workers = list(self._workers)
        limits = json.dumps({"maxDepth": 8, "maxNodes": 100, "maxChars": 1000})
        for worker in workers:
            outcome = self.run(
                worker, _Worker.task_evaluate, ("{type: 'bar'}", self.nonce, limits, self.limits)
            )
            if outcome.handle is not None:
                worker.submit(_Worker.task_release, outcome.handle).result()

    def close(self) -> None:
        with self._lock:
            workers, self._workers = self._workers, []
        for worker in workers:
            worker.stop()


_DEFAULT: SandboxPool | None = None
_DEFAULT_LOCK = threading.Lock()


def default_pool() -> SandboxPool:
    global _DEFAULT
    with _DEFAULT_LOCK:
        if _DEFAULT is None:
            _DEFAULT = SandboxPool()
        return _DEFAULT


def warm_up() -> None:
    """Load the engine now rather than on the first JS config."""
    default_pool().warm_up()
