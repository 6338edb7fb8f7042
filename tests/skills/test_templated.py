"""Form letters that give no reason yield no skill goals and the ask-for-feedback action;
letters shaped like them that do give a reason keep their goals.

The cases are written for these tests (not copied from the dev sets); each one failed before
the form-letter line classes, the reason test and the signature rule were added.
"""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.segment import is_form_letter, signature_start
from planner.skills.taxonomy import Taxonomy

FORM_LETTERS = {
    # the employer's future openings name its stack
    "future-roles": (
        "Hi Dana,\n\nThanks for applying to Vexel. We won't be moving forward with your "
        "application this time.\n\nWe'd encourage you to check back, as we plan to open more roles "
        "in data engineering, MLOps and analytics later this year.\n\nBest,\nVexel Recruiting"
    ),
    # the stage the candidate did not reach names a skill
    "stage-not-reached": (
        "Dear Ola,\n\nThank you for completing the numerical reasoning test. Having reviewed all "
        "results, we regret that you have not been selected to progress to the assessment "
        "centre.\n\nYours sincerely,\nGraduate Recruitment"
    ),
    # a signature whose title holds a skill word, after a closing line the mail rules miss
    "signature-title": (
        "Hi Jo,\n\nThanks for your application. We have now offered the job to another "
        "applicant.\n\nThanks again and all the best with the search.\n\nMel\n"
        "Practice Manager, Harbour Lane Chartered Accountants"
    ),
    # the company describing itself in the third person, with its tools
    "company-blurb": (
        "Dear Sam,\n\nThank you for your interest in Brightpath. We have decided to go with "
        "another candidate.\n\nBrightpath protects over 500 hospitals with its platform, and our "
        "security engineers work daily with Splunk and CrowdStrike.\n\nKind regards,\n"
        "Brightpath Careers"
    ),
    # the role's tools in a title line and in a parenthesis after the job title
    "role-title-lines": (
        "Application update\nEmbedded Software Engineer (C++, RTOS) - Cambridge\n\nThank you for "
        "your application. We have decided to proceed with other applicants for the Embedded "
        "Software Engineer (C++, RTOS) vacancy as we move forward.\n\nRecruitment Team"
    ),
}

NEAR_MISSES = {
    # the applicant pool sentence also says what the chosen candidates had
    "pool-with-comparison": (
        "Hi Dana,\n\nThank you for applying. We had an overwhelming number of applications and "
        "went with candidates with more hands-on Terraform experience.\n\nBest,\nVexel",
        {"terraform"},
    ),
    # "we can't give detailed feedback, but ..." then a reason
    "no-feedback-but": (
        "Dear Ola,\n\nDue to the high volume of applications we are unable to give detailed "
        "feedback, but the panel felt your Excel skills were below the level we need.\n\n"
        "Graduate Recruitment",
        {"microsoft-excel"},
    ),
    # the successful candidate compared with this one, in a strong-field sentence
    "successful-candidate-had": (
        "Dear Sam,\n\nWe received a strong field of applicants, and the successful candidate had "
        "more experience with Power BI.\n\nKind regards,\nBrightpath",
        {"power-bi"},
    ),
    # a reason, then an applicant tracking system's footer naming its product
    "reason-with-ats-footer": (
        "Dear Lee,\n\nThank you for applying for the Warehouse Team Leader role. We are unable to "
        "progress your application as you do not hold a counterbalance forklift licence, which "
        "the role requires.\n\nPlease do not reply to this email.\n\nNorthgate Logistics "
        "Resourcing\nPowered by Workday",
        {"forklift-certification"},
    ),
}


@pytest.mark.parametrize("text", FORM_LETTERS.values(), ids=FORM_LETTERS.keys())
def test_form_letter_yields_no_goal_and_asks_for_feedback(text: str, tx: Taxonomy) -> None:
    res = extract(text, taxonomy=tx)
    assert [g.skill_id for g in res.goals] == []
    assert res.templated
    assert [a.kind for a in res.actions] == ["request_feedback"]


@pytest.mark.parametrize(("text", "gold"), NEAR_MISSES.values(), ids=NEAR_MISSES.keys())
def test_form_letter_that_gives_a_reason_keeps_its_goals(
    text: str, gold: set[str], tx: Taxonomy
) -> None:
    res = extract(text, taxonomy=tx)
    assert {g.skill_id for g in res.goals} == gold
    assert not res.templated and res.actions == ()


@pytest.mark.parametrize(
    "line",
    [
        "We will not be taking your application further at this time.",
        "We'll keep your CV on file in case a suitable vacancy comes up.",
        "Join our talent community to hear about future cloud roles.",
        "Powered by Greenhouse",
        "Hola Carmen,",
        "Senior Data Engineer (Spark, Kafka) - London",
    ],
)
def test_form_letter_lines(line: str) -> None:
    assert is_form_letter(line)


@pytest.mark.parametrize(
    "line",
    [
        "We will not be taking your application further, as you have not used Kafka.",
        "We went with someone who had led a Salesforce migration.",
        "You were not successful in explaining SQL joins.",
        "We encourage you to get some hands-on Kubernetes experience and apply again.",
        "Missing: Kubernetes",
    ],
)
def test_lines_that_give_a_reason_are_not_form_letter(line: str) -> None:
    assert not is_form_letter(line)


def test_signature_needs_a_closing_line_before_it() -> None:
    signed = "We have filled the post.\nBest wishes,\nAnita\nPractice Manager, Ledger & Co"
    assert signed[signature_start(signed) :].startswith("Anita")
    notes = "You lacked SQL depth.\nKubernetes\nTerraform"
    assert signature_start(notes) == len(notes)
