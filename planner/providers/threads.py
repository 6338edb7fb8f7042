"""Reusable daemon threads for provider calls.

A provider call runs in a thread of its own so that a hung plugin can be abandoned at its time
limit. Starting a thread per call is costly where it matters most: a worker asking ten providers
for five goals each starts a hundred threads at once, and each ``Thread.start`` waits for the
new thread to be scheduled and take the GIL, so the last call of a burst left tens of
milliseconds after the first. These threads are started once and reused.

They are daemon threads (an abandoned, hung call never blocks the interpreter's exit, which
``concurrent.futures.ThreadPoolExecutor`` would), the pool grows whenever no thread is idle (a
hung call holds its thread, never a slot others wait for), and a thread idle for
``idle_timeout`` seconds ends.
"""

from __future__ import annotations

import os
import queue
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

T = TypeVar("T")


class DaemonThreads:
    """Run callables on reused daemon threads; ``submit`` returns a ``Future``."""

    def __init__(self, name: str = "call", idle_timeout: float = 60.0) -> None:
        self.name = name
        self.idle_timeout = idle_timeout
        self._reset()
        _POOLS.add(self)

    def _reset(self) -> None:
        """Empty state. Also run in a forked child, which inherits the parent's counts and
        tokens but none of its threads: a submit there would wait for a thread that isn't."""
        self._work: queue.SimpleQueue[tuple[Future[Any], Callable[..., Any], tuple[Any, ...]]]
        self._work = queue.SimpleQueue()
        # One token per idle thread: a submit that takes one has a thread coming for its work.
        self._idle = threading.Semaphore(0)
        self._count = 0
        self._lock = threading.Lock()

    @property
    def threads(self) -> int:
        """Threads alive now (busy or idle)."""
        return self._count

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        fut: Future[T] = Future()
        self._work.put((fut, fn, args))
        if not self._idle.acquire(blocking=False):
            with self._lock:
                self._count += 1
                n = self._count
            threading.Thread(target=self._loop, name=f"{self.name}-{n}", daemon=True).start()
        return fut

    def _loop(self) -> None:
        while True:
            try:
                fut, fn, args = self._work.get(timeout=self.idle_timeout)
            except queue.Empty:
                if self._idle.acquire(blocking=False):  # still counted idle: nobody waits on us
                    with self._lock:
                        self._count -= 1
                    return
                continue  # a submit counted on this thread: its work is on the way
            value: Any = None
            error: BaseException | None = None
            if fut.set_running_or_notify_cancel():
                try:
                    value = fn(*args)
                except BaseException as exc:  # noqa: BLE001 - handed to whoever waits
                    error = exc
            # Idle again before the caller hears back, so its next submit finds this thread.
            self._idle.release()
            if error is not None:
                fut.set_exception(error)
            elif not fut.cancelled():
                fut.set_result(value)
            del fut, fn, args, value, error  # hold no results or tracebacks while idle


_POOLS: weakref.WeakSet[DaemonThreads] = weakref.WeakSet()


def _after_fork_in_child() -> None:
    for pool in list(_POOLS):
        pool._reset()


os.register_at_fork(after_in_child=_after_fork_in_child)

# The process's threads for provider calls (planner.providers.run_search and the pipeline).
calls = DaemonThreads("provider-call")
