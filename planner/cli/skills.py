"""`planner skills ...` and `planner taxonomy ...`: extraction, linking and taxonomy tools."""

from __future__ import annotations

import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO

import click

from planner.skills import TextError, decode_bytes, extract, parse_eml
from planner.skills.esco import EscoFormatError, import_csv, linked_path, load_ranker, read_csv
from planner.skills.rank import Ranker, normalise_sentence
from planner.skills.taxonomy import data_dir, default_taxonomy, esco_links, load_taxonomy


def _read_input(path: str | None, what: str) -> str:
    """Text of a file (an .eml is reduced to its feedback) or of stdin when ``path`` is None."""
    if path is None:
        return sys.stdin.read()
    data = Path(path).read_bytes()
    if path.lower().endswith(".eml"):
        return parse_eml(data).feedback
    return decode_bytes(data, what)


def _jsonl(stream: TextIO) -> Iterator[tuple[int, dict[str, Any] | None, str]]:
    for n, line in enumerate(stream, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            yield n, None, f"line {n}: not JSON ({exc.msg})"
            continue
        yield n, obj if isinstance(obj, dict) else None, f"line {n}: expected an object"


def _emit(obj: dict[str, Any]) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False))


@click.group("skills")
def skills_group() -> None:
    """Extract skill goals from rejection feedback, and link sentences to ESCO skills."""


@skills_group.command("extract")
@click.option(
    "--file",
    "file_",
    type=click.Path(exists=True, dir_okay=False),
    help="Feedback text, or an .eml file. Default: read stdin.",
)
@click.option(
    "--job-description",
    type=click.Path(exists=True, dir_okay=False),
    help="The job description: sets must-have vs nice-to-have.",
)
@click.option(
    "--resume",
    type=click.Path(exists=True, dir_okay=False),
    help="The resume: job requirements it does not show become goals.",
)
@click.option(
    "--jsonl",
    is_flag=True,
    help='Batch mode: read {"id", "text"} lines from stdin, write {"id", "goals"} lines.',
)
def extract_cmd(
    file_: str | None, job_description: str | None, resume: str | None, jsonl: bool
) -> None:
    """Print the skill goals a rejection justifies, as JSON.

    Each goal has a skill id and label from the taxonomy, a kind, a confidence, the exact
    evidence spans, a framing (gap, requirement, mention) and a priority (1 = most urgent).
    A form rejection that gives no reason yields no goals and an "ask for feedback" action.
    """
    try:
        jd = _read_input(job_description, "job description") if job_description else None
        cv = _read_input(resume, "resume") if resume else None
        if jsonl:
            _extract_lines(jd, cv)
            return
        result = extract(_read_input(file_, "feedback"), jd, cv)
    except (TextError, OSError) as exc:
        raise click.ClickException(str(exc)) from exc
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))


def _extract_lines(jd: str | None, cv: str | None) -> None:
    taxonomy = default_taxonomy()
    for _, obj, err in _jsonl(sys.stdin):
        if obj is None:
            _emit({"id": None, "error": err})
            continue
        try:
            res = extract(obj.get("text"), jd, cv, taxonomy=taxonomy)  # type: ignore[arg-type]
        except TextError as exc:
            _emit({"id": obj.get("id"), "error": str(exc), "goals": []})
            continue
        out = res.to_dict()
        _emit(
            {
                "id": obj.get("id"),
                "goals": out["goals"],
                "actions": out["actions"],
                "templated": out["templated"],
                "unnamed_reasons": out["unnamed_reasons"],
            }
        )


