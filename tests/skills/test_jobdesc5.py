"""Job description + resume rules of the dev_jd5 round: each fails without its rule."""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.jobdesc import requirements, shown_skills
from planner.skills.taxonomy import Taxonomy


def _asked(jd: str, tx: Taxonomy) -> dict[str, bool]:
    return {r.skill_id: r.must_have for r in requirements(jd, tx)}


def _goals(jd: str, resume: str, tx: Taxonomy) -> dict[str, bool]:
    res = extract("Here is the job and my CV.", jd, resume, taxonomy=tx)
    return {g.skill_id: g.must_have for g in res.goals}


# How to apply: a recruiter's name and the agency's name are no asks


def test_apply_line_naming_the_agency_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Credit Controller - Derby\n\nRequirements\n- Sage 200\n\n"
        "Email your CV to Mark at Ridgeway Finance Recruitment for a confidential chat.\n"
        "Ridgeway Finance Recruitment is acting as an employment agency for this role.\n"
    )
    asked = _asked(jd, tx)
    assert "sage-200" in asked
    assert "recruiting" not in asked


def test_call_a_named_consultant_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Buyer\n\nKey requirements:\n- MRP experience\n\n"
        "Apply today or call Leanne at Crestline Supply Chain Recruitment on 0161 000 0000.\n"
    )
    asked = _asked(jd, tx)
    assert not {"recruiting", "supply-chain-management"} & set(asked)


# The selection framework's behaviours and competencies are not hard skills


def test_competencies_assessed_against_are_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Planning Officer\n\nPerson specification\nEssential:\n- Knowledge of planning law\n\n"
        "Candidates are assessed against the council's values: Managing Change, Leading People "
        "and Putting Residents First.\n"
    )
    assert "change-management" not in _asked(jd, tx)


def test_competency_framework_heading_opens_no_asks(tx: Taxonomy) -> None:
    jd = (
        "Housing Officer\n\nEssential criteria\n- Experience of rent arrears casework\n\n"
        "Our competency framework\n- Managing change\n- Working together\n"
    )
    assert "change-management" not in _asked(jd, tx)


# "Zendesk or a similar ticketing system": the named tool is the ask


def test_or_a_similar_category_asks_for_the_named_tool(tx: Taxonomy) -> None:
    jd = "Support Analyst\n\nRequirements\n- Experience with Zendesk or a similar helpdesk tool\n"
    reqs = {r.skill_id: r for r in requirements(jd, tx)}
    assert set(reqs) == {"zendesk"}
    assert "it-support" in reqs["zendesk"].alternatives
    goals = _goals(jd, "Receptionist, 2021 - now\n- Answered calls and greeted visitors\n", tx)
    assert "zendesk" in goals
    assert "it-support" not in goals


# The employer's team named with "their" / "its"


def test_their_team_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Office Coordinator\n\nOur client, a logistics firm in Hull, needs an organised "
        "coordinator to join their busy marketing team.\n\nRequirements\n- Xero\n"
    )
    asked = _asked(jd, tx)
    assert "xero" in asked
    assert "marketing" not in asked


# Conditions of the offer, however they are worded


def test_required_to_undertake_a_check_is_a_condition(tx: Taxonomy) -> None:
    jd = (
        "Teaching Assistant\n\nEssential\n- Makaton\n\n"
        "The successful candidate will be required to undertake an enhanced DBS check.\n"
    )
    asked = _asked(jd, tx)
    assert set(asked) == {"makaton"}


# School grades: the subjects are no skills to build


def test_gcse_grades_ask_for_no_subject_skills(tx: Taxonomy) -> None:
    jd = (
        "Receptionist\n\nEssential\n- Good literacy and numeracy (GCSE maths and English at "
        "grade C or above)\n- Microsoft Outlook\n"
    )
    asked = _asked(jd, tx)
    assert "microsoft-outlook" in asked
    assert not {"mathematics-teaching", "literacy-instruction", "english"} & set(asked)


# Degree subjects with alternatives say which degree will do


def test_degree_subjects_with_alternatives_are_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Laboratory Analyst\n\nRequirements\n"
        "- Degree or HNC in microbiology or a biological science\n"
        "- BSc in chemistry, biochemistry or equivalent\n"
        "- Experience with LIMS\n"
    )
    asked = _asked(jd, tx)
    assert "laboratory-information-management" in asked
    assert not {"microbiology", "life-sciences", "chemistry", "biochemistry"} & set(asked)


def test_degree_in_one_or_another_subject_is_not_asked(tx: Taxonomy) -> None:
    jd = "Junior Accountant\n\nRequirements\n- A degree in accounting or finance\n- Xero\n"
    asked = _asked(jd, tx)
    assert "xero" in asked
    assert not {"accounting", "finance-fundamentals"} & set(asked)


