from __future__ import annotations

from pathlib import Path

import pytest

from planner.skills import extract
from planner.skills.esco import EscoFormatError, import_csv, index_path, load_index, read_csv
from planner.skills.rank import Ranker, stem, terms
from planner.skills.taxonomy import default_taxonomy


def test_csv_rows_split_alt_labels_per_line(esco_csv: Path) -> None:
    rows = list(read_csv(esco_csv))
    assert len(rows) == 4
    uri, label, alts, kind, _, _ = rows[0]
    assert label == "Kubernetes" and alts == ("k8s", "container orchestration with Kubernetes")
    assert kind == "knowledge" and uri.endswith("/k8s")


def test_non_esco_csv_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "x.csv"
    bad.write_text("a,b\n1,2\n", encoding="utf-8")
    with pytest.raises(EscoFormatError, match="not an ESCO"):
        list(read_csv(bad))


def test_import_links_curated_goals_and_makes_concepts_linkable(
    esco_csv: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "var"  # the autouse fixture points PLANNER_DATA_DIR here
    assert import_csv(esco_csv, data_dir) == 4
    assert len(load_index(index_path(data_dir))) == 4
    tx = default_taxonomy()
    assert tx["kubernetes"].esco_uri == "http://data.europa.eu/esco/skill/k8s"
    assert tx["maintain-beehives"].source == "esco"
    res = extract("You lacked Kubernetes skills and we needed someone to look after beehives.")
    goals = {g.skill_id: g for g in res.goals}
    assert goals["kubernetes"].esco_uri.endswith("/k8s")  # type: ignore[union-attr]
    assert "maintain-beehives" in goals and goals["maintain-beehives"].confidence < 0.6


def test_without_an_import_the_shipped_taxonomy_is_used() -> None:
    tx = default_taxonomy()
    assert all(e.source == "curated" for e in tx)


def test_ranker_puts_the_named_skill_first(esco_csv: Path) -> None:
    ranker = Ranker(list(read_csv(esco_csv)))
    assert ranker.rank("Experience with k8s clusters in production", 2)[0].label == "Kubernetes"
    top = ranker.rank("You will manage stakeholder relationships across the business", 4)
    assert top[0].label == "manage relationships with stakeholders"
    assert ranker.rank("", 3) == []


def test_stemming_meets_word_forms() -> None:
    assert stem("managing") == stem("manage")
    assert terms("The systems") == terms("system")
