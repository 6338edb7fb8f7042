"""The Celery pipeline against ten stub providers: latency against the ideal, throughput, overhead.

Starts an embedded Redis and SQLite in a scratch dir, a local stub server for the providers
``stub_a`` .. ``stub_j`` (tests/stubs, installed editable by the Makefile) answering in 300 ms
(+/- 50 ms), and N worker units, each as `planner run` starts it: a prefork planning worker
(-c 1) plus one threads provider worker (-c 12) per core (at most 4). Plans have five goals; the
result cache is off so every plan asks every provider. By default each stub is asked once per goal
(an API that takes one search term per request, as most do); ``--batch 5`` lets each ask for all
five goals in one call (an API that takes several skills at once: one request, one delay).

The stubs run on this machine, so their HTTP clients (in the provider worker) and server (in this
process) use the same cores as the pipeline. CPU is reported per run so a throughput figure can be
read against how full the cores were: "ours" is every bench process (workers, Redis, this one with
the stub server) over wall time and all cores; "machine" is /proc/stat, which also shows whatever
else was running, and the time a virtual machine's host took the cores away ("stolen").

    python bench/pipeline.py [--plans 20] [--burst 40] [--batch 1]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from planner import pipeline  # noqa: E402
from planner.cli.core import default_fetchers  # noqa: E402
from planner.config import Settings  # noqa: E402
from planner.embedded import start_redis  # noqa: E402
from planner.providers import load_registry  # noqa: E402
from planner.providers.stub import StubRequest, StubResponse  # noqa: E402
from planner.queue import enqueue_plan, make_celery  # noqa: E402
from planner.store import models as m  # noqa: E402
from planner.store.db import Database, upgrade  # noqa: E402
from tests.stubs.server import NAMES, Fleet  # noqa: E402
from tests.support import free_port  # noqa: E402

GOALS = [("kubernetes", "Kubernetes"), ("aws", "AWS"), ("sql", "SQL"), ("python", "Python"),
         ("stakeholder-management", "Stakeholder management")]
DELAY, JITTER = 0.3, 0.05


class LeanServer:
    """The stub providers' API on asyncio, for ``--stubs lean``: same answers, same delays.

    The fleet's usual server (``planner.providers.stub.StubServer``, what the tests use) is
    ``http.server`` with a thread per connection, which costs about 0.8 ms of CPU per request;
    fifty requests a plan land on the two cores the pipeline runs on, at the very moment it
    fans out. A real provider's server runs elsewhere. This one costs a fraction of that, so
    the figure it gives is closer to the pipeline's own overhead. GET with keep-alive only.
    """

    def __init__(self, handler: object) -> None:
        self.handler = handler
        self.port = 0
        self._loop = asyncio.new_event_loop()
        self._ready = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True, name="lean-stubs")

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> LeanServer:
        self._thread.start()
        if not self._ready.wait(10):
            raise SystemExit("lean stub server did not start")
        return self

    def stop(self) -> None:
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join(10)

    def _run(self) -> None:
        asyncio.set_event_loop(self._loop)
        server = self._loop.run_until_complete(
            asyncio.start_server(self._serve, "127.0.0.1", 0, backlog=256))
        self.port = server.sockets[0].getsockname()[1]
        self._ready.set()
        self._loop.run_forever()

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            while True:
                head = (await reader.readuntil(b"\r\n\r\n")).decode("latin-1")
                method, target, _ = head.split("\r\n", 1)[0].split(" ", 2)
                parts = urlsplit(target)
                req = StubRequest(method, parts.path, parse_qs(parts.query), {}, self.url)
                resp: StubResponse = self.handler(req)  # type: ignore[operator]
                if resp.delay:
                    await asyncio.sleep(resp.delay)
                raw = json.dumps(resp.body).encode()
                writer.write(f"HTTP/1.1 {resp.status} -\r\nContent-Type: application/json\r\n"
                             f"Content-Length: {len(raw)}\r\n\r\n".encode() + raw)
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()


def fleet_for(stubs: str) -> Fleet:
    """The stub providers' fleet, served by ``http.server`` (threaded) or asyncio (lean)."""
    fleet = Fleet()
    if stubs == "threaded":
        return fleet.__enter__()
    fleet.server.stop()  # never started: just release its socket
    fleet.server = LeanServer(fleet._handle).start()  # type: ignore[assignment]
    return fleet


