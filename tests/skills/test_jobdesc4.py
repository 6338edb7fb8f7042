"""Job description + resume rules of the dev_jd4 round: each fails without its rule."""

from __future__ import annotations

from planner.skills import extract
from planner.skills.jobdesc import requirements, shown_skills
from planner.skills.taxonomy import Taxonomy


def _asked(jd: str, tx: Taxonomy) -> dict[str, bool]:
    return {r.skill_id: r.must_have for r in requirements(jd, tx)}


def _goals(jd: str, resume: str, tx: Taxonomy) -> dict[str, bool]:
    res = extract("Here is the job and my CV.", jd, resume, taxonomy=tx)
    return {g.skill_id: g.must_have for g in res.goals}


# The employer describing itself in an opening paragraph, with no heading above it


def test_employer_blurb_without_heading_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Quantity Surveyor\nBrackley Construction Group\n\n"
        "Brackley is a regional contractor delivering education and healthcare schemes.\n"
        "Our data team supports trading, supply chain and marketing.\n\n"
        "Requirements\n- Working knowledge of JCT contracts\n"
    )
    asked = _asked(jd, tx)
    assert "construction-contracts" in asked
    assert not {"healthcare", "supply-chain-management", "marketing"} & set(asked)


def test_we_are_certified_is_not_asked(tx: Taxonomy) -> None:
    jd = "Machinist\nKestrel Engineering\n\nWe're AS9100 certified and growing fast.\n"
    assert "as9100" not in _asked(jd, tx)


def test_we_are_looking_for_still_asks(tx: Taxonomy) -> None:
    jd = "Bookkeeper\n\nWe're looking for a bookkeeper with Xero experience.\n"
    assert _asked(jd, tx).get("xero") is True


# Duty paragraphs under "The position" or stated as "the role involves"


def test_the_position_heading_opens_duties(tx: Taxonomy) -> None:
    jd = (
        "The position\nSetting and operating 5-axis CNC milling centres.\n\n"
        "Requirements\n- Use of micrometers\n"
    )
    assert "five-axis-machining" not in _asked(jd, tx)


def test_the_role_involves_is_a_duty_line(tx: Taxonomy) -> None:
    jd = "The role involves running payroll and pension auto-enrolment for clients.\n"
    assert _asked(jd, tx) == {}


# Person specifications: Essential / Desirable markers on each line


def test_desirable_heading_after_a_long_bullet_opens_nice_section(tx: Taxonomy) -> None:
    jd = (
        "Person specification\nEssential:\n- Sound knowledge of UK employment law\n"
        "- Experience of handling employee relations casework\n"
        "Desirable:\n- Experience with payroll\n"
    )
    asked = _asked(jd, tx)
    assert asked["employee-relations"] is True
    assert asked["payroll"] is False


def test_d_marker_makes_a_line_nice(tx: Taxonomy) -> None:
    jd = "What we need from you:\n- Medication administration (E)\n- Care Certificate (D)\n"
    asked = _asked(jd, tx)
    assert asked["medication-administration"] is True
    assert asked["care-certificate"] is False


def test_essential_desirable_column_header_is_not_a_nice_heading(tx: Taxonomy) -> None:
    jd = (
        "Criteria | Essential / Desirable\n18th Edition Wiring Regulations | E\n"
        "Fire alarm installation experience | D\n"
    )
    asked = _asked(jd, tx)
    assert asked["bs-7671"] is True
    assert asked["fire-alarm-systems"] is False


def test_trailing_ideal_makes_its_clause_nice(tx: Taxonomy) -> None:
    jd = "About you\n- Comfortable with front desk work; Opera PMS ideal\n"
    assert _asked(jd, tx)["opera-pms"] is False


# Resume evidence: plural and noun forms of a skill's name


def test_plural_form_shows_the_skill(tx: Taxonomy) -> None:
    assert "branding" in shown_skills("Designed brand identities for charities.\n", tx)
    assert "cnc-milling" in shown_skills("Set and run Haas VMCs on batch work.\n", tx)


def test_noun_of_ing_form_shows_the_skill(tx: Taxonomy) -> None:
    resume = "- Produced CVRs and cash flow forecasts for a school project\n"
    assert "financial-forecasting" in shown_skills(resume, tx)


def test_credentials_in_other_words(tx: Taxonomy) -> None:
    assert "food-handler-certificate" in shown_skills(
        "Certificates: Food Safety and Hygiene Level 2 (Highfield, 2022)\n", tx
    )
    assert "forklift-certification" in shown_skills(
        "- Certified powered industrial truck operator (sit-down and reach)\n", tx
    )
    assert "hr-information-systems" in shown_skills("Kept the iTrent system up to date.\n", tx)


# Degree subjects with "or a related subject"


def test_degree_subjects_with_related_subject_are_not_skill_asks(tx: Taxonomy) -> None:
    jd = "Requirements\n- A degree in geography, environmental science or a related subject\n"
    assert "environmental-science" not in _asked(jd, tx)
    kept = "Requirements\n- Environmental science fieldwork experience\n"
    assert "environmental-science" in _asked(kept, tx)


# Strength stated in the clause's own words


def test_each_clause_keeps_its_own_strength(tx: Taxonomy) -> None:
    asked = _asked("Requirements\n- Excel essential; Power BI desirable\n", tx)
    assert asked == {"microsoft-excel": True, "power-bi": False}


