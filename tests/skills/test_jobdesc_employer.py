"""A posting's title block and the employer describing itself ask nothing (ninth session): the
terms line under the title ("Full-time, 36-40 hrs/week | $17-$20/hr") and a company named by its
suffix as the subject of a sentence ("Acme Plumbing & Heating Ltd is a family firm")."""

from __future__ import annotations

import pytest

from planner.skills.jobdesc import requirements
from planner.skills.taxonomy import Taxonomy


def _asked(jd: str, tx: Taxonomy) -> dict[str, bool]:
    return {r.skill_id: r.must_have for r in requirements(jd, tx)}


@pytest.mark.parametrize(
    "terms",
    [
        "Full-time, 36–40 hrs/week | $17–$20/hr",
        "£43,500 + shift allowance (4-on-4-off continental shifts) + overtime | Permanent",
        "Part-time, 24 hours per week, fixed-term for twelve months",
    ],
)
def test_the_employer_named_above_the_terms_line_is_the_title_block(
    tx: Taxonomy, terms: str
) -> None:
    jd = (
        "Chiropractic Assistant\nBarton Creek Chiropractic & Wellness — Austin, TX\n"
        f"{terms}\n\nRequirements\n- Experience with Microsoft Excel\n"
    )
    assert _asked(jd, tx) == {"microsoft-excel": True}


@pytest.mark.parametrize(
    "blurb",
    [
        "Acme Plumbing & Heating Ltd is a family firm serving Bristol since 1982.",
        "Riverside Physiotherapy Clinic has three sites across Leeds.",
        "Hallam Bookkeeping Services provides payroll and VAT returns to 300 local businesses.",
        # thirteenth session: a name, then what kind of organisation it is
        "Ledgerwise is a 12-person practice that handles payroll and VAT returns for local "
        "charities.",
    ],
)
def test_a_company_describing_itself_asks_nothing(tx: Taxonomy, blurb: str) -> None:
    jd = f"Office Administrator\n\n{blurb}\n\nYou will need:\n- Sage 50\n"
    assert _asked(jd, tx) == {"sage-accounting": True}


def test_a_skill_that_is_the_subject_of_an_ask_is_still_asked(tx: Taxonomy) -> None:
    jd = "Analyst\n\nRequirements\n- SQL is essential for this role\n- Tableau is a plus\n"
    assert _asked(jd, tx) == {"sql": True, "tableau": False}


def test_the_title_in_looking_for_a_title_is_not_an_ask(tx: Taxonomy) -> None:
    jd = (
        "Chiropractic Assistant\n\nWe're looking for a friendly chiropractic assistant who "
        "enjoys meeting people.\n\nRequirements\n- Experience with Microsoft Excel\n"
    )
    assert _asked(jd, tx) == {"microsoft-excel": True}
    jd = "Administrator\n\nWe're looking for someone with chiropractic experience.\n"
    assert "chiropractic" in _asked(jd, tx)


def test_a_commitment_the_job_asks_for_is_an_attitude_not_a_skill(tx: Taxonomy) -> None:
    jd = (
        "Teaching Assistant\n\nRequirements\n- Commitment to safeguarding children\n"
        "- Experience of phonics teaching\n- Committed to evidence-based practice\n"
    )
    assert _asked(jd, tx) == {"phonics-teaching": True}