def new_plan(db: Database) -> str:
    with db.session() as s:
        if s.get(m.User, "bench") is None:
            s.add(m.User(id="bench", display_name="bench"))
            s.flush()
        plan = m.Plan(owner_id="bench", status="queued", goals=[
            {"skill_id": k, "label": label, "kind": "technical", "priority": 3, "must_have": True,
             "prerequisites": []} for k, label in GOALS],
            params={"hours_per_week": 6.0, "start_date": date(2027, 1, 4).isoformat(),
                    "target_date": None, "budget": None, "resources_per_goal": 5, "actions": []})
        plan.runs = [m.ProviderRun(provider=n) for n in NAMES]
        s.add(plan)
        s.flush()
        return plan.id


def status(db: Database, plan_id: str) -> str:
    with db.session() as s:
        p = s.get(m.Plan, plan_id)
        assert p is not None
        return p.status


def wait(db: Database, ids: list[str]) -> None:
    """Poll as a client would, every 5 ms, with one query for all plans still running.

    The query goes straight to the driver: this process also serves the stub providers, and an
    ORM round trip every 5 ms would take CPU and the GIL from them (and from the pipeline on the
    same cores) that no real client, on its own machine, would take.
    """
    left = list(ids)
    running = ",".join(f"'{s}'" for s in pipeline.RUNNING)
    conn = db.engine.raw_connection()
    try:
        cur = conn.cursor()
        while left:
            # The ids are this script's own hex uuids: safe to inline, and no paramstyle to mind.
            cur.execute(f"SELECT id FROM plans WHERE status IN ({running}) AND id IN "
                        f"({','.join(repr(str(i)) for i in left)})")
            left = [row[0] for row in cur.fetchall()]
            conn.rollback()  # end the read, so the next poll sees new commits
            if left:
                time.sleep(0.005)
    finally:
        conn.close()


@dataclass
class Cpu:
    """CPU used between two readings: by the bench's processes, and by the whole machine."""

    pids: list[int]
    parts: dict[str, list[int]] = field(default_factory=dict)
    wall: float = 0.0
    ours: float = 0.0
    by_part: dict[str, float] = field(default_factory=dict)
    machine_busy: float = 0.0
    machine_total: float = 0.0
    machine_steal: float = 0.0

    def __enter__(self) -> Cpu:
        self._parts = {k: _cpu_of(v, own=False) for k, v in self.parts.items()}
        self._start = (time.perf_counter(), _cpu_of(self.pids), *_machine())
        return self

    def __exit__(self, *exc: object) -> None:
        wall, ours, busy, total, steal = self._start
        self.wall = time.perf_counter() - wall
        self.ours = _cpu_of(self.pids) - ours
        now_busy, now_total, now_steal = _machine()
        self.machine_busy, self.machine_total = now_busy - busy, now_total - total
        self.machine_steal = now_steal - steal
        self.by_part = {k: _cpu_of(v, own=False) - self._parts[k] for k, v in self.parts.items()}

    def __str__(self) -> str:
        cores = os.cpu_count() or 1
        ours = self.ours / (self.wall * cores)
        machine = self.machine_busy / self.machine_total if self.machine_total else 0.0
        steal = self.machine_steal / self.machine_total if self.machine_total else 0.0
        return (f"CPU ours {ours:.0%}, machine {machine:.0%} of {cores} cores, of which stolen "
                f"by the host {steal:.0%}")


def _cpu_of(pids: list[int], own: bool = True) -> float:
    """User + system seconds of ``pids`` with their descendants, and of this process (``own``)."""
    times = os.times()
    total = times.user + times.system if own else 0.0
    seen: set[int] = set()
    todo = list(pids)
    while todo:
        pid = todo.pop()
        if pid in seen or pid == os.getpid():
            continue
        seen.add(pid)
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
            for task in Path(f"/proc/{pid}/task").iterdir():
                todo += [int(c) for c in (task / "children").read_text().split()]
        except (FileNotFoundError, ProcessLookupError):
            continue  # it ended between readings
    return total


