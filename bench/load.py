"""Load: 50 people post feedback and poll their plans at once against the real server.

Starts gunicorn (2 workers x 4 threads, as `planner run`) and a Celery worker on loopback against
PostgreSQL (127.0.0.1:5432, a scratch database) when it answers, else the embedded SQLite; Redis
at 127.0.0.1:6379 when it answers, else embedded. Makes 50 accounts with API tokens, then:

  phase 1  each person posts feedback, polls the plan every second until it is ready, then reads
           it a few more times (think time as a page's poll): throughput, p50/p95, errors
  phase 2  50 threads read their ready plan back to back for a fixed time, then the same against
           /healthz (a bare Flask JSON view in the same server): the ratio of the two throughputs

Every loop is bounded in count and time; the load generator runs on the same 2 cores, so the
figures are conservative. Rate limits stay on (counted in Redis on every request) but are raised:
all 50 people come from one address (127.0.0.1) and phase 2 is a saturation run. A finished
plan read back comes from the Redis read cache (planner/readcache.py), as it does for any client
polling its plan; the token lookup too.

    python bench/load.py [--users 50] [--seconds 15]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FEEDBACK = [
    "We went with a candidate with more Kubernetes and AWS experience.",
    "You were below the bar on SQL and we would have liked more stakeholder management examples.",
    "The panel felt you struggled to articulate the impact of your projects; Python was strong.",
    "Thank you for applying; we decided to move forward with other candidates.",
]
PG_ADMIN = os.environ.get("PLANNER_TEST_POSTGRES_URL",
                          "postgresql+psycopg://postgres@127.0.0.1:5432/test")
REDIS = "redis://127.0.0.1:6379/0"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def database(tmp: Path) -> Iterator[tuple[str, str]]:
    """(url, label): a scratch PostgreSQL database if one answers, else SQLite in ``tmp``."""
    try:
        import psycopg
        from sqlalchemy.engine import make_url

        admin = make_url(PG_ADMIN)
        dsn = admin.set(drivername="postgresql").render_as_string(hide_password=False)
        name = f"planner_load_{uuid.uuid4().hex[:8]}"
        with psycopg.connect(dsn, autocommit=True, connect_timeout=2) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
    except Exception:
        yield f"sqlite:///{tmp / 'planner.db'}", "SQLite (embedded default)"
        return
    try:
        yield admin.set(database=name).render_as_string(hide_password=False), "PostgreSQL"
    finally:
        with psycopg.connect(dsn, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def redis_url(tmp: Path) -> Iterator[str]:
    import redis

    try:
        redis.Redis.from_url(REDIS, socket_connect_timeout=1).ping()
        yield REDIS
        return
    except redis.RedisError:
        pass
    from planner.embedded import start_redis

    port = free_port()
    proc = start_redis(port, tmp / "redis")
    try:
        yield f"redis://127.0.0.1:{port}/0"
    finally:
        proc.terminate()
        proc.wait(10)


def make_people(db_url: str, n: int) -> list[str]:
    """n accounts, each with an API token; the tokens."""
    from planner.auth import credentials
    from planner.store import models as m
    from planner.store.db import Database

    db = Database(db_url)
    tokens = []
    with db.session() as s:
        for i in range(n):
            user = m.User(email=f"load{i}@example.com", display_name=f"Load {i}")
            s.add(user)
            s.flush()
            tokens.append(credentials.issue(s, user.id, "api", "load").secret)
    db.dispose()
    return tokens


@contextmanager
def server(env: dict[str, str], port: int, log: Path) -> Iterator[str]:
    from planner.config import Settings

    settings = Settings.from_env(env)
    queues = f"{settings.queue},{settings.effective_provider_queue}"
    with log.open("ab") as out:
        procs = [
            subprocess.Popen([sys.executable, "-m", "celery", "-A", "workers.app", "worker",
                              "-Q", queues, "-c", "2", "-n", f"load-{port}@%h",
                              "--without-gossip", "--without-mingle", "--loglevel", "WARNING"],
                             env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT),
            subprocess.Popen([sys.executable, "-m", "gunicorn", "planner.wsgi:app", "-b",
                              f"127.0.0.1:{port}", "-w", "2", "--threads", "4"],
                             env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT),
        ]
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if requests.get(f"{base}/healthz", timeout=2).ok:
                    break
            except requests.RequestException:
                time.sleep(0.3)
        else:
            raise SystemExit(f"server did not start; see {log}")
        yield base
    finally:
        for p in procs:
            p.terminate()
        for p in procs:
            try:
                p.wait(20)
            except subprocess.TimeoutExpired:
                p.kill()


class Stats:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.latencies: list[float] = []
        self.errors: dict[str, int] = {}

    def record(self, seconds: float, status: int | str, ok: bool) -> None:
        with self.lock:
            self.latencies.append(seconds)
            if not ok:
                self.errors[str(status)] = self.errors.get(str(status), 0) + 1

    def row(self, name: str, elapsed: float) -> str:
        lat = sorted(self.latencies)
        p = (lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000) if lat else (
            lambda q: 0.0)
        errors = sum(self.errors.values())
        detail = f" {self.errors}" if errors else ""
        return (f"| {name} | {len(lat)} | {len(lat) / elapsed:,.0f} | {p(0.5):.1f} | "
                f"{p(0.95):.1f} | {errors}{detail} |")


def timed(stats: Stats, session: requests.Session, method: str, url: str, ok: set[int],
          **kw: object) -> requests.Response | None:
    start = time.perf_counter()
    try:
        resp = session.request(method, url, timeout=30, **kw)  # type: ignore[arg-type]
    except requests.RequestException as exc:
        stats.record(time.perf_counter() - start, type(exc).__name__, False)
        return None
    stats.record(time.perf_counter() - start, resp.status_code, resp.status_code in ok)
    return resp


def person(base: str, token: str, i: int, stats: Stats, plans: list[str], stop: float) -> None:
    """Post feedback, poll every second until ready (at most 60 s), read it 5 more times."""
    s = requests.Session()
    s.headers["Authorization"] = f"Bearer {token}"
    resp = timed(stats, s, "POST", f"{base}/api/v1/feedback", {202},
                 json={"text": FEEDBACK[i % len(FEEDBACK)], "hours_per_week": 6})
    if resp is None or resp.status_code != 202:
        return
    url = base + resp.json()["links"]["self"]
    reads_after = 5
    while time.monotonic() < stop and reads_after:
        got = timed(stats, s, "GET", url, {200})
        if got is not None and got.ok and got.json()["status"] in ("ready", "partial", "failed"):
            reads_after -= 1
        time.sleep(1.0)
    plans[i] = url


def hammer(n: int, seconds: float, make: Callable[[int], tuple[requests.Session, str]]
           ) -> tuple[Stats, float]:
    """n threads, each requesting its URL back to back for ``seconds``."""
    stats = Stats()
    stop = time.monotonic() + seconds

    def loop(i: int) -> None:
        session, url = make(i)
        while time.monotonic() < stop:
            timed(stats, session, "GET", url, {200})

    threads = [threading.Thread(target=loop, args=(i,)) for i in range(n)]
    start = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(seconds + 60)
    return stats, time.monotonic() - start


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--users", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=15.0, help="length of each phase-2 run")
    args = ap.parse_args()
    from planner.store.db import upgrade

    with tempfile.TemporaryDirectory(prefix="planner-load-") as tmp_name:
        tmp = Path(tmp_name)
        with database(tmp) as (db_url, db_label), redis_url(tmp) as r_url:
            upgrade(db_url)
            tokens = make_people(db_url, args.users)
            env = dict(os.environ, PLANNER_DATABASE_URL=db_url, PLANNER_REDIS_URL=r_url,
                       PLANNER_QUEUE=f"planner-load-{uuid.uuid4().hex[:6]}",
                       PLANNER_DATA_DIR=str(tmp), PLANNER_PROVIDERS="catalog",
                       PLANNER_SECRET_KEY=uuid.uuid4().hex,
                       PLANNER_RATE_LIMIT_IP_PER_MINUTE="10000000",
                       PLANNER_RATE_LIMIT_USER_PER_MINUTE="1000000")
            port = free_port()
            with server(env, port, tmp / "server.log") as base:
                stats1, plans = Stats(), [""] * args.users
                stop = time.monotonic() + 90
                start = time.monotonic()
                people = [threading.Thread(target=person, args=(base, tok, i, stats1, plans, stop))
                          for i, tok in enumerate(tokens)]
                for t in people:
                    t.start()
                for t in people:
                    t.join(120)
                elapsed1 = time.monotonic() - start
                finished = sum(1 for p in plans if p)

                def plan_reader(i: int) -> tuple[requests.Session, str]:
                    s = requests.Session()
                    s.headers["Authorization"] = f"Bearer {tokens[i]}"
                    return s, plans[i] or f"{base}/healthz"

                stats2, elapsed2 = hammer(args.users, args.seconds, plan_reader)
                stats3, elapsed3 = hammer(args.users, args.seconds,
                                          lambda i: (requests.Session(), f"{base}/healthz"))
    ratio = (len(stats2.latencies) / elapsed2) / max(1e-9, len(stats3.latencies) / elapsed3)
    print(f"{args.users} people, gunicorn 2 workers x 4 threads + 1 Celery worker (2 processes), "
          f"{db_label}, Redis; load generator on the same {os.cpu_count()} cores\n")
    print("| phase | requests | req/s | p50 ms | p95 ms | errors |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    print(stats1.row(f"post feedback + poll plan every 1 s ({finished}/{args.users} "
                     "plans finished)", elapsed1))
    print(stats2.row(f"GET /api/v1/plans/{{id}} back to back, {args.seconds:g} s", elapsed2))
    print(stats3.row(f"GET /healthz (bare Flask JSON) back to back, {args.seconds:g} s",
                     elapsed3))
    print(f"\nplan read / bare JSON throughput ratio: {ratio:.2f} (target >= 0.6)")
    errors = sum(sum(s.errors.values()) for s in (stats1, stats2, stats3))
    return 1 if errors or finished < args.users else 0


if __name__ == "__main__":
    sys.exit(main())
