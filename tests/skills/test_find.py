"""Finding a skill from what a person types (planner/skills/find.py)."""

from __future__ import annotations

from planner.skills.find import MAX_QUERY, find_skill
from planner.skills.taxonomy import Taxonomy


def test_an_id_a_label_or_an_alias_finds_the_entry(tx: Taxonomy) -> None:
    for name, skill_id in (("k8s", "kubernetes"), ("Stakeholder Management",
                           "stakeholder-management"), ("section-42-enquiries",
                           "section-42-enquiries"), ("  rota   planning ", "staff-scheduling")):
        found = find_skill(name, tx)
        assert found.entry is not None and found.entry.skill_id == skill_id, name
        assert found.suggestions == ()


def test_other_words_get_the_closest_curated_entries(tx: Taxonomy) -> None:
    found = find_skill("handling difficult customers", tx)
    assert found.entry is None
    ids = [e.skill_id for e in found.suggestions]
    assert "complaint-handling" in ids and len(ids) <= 5
    assert all(e.source == "curated" for e in found.suggestions)


def test_nothing_typed_finds_nothing_and_long_input_is_cut(tx: Taxonomy) -> None:
    assert find_skill("   ", tx).entry is None and find_skill("", tx).suggestions == ()
    assert find_skill("k8s" + "\n" * 500, tx).entry is not None  # whitespace folds away
    near = find_skill("xyzzy kubernetes", tx)
    assert "kubernetes" in [e.skill_id for e in near.suggestions]
    # Only the first MAX_QUERY characters count: a word after them is not read.
    far = find_skill("x" * MAX_QUERY + " kubernetes", tx)
    assert "kubernetes" not in [e.skill_id for e in far.suggestions]
