"""The seventh session's taxonomy widening (planner/skills/data/taxonomy/breadth_*.txt): skills of
health and care, trades and engineering, business and law, and people-facing and creative work
become goals, and the aliases taken out for their everyday senses stay out."""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.taxonomy import Taxonomy


def ids(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "You had not yet managed syringe drivers for patients at the end of life.",
            {"syringe-driver-management"},
        ),
        (
            "Your answer on the Mental Health Act was thin, and you had not worked under "
            "Patient Group Directions.",
            {"mental-health-act", "patient-group-directions"},
        ),
        ("You had no experience of validating methods to ISO 15189.", {"iso-15189"}),
        (
            "You don't hold a coded welder ticket yet, and your asbestos awareness training "
            "has lapsed.",
            {"coded-welder-qualification", "asbestos-awareness"},
        ),
        (
            "Your answer on confined space entry was weak and you had not planned lifting "
            "operations under LOLER.",
            {"confined-space-working", "lifting-operations"},
        ),
        (
            "You weren't sure how IR35 status determinations work, and your aged debt analysis "
            "was limited.",
            {"off-payroll-working-rules", "aged-debt-analysis"},
        ),
        ("You had not drafted settlement agreements or handled COT3s.", {"settlement-agreements"}),
        ("Your suitability reports needed more work.", {"suitability-reports"}),
        (
            "Your answers on Ofsted deep dives were vague and you had not used retrieval practice.",
            {"ofsted-inspection-framework", "retrieval-practice"},
        ),
        (
            "Your sub-editing was slow and you had no NCTJ diploma.",
            {"sub-editing", "nctj-diploma-in-journalism"},
        ),
        (
            "You had not worked with a global distribution system like Amadeus.",
            {"global-distribution-systems"},
        ),
    ],
)
def test_skills_of_the_widened_occupations_are_goals(
    tx: Taxonomy, text: str, expected: set[str]
) -> None:
    assert expected <= ids(text, tx)


@pytest.mark.parametrize(
    "text",
    [
        "You lacked SQL. It is a large part of the patch.",  # not the Patchs consultation tool
        "You lacked SQL and you hadn't made the screens work with VoiceOver.",  # a screen reader
    ],
)
def test_everyday_senses_of_new_names_are_no_goal(tx: Taxonomy, text: str) -> None:
    assert ids(text, tx) == {"sql"}


def test_mmc_in_a_drawing_is_not_modern_methods_of_construction(tx: Taxonomy) -> None:
    text = "You lacked GD&T knowledge and didn't know what MMC meant on the drawing."
    assert "modular-construction" not in ids(text, tx)
