from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from planner.skills import extract
from planner.skills.esco import (
    CsvStamp,
    EscoFormatError,
    import_csv,
    index_path,
    linked_path,
    load_index,
    load_ranker,
    load_taxonomy_index,
    read_csv,
)
from planner.skills.rank import Ranker, stem, terms
from planner.skills.taxonomy import default_taxonomy, esco_links, load_taxonomy, with_esco_links


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


def test_prebuilt_index_equals_building_from_the_concepts(esco_csv: Path, tmp_path: Path) -> None:
    data_dir = tmp_path / "var"
    import_csv(esco_csv, data_dir)
    fast = load_taxonomy_index(linked_path(data_dir))
    rows = load_index(index_path(data_dir))
    slow = with_esco_links(load_taxonomy(), ((r[0], r[1], r[2]) for r in rows))
    assert list(fast) == list(slow)
    assert (fast.ci_index, fast.cs_index) == (slow.ci_index, slow.cs_index)
    assert fast.first_words() == slow.first_words()


def test_stale_prebuilt_index_falls_back_to_the_concepts(
    esco_csv: Path, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    data_dir = tmp_path / "var"
    import_csv(esco_csv, data_dir)
    path = linked_path(data_dir)
    data = json.loads(path.read_text(encoding="utf-8"))
    path.write_text(json.dumps({**data, "taxonomy": "built-for-other-data"}), encoding="utf-8")
    tx = default_taxonomy()
    assert tx["maintain-beehives"].source == "esco"
    assert tx["kubernetes"].esco_uri == "http://data.europa.eu/esco/skill/k8s"
    assert "Re-run `planner taxonomy import-esco`" in caplog.text


def test_prebuilt_ranker_matches_a_fresh_one_and_is_keyed_by_the_csv(
    esco_csv: Path, tmp_path: Path
) -> None:
    data_dir = tmp_path / "var"
    import_csv(esco_csv, data_dir)
    ranker, why = load_ranker(esco_csv, data_dir)
    assert ranker is not None and why == ""
    rows = list(read_csv(esco_csv))
    links = esco_links(load_taxonomy(), ((r[0], r[1], r[2]) for r in rows))[0]
    fresh = Ranker(rows, load_taxonomy().relinked(links))
    for text in ("Experience with k8s clusters", "manage stakeholder relationships", "JS"):
        assert ranker.rank(text, 4) == fresh.rank(text, 4)
    os.utime(esco_csv, ns=(1, 1))  # touched, same bytes: matched by hash
    assert load_ranker(esco_csv, data_dir)[0] is not None
    esco_csv.write_text(esco_csv.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    none, why = load_ranker(esco_csv, data_dir)
    assert none is None and "not the CSV imported" in why
    assert load_ranker(esco_csv, tmp_path / "empty")[1].startswith("no pre-built index")


def test_csv_stamp_matches_by_size_mtime_or_hash(esco_csv: Path) -> None:
    stamp = CsvStamp.of(esco_csv)
    assert stamp.matches(esco_csv)
    assert not CsvStamp(stamp.path, stamp.size, stamp.mtime_ns + 1, "0" * 64).matches(esco_csv)
