"""False positives found on dev feedback: each rule that stops a goal a coach would not write."""

from __future__ import annotations

from planner.skills import extract
from planner.skills.jobdesc import requirements, shown_skills
from planner.skills.matcher import find_mentions
from planner.skills.taxonomy import Taxonomy


def ids(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


def mentioned(text: str, tx: Taxonomy) -> set[str]:
    return {m.skill_id for m in find_mentions(text, tx)}


def test_safe_the_framework_needs_its_own_spelling(tx: Taxonomy) -> None:
    assert "safe" not in mentioned("We need someone who keeps the site safe.", tx)
    assert "safe" in mentioned("You had not worked in SAFe before.", tx)


def test_ics_words_are_not_plurals(tx: Taxonomy) -> None:
    assert "electrical-engineering" not in mentioned("an electronic care planning system", tx)
    assert "electrical-engineering" in mentioned("weak on electronics", tx)


def test_teams_the_tool_is_capitalised(tx: Taxonomy) -> None:
    text = "You had not supported customer IT teams over chat channels before."
    assert "microsoft-teams" not in ids(text, tx)


def test_distribution_and_outreach_take_their_sense_from_the_text(tx: Taxonomy) -> None:
    hotel = "Hotel role: you lacked knowledge of distribution channels and OTA bookings."
    assert "logistics" not in ids(hotel, tx)
    sales = "My written outreach sample was far too long for a cold email to prospects."
    assert "community-outreach" not in ids(sales, tx)
    council = "You had no experience of outreach with local community groups and residents."
    assert "community-outreach" in ids(council, tx)


def test_a_broad_area_after_in_is_where_the_skill_is_done(tx: Taxonomy) -> None:
    text = "You were unsure what a disclosure exercise involves in litigation."
    assert ids(text, tx) == {"e-discovery"}


def test_skill_words_before_a_people_noun_describe_people(tx: Taxonomy) -> None:
    text = "You couldn't show us a Boolean string for sourcing backend engineers on LinkedIn."
    assert "backend-development" not in ids(text, tx)
    assert "boolean-search" in ids(text, tx)


def test_a_practice_narrowed_by_in_is_the_named_skill(tx: Taxonomy) -> None:
    jd = "Requirements\n- Scripting in PowerShell or Python to automate investigations\n"
    assert "shell-scripting" not in {r.skill_id for r in requirements(jd, tx)}


def test_platforms_offered_as_a_choice_after_in_are_the_setting(tx: Taxonomy) -> None:
    jd = "Requirements\n- Experience in cloud security monitoring in AWS or Azure\n"
    assert {r.skill_id for r in requirements(jd, tx)} == {"cloud-security-monitoring"}


def test_scorecard_label_frames_a_gap_only_when_the_words_after_it_are_negative(
    tx: Taxonomy,
) -> None:
    text = (
        "SQL test: passed comfortably.\n"
        "Experimentation: no experience designing or reading A/B tests.\n"
    )
    assert ids(text, tx) == {"a-b-testing"}


def test_a_label_naming_an_interview_stage_is_not_a_soft_skill_goal(tx: Taxonomy) -> None:
    text = "Presentation: this is where it fell down.\nCommunication: weak, rambling answers.\n"
    found = ids(text, tx)
    assert "presentation-skills" not in found and "communication" in found


def test_going_through_figures_line_by_line_is_not_storytelling(tx: Taxonomy) -> None:
    text = "You went through the budget against actuals line by line without explaining why."
    assert "data-storytelling" not in ids(text, tx)
    text = "You read out every chart one after another and gave no recommendation."
    assert "data-storytelling" in ids(text, tx)


def test_a_focus_on_something_is_a_description_not_advice(tx: Taxonomy) -> None:
    text = "Strengths: warm, with a strong focus on candidate experience."
    assert "candidate-experience" not in ids(text, tx)


def test_record_keeping_on_a_nursing_scorecard_is_clinical_documentation(tx: Taxonomy) -> None:
    text = "Community Staff Nurse scorecard\nRecord keeping: 2/5. Patient notes lacked times.\n"
    assert "clinical-documentation" in ids(text, tx)


def test_new_aliases_and_links_show_on_a_resume(tx: Taxonomy) -> None:
    resume = (
        "- Competent in venepuncture\n- Analysed results with t-tests\n"
        "- Ran Facebook and Instagram ads\n- Managed Google Search, Shopping and PMax campaigns\n"
        "- Analyse PCAPs in Wireshark\n- Matching invoices to purchase orders\n"
        "- Tuned Splunk ES correlation searches\n- Built services against MySQL\n"
    )
    shown = shown_skills(resume, tx)
    assert {
        "phlebotomy",
        "hypothesis-testing",
        "paid-social-advertising",
        "google-ads",
        "network-traffic-analysis",
        "three-way-matching",
        "siem",
        "relational-databases",
    } <= shown


def test_brands_with_odd_capitals_match_only_as_written(tx: Taxonomy) -> None:
    text = "You had no idea how to start a hunt for a threat, and no ideas for a fix."
    assert "ideas-revenue-system" not in mentioned(text, tx)
    assert "ideas-revenue-system" in mentioned("We price rooms in IDeaS.", tx)
    assert "github" in mentioned("no experience with github", tx)  # camel case: any case


def test_a_tool_the_candidate_proposed_in_an_answer_is_not_the_gap(tx: Taxonomy) -> None:
    text = (
        "We need someone who can tell which channel actually drives the sale. You said you'd "
        "look at last-click in Google Analytics and weren't aware of the limits of that."
    )
    assert ids(text, tx) == {"marketing-analytics"}
