"""Job description + resume pairs: what counts as a requirement and what meets one."""

from __future__ import annotations

from planner.skills import extract
from planner.skills.jobdesc import requirements, shown_skills
from planner.skills.taxonomy import Taxonomy


def _asked(jd: str, tx: Taxonomy) -> dict[str, bool]:
    """Requirement id -> must-have."""
    return {r.skill_id: r.must_have for r in requirements(jd, tx)}


def _goals(jd: str, resume: str, tx: Taxonomy) -> dict[str, bool]:
    """Goal id -> must-have, for a one-line note plus the pair."""
    res = extract("Here is the job and my CV.", jd, resume, taxonomy=tx)
    return {g.skill_id: g.must_have for g in res.goals}


def test_duty_sections_are_not_requirements(tx: Taxonomy) -> None:
    jd = (
        "About the role\nYou will run our Kubernetes platform and lead incident reviews.\n\n"
        "Key responsibilities\n- Maintain Terraform modules\n- Build Grafana dashboards\n\n"
        "What you'll do\n- Write Ansible playbooks\n\n"
        "Requirements\n- Experience with Docker\n"
    )
    assert _asked(jd, tx) == {"docker": True}


def test_you_will_lines_are_duties_but_you_will_have_is_a_requirement(tx: Taxonomy) -> None:
    jd = (
        "Requirements\n"
        "Reporting to the CFO, you will own the Anaplan model.\n"
        "You will have strong SQL skills.\n"
    )
    assert _asked(jd, tx) == {"sql": True}


def test_title_and_employer_lines_are_not_requirements(tx: Taxonomy) -> None:
    jd = "Account Executive\nTallyfy Cloud\n\nRequirements\n- Salesforce experience\n"
    assert _asked(jd, tx) == {"salesforce": True}


def test_about_you_is_a_requirements_section_and_about_the_company_is_skipped(
    tx: Taxonomy,
) -> None:
    jd = (
        "About Kestrel\nWe protect customers with Splunk and CrowdStrike.\n\n"
        "About you\n- Experience with Microsoft Excel\n"
    )
    assert _asked(jd, tx) == {"microsoft-excel": True}


def test_advantage_heading_marks_nice_to_have(tx: Taxonomy) -> None:
    jd = "Essential\n- Experience with Tableau\n\nIt would be an advantage to have\n- dbt\n"
    assert _asked(jd, tx) == {"tableau": True, "dbt": False}


def test_a_short_line_naming_a_skill_is_not_a_bare_heading(tx: Taxonomy) -> None:
    jd = "Requirements\nHands-on experience with Docker\nNice to have\n- Helm\n"
    assert _asked(jd, tx) == {"docker": True, "helm": False}


def test_the_employers_own_stack_is_not_asked_for(tx: Taxonomy) -> None:
    jd = "Requirements\n- Solid SQL skills (we use PostgreSQL)\n"
    assert _asked(jd, tx) == {"sql": True}


def test_examples_of_a_category_are_met_by_a_comparable_tool(tx: Taxonomy) -> None:
    jd = "Requirements\n- Experience with a BI tool such as Tableau or Power BI\n"
    assert _goals(jd, "Built Looker dashboards for the sales team.", tx) == {}


def test_unmet_examples_become_the_goals_not_their_category(tx: Taxonomy) -> None:
    jd = "Requirements\n- Experience with a BI tool such as Tableau or Power BI\n"
    goals = _goals(jd, "Wrote weekly reports in Microsoft Word.", tx)
    assert goals == {"tableau": True, "power-bi": True}


def test_an_unknown_item_does_not_break_a_list_of_alternatives(tx: Taxonomy) -> None:
    jd = "Requirements\n- Experience with Anaplan, Adaptive or Pigment\n"
    (req,) = [r for r in requirements(jd, tx) if r.skill_id == "anaplan"]
    assert set(req.alternatives) == {"anaplan", "pigment-planning"}


def test_or_another_and_parenthesised_or_similar_accept_a_comparable_skill(
    tx: Taxonomy,
) -> None:
    jd = (
        "Requirements\n- Experience running services on AWS or another public cloud\n"
        "- Expert user of SolidWorks (or a similar 3D CAD package)\n"
    )
    resume = "Run services on Google Cloud. Design housings in Creo."
    assert _goals(jd, resume, tx) == {}


def test_a_tool_shows_what_it_is_built_on(tx: Taxonomy) -> None:
    assert "sql" in shown_skills("Built order services against MySQL.", tx)


def test_a_tool_coordinated_with_its_parent_tool_is_a_separate_ask(tx: Taxonomy) -> None:
    jd = "Requirements\n- Hands-on experience with Microsoft Sentinel and KQL\n"
    assert "microsoft-sentinel-kql" in _asked(jd, tx)


def test_a_concept_word_qualifying_the_next_skill_is_not_an_ask(tx: Taxonomy) -> None:
    jd = "Desirable\n- Experience with Workday or another cloud HRIS\n"
    assert "cloud-computing" not in _asked(jd, tx)
    resume = "Chartered MCIPD. Record cases and absence in our HR systems."
    assert _goals(jd, resume, tx) == {}
