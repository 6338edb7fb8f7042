"""ESCO skills CSV: reading the official file and the imported index under the data dir."""

from __future__ import annotations

import csv
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

from planner.skills.taxonomy import EscoRow

INDEX_VERSION = 1
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
    return data_dir / "esco" / "skills.json"


def import_csv(csv_path: Path, data_dir: Path) -> int:
    """Read the ESCO CSV and write the index the extractor loads; return the concept count."""
    rows = list(read_csv(csv_path))
    if not rows:
        raise EscoFormatError(f"{csv_path}: no concepts found")
    target = index_path(data_dir)
    target.parent.mkdir(parents=True, exist_ok=True)
    payload = {"version": INDEX_VERSION, "source": str(csv_path), "concepts": rows}
    fd, tmp = tempfile.mkstemp(dir=target.parent, suffix=".tmp")
    with os.fdopen(fd, "w", encoding="utf-8") as fh:
        json.dump(payload, fh, ensure_ascii=False, separators=(",", ":"))
    os.replace(tmp, target)  # readers never see a half-written index
    return len(rows)


def load_index(path: Path) -> list[EscoRow]:
    """Concepts of an index written by :func:`import_csv`."""
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("version") != INDEX_VERSION:
        raise EscoFormatError(f"{path}: unknown ESCO index version; re-run the import")
    return [
        (str(u), str(lab), tuple(alts), str(t), str(r), str(d))
        for u, lab, alts, t, r, d in data["concepts"]
    ]
