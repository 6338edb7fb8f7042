"""Job-description rules added for the dev_jd2 round: each fails without its rule."""

from __future__ import annotations

from planner.skills import extract
from planner.skills.jobdesc import requirements, shown_skills
from planner.skills.matcher import find_mentions
from planner.skills.taxonomy import Taxonomy


def _asked(jd: str, tx: Taxonomy) -> dict[str, bool]:
    return {r.skill_id: r.must_have for r in requirements(jd, tx)}


def _goals(jd: str, resume: str, tx: Taxonomy) -> dict[str, bool]:
    res = extract("Here is the job and my CV.", jd, resume, taxonomy=tx)
    return {g.skill_id: g.must_have for g in res.goals}


def test_ideally_makes_nice_only_what_follows_it(tx: Taxonomy) -> None:
    jd = "Requirements\n- Experience of payroll, ideally with Xero\n"
    assert _asked(jd, tx) == {"payroll": True, "xero": False}


def test_where_the_experience_was_gained_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Requirements\n- 3+ years' experience in a manufacturing finance environment\n"
        "- Experience of complaint handling in a contact centre\n"
    )
    assert _asked(jd, tx) == {"complaint-handling": True}


def test_you_will_in_a_subordinate_clause_is_not_a_duty_line(tx: Taxonomy) -> None:
    jd = "Requirements\n- A full driving licence, as you will travel between sites\n"
    assert _asked(jd, tx) == {"vehicle-driving": True}


def test_conditions_of_the_offer_are_not_asked(tx: Taxonomy) -> None:
    jd = "Requirements\n- SQL\n\nThe school is a great place. An enhanced DBS check is required.\n"
    assert _asked(jd, tx) == {"sql": True}


def test_title_block_over_two_lines_is_skipped(tx: Taxonomy) -> None:
    jd = (
        "Staff Nurse - Adult Critical Care Unit (Band 5)\n"
        "Riverside Teaching Hospitals NHS Trust\n\n"
        "Requirements\n- Tracheostomy care\n"
    )
    assert _asked(jd, tx) == {"tracheostomy-care": True}


def test_we_live_in_names_the_employer_stack(tx: Taxonomy) -> None:
    assert "salesforce" not in _asked(
        "Requirements\n- CRM discipline - we live in Salesforce\n", tx
    )


def test_a_list_ending_or_similar_is_one_ask(tx: Taxonomy) -> None:
    jd = "Requirements\n- Event-driven systems experience: Kafka, RabbitMQ or similar\n"
    assert _goals(jd, "Built consumers on RabbitMQ.", tx) == {}


def test_including_the_same_skill_is_not_an_example_list(tx: Taxonomy) -> None:
    jd = "Requirements\n- Strong SEO knowledge, including technical SEO\n"
    assert _goals(jd, "Ran Google Ads campaigns.", tx) == {"search-engine-optimization": True}


def test_a_colon_after_a_skill_lists_its_examples(tx: Taxonomy) -> None:
    jd = "Requirements\n- Knowledge of contact centre KPIs: AHT, CSAT, service level\n"
    assert _goals(jd, "Tracked AHT and NPS in a contact centre.", tx) == {}


def test_colon_after_a_heading_still_lists_asks(tx: Taxonomy) -> None:
    jd = "Requirements\n- Python\n\nNice to have: Canva, basic HTML\n"
    assert _goals(jd, "Python developer; designs in Canva.", tx) == {"html": False}


def test_practice_with_tools_asks_for_the_tools(tx: Taxonomy) -> None:
    assert _asked("Requirements\n- GitOps with Argo CD or Flux\n", tx) == {
        "argo-cd": True,
        "flux-cd": True,
    }


def test_an_aspiration_on_the_resume_does_not_show_the_skill(tx: Taxonomy) -> None:
    cv = "Adult nurse, ready to move into critical care.\nSigned off for cannulation."
    shown = shown_skills(cv, tx)
    assert "critical-care-nursing" not in shown and "cannulation" in shown


def test_slash_joined_tools_are_each_found(tx: Taxonomy) -> None:
    text = "Monitoring with Prometheus/Grafana"
    assert {m.skill_id for m in find_mentions(text, tx)} >= {"prometheus", "grafana"}
