from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from planner.skills import extract
from planner.skills.taxonomy import Taxonomy, load_taxonomy


@pytest.fixture(autouse=True)
def _no_imported_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test sees an empty data dir, so an ESCO index on the machine cannot leak in."""
    monkeypatch.setenv("PLANNER_DATA_DIR", str(tmp_path / "var"))
    yield


@pytest.fixture(scope="session")
def tx() -> Taxonomy:
    return load_taxonomy()


_URI = "http://data.europa.eu/esco/skill"
_ROWS = [
    ("k8s", "knowledge", "cross-sector", "Kubernetes",
     "k8s\ncontainer orchestration with Kubernetes", "Open-source system for running containers."),
    ("js", "knowledge", "cross-sector", "JavaScript", "JS\nECMAScript",
     "The scripting language of the web."),
    ("stake", "skill/competence", "cross-sector", "manage relationships with stakeholders",
     "manage stakeholder relationships\nstakeholder relationship management",
     "Build and keep relationships with stakeholders."),
    ("bees", "skill/competence", "occupation-specific", "maintain beehives",
     "look after beehives\nbeehive upkeep", "Clean and repair hives for honey bees."),
]  # fmt: skip


def _esco_csv() -> str:
    """A small file in the official ESCO CSV layout (altLabels one per line, quoted)."""
    out = io.StringIO()
    w = csv.writer(out)
    w.writerow(["conceptType", "conceptUri", "skillType", "reuseLevel", "preferredLabel",
                "altLabels", "description"])  # fmt: skip
    for key, kind, reuse, label, alts, desc in _ROWS:
        w.writerow(["KnowledgeSkillCompetence", f"{_URI}/{key}", kind, reuse, label, alts, desc])
    return out.getvalue()


@pytest.fixture
def esco_csv(tmp_path: Path) -> Path:
    path = tmp_path / "skills_en.csv"
    path.write_text(_esco_csv(), encoding="utf-8")
    return path


@pytest.fixture(scope="session")
def goal_ids(tx: Taxonomy) -> Callable[[str], set[str]]:
    """The skill ids of the goals extracted from a feedback text."""

    def ids(text: str) -> set[str]:
        return {g.skill_id for g in extract(text, taxonomy=tx).goals}

    return ids
