"""Core commands: db, run, serve, worker, plan."""

from __future__ import annotations

import contextlib
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
@click.option("--fetchers", type=click.IntRange(1, 32), default=None,
              help="Provider worker processes (threads pools); default one per CPU core, at "
                   "most 4.")
def run(port: int, host: str, concurrency: int, fetchers: int | None) -> None:
    """Migrate, then start Redis (embedded unless PLANNER_REDIS_URL is set), a Celery worker and
    the web server; Ctrl-C stops them all."""
    from planner.cli.accounts import announce_local_sign_in
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
    # Planning on prefork processes; provider calls (IO-bound) on threads pools of their own
    # queue, so ten slow providers run at once without ten processes. One threads pool per core:
    # a pool's threads share one interpreter lock, and sending a plan's fifty requests and
    # storing the answers is CPU work. One beat for the sweeper. Workers and beat are
    # restarted if they die (as compose's restart policy would do).
    fetchers = fetchers or default_fetchers()
    children = [Child("planning worker", _worker_cmd(concurrency, "plans"), env),
                *(Child(f"provider worker {i + 1}",
                        _worker_cmd(12, "providers", pool="threads", index=i), env)
                  for i in range(fetchers)),
                Child("beat", _beat_cmd(settings), env),
                Child("web server", [sys.executable, "-m", "gunicorn", "planner.wsgi:app", "-b",
                                     f"{host}:{port}", "-w", "2", "--threads", "4",
                                     "--access-logfile", "-"], env, restart=False)]
    for child in children:
        child.start()
    click.echo(f"Skill Planner is starting at http://{host}:{port}/  (Ctrl-C to stop)")
    announce_local_sign_in(settings, f"http://{host}:{port}")  # accounts: how to sign in
    _supervise(procs, children)


@click.command("worker")
@click.option("--concurrency", "-c", default=4, show_default=True,
              help="Worker processes (or threads with --pool threads).")
@click.option("--queues", type=click.Choice(["all", "plans", "providers"]), default="all",
              show_default=True, help="plans: start/build/sweep; providers: provider calls.")
@click.option("--pool", type=click.Choice(["prefork", "threads"]), default="prefork",
              show_default=True, help="threads suits --queues providers (IO-bound calls).")
@click.option("--beat", is_flag=True,
              help="Also run the scheduler (the stale-plan sweeper); run exactly one per install.")
def worker(concurrency: int, queues: str, pool: str, beat: bool) -> None:
    """Run a Celery worker against PLANNER_REDIS_URL (add more on any host to scale out)."""
    cmd = _worker_cmd(concurrency, queues, pool)
    if beat:
        settings = Settings.from_env()
        cmd += ["-B", "-s", str(settings.data_dir / "celerybeat-schedule")]
    os.execv(sys.executable, cmd)


@click.command("plan")
@click.option("--file", "path", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="File with the feedback text; '-' or omitted reads standard input.")
@click.option("--hours", type=click.FloatRange(1, 60), default=5.0, show_default=True,
              help="Hours a week you can spend.")
@click.option("--start", "start", type=click.DateTime(["%Y-%m-%d"]),
              help="First day (default today).")
@click.option("--target", type=click.DateTime(["%Y-%m-%d"]), help="Re-apply by this date.")
@click.option("--budget", type=click.FloatRange(0), help="Most to spend, in USD.")
@click.option("--include-unsure", is_flag=True,
              help="Also plan the goals extraction is not sure of (listed otherwise).")
@click.option("--add-goal", "add_goals", multiple=True, metavar="SKILL",
              help="Also plan this skill, which the feedback implies but does not name: a "
                   "name, alias or id (repeatable), e.g. --add-goal 'stakeholder management'.")
def plan_cmd(path: Path | None, hours: float, start: object, target: object,
             budget: float | None, include_unsure: bool, add_goals: tuple[str, ...]) -> None:
    """Turn feedback into a roadmap here, without the web service, and print it."""
    from planner import service
    from planner.providers import load_registry
    from planner.skills import default_taxonomy
    from planner.skills.find import find_skill
    from planner.store.db import Database, migration_state

    text = path.read_text(encoding="utf-8", errors="replace") if path else sys.stdin.read()
    if not text.strip():
        raise click.UsageError("The feedback is empty: pass --file with the text you received.")
    extra = []
    for name in add_goals:
        found = find_skill(name, default_taxonomy())
        if found.entry is None:
            close = ", ".join(f"{e.label} ({e.skill_id})" for e in found.suggestions)
            raise click.BadParameter(f"no skill is called {name!r}"
                                     + (f"; the closest: {close}" if close else ""),
                                     param_hint="--add-goal")
        extra.append(found.entry)
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
        _plan_here(db, load_registry(), text[: settings.max_text_chars], params, include_unsure,
                   extra)
    finally:
        db.dispose()


