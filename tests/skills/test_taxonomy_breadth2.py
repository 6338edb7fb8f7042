"""The ninth session's taxonomy widening (planner/skills/data/taxonomy/breadth2_*.txt): concrete
skills of trades, plant, farming, science, health, teaching, business, law, culture, services and
protective work become goals; role titles, employer names and the everyday senses taken out of
the new files stay no goal."""

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
            "You struggled with the sample size calculation and had not used a plate rolling "
            "machine.",
            {"sample-size-calculation", "plate-rolling"},
        ),
        (
            "You had never worked in a school business management role and did not know the "
            "Academy Trust Handbook.",
            {"school-business-management"},
        ),
        (
            "In the practical you did not demonstrate cattle handling in the crush, and you don't "
            "hold a firearms certificate.",
            {"cattle-handling", "firearms-certificate"},
        ),
        ("We were looking for someone with SIRE inspections experience, which you lacked.",
         {"vessel-vetting-inspections"}),
        ("We felt your answers on making beds and turndown service were thin.",
         {"hotel-room-attending"}),
        ("We run Rational combi ovens, which you'd not used.", {"combi-oven-cooking"}),
        ("Bereavement Services manages 22 cemeteries, and you had no experience of burial "
         "operations.", {"cemetery-operations"}),
    ],
)
def test_skills_of_the_second_widening_are_goals(
    tx: Taxonomy, text: str, expected: set[str]
) -> None:
    assert ids(text, tx) == expected


@pytest.mark.parametrize(
    "text",
    [
        # role titles: the new files keep no alias that names a person doing the job
        "Thank you for applying for the Clerk of Works post. Unfortunately we have decided not to "
        "progress your application.",
        "Unfortunately you were not successful for the Contact Lens Optician role at our store.",
        "We have decided not to offer you the personal stylist position.",
        "Unfortunately we are not progressing your application for the Millwright vacancy.",
        # a place and a department named in passing, not skills (aliases taken out)
        "The Medway Energy Recovery Facility runs around the clock; we have decided not to "
        "progress your application.",
        "Bereavement Services manages 22 cemeteries; unfortunately we will not be progressing.",
        # the employer's products, not the candidate's gap
        "Most of our work is making sash windows to order; we are not progressing your "
        "application.",
    ],
)
def test_role_titles_and_everyday_senses_are_no_goal(tx: Taxonomy, text: str) -> None:
    assert ids(text, tx) == set()


def test_the_new_entries_are_many_and_all_linked(tx: Taxonomy) -> None:
    new = [e for e in tx if e.domain.startswith("breadth2_")]
    assert len(new) > 1500
    known = {e.skill_id for e in tx}
    assert all(set(e.broader) | set(e.prerequisites) | set(e.related) <= known for e in new)
    assert all(e.issuer for e in new if e.kind.value == "certification")
