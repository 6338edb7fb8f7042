"""``planner providers``: list, check and scaffold provider plugins."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click

from planner.providers import SkillQuery, get_registry, run_search
from planner.providers.scaffold import render


@click.group("providers")
def providers_group() -> None:
    """Provider plugins: what is installed, enabled, configured and healthy."""


@providers_group.command("list")
@click.option("--json", "as_json", is_flag=True, help="Print the status as JSON.")
def list_cmd(as_json: bool) -> None:
    """Show every installed provider and why it is not ready, if it is not."""
    rows = get_registry().status()
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    click.echo(f"{'NAME':<22}{'VERSION':<10}{'STATE':<16}{'KINDS':<32}DETAIL")
    for row in rows:
        detail = row["error"] or row["reason"] or row["description"]
        kinds = ",".join(row["kinds"]) or "-"
        kinds = kinds if len(kinds) < 31 else kinds[:29] + "…"
        click.echo(
            f"{row['name']:<22}{row['version'] or '-':<10}{row['state']:<16}{kinds:<32}{detail}"
        )


@providers_group.command("check")
@click.argument("name")
@click.option("--skill", default="python", show_default=True, help="Skill id to search for.")
@click.option("--label", default=None, help="Skill label (default: the skill id).")
@click.option("--limit", default=3, show_default=True, help="Resources to ask for.")
@click.option("--timeout", default=None, type=float, help="Seconds before giving up.")
@click.option("--json", "as_json", is_flag=True, help="Print the outcome as JSON.")
def check_cmd(
    name: str, skill: str, label: str | None, limit: int, timeout: float | None, as_json: bool
) -> None:
    """Run one live search with provider NAME; exit 1 unless it is healthy."""
    reg = get_registry()
    try:
        row = reg.describe(name)
    except KeyError:
        raise click.ClickException(f"no provider called {name!r} is installed") from None
    if name not in reg.providers:
        _report(as_json, {**row, "healthy": False})
        raise SystemExit(1)
    query = SkillQuery(skill_id=skill, label=label or skill, limit=limit)
    outcome = run_search(reg.get(name), query, timeout=timeout)
    result = {**row, "healthy": outcome.ok, "outcome": outcome.to_dict()}
    _report(as_json, result)
    if not outcome.ok:
        raise SystemExit(1)


def _report(as_json: bool, result: dict[str, Any]) -> None:
    if as_json:
        click.echo(json.dumps(result, indent=2))
        return
    click.echo(
        f"{result['name']}: {result['state']}"
        + (f" ({result['reason']})" if result["reason"] else "")
    )
    if result.get("error"):
        click.echo(f"  load error: {result['error']}")
    outcome = result.get("outcome")
    if outcome:
        status = "healthy" if result["healthy"] else f"UNHEALTHY: {outcome['error']}"
        click.echo(
            f"  search: {status}; {len(outcome['resources'])} resources, "
            f"{outcome['dropped']} dropped, {outcome['latency']:.2f}s"
        )
        for r in outcome["resources"]:
            click.echo(f"  - [{r['kind']}] {r['title']} <{r['url']}>")


@providers_group.command("new")
@click.argument("name")
@click.option(
    "--dir",
    "directory",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Where to create it (default: ./skill-planner-NAME).",
)
@click.option(
    "--http", is_flag=True, help="Scaffold an HttpProvider with a fake API for its tests."
)
def new_cmd(name: str, directory: Path | None, http: bool) -> None:
    """Create a new provider distribution NAME that passes the conformance kit as generated."""
    dest = directory or Path(f"skill-planner-{name.replace('_', '-')}")
    try:
        files = render(name, dest, http=http)
    except ValueError as exc:
        raise click.ClickException(str(exc)) from None
    for f in files:
        click.echo(f"created {f}")
    click.echo(f"next: pip install -e {dest} && pytest {dest} && planner providers list")


COMMANDS = [providers_group]
