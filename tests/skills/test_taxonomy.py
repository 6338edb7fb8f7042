from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from planner.skills.model import GoalKind
from planner.skills.paraphrase import (
    ParaphraseError,
    find_paraphrases,
    parse_paraphrases,
    shipped_paraphrases,
    trigger_of,
)
from planner.skills.taxonomy import Entry, Taxonomy, TaxonomyError, parse_lines, surface_forms
from planner.skills.tokens import slugify

CATALOG = Path(__file__).resolve().parents[2] / "plugins" / "catalog" / "planner_catalog" / "data"


def test_shipped_taxonomy_is_large_and_covers_every_kind(tx: Taxonomy) -> None:
    assert len(tx) >= 1500
    kinds = {e.kind for e in tx}
    assert kinds == set(GoalKind)


def test_links_point_at_entries_and_no_alias_names_two_skills(tx: Taxonomy) -> None:
    assert tx.dangling_links() == []
    assert tx.conflicts == []


def test_ids_are_ascii_slugs(tx: Taxonomy) -> None:
    bad = [e.skill_id for e in tx if not re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", e.skill_id)]
    assert bad == []


def test_certifications_name_their_issuer(tx: Taxonomy) -> None:
    missing = [e.skill_id for e in tx if e.kind is GoalKind.CERTIFICATION and not e.issuer]
    assert missing == []
    assert tx["pmp"].issuer == "Project Management Institute"


@pytest.mark.parametrize(
    ("name", "skill_id"),
    [
        ("k8s", "kubernetes"),
        ("Amazon Web Services", "aws"),
        ("PMP", "pmp"),
        ("C++", "c-plus-plus"),
        ("C#", "c-sharp"),
        ("Golang", "go"),
        ("stakeholder management", "stakeholder-management"),
        ("Résumé writing", "resume-writing"),
        ("interview prep", "interview-preparation"),
    ],
)
def test_lookup_by_alias_label_or_id(tx: Taxonomy, name: str, skill_id: str) -> None:
    entry = tx.lookup(name)
    assert entry is not None and entry.skill_id == skill_id


def test_short_and_ambiguous_forms_are_case_sensitive(tx: Taxonomy) -> None:
    forms = dict(surface_forms(tx["go"]))
    assert forms["Go"] is True
    assert ("go",) not in tx.ci_index
    assert tx.ci_index.get(("react",)) is None  # the verb
    assert tx.cs_index[("React",)] == "react"


def test_prerequisites_come_deepest_first(tx: Taxonomy) -> None:
    order = tx.prerequisites("kubernetes", transitive=True)
    assert order.index("linux") < order.index("docker")
    assert "kubernetes" not in order


def test_broader_and_narrower_are_inverse(tx: Taxonomy) -> None:
    assert "kubernetes" in tx.narrower(tx.broader("kubernetes")[0])
    assert "cloud-computing" in tx.ancestors("aws")


def test_slugify_spells_out_symbols() -> None:
    assert slugify("C++") == "c-plus-plus"
    assert slugify("CompTIA Security+") == "comptia-security-plus"
    assert slugify("A/B testing") == "a-b-testing"
    assert slugify("Weights & Biases") == "weights-and-biases"


def test_parser_reads_defaults_attributes_and_bang_aliases() -> None:
    lines = [
        "[kind=tool broader=x]",
        "Widget | !Wid, widgets | pre=a,b issuer=Some_Body",
        "X area | | kind=technical broader=",
    ]
    widget, area = parse_lines(lines, "t")
    assert widget.skill_id == "widget" and widget.kind is GoalKind.TOOL
    assert widget.broader == ("x",) and widget.prerequisites == ("a", "b")
    assert widget.issuer == "Some Body"
    assert ("Wid", True) in set(surface_forms(widget))
    assert area.kind is GoalKind.TECHNICAL and area.broader == ()


def test_parser_rejects_malformed_lines_and_duplicate_ids() -> None:
    with pytest.raises(TaxonomyError, match="t:1"):
        list(parse_lines(["Thing | a | nonsense"], "t"))
    e = Entry("dup", "Dup", GoalKind.TOOL)
    with pytest.raises(TaxonomyError, match="duplicate"):
        Taxonomy([e, e])


@pytest.mark.skipif(not CATALOG.is_dir(), reason="catalog plugin data not present")
def test_every_catalog_skill_id_is_in_the_taxonomy(tx: Taxonomy) -> None:
    used: set[str] = set()
    for path in CATALOG.glob("*.json"):
        for resource in json.loads(path.read_text(encoding="utf-8")):
            used.update(resource.get("skills", []))
    assert sorted(used - {e.skill_id for e in tx}) == []


def test_every_paraphrase_names_an_entry_and_has_a_trigger(tx: Taxonomy) -> None:
    lexicon = shipped_paraphrases()
    assert len(lexicon) > 80
    assert all(p.skill_id in tx for p in lexicon)
    assert sum(not p.triggers for p in lexicon) <= 2  # those run on every text


def test_paraphrase_triggers_are_literals_every_match_contains() -> None:
    assert trigger_of(r"push(?:ed|es)? back on (?:the )?price") == ("back on",)
    assert trigger_of(r"(?:price|pricing) (?:cut|drop)s?") == ("price", "pricing")
    assert trigger_of(r"a(?:b|c)") == ()
    (p,) = parse_paraphrases(["objection-handling | ! push(?:ed)? back on (?:the )?price"])
    assert p.states_gap and p.pattern.search("they pushed back on the price")
    hits = find_paraphrases("They pushed back on the price twice.", lexicon=[p])
    assert [(h.skill_id, h.states_gap) for h in hits] == [("objection-handling", True)]


def test_paraphrase_parser_rejects_bad_lines() -> None:
    for bad in ["no bar here", "id | a|b", "id | (unclosed"]:
        with pytest.raises(ParaphraseError):
            list(parse_paraphrases([bad]))
