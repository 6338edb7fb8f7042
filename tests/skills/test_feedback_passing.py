"""Wordy feedback (dev4): tools and skills named in passing are not goals.

Each test pins one rule: the interview's format ("a SQL exercise"), the employer's stack, praise
that reports what the candidate did, what the candidate already has, people and jobs named by
skill words, and discounts said after the gap.
"""

from __future__ import annotations

from planner.skills import extract
from planner.skills.cues import Cue, find_cues
from planner.skills.taxonomy import Taxonomy

GAP = "You could not explain A/B testing."  # gives the text a reason, so plain mentions count


def ids(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


def cues(text: str) -> list[tuple[Cue, str]]:
    return [(h.cue, text[h.start : h.end]) for h in find_cues(text, 0, len(text))]


# What the candidate already has


def test_expected_more_on_a_skill_is_a_gap_not_what_they_have(tx: Taxonomy) -> None:
    text = "The panel expected more on cash flow forecasting for the weekly reporting."
    assert "financial-forecasting" in ids(text, tx)
    assert "performance-marketing" not in ids(
        "We felt your experience is more in performance marketing, so we went elsewhere.", tx
    )


def test_only_looked_at_or_tuned_is_what_the_candidate_has(tx: Taxonomy) -> None:
    text = (
        f"{GAP} I only looked at Palo Alto rules, and I had mostly tuned existing Splunk searches."
    )
    assert ids(text, tx) == {"a-b-testing"}


def test_a_tool_used_mostly_is_what_the_candidate_has(tx: Taxonomy) -> None:
    assert "pandas" not in ids(f"{GAP} I have used pandas mostly.", tx)


# The interview's format


def test_a_skill_named_as_the_interview_format_is_no_goal(tx: Taxonomy) -> None:
    text = (
        f"{GAP} The format was a SQL exercise in the morning, a short case study on Excel and a "
        "panel. The troubleshooting exercise was a laptop that could not reach the file share."
    )
    assert ids(text, tx) == {"a-b-testing"}


def test_a_format_named_skill_framed_as_a_gap_is_a_goal(tx: Taxonomy) -> None:
    assert "sql" in ids("You struggled with the SQL exercise.", tx)
    assert "sql" in ids("In the SQL exercise you couldn't write a join.", tx)
    text = f"{GAP} You were personable, but the diary management exercise had double bookings."
    assert "calendar-management" in ids(text, tx)
    assert "legal-research" in ids("Your legal research exercise missed key case law.", tx)


def test_tests_without_a_determiner_are_the_work_not_the_format(tx: Taxonomy) -> None:
    text = "You didn't mention sample size. Most of this role is reading A/B tests for the squads."
    assert "a-b-testing" in ids(text, tx)
    assert "microsoft-excel" in ids(f"{GAP} Most of this role is building Excel tasks.", tx)


def test_an_in_tray_exercise_or_role_play_named_as_the_format_is_no_goal(tx: Taxonomy) -> None:
    text = (
        f"{GAP} You completed a requirements workshop role-play with a mock stakeholder. "
        "In the in-tray exercise you accepted liability without checking the dashcam evidence."
    )
    found = ids(text, tx)
    assert "role-play-exercises" not in found
    assert "assessment-centre-preparation" not in found
    assert "stakeholder-management" not in found


# Cue words used in another sense


def test_practice_as_a_place_and_work_on_as_a_noun_are_not_advice(tx: Taxonomy) -> None:
    assert cues("our Practice Manager met you at your last practice") == []
    assert cues("your work on the medicines management") == []
    assert cues("Practising with mock interviews") == [(Cue.GAP, "Practising")]


def test_without_being_prompted_is_no_gap() -> None:
    assert cues("you talked through it without being prompted") == []
    assert cues("you signed off without checking the labels")[0][0] is Cue.GAP


def test_a_requirements_workshop_is_a_meeting_not_a_requirement() -> None:
    assert cues("a requirements workshop role-play") == []


def test_fluent_said_of_the_candidate_is_praise(tx: Taxonomy) -> None:
    assert "solidworks" not in ids(f"{GAP} He is fluent in SolidWorks.", tx)
    text = "We need agents who are fluent in German, and your German is at an intermediate level."
    assert "german" in ids(text, tx)


def test_heavily_asks_only_when_the_role_leans_on_it() -> None:
    assert cues("the role is heavily focused on AWS")[0][0] is Cue.REQUIREMENT
    assert cues("the editor uses Chartbeat heavily") == []


def test_what_a_praise_verb_reports_is_praised(tx: Taxonomy) -> None:
    text = (
        f"{GAP} We also liked that you'd built the plan around our existing HubSpot and Canva "
        "set-up rather than new tooling. The director was pleased that he had SMSTS and used "
        "Procore daily."
    )
    assert ids(text, tx) == {"a-b-testing"}
    assert "sql" in ids("We would have liked that you had more SQL.", tx)


def test_a_fault_the_candidate_found_is_not_their_gap(tx: Taxonomy) -> None:
    text = f"The walk was a real strength: you spotted the gaps on the chiller at once. {GAP}"
    assert "chillers" not in ids(text, tx)
    assert cues("he found the VLAN mismatch and the missing trunk") == []


def test_most_of_the_role_is_a_requirement() -> None:
    assert cues("which is most of the job")[0][0] is Cue.REQUIREMENT


# People, jobs and the employer's business named by skill words


def test_skill_words_naming_a_person_or_a_job_are_no_goal(tx: Taxonomy) -> None:
    text = (
        "The explanation to the store operations lead was too technical, and the QA coach said "
        "you need to work on de-escalation. We would also expect a stronger grasp of "
        "safeguarding for a form tutor. The budget for the 800-delegate conference lacked VAT."
    )
    found = ids(text, tx)
    assert {"retail-operations", "quality-assurance", "pastoral-care", "delegation"}.isdisjoint(
        found
    )
    assert {"complaint-handling", "safeguarding"} <= found


def test_a_department_handed_work_or_a_device_is_no_goal(tx: Taxonomy) -> None:
    text = (
        "He lacked people management and said he leaves that to HR. You couldn't explain why "
        "the page was slow on low-end Android phones."
    )
    found = ids(text, tx)
    assert "human-resources" not in found
    assert "android-development" not in found


def test_the_employers_line_of_business_is_no_goal(tx: Taxonomy) -> None:
    text = "He could not explain compensation events, which matters for our public-sector work."
    assert "public-sector" not in ids(text, tx)


def test_a_category_after_or_any_other_is_the_named_example(tx: Taxonomy) -> None:
    text = "He has never written Terraform or any other infrastructure as code."
    assert ids(text, tx) == {"terraform"}


def test_a_skill_coordinated_with_a_role_names_the_role(tx: Taxonomy) -> None:
    text = "You couldn't explain the difference between a backend and a platform role."
    assert "backend-development" not in ids(text, tx)


def test_the_employers_stack_said_by_a_person_or_listed_is_no_goal(tx: Taxonomy) -> None:
    text = (
        f"{GAP} The digital editor uses Google Analytics and Chartbeat heavily, and they showed "
        "me their CMS (WordPress with some custom bits).\nTheir stack: Airflow, BigQuery, dbt."
    )
    assert ids(text, tx) == {"a-b-testing"}


# Discounts said after the gap


def test_a_discount_after_the_mention_takes_the_gap_back(tx: Taxonomy) -> None:
    text = "He lacked BGP. He hadn't used FortiGate but that was not a concern."
    assert ids(text, tx) == {"bgp"}
    text = "You lacked MLOps. They asked about Spark, but he said that was fine."
    assert ids(text, tx) == {"mlops"}
    text = "They'd want experience in a TMS - they use Descartes, but any TMS would do."
    assert "transportation-management-systems" in ids(text, tx)


# Senses and aliases


def test_short_forms_in_another_field_name_nothing(tx: Taxonomy) -> None:
    assert "amazon-ecs" not in ids(f"{GAP} He holds an ECS gold card for site work.", tx)
    resus = "You were unsure of the drug doses and had to be prompted on the algorithm."
    assert "algorithms" not in ids(resus, tx)
    build = "Programming was the other concern: he never updated a programme for the contractor."
    assert "programming" not in ids(build, tx)
    assert "general-ledger" not in ids("You didn't explain how the services write to a ledger.", tx)
    assert "general-ledger" in ids("You couldn't post journals to the ledger at month-end.", tx)


def test_vat_and_gmp_name_the_specific_entries(tx: Taxonomy) -> None:
    assert "indirect-tax" in ids("Where you fell short was VAT.", tx)
    assert "gmp-compliance" in ids("Your GMP experience was not strong enough.", tx)
    assert "tachograph-compliance" in ids("You didn't know how to make an entry on the tacho.", tx)
    assert "nursing-care-planning" in ids("You had limited experience writing care plans.", tx)


def test_the_workplace_the_application_was_for_is_not_a_gap(tx: Taxonomy) -> None:
    assert ids("Applied for the bookkeeper job at an accountancy practice.", tx) == set()
    assert ids(f"{GAP} It was the data analyst job at a fintech.", tx) == {"a-b-testing"}
    # the same skill framed as a gap elsewhere in the sentence still counts
    assert "kubernetes" in ids(
        "For the role at a Kubernetes consultancy they said my Kubernetes was weak.", tx)
