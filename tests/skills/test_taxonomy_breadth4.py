"""The eleventh session's widening (planner/skills/data/taxonomy/breadth4_*.txt): the practical
techniques, routine checks and machine operations a trade test, trial shift or technical
interview probes become goals, and other names people use reach the entries that existed. With
it, a one-word plural form no longer names its skill in the singular ("vital", "letting",
"container"), and a broad area needs five narrower entries, not three, to count as an umbrella."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planner.skills.taxonomy import Taxonomy

Ids = Callable[[str], set[str]]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("In the practical you did not check the partogram before escalating.", "partogram"),
        ("Your knife work was slow and the brunoise was uneven.", "classic-knife-cuts"),
        ("You had never used a megger and could not explain the insulation test.",
         "electrical-test-instruments"),
        ("On the trial shift you were not confident with systemctl or journalctl.",
         "systemd-service-management"),
    ],
)  # fmt: skip
def test_a_technique_a_practical_test_probes_is_a_goal(
    goal_ids: Ids, text: str, expected: str
) -> None:
    assert expected in goal_ids(text)


@pytest.mark.parametrize(
    "text",
    [
        "It is vital that you can work weekends, and you lacked budget management experience.",
        "You let the caller talk too long, letting the call drift, and your budget management "
        "was weak.",
        "Your answer on the shipping container inspection was weak, as was your budget "
        "management.",
        "We need someone who can tell which channel drives the sale; your budget management "
        "was weak.",
    ],
)
def test_a_one_word_plural_form_does_not_name_its_skill_in_the_singular(
    goal_ids: Ids, text: str
) -> None:
    found = goal_ids(text)
    assert "budget-management" in found
    assert not found & {"vital-signs-monitoring", "estate-agency", "containerization", "sales"}


def test_a_singular_that_names_the_skill_is_an_alias_of_its_own(goal_ids: Ids) -> None:
    assert "product-roadmapping" in goal_ids("Your answers about the product roadmap were thin.")


def test_a_skill_with_a_few_narrower_entries_named_in_passing_is_still_a_goal(
    tx: Taxonomy, goal_ids: Ids
) -> None:
    assert 3 <= len(tx.narrower("rest-apis")) < 5
    text = (
        "Short version of the debrief: strong on frontend, weaker on the backend side. "
        "Specifically Node.js and designing REST APIs."
    )
    assert "rest-apis" in goal_ids(text)


def test_no_form_names_two_entries_and_no_link_dangles(tx: Taxonomy) -> None:
    assert tx.conflicts == []
    assert tx.dangling_links() == []
    assert sum(1 for e in tx if e.domain.startswith("breadth4_")) > 1500


@pytest.mark.parametrize(
    ("form", "narrower", "broader"),
    [
        ("drug calculations", "pharmaceutical-calculations", "pharmacology"),
        ("vine pruning", "vine-pruning-methods", "viticulture"),
        ("skin fades", "fade-techniques", "barbering"),
        ("kiln firing", "kiln-packing-and-firing", "pottery-and-ceramics"),
    ],
)
def test_a_new_narrower_entry_has_the_name_its_broader_one_held(
    tx: Taxonomy, form: str, narrower: str, broader: str
) -> None:
    entry = tx.lookup(form)
    assert entry is not None and entry.skill_id == narrower
    assert broader in tx.ancestors(narrower)