# Named standards are asks even where they say where the experience was gained


def test_standard_named_as_the_setting_is_asked(tx: Taxonomy) -> None:
    jd = "QC Analyst\n\nRequirements\n- 2+ years in a GMP quality control laboratory\n"
    asked = _asked(jd, tx)
    assert asked.get("gmp-compliance") is True


# A short posting's run-in title


def test_run_in_title_of_a_short_posting_is_not_asked(tx: Taxonomy) -> None:
    jd = "Payroll Administrator - Leeds. Sage Payroll essential. Immediate start.\n"
    asked = _asked(jd, tx)
    assert "sage-payroll" in asked
    assert "payroll" not in asked


# "a CRM system, ideally Salesforce": the preferred tool within the category


def test_preferred_tool_within_a_category_is_one_ask(tx: Taxonomy) -> None:
    jd = "Sales Administrator\n\nRequirements\n- Experience of a CRM system, ideally Salesforce\n"
    reqs = {r.skill_id: r for r in requirements(jd, tx)}
    assert set(reqs) == {"salesforce"}
    assert "crm-software" in reqs["salesforce"].alternatives
    shows_crm = "Sales Assistant, 2022 - now\n- Logged every enquiry in Zoho CRM\n"
    assert "salesforce" not in _goals(jd, shows_crm, tx)
    assert "salesforce" in _goals(jd, "Sales Assistant, 2022 - now\n- Took orders\n", tx)


def test_tool_preferred_after_the_category_is_one_ask(tx: Taxonomy) -> None:
    jd = "Sales Coordinator\n\nRequirements\n- Experience with a CRM system (HubSpot preferred)\n"
    reqs = {r.skill_id: r for r in requirements(jd, tx)}
    assert set(reqs) == {"hubspot"}


# Training the employer offers


def test_we_will_train_the_right_person_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Fundraising Assistant\n\nKnowledge of Gift Aid would be useful, but we will train the "
        "right person.\n"
    )
    assert "gift-aid" not in _asked(jd, tx)


# "Python scripting": the practice is done in the language named before it


def test_practice_after_a_named_language_asks_for_the_language(tx: Taxonomy) -> None:
    jd = "GIS Officer\n\nEssential\n- Python scripting for map automation\n"
    asked = _asked(jd, tx)
    assert "python" in asked
    assert "shell-scripting" not in asked


# Resume evidence in other words


def test_budget_held_shows_budget_management(tx: Taxonomy) -> None:
    assert "budget-management" in shown_skills("Held a £90k annual operating budget.", tx)
    assert "budget-management" not in shown_skills("Delivered the refit on time and on budget.", tx)


def test_sourcing_suppliers_shows_vendor_management(tx: Taxonomy) -> None:
    assert "vendor-management" in shown_skills("Sourced venues and caterers for 30 events.", tx)
    assert "vendor-management" in shown_skills(
        "Negotiated rates with our print, courier and catering suppliers.", tx
    )


def test_forecast_for_skus_shows_demand_planning(tx: Taxonomy) -> None:
    shown = shown_skills("Built the monthly forecast for 800 SKUs across three depots.", tx)
    assert "demand-planning" in shown


def test_tuning_queries_shows_query_optimization(tx: Taxonomy) -> None:
    shown = shown_skills("Halved report run times by rewriting slow stored procedures.", tx)
    assert "query-optimization" in shown
    assert "query-optimization" in shown_skills("Added missing indexes to the orders table.", tx)


def test_interviewing_patients_shows_user_research(tx: Taxonomy) -> None:
    shown = shown_skills("Interviewed nine patients about how they book appointments.", tx)
    assert "user-research" in shown


def test_singular_of_a_plural_name_shows_the_skill(tx: Taxonomy) -> None:
    assert "design-systems" in shown_skills("Built the component library for the web app.", tx)


def test_resume_evidence_meets_the_job(tx: Taxonomy) -> None:
    jd = "Events Manager\n\nRequirements\n- Budget management\n- Experience of vendor management\n"
    resume = (
        "Functions Manager, The Old Mill (2019 - now)\n"
        "- Held a £120k events budget\n"
        "- Sourced caterers, florists and AV suppliers for 50 weddings\n"
    )
    goals = _goals(jd, resume, tx)
    assert not {"budget-management", "vendor-management"} & set(goals)


# A later clause ending in a nice-to-have word makes only its own skills nice