def _machine() -> tuple[float, float, float]:
    """(busy, total, steal) jiffies of every core since boot, from /proc/stat. Steal is time a
    virtual machine's host gave the cores to someone else: on a shared host it rises with the
    load the bench itself puts on the cores, and the bench's processes wait for it."""
    values = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = values[3] + values[4]  # idle + iowait
    return float(sum(values) - idle), float(sum(values)), float(values[7])


def listen_overflows() -> int:
    """The kernel's count of connections dropped because a listen queue was full."""
    lines = Path("/proc/net/netstat").read_text().splitlines()
    for head, vals in zip(lines[::2], lines[1::2], strict=False):
        if head.startswith("TcpExt:"):
            return int(dict(zip(head.split(), vals.split(), strict=True))["ListenOverflows"])
    return 0


def start_units(n: int, env: dict[str, str], logs: Path) -> list[subprocess.Popen[bytes]]:
    """``n`` units as `planner run` starts them: a prefork planning worker (-c 1) and one
    threads provider worker (-c 12) per core (``default_fetchers``)."""
    procs = []
    specs = [(env["PLANNER_QUEUE"], "prefork", 1, "")] + [
        (env["PLANNER_QUEUE"] + ".providers", "threads", 12, f"-{j}")
        for j in range(default_fetchers())]
    for i in range(n):
        for queue, pool, conc, suffix in specs:
            out = (logs / f"w{i}-{pool}{suffix}.log").open("ab")
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "celery", "-A", "workers.app", "worker", "-Q", queue,
                 "-P", pool, "-c", str(conc), "-n", f"{pool}{i}{suffix}@%h", "--without-gossip",
                 "--without-mingle", "--loglevel", "WARNING"],
                env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT))
    celery = make_celery(Settings.from_env(env))
    deadline = time.monotonic() + 60
    while len(celery.control.ping(timeout=0.5) or []) < len(procs):
        if time.monotonic() > deadline:
            raise SystemExit(f"workers did not start: see {logs}")
    celery.close()
    return procs


def stop(procs: list[subprocess.Popen[bytes]]) -> None:
    for p in procs:
        p.terminate()
    for p in procs:
        p.wait(30)


def timed(db: Database, celery: object, fleet: Fleet, plans: int,
          phases: dict[str, list[float]] | None = None) -> tuple[list[float], list[float]]:
    """POST -> finished for ``plans`` plans one after another; and each plan's ideal time.

    With ``phases``, each plan's time is also split by the timestamps the pipeline stores.
    """
    times, ideal = [], []
    for _ in range(plans):
        plan_id = new_plan(db)
        fleet.delays.clear()
        sent = m.utcnow()
        start = time.perf_counter()
        enqueue_plan(celery, plan_id)  # type: ignore[arg-type]
        wait(db, [plan_id])
        times.append(time.perf_counter() - start)
        seen = m.utcnow()
        ideal.append(max(fleet.delays or [0.0]))
        assert status(db, plan_id) == "ready", status(db, plan_id)
        if phases is not None:
            for k, v in split(db, plan_id, sent, seen).items():
                phases.setdefault(k, []).append(v)
    return times, ideal


PHASES = {  # from the timestamps the pipeline stores; a provider's "start" is its counted
    # delivery, written while its calls run, so on SQLite it may lag the task by a lock wait
    "queued": "enqueue -> start task running",
    "fan-out": "start task -> first provider started",
    "stagger": "first -> last provider started",
    "answers": "first provider started -> last answer stored",
    "build": "last answer stored -> roadmap built (chord join, callback, build)",
    "seen": "roadmap built -> client sees it (commit, 5 ms polling)",
}


def split(db: Database, plan_id: str, sent: object, seen: object) -> dict[str, float]:
    """One plan's time by phase, in seconds, from the timestamps the pipeline stores."""
    with db.session() as s:
        p = s.get(m.Plan, plan_id)
        assert p is not None and p.started_at and p.finished_at
        starts = [r.started_at for r in p.runs if r.started_at]
        ends = [r.finished_at for r in p.runs if r.finished_at]
        marks = {"queued": (sent, p.started_at), "fan-out": (p.started_at, min(starts)),
                 "stagger": (min(starts), max(starts)), "answers": (min(starts), max(ends)),
                 "build": (max(ends), p.finished_at), "seen": (p.finished_at, seen)}
    return {k: (b - a).total_seconds() for k, (a, b) in marks.items()}  # type: ignore[operator]