@skills_group.command("rank")
@click.option(
    "--taxonomy",
    "taxonomy_path",
    required=True,
    type=click.Path(exists=True, dir_okay=False),
    help="Skills taxonomy in ESCO CSV format (e.g. ESCO skills_en.csv).",
)
@click.option(
    "--top",
    default=10,
    show_default=True,
    type=click.IntRange(1, 1000),
    help="How many skills to return per sentence.",
)
@click.option(
    "--no-curated",
    is_flag=True,
    help="Rank with BM25 and label phrases only, without the curated taxonomy's aliases.",
)
def rank_cmd(taxonomy_path: str, top: int, no_curated: bool) -> None:
    """Rank the taxonomy's skills for each sentence read from stdin.

    Reads {"id", "text"} lines; writes {"id", "skills": [{"label", "uri", "score"}, ...]},
    best first. Used to measure skill linking against published benchmarks.
    """
    ranker = _ranker(Path(taxonomy_path), not no_curated)
    for _, obj, err in _jsonl(sys.stdin):
        if obj is None or not isinstance(obj.get("text"), str):
            _emit(
                {
                    "id": obj.get("id") if obj else None,
                    "error": err if obj is None else "no text",
                    "skills": [],
                }
            )
            continue
        ranked = ranker.rank(normalise_sentence(obj["text"]), top)
        _emit(
            {
                "id": obj.get("id"),
                "skills": [{"label": r.label, "uri": r.uri, "score": r.score} for r in ranked],
            }
        )


def _ranker(csv_path: Path, curated: bool) -> Ranker:
    """The index pre-built by `import-esco` when it was made from this CSV, else a fresh one."""
    ranker, why = load_ranker(csv_path, data_dir(), curated)
    if ranker is not None:
        return ranker
    click.echo(f"rank: building the index from {csv_path} (a few seconds): {why}", err=True)
    try:
        rows = list(read_csv(csv_path))
    except EscoFormatError as exc:
        raise click.ClickException(str(exc)) from exc
    links = esco_links(load_taxonomy(), ((r[0], r[1], r[2]) for r in rows))[0]
    return Ranker(rows, load_taxonomy().relinked(links) if curated else None)


@click.group("taxonomy")
def taxonomy_group() -> None:
    """Inspect the skill taxonomy and import ESCO into it."""


@taxonomy_group.command("import-esco")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
def import_esco_cmd(path: str) -> None:
    """Import the official ESCO skills CSV into $PLANNER_DATA_DIR (default ./var).

    Imported concepts become linkable by the extractor, and goals carry their ESCO URI.
    """
    target = data_dir()
    try:
        count = import_csv(Path(path), target)
    except EscoFormatError as exc:
        raise click.ClickException(str(exc)) from exc
    tx = default_taxonomy()
    linked = sum(1 for e in tx if e.source == "curated" and e.esco_uri)
    click.echo(
        f"imported {count} ESCO concepts into {linked_path(target).parent}; "
        f"{linked} curated skills now carry an ESCO URI"
    )


@taxonomy_group.command("show")
@click.argument("name")
def show_cmd(name: str) -> None:
    """Show one skill (by id, label or alias) with its links, as JSON."""
    tx = default_taxonomy()
    entry = tx.lookup(name)
    if entry is None:
        raise click.ClickException(f"no skill called {name!r}")
    click.echo(
        json.dumps(
            {
                "skill_id": entry.skill_id,
                "label": entry.label,
                "kind": entry.kind.value,
                "aliases": [a.lstrip("!") for a in entry.aliases],
                "issuer": entry.issuer,
                "broader": list(entry.broader),
                "narrower": list(tx.narrower(entry.skill_id)),
                "related": list(entry.related),
                "prerequisites": list(tx.prerequisites(entry.skill_id, transitive=True)),
                "esco_uri": entry.esco_uri,
                "domain": entry.domain,
            },
            indent=2,
        )
    )


@taxonomy_group.command("stats")
def stats_cmd() -> None:
    """Count entries by kind and domain, and report broken links."""
    tx = default_taxonomy()
    kinds = Counter(e.kind.value for e in tx if e.source == "curated")
    domains = Counter(e.domain for e in tx)
    click.echo(
        json.dumps(
            {
                "entries": len(tx),
                "by_kind": dict(kinds),
                "by_domain": dict(domains),
                "dangling_links": len(tx.dangling_links()),
                "alias_conflicts": len(tx.conflicts),
            },
            indent=2,
        )
    )


COMMANDS = [skills_group, taxonomy_group]
