"""ESCO skills CSV: reading the official file and the imported index under the data dir."""

from __future__ import annotations

import csv
import hashlib
import json
import logging
import os
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from planner.skills.taxonomy import (
    Entry,
    EscoRow,
    Taxonomy,
    esco_entry,
    esco_links,
    load_taxonomy,
    shipped_fingerprint,
    with_esco_links,
)

if TYPE_CHECKING:
    from planner.skills.rank import Ranker

log = logging.getLogger(__name__)
INDEX_VERSION = 1  # the concepts file (skills.json); unchanged since the first import format
PREBUILT_VERSION = 1  # linked.json and rank.json: bump when tokenising or ranking changes
_REQUIRED = ("conceptUri", "preferredLabel")


class EscoFormatError(ValueError):
    """The file is not an ESCO skills CSV."""


def read_csv(path: Path) -> Iterator[EscoRow]:
    """Yield (uri, label, alt labels, skill type, reuse level, description) per concept.

    ``altLabels`` holds one label per line, as in the official download.
    """
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = [c for c in _REQUIRED if c not in (reader.fieldnames or ())]
        if missing:
            raise EscoFormatError(f"{path}: not an ESCO skills CSV (missing {', '.join(missing)})")
        for row in reader:
            label = (row.get("preferredLabel") or "").strip()
            uri = (row.get("conceptUri") or "").strip()
            if not label or not uri:
                continue
            alts = tuple(a.strip() for a in (row.get("altLabels") or "").splitlines() if a.strip())
            yield (
                uri,
                label,
                alts,
                (row.get("skillType") or "").strip(),
                (row.get("reuseLevel") or "").strip(),
                (row.get("description") or "").strip(),
            )


def index_path(data_dir: Path) -> Path:
    """The imported concepts (the CSV's rows as JSON)."""
    return data_dir / "esco" / "skills.json"


def linked_path(data_dir: Path) -> Path:
    """The pre-built taxonomy extension the extractor loads (see :func:`load_taxonomy_index`)."""
    return data_dir / "esco" / "linked.json"


def rank_path(data_dir: Path) -> Path:
    """The pre-built ranking index `planner skills rank` reuses for the same CSV."""
    return data_dir / "esco" / "rank.json"


@dataclass(frozen=True)
class CsvStamp:
    """What identifies a CSV file: size and mtime for a quick match, SHA-256 when they differ."""

    path: str
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, path: Path) -> CsvStamp:
        stat = path.stat()
        h = hashlib.sha256()
        with path.open("rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
        return cls(str(path.resolve()), stat.st_size, stat.st_mtime_ns, h.hexdigest())

    def matches(self, path: Path) -> bool:
        """Same file contents as ``path``; hashes only when size matches but mtime does not."""
        stat = path.stat()
        if stat.st_size != self.size:
            return False
        if stat.st_mtime_ns == self.mtime_ns:
            return True
        return CsvStamp.of(path).sha256 == self.sha256


def import_csv(csv_path: Path, data_dir: Path) -> int:
    """Read the ESCO CSV and write the indexes the extractor and ranker load; return the count.

    Three JSON files (no pickle: the data dir is user-writable): the concepts, the taxonomy
    extension with every surface form already tokenised, and the ranker's postings.
    """
    from planner.skills.rank import Ranker

    rows = list(read_csv(csv_path))
    if not rows:
        raise EscoFormatError(f"{csv_path}: no concepts found")
    stamp = asdict(CsvStamp.of(csv_path))
    _write(index_path(data_dir), {"version": INDEX_VERSION, "source": str(csv_path),
                                  "csv": stamp, "concepts": rows})  # fmt: skip
    base = load_taxonomy()
    uris, extra = esco_links(base, ((r[0], r[1], r[2]) for r in rows))
    linked = base.relinked(uris)
    head = {"version": PREBUILT_VERSION, "csv": stamp, "taxonomy": shipped_fingerprint()}
    _write(linked_path(data_dir), {**head, "links": uris, **_extension_json(linked, extra)})
    ranker = Ranker(rows, linked)
    _write(rank_path(data_dir), {**head, "links": uris, "ranker": ranker.to_json()})
    return len(rows)


def _write(target: Path, payload: dict[str, Any]) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, target)  # readers never see a half-written index


