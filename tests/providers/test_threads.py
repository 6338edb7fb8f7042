"""The reused daemon threads that provider calls run on."""

from __future__ import annotations

import os
import threading
import time

import pytest

from planner.providers.threads import DaemonThreads


def test_threads_are_reused_across_calls() -> None:
    pool = DaemonThreads("t")
    names = {pool.submit(lambda: threading.current_thread().name).result(5) for _ in range(20)}
    assert len(names) == 1
    assert pool.threads == 1


def test_a_hung_call_never_holds_up_the_next() -> None:
    pool = DaemonThreads("t")
    release = threading.Event()
    hung = pool.submit(release.wait, 30)
    try:
        assert pool.submit(lambda: 42).result(5) == 42  # a second thread took it
        assert not hung.done()
        assert pool.threads == 2
    finally:
        release.set()
    assert hung.result(5) is True


def test_a_burst_runs_at_once() -> None:
    pool = DaemonThreads("t")
    barrier = threading.Barrier(8, timeout=5)  # breaks unless all eight run together
    futures = [pool.submit(barrier.wait) for _ in range(8)]
    assert sorted(f.result(10) for f in futures) == list(range(8))


def test_errors_reach_the_caller_and_the_thread_lives_on() -> None:
    pool = DaemonThreads("t")

    def boom() -> None:
        raise ValueError("bad payload")

    with pytest.raises(ValueError, match="bad payload"):
        pool.submit(boom).result(5)
    assert pool.submit(lambda: "still here").result(5) == "still here"
    assert pool.threads == 1


def test_idle_threads_end() -> None:
    pool = DaemonThreads("t", idle_timeout=0.05)
    pool.submit(lambda: None).result(5)
    deadline = time.monotonic() + 5
    while pool.threads and time.monotonic() < deadline:
        time.sleep(0.01)
    assert pool.threads == 0
    assert pool.submit(lambda: "new thread").result(5) == "new thread"  # and it starts anew


def test_threads_are_daemons() -> None:
    pool = DaemonThreads("t")
    assert pool.submit(lambda: threading.current_thread().daemon).result(5) is True


def test_a_forked_child_gets_threads_of_its_own() -> None:
    """A child forked after the pool was used inherits none of its threads; it must not count
    on the parent's idle ones (it would wait for ever)."""
    pool = DaemonThreads("t")
    assert pool.submit(lambda: 1).result(5) == 1  # the parent now has an idle thread
    pid = os.fork()
    if pid == 0:  # the child: exit 0 only if a call runs
        code = 1
        try:
            code = 0 if pool.submit(lambda: 2).result(5) == 2 else 1
        finally:
            os._exit(code)
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0