def test_nice_word_ending_a_later_clause_is_local(tx: Taxonomy) -> None:
    jd = (
        "Senior Accountant\n\nBasic Qualifications\n"
        "- 4+ years of experience preparing financial statements, NetSuite a plus\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("netsuite") is False
    assert asked.get("financial-reporting") is True


def test_short_list_ending_in_preferred_stays_nice_guard(tx: Taxonomy) -> None:
    jd = "Analyst\n\nRequirements\n- Experience with SQL, Python, Tableau preferred\n"
    asked = _asked(jd, tx)
    assert asked.get("sql") is False and asked.get("tableau") is False


# "in the logistics industry": where the experience was gained


def test_industry_after_the_is_a_setting(tx: Taxonomy) -> None:
    jd = (
        "Accountant\n\nPreferred Qualifications\n"
        "- Experience in the logistics or transportation industry\n- Experience with NetSuite\n"
    )
    asked = _asked(jd, tx)
    assert "netsuite" in asked
    assert "logistics" not in asked


# "If you've touched Docker, great": a nice-to-have in a chatty posting


def test_if_you_have_it_great_is_nice(tx: Taxonomy) -> None:
    jd = (
        "Junior Developer\n\nWhat we're after:\nYou know your way around Git. "
        "If you've touched Docker, great.\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("git") is True
    assert asked.get("docker") is False


# "(or willingness to work towards it)": anyone willing meets the ask


def test_or_willingness_to_work_towards_is_not_required(tx: Taxonomy) -> None:
    jd = (
        "Care Assistant\n\nEssential\n"
        "- NVQ / Diploma Level 3 in Health and Social Care (or willingness to work towards it)\n"
        "- Full UK driving licence\n"
    )
    asked = _asked(jd, tx)
    assert "vehicle-driving" in asked
    assert "level-3-diploma-in-adult-care" not in asked


# More resume evidence in other words


def test_sysadmin_title_with_linux_shows_linux_administration(tx: Taxonomy) -> None:
    shown = shown_skills("Systems administrator, 4 years. Debian and CentOS servers.", tx)
    assert "linux-system-administration" in shown


def test_defining_funnel_metrics_shows_product_metrics(tx: Taxonomy) -> None:
    shown = shown_skills("- Defined activation and retention metrics for the mobile app", tx)
    assert "product-metrics" in shown


def test_isolating_hosts_shows_incident_response(tx: Taxonomy) -> None:
    shown = shown_skills("- Reviewed endpoint alerts in the EDR console and isolated two hosts", tx)
    assert "incident-response" in shown


def test_gis_python_library_shows_python(tx: Taxonomy) -> None:
    assert "python" in shown_skills("- Automated map exports with ArcPy scripts", tx)


def test_full_uk_licence_shows_driving(tx: Taxonomy) -> None:
    assert "vehicle-driving" in shown_skills("Full clean UK licence, own transport.", tx)
    assert "vehicle-driving" not in shown_skills("Valid SIA licence.", tx)


# Headings and the job's title


def test_question_about_the_job_opens_no_skip_section(tx: Taxonomy) -> None:
    jd = (
        "Care Worker - Leeds\n\nAre you passionate about supporting older people?\n\n"
        "- Experience of dementia care\n"
    )
    assert "elderly-care" in _asked(jd, tx)


def test_who_we_are_looking_for_is_a_requirement_heading(tx: Taxonomy) -> None:
    jd = "Bookkeeper\n\nWho we are looking for\n- Confident with Xero\n"
    assert _asked(jd, tx).get("xero") is True


def test_ideal_title_will_heading_opens_requirements(tx: Taxonomy) -> None:
    jd = (
        "Payroll Officer\n\nThe company runs six cafés in York.\n\n"
        "The ideal Payroll Officer will:\n- Have used Xero for at least two years\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("xero") is True
    assert "payroll" not in asked


def test_title_after_looking_for_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Teaching Assistant - Ealing\n\nA primary school in Ealing is looking for a Teaching "
        "Assistant to start in September.\n\nRequirements\n- Makaton\n"
    )
    asked = _asked(jd, tx)
    assert "makaton" in asked
    assert "teaching" not in asked


def test_thrive_here_if_you_have_is_a_requirement_heading(tx: Taxonomy) -> None:
    jd = "Store Manager\n\nYou'll thrive here if you have:\n- A full UK driving licence\n"
    assert _asked(jd, tx).get("vehicle-driving") is True


def test_mixed_heading_reads_asks_and_skips_duties(tx: Taxonomy) -> None:
    jd = (
        "Store Manager\n\nResponsibilities and requirements\n"
        "- Manage rotas, recruitment and training for the team\n"
        "- Must hold a full UK driving licence\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("vehicle-driving") is True
    assert "recruiting" not in asked


def test_not_required_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Store Manager\n\nRequirements\n- Retail management experience\n"
        "- A GPhC-registered pharmacist background is not required\n"
    )
    assert "gphc-registration" not in _asked(jd, tx)


def test_nice_but_not_necessary_stays_a_nice_ask_guard(tx: Taxonomy) -> None:
    jd = (
        "Bookkeeper\n\nRequirements\n- Xero\n"
        "- An AAT qualification would be nice but isn't necessary\n"
    )
    assert _asked(jd, tx).get("aat-qualification") is False


def test_degree_subject_examples_are_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Graduate Analyst\n\nWhat we're looking for\n"
        "- A 2:1 degree in a numerate subject such as maths, economics or physics\n- Excel\n"
    )
    asked = _asked(jd, tx)
    assert "microsoft-excel" in asked
    assert "mathematics" not in asked


def test_call_the_branch_or_apply_online_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Picker\n\nEssential\n- Reach truck licence\n\n"
        "Call the Kettering branch of Fieldway Recruitment or apply online.\n"
    )
    assert "recruiting" not in _asked(jd, tx)


