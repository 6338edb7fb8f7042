"""Core commands: db, run, serve, worker, plan."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import date
from pathlib import Path
from typing import Any

import click

from planner.config import Settings


@click.group("db")
def db_group() -> None:
    """Database schema: upgrade to the latest migration, or show where it stands."""


@db_group.command("upgrade")
@click.option("--revision", default="head", show_default=True, help="Target migration.")
def db_upgrade(revision: str) -> None:
    """Create or migrate the database at PLANNER_DATABASE_URL (default: SQLite in ./var)."""
    from planner.store.db import upgrade

    settings = Settings.from_env()
    upgrade(settings.database_url, revision)
    click.echo(f"Database is at migration {revision}: {_safe_url(settings.database_url)}")


@db_group.command("current")
def db_current() -> None:
    """Print the current and the latest migration."""
    from planner.store.db import Database, migration_state

    current, head = migration_state(Database(Settings.from_env().database_url).engine)
    click.echo(f"current: {current or 'none'}  latest: {head}")


@click.command("run")
@click.option("--port", default=8000, show_default=True, help="HTTP port for the API and pages.")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--workers", "concurrency", default=4, show_default=True,
              help="Celery worker processes.")
def run(port: int, host: str, concurrency: int) -> None:
    """Migrate, then start Redis (embedded unless PLANNER_REDIS_URL is set), a Celery worker and
    the web server; Ctrl-C stops them all."""
    from planner.embedded import start_redis
    from planner.store.db import upgrade

    settings = Settings.from_env()
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    upgrade(settings.database_url)
    env = dict(os.environ)
    procs: list[subprocess.Popen[bytes]] = []
    if settings.embedded_redis:
        click.echo(f"Starting embedded Redis on 127.0.0.1:{settings.embedded_redis_port} ...")
        procs.append(start_redis(settings.embedded_redis_port, settings.data_dir / "redis"))
        env["PLANNER_REDIS_URL"] = settings.effective_redis_url
    env["PLANNER_DATABASE_URL"] = settings.database_url
    procs.append(subprocess.Popen(_worker_cmd(concurrency), env=env))
    procs.append(subprocess.Popen(
        [sys.executable, "-m", "gunicorn", "planner.wsgi:app", "-b", f"{host}:{port}",
         "-w", "2", "--threads", "4", "--access-logfile", "-"], env=env))
    click.echo(f"Skill Planner is starting at http://{host}:{port}/  (Ctrl-C to stop)")
    _supervise(procs)


@click.command("worker")
@click.option("--concurrency", "-c", default=4, show_default=True, help="Worker processes.")
def worker(concurrency: int) -> None:
    """Run a Celery worker against PLANNER_REDIS_URL (add more on any host to scale out)."""
    os.execv(sys.executable, _worker_cmd(concurrency))


@click.command("plan")
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="File with the feedback text; '-' or omitted reads standard input.")
@click.option("--hours", type=click.FloatRange(1, 60), default=5.0, show_default=True,
              help="Hours a week you can spend.")
@click.option("--start", "start", type=click.DateTime(["%Y-%m-%d"]), help="First day (default today).")
@click.option("--target", type=click.DateTime(["%Y-%m-%d"]), help="Re-apply by this date.")
@click.option("--budget", type=click.FloatRange(0), help="Most to spend, in USD.")
def plan_cmd(path: Path | None, hours: float, start: object, target: object,
             budget: float | None) -> None:
    """Turn feedback into a roadmap here, without the web service, and print it."""
    from planner import service
    from planner.providers import load_registry
    from planner.store.db import Database, migration_state

    text = path.read_text(encoding="utf-8", errors="replace") if path else sys.stdin.read()
    if not text.strip():
        raise click.UsageError("The feedback is empty: pass --file with the text you received.")
    settings = Settings.from_env()
    start_d = start.date() if start else date.today()  # type: ignore[attr-defined]
    target_d = target.date() if target else None  # type: ignore[attr-defined]
    if target_d and target_d <= start_d:
        raise click.BadParameter("must be after the start date", param_hint="--target")
    params = service.PlanParams(hours, start_d, target_d, budget, settings.resources_per_goal)
    db = Database(settings.database_url)
    try:
        current, head = migration_state(db.engine)
        if current != head:
            raise click.ClickException("The database is not migrated: run `planner db upgrade`.")
        _plan_here(db, load_registry(), text[: settings.max_text_chars], params)
    finally:
        db.dispose()


def _plan_here(db: Any, registry: Any, text: str, params: Any) -> None:
    """Run the same pipeline steps the workers run, in this process, then print the result."""
    from planner import pipeline, service

    with db.session() as s:
        owner = service.local_owner(s)
        rej = service.add_rejection(s, owner.id, text)
        plan_id = service.start_plan(s, rej, params, [p.name for p in registry.enabled()]).id
    providers = pipeline.mark_fetching(db, plan_id) or []
    with ThreadPoolExecutor(max_workers=max(1, len(providers))) as pool:
        list(pool.map(lambda name: pipeline.fetch_provider(db, registry, plan_id, name), providers))
    pipeline.build_roadmap(db, plan_id)
    _print_plan(db, plan_id)


def _print_plan(db: object, plan_id: str) -> None:
    from planner.store import models as m

    with db.session() as s:  # type: ignore[attr-defined]
        p = s.get(m.Plan, plan_id)
        click.echo(f"Plan {p.id}: {p.status}" + (f" ({p.error})" if p.error else ""))
        for g in p.goals:
            click.echo(f"  goal: {g['label']} [{g['kind']}]")
        for i in p.items:
            where = f" <{i.resource['url']}>" if i.resource else ""
            click.echo(f"  {i.start} .. {i.end}  {i.title} ({i.hours:g} h, "
                       f"{i.hours_per_week:g} h/week){where}")
        if p.verdict and not p.verdict.get("fits", True):
            click.echo(f"  Does not fit: about {p.verdict.get('missing_hours')} hours missing.")


def _worker_cmd(concurrency: int) -> list[str]:
    queue = Settings.from_env().queue
    return [sys.executable, "-m", "celery", "-A", "workers.app", "worker", "-Q", queue,
            "-c", str(concurrency), "--loglevel", "INFO"]


def _supervise(procs: list[subprocess.Popen[bytes]]) -> None:
    def stop(*_: object) -> None:
        for p in reversed(procs):
            if p.poll() is None:
                p.terminate()
        for p in procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        while all(p.poll() is None for p in procs):
            time.sleep(0.5)
        click.echo("A child process stopped; shutting down.", err=True)
    except KeyboardInterrupt:
        pass
    stop()


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


COMMANDS = [db_group, run, worker, plan_cmd]