def _extension_json(linked: Taxonomy, extra: list[Entry]) -> dict[str, Any]:
    """The ESCO entries with the index keys and first-word lengths they add to ``linked``.

    Keys are one string (words joined by spaces, keys by newlines; tokens hold neither) beside
    the number of each key's entry, so loading is a few C-level passes: no tokenising and no
    per-key Python code.
    """
    full = Taxonomy([*linked, *extra], linked.ambiguities())
    number = {e.skill_id: n for n, e in enumerate(extra)}
    keys = [
        {"keys": "\n".join(map(" ".join, added)), "entry": [number[sid] for sid in added.values()]}
        for added in full.added_keys(linked)
    ]
    firsts = [
        {w: n for w, n in new.items() if old.get(w) != n}
        for new, old in zip(full.first_words(), linked.first_words(), strict=True)
    ]
    entries = [[e.skill_id, e.label, "\n".join(e.aliases), e.esco_uri] for e in extra]
    return {"entries": entries, "keys": keys, "first_words": firsts}


def load_index(path: Path) -> list[EscoRow]:
    """Concepts of an index written by :func:`import_csv`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
        raise EscoFormatError(f"{path}: unknown ESCO index version; re-run the import")
    return [
        (str(u), str(lab), tuple(alts), str(t), str(r), str(d))
        for u, lab, alts, t, r, d in data["concepts"]
    ]


def _read_prebuilt(path: Path) -> dict[str, Any] | None:
    """A pre-built index for this version of the code and the shipped taxonomy, else None."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    ok = (
        isinstance(data, dict)
        and data.get("version") == PREBUILT_VERSION
        and data.get("taxonomy") == shipped_fingerprint()
    )
    return data if ok else None


def load_taxonomy_index(path: Path) -> Taxonomy:
    """The shipped taxonomy extended with an imported ESCO index.

    ``path`` is the pre-built extension (fast) or, for an older import or a stale build, the
    concepts file, from which the links are rebuilt (several seconds; logged).
    """
    data = _read_prebuilt(path) if path.name == linked_path(Path()).name else None
    if data is None:
        concepts = path.with_name(index_path(Path()).name)
        log.warning(
            "ESCO index %s was built for another version; rebuilding in memory. "
            "Re-run `planner taxonomy import-esco` for a fast start.",
            path,
        )
        rows = load_index(concepts)
        return with_esco_links(load_taxonomy(), ((r[0], r[1], r[2]) for r in rows))
    base = load_taxonomy().relinked(data["links"])
    entries = [
        esco_entry(sid, label, tuple(alts.split("\n")) if alts else (), uri)
        for sid, label, alts, uri in data["entries"]
    ]
    ids = [e.skill_id for e in entries]
    ci, cs = (
        zip(
            map(tuple, map(str.split, k["keys"].split("\n") if k["keys"] else ())),
            map(ids.__getitem__, k["entry"]),
            strict=True,
        )
        for k in data["keys"]
    )
    return base.extended(entries, (ci, cs), (data["first_words"][0], data["first_words"][1]))


def load_ranker(csv_path: Path, data_dir: Path, curated: bool = True) -> tuple[Ranker | None, str]:
    """The pre-built ranker when ``csv_path`` is the imported CSV, else (None, why not)."""
    from planner.skills.rank import Ranker

    path = rank_path(data_dir)
    if not path.is_file():
        return None, f"no pre-built index in {path.parent} (run `planner taxonomy import-esco`)"
    data = _read_prebuilt(path)
    if data is None:
        return None, f"{path} was built by another version; re-run `planner taxonomy import-esco`"
    if not CsvStamp(**data["csv"]).matches(csv_path):
        return None, f"{csv_path} is not the CSV imported into {path.parent}"
    tx = load_taxonomy().relinked(data["links"]) if curated else None
    return Ranker.from_json(data["ranker"], tx), ""