def test_what_the_hire_will_do_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Warehouse Team Leader\n\nOur client is looking for a Team Leader to run a goods-in "
        "team of 15.\n\nEssential\n- Reach truck licence\n"
    )
    asked = _asked(jd, tx)
    assert "forklift-certification" in asked
    assert "goods-inward" not in asked


# What a resume says the writer does not have yet


@pytest.mark.parametrize(
    ("skill_id", "line"),
    [
        ("python", "Currently learning Python through an evening course"),
        ("python", "Skills: Excel (advanced), Python (learning)"),
        ("sap", "No experience of SAP yet, but quick to pick up new systems"),
    ],
)
def test_stated_shortfall_does_not_show_the_skill(tx: Taxonomy, skill_id: str, line: str) -> None:
    assert skill_id not in shown_skills(line, tx)


@pytest.mark.parametrize(
    ("skill_id", "line"),
    [
        ("project-management", "Led the 300-desk office relocation from planning to move day"),
        ("data-analysis", "Analysed three years of footfall data to set opening hours"),
        ("process-improvement", "Streamlined the goods-in process, halving waiting times"),
        ("recruiting", "Interviewed and hired 20 summer staff each year"),
        ("event-coordination", "Organised a 250-guest charity gala and a spring fair"),
        ("minute-taking", "Took minutes at monthly trustee meetings"),
        ("copywriting", "Wrote product descriptions for 600 garden tools"),
        ("account-management", "Looked after a book of 35 trade accounts"),
        ("data-entry", "Keyed 250 delivery notes a day into the stock system"),
        ("client-onboarding", "Onboarded 25 new merchants a month"),
        ("customer-service", "Answered 70 customer queries a day by phone and email"),
        ("sales", "Sold £800k of new business in my first year"),
    ],
)
def test_achievement_shows_the_skill(tx: Taxonomy, skill_id: str, line: str) -> None:
    assert skill_id in shown_skills(line, tx)


def test_eligible_for_clearance_is_a_condition(tx: Taxonomy) -> None:
    jd = (
        "Analyst\n\nRequirements\n- Applicants must be eligible for SC clearance\n"
        "- Working knowledge of Excel\n"
    )
    asked = _asked(jd, tx)
    assert "microsoft-excel" in asked
    assert "security-clearance" not in asked


# Person specifications with a "how assessed" column after the Essential / Desirable marker


def test_marker_followed_by_an_assessment_column(tx: Taxonomy) -> None:
    jd = (
        "Assistant Accountant\n\nPerson Specification\n"
        "Criteria | Essential / Desirable | Assessed by\n"
        "Experience of preparing balance sheet reconciliations | E | Application / Interview\n"
        "Advanced Excel | E | Test\n"
        "Experience of using Power BI | D | Application\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("microsoft-excel") is True
    assert asked.get("balance-sheet-reconciliation") is True  # narrower than account-reconciliation
    assert asked.get("power-bi") is False


def test_bracketed_marker_followed_by_an_assessment_code_guard(tx: Taxonomy) -> None:
    jd = (
        "Assistant Accountant\n\nPERSON SPECIFICATION\nSkills\n"
        "Advanced Excel (Essential) (T)\nUsing Power BI (Desirable) (A)\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("microsoft-excel") is True
    assert asked.get("power-bi") is False


# Learning the employer pays for is offered, not asked


def test_paid_for_qualifications_and_learning_platforms_are_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Payroll Officer\n\nRequirements\n- Sage Payroll\n\n"
        "We'll pay for your CIPP qualification once you pass probation.\n"
        "Free access to LinkedIn Learning, including Python and Power BI courses.\n"
    )
    asked = _asked(jd, tx)
    assert "sage-payroll" in asked
    assert not {"certified-payroll-professional", "python", "power-bi"} & set(asked)