def burst(db: Database, celery: object, n: int, pids: list[int]) -> tuple[float, Cpu]:
    """Plans per minute when ``n`` plans arrive at once, and the CPU used meanwhile."""
    ids = [new_plan(db) for _ in range(n)]
    with Cpu(pids) as cpu:
        for i in ids:
            enqueue_plan(celery, i)  # type: ignore[arg-type]
        wait(db, ids)
    return n / cpu.wall * 60, cpu


def sequential(db: Database) -> float:
    """The baseline: every provider, every goal (or batch of goals), one after another, in this
    process."""
    plan_id = new_plan(db)
    registry = load_registry()
    start = time.perf_counter()
    pipeline.mark_fetching(db, plan_id)
    for name in NAMES:
        impl = registry.get(name)
        with db.session() as s:
            p = s.get(m.Plan, plan_id)
            assert p is not None
            goals, params = p.goals, p.params
        queries = [pipeline._query_for(g, params) for g in goals]
        size = pipeline.batch_size(impl)
        answers = [a for i in range(0, len(queries), size)
                   for a in impl.search_batch(queries[i:i + size])]
        found = [(q.skill_id, r) for q, rs in zip(queries, answers, strict=True) for r in rs]
        pipeline.record_run(db, plan_id, name, found, None, None)
    pipeline.build_roadmap(db, plan_id)
    return time.perf_counter() - start


