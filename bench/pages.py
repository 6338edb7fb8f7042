"""Server-side render time of every page with a realistic plan (Flask test client, SQLite).

Stores nine rejections and builds a plan in-process (six goals, a 12-week target, two steps
marked done so the roadmap has revisions), then renders each page N times and prints
p50/p95 in milliseconds.

    python bench/pages.py [--runs 60]
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import sys
import tempfile
import time
import uuid
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

os.environ.setdefault("PLANNER_PROVIDERS", "catalog")  # offline: no network in a benchmark

FEEDBACK = (
    "Thank you for interviewing with us. The panel felt you were below the bar on SQL and "
    "would have liked to see more Kubernetes and AWS experience. Your stakeholder management "
    "examples were thin, and Python testing (pytest) came up as a gap."
)
EARLIER = [
    "We went with a candidate with more Kubernetes experience.",
    "You were below the bar on SQL; the team needs strong data modelling.",
    "Thank you for applying; we decided to move forward with other candidates.",
    "The panel wanted more AWS and Terraform depth.",
    "Your stakeholder management examples did not convince the hiring manager.",
    "We need someone stronger in Python and pytest.",
    "More experience with Docker and Linux would have helped.",
    "Communication in the system design round could be clearer.",
]
PASSWORD = "a calm and long bench passphrase"


def redis_url(tmp: Path) -> tuple[str, object | None]:
    import redis

    url = os.environ.get("PLANNER_REDIS_URL", "redis://127.0.0.1:6379/0")
    try:
        redis.Redis.from_url(url, socket_connect_timeout=1).ping()
        return url, None
    except redis.RedisError:
        from planner.embedded import start_redis

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        return f"redis://127.0.0.1:{port}/0", start_redis(port, tmp / "redis")


def csrf(client, path: str) -> str:
    return re.search(r'name="csrf_token" value="([^"]+)"', client.get(path).get_data(
        as_text=True)).group(1)


def setup(tmp: Path):
    from planner import create_app, pipeline, service
    from planner.config import Settings
    from planner.store.db import upgrade

    db_url = f"sqlite:///{tmp / 'bench.db'}"
    upgrade(db_url)
    url, proc = redis_url(tmp)
    settings = Settings(data_dir=tmp, database_url=db_url, redis_url=url,
                        queue=f"bench-{uuid.uuid4().hex[:6]}")
    app = create_app({"SETTINGS": settings, "TESTING": True, "AUTH_FAST_HASH_FOR_TESTS": True,
                      "RATE_LIMITS": {"ip_per_minute": 10**6, "user_per_minute": 10**6,
                                      "writes_per_minute": 10**6}})
    client = app.test_client()
    if "auth" in app.blueprints:
        client.post("/sign-up", data={"csrf_token": csrf(client, "/sign-up"), "password": PASSWORD,
                                      "email": "bench@example.com"})
    for n, text in enumerate(EARLIER):  # a history: earlier rejections with recurring themes
        client.post("/", data={"csrf_token": csrf(client, "/"), "text": text,
                               "company": f"Company {n}"})
    resp = client.post("/", data={"csrf_token": csrf(client, "/"), "text": FEEDBACK,
                                  "company": "Acme", "hours_per_week": "6"})
    goals_url = resp.headers["Location"]
    svc = app.extensions["planner"]
    from planner.store import models as m

    with svc.db.session() as s:
        rej = s.get(m.Rejection, goals_url.rsplit("/", 1)[1])
        params = service.PlanParams(6, date.today(), date.today() + timedelta(weeks=12))
        plan_id = service.start_plan(s, rej, params, ["catalog"]).id
        queued_id = service.start_plan(s, rej, params, ["catalog"]).id
    for name in pipeline.mark_fetching(svc.db, plan_id) or []:
        pipeline.fetch_provider(svc.db, svc.registry, plan_id, name)
    pipeline.build_roadmap(svc.db, plan_id)
    plan_url = f"/plans/{plan_id}"
    for _ in range(2):
        item = re.search(r'/items/(\d+)"', client.get(plan_url).get_data(as_text=True)).group(1)
        client.post(f"{plan_url}/items/{item}", data={"csrf_token": csrf(client, plan_url),
                                                      "status": "done"})
    pages = {"new plan": "/", "goals": goals_url, "plan in progress": f"/plans/{queued_id}",
             "roadmap": plan_url, "history": "/history", "providers": "/providers",
             "api docs": "/api/docs"}
    return app, client, pages, proc


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=60)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        app, client, pages, proc = setup(Path(tmp))
        try:
            steps = client.get(pages["roadmap"]).get_data(as_text=True).count('class="step ')
            print(f"Roadmap under test: {steps} steps; {args.runs} renders per page after 5 "
                  "warm-up renders; Flask test client, SQLite, one process.\n")
            print("| page | p50 ms | p95 ms | bytes |")
            print("| --- | ---: | ---: | ---: |")
            for name, path in pages.items():
                for _ in range(5):
                    client.get(path)
                times, size = [], 0
                for _ in range(args.runs):
                    t0 = time.perf_counter()
                    resp = client.get(path)
                    times.append((time.perf_counter() - t0) * 1000)
                    assert resp.status_code == 200, (path, resp.status_code)
                    size = len(resp.data)
                times.sort()
                p95 = times[min(len(times) - 1, int(0.95 * len(times)))]
                print(f"| {name} | {statistics.median(times):.1f} | {p95:.1f} | {size:,} |")
        finally:
            app.extensions["planner"].db.dispose()
            if proc is not None:
                proc.terminate()
    return 0


if __name__ == "__main__":
    sys.exit(main())
