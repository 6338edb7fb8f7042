"""Time from POST /api/v1/feedback to a ready plan on the embedded default, and peak memory.

Starts `planner run` (embedded Redis, a real Celery worker, gunicorn) in a scratch data dir on free
ports, posts N plans one after another, polls each to `ready`, then reads the peak resident memory
(VmHWM) of the API and worker process trees.

    python bench/e2e.py [--plans 20]
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

FEEDBACK = [
    "We went with a candidate with more Kubernetes and AWS experience.",
    "You were below the bar on SQL and we would have liked more stakeholder management examples.",
    "Thank you for applying; we decided to move forward with other candidates.",
    "The panel felt you struggled to articulate the impact of your projects; Python was strong.",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


HEADERS = {"Content-Type": "application/json"}


def request(url: str, body: dict | None = None) -> dict:
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(url, data=data, headers=HEADERS)
    with urllib.request.urlopen(req, timeout=30) as resp:
        return json.loads(resp.read())


def wait_up(base: str, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if request(f"{base}/readyz")["status"] == "ready":
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise SystemExit("service did not become ready")


def api_token(env: dict[str, str]) -> str:
    """A token for the local account `planner run` created, as a person would get one."""
    out = subprocess.run([sys.executable, "-m", "planner.cli", "users", "token", "local@localhost"],
                         env=env, capture_output=True, text=True, check=True).stdout
    return next(w for w in out.split() if w.startswith("spk_"))


def tree(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    kids = [int(x) for x in out.stdout.split()]
    return [pid] + [p for k in kids for p in tree(k)]


def cmdline(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()
    except OSError:
        return ""


def peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


def one_plan(base: str, text: str) -> float:
    start = time.perf_counter()
    accepted = request(f"{base}/api/v1/feedback", {"text": text, "hours_per_week": 6})
    while True:
        plan = request(base + accepted["links"]["self"])
        if plan["status"] in ("ready", "partial", "failed"):
            assert plan["status"] == "ready", plan
            return time.perf_counter() - start
        time.sleep(0.02)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=20, help="plans to time (default 20)")
    args = ap.parse_args()
    data = Path(tempfile.mkdtemp(prefix="planner-bench-"))
    port = free_port()
    env = {**os.environ, "PLANNER_DATA_DIR": str(data), "PLANNER_PROVIDERS": "catalog",
           "PLANNER_EMBEDDED_REDIS_PORT": str(free_port()),
           # polled every 20 ms to time the finish precisely: far above a person's rate limit
           "PLANNER_RATE_LIMIT_IP_PER_MINUTE": "1000000",
           "PLANNER_RATE_LIMIT_USER_PER_MINUTE": "1000000",
           "PLANNER_RATE_LIMIT_WRITES_PER_MINUTE": "1000"}
    env.pop("PLANNER_REDIS_URL", None)
    env.pop("PLANNER_DATABASE_URL", None)
    proc = subprocess.Popen([sys.executable, "-m", "planner.cli", "run", "--port", str(port)],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                            start_new_session=True)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base)
        HEADERS["Authorization"] = "Bearer " + api_token(env)
        one_plan(base, FEEDBACK[0])  # warm-up: imports, first connections
        times = [one_plan(base, FEEDBACK[i % len(FEEDBACK)]) for i in range(args.plans)]
        pids = tree(proc.pid)
        api = sum(peak_kib(p) for p in pids if "gunicorn" in cmdline(p))
        worker = sum(peak_kib(p) for p in pids if "celery" in cmdline(p))
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(30)
    times.sort()
    p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
    print("| measure | value |")
    print("| --- | --- |")
    print(f"| POST /api/v1/feedback -> ready, median ({args.plans} plans, embedded default) "
          f"| {statistics.median(times) * 1000:.0f} ms |")
    print(f"| POST -> ready, p95 | {p95 * 1000:.0f} ms |")
    print(f"| peak RSS, API (gunicorn master + workers, summed) | {api / 1024:.0f} MiB |")
    print(f"| peak RSS, Celery worker (main + pool, summed) | {worker / 1024:.0f} MiB |")


if __name__ == "__main__":
    main()
