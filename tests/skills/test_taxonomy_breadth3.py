"""The tenth session's taxonomy widening (planner/skills/data/taxonomy/breadth3_*.txt): the named
certifications, licences, regulations, systems and procedures a panel or a posting names become
goals; a certification with grades under it is still one thing to hold; the forms taken out
after the merge (a post's initials, a request for a gap check, a place) name nothing."""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.taxonomy import Taxonomy


def ids(text: str, tx: Taxonomy, **kw: str) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx, **kw).goals}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You do not hold the ICCM Certificate in Cemetery Management, which the role needs.",
         "iccm-certificate-in-cemetery-management"),
        ("We needed working knowledge of the Explosives Regulations 2014, which you lacked.",
         "explosives-regulations-2014"),
        ("You had not used Teamworks AMS or Smartabase.", "athlete-management-systems"),
        ("You have not done vibration analysis on rotating plant.", "vibration-analysis"),
    ],
)
def test_a_named_requirement_is_a_goal(tx: Taxonomy, text: str, expected: str) -> None:
    assert expected in ids(text, tx)


def test_a_certification_with_grades_under_it_named_in_passing_is_a_goal(tx: Taxonomy) -> None:
    assert len(tx.narrower("cscs-card")) >= 3  # the colour cards: it is an umbrella
    text = ("Thanks for coming in. The site manager felt your setting out was not accurate. "
            "They also asked about your CSCS card.")
    assert "cscs-card" in ids(text, tx)


def test_a_graded_card_on_the_resume_meets_the_card_the_job_asks_for(tx: Taxonomy) -> None:
    job = "Groundworker\nRequirements:\n- CSCS card\n- Experience of kerb laying\n"
    resume = "Labourer, Smith Civils, 2021-2025. Holder of a CSCS Green card."
    found = ids("Applied for the groundworker job.", tx, job_description=job, resume=resume)
    assert "cscs-card" not in found


@pytest.mark.parametrize(
    "text",
    [
        # each in a gap sentence, so the form would be a goal if it were still an alias
        "You lacked experience as an AGM, and your rota planning was thin.",
        "Gap check please: here is the job advert and my CV.",
        "You had never worked at a parcel hub and your forklift answers were weak.",
        "You had not worked in Texas and your answers on fault finding lacked detail.",
    ],
)
def test_forms_taken_out_after_the_merge_name_nothing(tx: Taxonomy, text: str) -> None:
    found = ids(text, tx)
    assert not found & {"annual-general-meetings", "gap-scanning", "parcel-sortation",
                        "vehicle-diagnostic-scan-tools"}