def pct(values: list[float], q: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, round(q * (len(values) - 1)))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--plans", type=int, default=20, help="plans timed one by one (default 20)")
    ap.add_argument("--burst", type=int, default=40,
                    help="plans sent at once (default 40: a shorter burst is mostly its own "
                    "ramp-up and tail)")
    ap.add_argument("--stubs", choices=("threaded", "lean"), default="threaded",
                    help="the stub providers' server: threaded (http.server, as in the tests; "
                    "default) or lean (asyncio: less of the shared CPU goes to the stubs)")
    ap.add_argument("--batch", type=int, default=1, choices=range(1, 6), metavar="1-5",
                    help="goals each stub asks for in one call (default 1: one call per goal)")
    ap.add_argument("--database-url", default="",
                    help="an empty database to use instead of a scratch SQLite file, e.g. "
                    "postgresql+psycopg://127.0.0.1/bench (its tables are created)")
    args = ap.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="planner-bench-pipeline-"))
    port = free_port()
    redis_proc = start_redis(port, scratch / "redis")
    fleet = fleet_for(args.stubs)
    overflows = listen_overflows()
    env = {**os.environ, **fleet.env(), "PLANNER_DATA_DIR": str(scratch),
           "PLANNER_REDIS_URL": f"redis://127.0.0.1:{port}/0",
           "PLANNER_DATABASE_URL": args.database_url or f"sqlite:///{scratch / 'planner.db'}",
           "PLANNER_QUEUE": "bench", "PLANNER_PROVIDERS": ",".join(NAMES),
           "PLANNER_RESULT_CACHE_TTL": "0", "PLANNER_LOG_FORMAT": "text",
           **{f"PLANNER_{n.upper()}_BATCH": str(args.batch) for n in NAMES}}
    os.environ.update(env)
    settings = Settings.from_env(env)
    upgrade(settings.database_url)
    db = Database(settings.database_url)
    celery = make_celery(settings)
    rows: list[tuple[str, str]] = []
    procs: list[subprocess.Popen[bytes]] = []
    try:
        for name in NAMES:
            fleet.set(name, delay=DELAY, jitter=JITTER, count=5)
        base = sequential(db)
        procs = start_units(1, env, scratch)
        pids = [redis_proc.pid, *(p.pid for p in procs)]
        timed(db, celery, fleet, 2)  # warm-up: imports, first connections
        phases: dict[str, list[float]] = {}
        parts = {"planning worker": [procs[0].pid],
                 "provider workers": [p.pid for p in procs[1:]], "Redis": [redis_proc.pid]}
        with Cpu(pids, parts) as cpu:
            times, ideal = timed(db, celery, fleet, args.plans, phases)
        p50, p95, ideal50 = pct(times, 0.5), pct(times, 0.95), statistics.median(ideal)
        calls_per_plan = len(NAMES) * -(-len(GOALS) // args.batch)
        rows += [
            (f"POST -> ready, p50 ({args.plans} plans one at a time, 10 providers x 5 goals, "
             f"{calls_per_plan} calls a plan, 1 unit, {args.stubs} stub server)",
             f"{p50 * 1000:.0f} ms"),
            ("POST -> ready, p95", f"{p95 * 1000:.0f} ms"),
            ("ideal (slowest provider answer in the plan), median", f"{ideal50 * 1000:.0f} ms"),
            ("p50 / ideal", f"{p50 / ideal50:.2f}x"),
            ("p95 / ideal", f"{p95 / ideal50:.2f}x"),
            *((f"  phase: {PHASES[k]}, median", f"{statistics.median(v) * 1000:.0f} ms")
              for k, v in phases.items()),
            ("CPU while timing plans one at a time", str(cpu) + (
                " (over 5% stolen: the latencies above are inflated; run again when the host "
                "is quieter)" if cpu.machine_steal > 0.05 * cpu.machine_total else "")),
            ("CPU per plan, all bench processes (workers, Redis, stubs)",
             f"{cpu.ours / args.plans * 1000:.0f} ms"),
            ("  of which " + ", ".join(parts) + ", this process (stubs, client)",
             " / ".join(f"{v / args.plans * 1000:.0f}" for v in
                        [*cpu.by_part.values(), cpu.ours - sum(cpu.by_part.values())]) + " ms"),
            ("sequential baseline (one plan, in-process)", f"{base * 1000:.0f} ms"),
            ("sequential / p50", f"{base / p50:.1f}x"),
        ]
        rate, cpu = burst(db, celery, args.burst, pids)
        rows.append((f"throughput, 1 unit ({args.burst} plans at once)",
                     f"{rate:.0f} plans/min ({cpu})"))
        for name in NAMES:
            fleet.set(name, delay=0.0, count=5)
        fast, _ = timed(db, celery, fleet, 10)
        tasks = len(NAMES) + 3  # start, 10 searches, build, (deadline: scheduled, not waited)
        rows.append(("per-task overhead (providers answering at once: p50 / 13 tasks)",
                     f"{statistics.median(fast) / tasks * 1000:.0f} ms"))
        stop(procs)
        procs = start_units(2, env, scratch)
        pids = [redis_proc.pid, *(p.pid for p in procs)]
        for name in NAMES:
            fleet.set(name, delay=DELAY, jitter=JITTER, count=5)
        timed(db, celery, fleet, 1)
        # The same plans with twice the worker processes: on a machine whose cores the first
        # unit already fills (one provider worker per core), more workers cannot cut latency.
        times2, ideal2 = timed(db, celery, fleet, max(5, args.plans // 2))
        rows.append((f"POST -> ready, p50 with 2 units ({len(times2)} plans one at a time)",
                     f"{pct(times2, 0.5) * 1000:.0f} ms = "
                     f"{pct(times2, 0.5) / statistics.median(ideal2):.2f}x the ideal"))
        rate, cpu = burst(db, celery, args.burst, pids)
        rows.append((f"throughput, 2 units ({args.burst} plans at once)",
                     f"{rate:.0f} plans/min ({cpu})"))
        rows.append(("stub connections dropped by a full listen queue (1 s retry each)",
                     str(listen_overflows() - overflows)))
    finally:
        stop(procs)
        fleet.__exit__()
        celery.close()
        db.dispose()
        redis_proc.terminate()
        redis_proc.wait(10)
        shutil.rmtree(scratch, ignore_errors=True)
    print("| measure | value |")
    print("| --- | --- |")
    for k, v in rows:
        print(f"| {k} | {v} |")


if __name__ == "__main__":
    main()