def _plan_here(db: Any, registry: Any, text: str, params: Any, include_unsure: bool,
               extra: list[Any]) -> None:
    """Run the same pipeline steps the workers run, in this process, then print the result."""
    from planner import pipeline, service

    with db.session() as s:
        owner = service.local_owner(s)
        rej = service.add_rejection(s, owner.id, text)
        unsure = [g for g in rej.goals if g.status == "proposed"]
        for g in unsure if include_unsure else ():
            g.status = "confirmed"
        for entry in extra:  # an unsure goal of that skill is kept; a sure one stays as it is
            with contextlib.suppress(service.GoalConflict):
                service.add_goal(s, rej, entry)
        left_out = [] if include_unsure else [g.label for g in unsure if g.status == "proposed"]
        plan_id = service.start_plan(s, rej, params, [p.name for p in registry.enabled()]).id
    providers = pipeline.mark_fetching(db, plan_id) or []
    with ThreadPoolExecutor(max_workers=max(1, len(providers))) as pool:
        list(pool.map(lambda name: pipeline.fetch_provider(db, registry, plan_id, name), providers))
    pipeline.build_roadmap(db, plan_id)
    _print_plan(db, plan_id)
    if left_out:
        click.echo(f"  not planned, not sure the feedback means them: {', '.join(left_out)} "
                   "(--include-unsure plans them too)")


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


def default_fetchers() -> int:
    """One provider worker process per CPU core, between 1 and 4."""
    return max(1, min(4, os.cpu_count() or 1))


def _worker_cmd(concurrency: int, queues: str = "all", pool: str = "prefork", index: int = 0
                ) -> list[str]:
    settings = Settings.from_env()
    names = {"plans": [settings.queue], "providers": [settings.effective_provider_queue],
             "all": [settings.queue, settings.effective_provider_queue]}[queues]
    node = f"{queues}-{os.getpid()}" + (f"-{index + 1}" if index else "")
    return [sys.executable, "-m", "celery", "-A", "workers.app", "worker", "-Q", ",".join(names),
            "-P", pool, "-c", str(concurrency), "-n", f"{node}@%h", "--loglevel", "INFO"]


def _beat_cmd(settings: Settings) -> list[str]:
    return [sys.executable, "-m", "celery", "-A", "workers.app", "beat", "--loglevel", "INFO",
            "-s", str(settings.data_dir / "celerybeat-schedule")]


class Child:
    """A supervised child process; restartable ones come back (at most 5 times a minute)."""

    def __init__(self, name: str, cmd: list[str], env: dict[str, str], restart: bool = True
                 ) -> None:
        self.name, self.cmd, self.env, self.restart = name, cmd, env, restart
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts: list[float] = []

    def start(self) -> None:
        self.starts = [t for t in self.starts if time.monotonic() - t < 60] + [time.monotonic()]
        self.proc = subprocess.Popen(self.cmd, env=self.env)

    def check(self) -> bool:
        """False when the child is gone for good; restarts it when it may come back."""
        assert self.proc is not None
        if self.proc.poll() is None:
            return True
        if not self.restart or len(self.starts) >= 5:
            click.echo(f"The {self.name} stopped (exit {self.proc.returncode}); shutting down.",
                       err=True)
            return False
        click.echo(f"The {self.name} stopped (exit {self.proc.returncode}); restarting it.",
                   err=True)
        self.start()
        return True


def _supervise(procs: list[subprocess.Popen[bytes]], children: list[Child]) -> None:
    def stop(*_: object) -> None:
        running = [c.proc for c in reversed(children) if c.proc] + list(reversed(procs))
        for p in running:
            if p.poll() is None:
                p.terminate()
        for p in running:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
        sys.exit(0)

    signal.signal(signal.SIGTERM, stop)
    try:
        while all(p.poll() is None for p in procs) and all(c.check() for c in children):
            time.sleep(0.5)
    except KeyboardInterrupt:
        pass
    stop()


def _safe_url(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


COMMANDS = [db_group, run, worker, plan_cmd]