def test_asset_lovely_and_love_if_are_nice(tx: Taxonomy) -> None:
    assert _asked("Exposure to Python would be an asset.\n", tx) == {"python": False}
    assert _asked("Experience of Xero would be lovely.\n", tx) == {"xero": False}
    assert _asked("We'd love it if you have Figma experience.\n", tx) == {"figma": False}


def test_desirable_but_not_essential_heading_stays_nice(tx: Taxonomy) -> None:
    assert _asked("Desirable but not essential\n- Python\n", tx) == {"python": False}


def test_certification_or_equivalent_experience_is_nice(tx: Taxonomy) -> None:
    jd = "Qualifications\n- CIPD Level 5 or equivalent experience\n"
    assert _asked(jd, tx) == {"cipd-qualification": False}
    assert _asked("Qualifications\n- CIPD Level 5\n", tx) == {"cipd-qualification": True}


# Long-JD headings: US "Essential Functions" lists duties; client, team, hours and conditions


def test_essential_functions_and_summaries_open_duties(tx: Taxonomy) -> None:
    jd = (
        "Position Summary\nSupports supply chain and marketing teams with reporting.\n\n"
        "Essential Functions\n- Prepare Power BI dashboards for store managers\n\n"
        "Qualifications\n- Advanced Excel\n"
    )
    assert _asked(jd, tx) == {"microsoft-excel": True}


def test_client_team_and_conditions_sections_are_skipped(tx: Taxonomy) -> None:
    jd = (
        "Our client\nA hospice providing palliative care across Kent.\n\n"
        "Work environment\nWarehouse floor; forklift traffic.\n\n"
        "Requirements\n- Payroll experience\n"
    )
    assert _asked(jd, tx) == {"payroll": True}


# Resume evidence: a job title named after the skill


def test_job_title_shows_the_skill(tx: Taxonomy) -> None:
    shown = shown_skills("Phlebotomist, Quest Diagnostics (2019 - 2023)\n", tx)
    assert "phlebotomy" in shown
    assert "data-analysis" in shown_skills("Data Analyst, Tesco (2021 - present)\n", tx)
    resume = "Approved Electrician, Sparkline (2017 - present)\n"
    assert "electrical-work" in shown_skills(resume, tx)


def test_someone_elses_title_or_a_tool_name_is_no_title(tx: Taxonomy) -> None:
    assert "data-analysis" not in shown_skills("- Reported weekly to the Data Analyst\n", tx)
    assert "illustration" not in shown_skills("Tools: Adobe Illustrator, Figma\n", tx)


# More employer blurbs and duty statements in prose


def test_intro_phrase_and_company_subject_blurbs_are_not_asked(tx: Taxonomy) -> None:
    for blurb in (
        "With 40 homes, Acme is a leader in dementia care.",
        "The company is a market leader in SEO and PPC services.",
        "Join a friendly team supporting our dementia care homes.",
    ):
        jd = f"Payroll Officer\nAcme Care Group\n\n{blurb}\n\nRequirements\n- Payroll experience\n"
        assert _asked(jd, tx) == {"payroll": True}, blurb


def test_postholder_and_responsible_for_are_duties(tx: Taxonomy) -> None:
    for duty in (
        "The successful candidate will process payroll and pension auto-enrolment.",
        "You will be responsible for payroll and pension auto-enrolment.",
        "Responsible for processing payroll and pension auto-enrolment.",
    ):
        assert _asked(f"{duty}\n\nRequirements\n- Excel\n", tx) == {"microsoft-excel": True}, duty
    assert _asked("You will be confident using Excel.\n", tx) == {"microsoft-excel": True}


def test_licence_badge_tool_use_and_accounts_in_other_words(tx: Taxonomy) -> None:
    assert "security-industry-authority-licence" in shown_skills("SIA Door Supervisor badge\n", tx)
    assert "building-information-modeling" in shown_skills("- Modelled schools in Revit\n", tx)
    assert "financial-reporting" in shown_skills("- Prepared year-end accounts\n", tx)


def test_a_resume_written_in_english_shows_english(tx: Taxonomy) -> None:
    jd = "Requirements\n- Fluent English\n- Spanish\n"
    resume = (
        "Lead Associate, Atlas Logistics (2020 - present)\n- Lead 12 associates on the inbound dock"
        " and set targets for the team\n- Run cycle counts with the stock team and fix variances in"
        " the WMS\n- Trained new starters on RF scanners and on safe pallet handling\n"
    )
    assert _goals(jd, resume, tx) == {"spanish": True}


def test_bilingual_pair_asks_both_languages(tx: Taxonomy) -> None:
    asked = {r.skill_id: r.alternatives for r in requirements("- Bilingual English/Spanish\n", tx)}
    assert asked == {"english": (), "spanish": ()}


# Duty bullets stated as tasks, and more duty / profile headings


def test_task_bullets_before_any_requirement_heading_are_duties(tx: Taxonomy) -> None:
    jd = (
        "Finance Assistant\nAcme Ltd\n\n- Prepare VAT returns\n- Reconcile the payroll control"
        " accounts\n\nAbout you\n- Advanced Excel\n- Prepare VAT returns under MTD\n"
    )
    assert _asked(jd, tx) == {"microsoft-excel": True, "indirect-tax": True}


def test_your_new_role_is_a_duty_heading_and_profile_a_requirement_one(tx: Taxonomy) -> None:
    jd = "Your new role\n- Payroll for 200 staff\n\nProfile\n- Advanced Excel\n"
    assert _asked(jd, tx) == {"microsoft-excel": True}
