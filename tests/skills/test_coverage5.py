"""Coverage round 5: feedback from fields the earlier rounds did not reach, and known problems.

Every test here failed before the change it covers (checked by running it against the code and
data as they were), except the ones marked "guard", which pin down behaviour the change must
keep.
"""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.paraphrase import find_paraphrases, parse_paraphrases
from planner.skills.taxonomy import Taxonomy


def goals(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


# --- New entries and aliases ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "skill_id"),
    [
        ("You hadn't classified CTG traces against the FIGO guidance.", "ctg-interpretation"),
        (
            "You were unsure of the escalation steps for a postpartum haemorrhage.",
            "obstetric-emergency-management",
        ),
        ("You have not performed DVT scans or carotid Doppler.", "vascular-ultrasound"),
        ("You hadn't used REM to verify a fitting.", "real-ear-measurement"),
        ("You have had no training in tinnitus management.", "tinnitus-management"),
        ("You don't hold a paediatric first aid certificate yet.", "paediatric-first-aid"),
        (
            "You have not completed the Clinical Coding Standards Course.",
            "clinical-coding-standards-course",
        ),
        ("You couldn't say when a TG20 compliance sheet applies.", "tg20-compliance"),
        ("You haven't installed any hybrid inverters.", "battery-storage-installation"),
        ("You had not done the G98/G99 paperwork yourself.", "dno-notifications"),
        ("You only hold CISRS Part 1 and we need the Part 2 card.", "cisrs-scaffolder-card"),
        ("You have no experience of bottom loading at a terminal.", "tanker-loading"),
        ("You had not worked with a hotel PMS before.", "hotel-property-management-systems"),
        ("You have not done cellar management: stock, ordering and pricing.", "cellar-management"),
        ("You had no involvement in data migration.", "data-migration"),
        ("You were not confident about transfer risk assessments.", "international-data-transfers"),
        ("You told us you had not used PostGIS.", "postgis"),
        ("You had no experience with MoTeC data.", "motorsport-data-acquisition"),
        ("Your vehicle dynamics basics were weak.", "vehicle-dynamics"),
        ("You have not dealt with lease extensions.", "leasehold-conveyancing"),
        ("You have never led a BRCGS audit.", "brcgs-food-safety"),
        ("You have not managed major donors yourself.", "fundraising"),
        ("API testing was also a gap.", "api-testing"),
        ("You didn't manage the catastrophic haemorrhage first.", "trauma-care"),
        (
            "We would advise completing a paediatric life support course.",
            "pediatric-advanced-life-support",
        ),
        (
            "You also said you'd never done multi-drop, which is all of our work.",
            "multi-drop-delivery",
        ),
        (
            "We need someone confident using a handheld for ePOD, which you haven't used.",
            "electronic-proof-of-delivery",
        ),
        ("Your sauces weren't consistent - the beurre blanc split twice.", "sauce-making"),
        ("Your Teeline isn't at 100wpm yet.", "shorthand"),
        ("You had limited knowledge of defamation and contempt of court.", "media-law"),
        ("We'd also expect experience of writing court reports.", "court-report-writing"),
        ("You haven't managed a P&L.", "profit-and-loss-management"),
        ("You haven't managed a project budget end to end.", "project-budgeting"),
        (
            "You were not yet familiar with standard ICAO radiotelephony phraseology.",
            "radiotelephony-phraseology",
        ),
        (
            "You could not describe how a flight progress strip is updated.",
            "flight-data-processing",
        ),
        ("They pushed on INR monitoring and I was vague.", "anticoagulation-management"),
        (
            "The role is mostly SuDS-led schemes and you had only a textbook understanding.",
            "sustainable-drainage-systems",
        ),
        ("You were unaware of the Section 104 adoption requirements.", "sewer-adoption"),
        (
            "His junction details for the CLT frame didn't address thermal bridging.",
            "construction-detailing",
        ),
        (
            "You'd need to hit the ground running with Salesforce CPQ, which you haven't used.",
            "salesforce-cpq",
        ),
        (
            "You struggled in the practical with measuring and marking out.",
            "measuring-and-marking-out",
        ),
    ],
)
def test_new_entry_is_a_goal(tx: Taxonomy, sentence: str, skill_id: str) -> None:
    assert skill_id in goals(sentence, tx)


def test_hotel_property_management_system_is_not_opera(tx: Taxonomy) -> None:
    text = (
        "The panel felt you would need substantial training on a hotel property management "
        "system, as your previous guest house used a paper diary."
    )
    got = goals(text, tx)
    assert "hotel-property-management-systems" in got
    assert "opera-pms" not in got


def test_opera_by_name_is_still_opera(tx: Taxonomy) -> None:  # guard
    assert "opera-pms" in goals("You had not used Opera Cloud at check-in.", tx)


def test_itrent_is_an_hr_system_as_well_as_payroll(tx: Taxonomy) -> None:
    ancestors = tx.ancestors("itrent")
    assert "hr-information-systems" in ancestors and "payroll" in ancestors


# --- Sentinel and KQL -------------------------------------------------------------------------


def test_sentinel_with_kql_keeps_both_goals(tx: Taxonomy) -> None:
    text = (
        "The role means writing and tuning analytics rules in Microsoft Sentinel with KQL from "
        "day one, and you had not used either."
    )
    assert {"siem", "microsoft-sentinel-kql"} <= goals(text, tx)


def test_sentinel_or_kql_keeps_both_goals(tx: Taxonomy) -> None:
    assert {"siem", "microsoft-sentinel-kql"} <= goals(
        "You had not used Microsoft Sentinel or KQL.", tx
    )


# --- Senses -----------------------------------------------------------------------------------


def test_telemetry_on_a_race_car_is_data_acquisition(tx: Taxonomy) -> None:
    text = "You had no experience with live car telemetry from the race team's cars on track."
    got = goals(text, tx)
    assert "motorsport-data-acquisition" in got and "observability" not in got


def test_telemetry_without_a_field_is_not_observability(tx: Taxonomy) -> None:
    text = "You were unsure how to analyse satellite telemetry from the ground station."
    assert "observability" not in goals(text, tx)


def test_telemetry_in_software_is_still_observability(tx: Taxonomy) -> None:  # guard
    text = "You were not confident adding telemetry to our services: no metrics, no traces."
    assert "observability" in goals(text, tx)


def test_adr_beside_tanker_words_is_the_driver_certificate(tx: Taxonomy) -> None:
    text = "For the tanker job you need the ADR with the tanks module, and you only have packages."
    assert "adr-certificate" in goals(text, tx)


def test_adr_beside_legal_words_is_dispute_resolution(tx: Taxonomy) -> None:  # guard
    text = "You lacked ADR experience: we wanted a mediator who had run arbitration claims."
    got = goals(text, tx)
    assert "arbitration" in got and "adr-certificate" not in got


def test_lower_case_lean_beside_production_words(tx: Taxonomy) -> None:
    text = "Her lean knowledge was limited to 5S, and she couldn't explain how OEE is calculated."
    assert "lean-manufacturing" in goals(text, tx)


def test_lower_case_lean_elsewhere_names_nothing(tx: Taxonomy) -> None:  # guard
    text = "We are a lean team, and you lacked experience of budgeting."
    assert "lean-manufacturing" not in goals(text, tx)


def test_ember_outside_front_end_work_is_a_name(tx: Taxonomy) -> None:
    text = (
        "We need someone who can own conversion rate optimisation, which you haven't done.\n\n"
        "Jess\nFounder, Oak & Ember Candles"
    )
    assert "ember-js" not in goals(text, tx)


def test_ember_in_front_end_work_is_ember_js(tx: Taxonomy) -> None:  # guard
    text = "Our front end is Ember and JavaScript components, and you had not used Ember."
    assert "ember-js" in goals(text, tx)


# --- Paraphrases ------------------------------------------------------------------------------


def test_paraphrase_field_words_gate_a_phrase() -> None:
    lex = list(
        parse_paraphrases(
            [
                "fundraising | built a pipeline of prospects | if: donor donors charity",
                "sales-pipeline-management | built a pipeline | unless: donor donors charity",
            ]
        )
    )
    charity = "You had not built a pipeline of prospects. Our donors are loyal."
    sales = "You had not built a pipeline of prospects for the SaaS team."
    assert {h.skill_id for h in find_paraphrases(charity, lexicon=lex)} == {"fundraising"}
    assert {h.skill_id for h in find_paraphrases(sales, lexicon=lex)} == {
        "sales-pipeline-management"
    }


def test_pipeline_of_prospects_in_fundraising_is_not_sales(tx: Taxonomy) -> None:
    text = (
        "For this post we need someone who has built a pipeline of prospects giving at the "
        "six-figure level. Most of your experience is in community fundraising events."
    )
    got = goals(text, tx)
    assert "fundraising" in got and "sales-pipeline-management" not in got


def test_pipeline_in_sales_is_still_sales(tx: Taxonomy) -> None:  # guard
    text = "You hadn't built your own pipeline of prospects in your last SaaS sales role."
    assert "sales-pipeline-management" in goals(text, tx)


def test_harness_not_clipped_on_is_working_at_height(tx: Taxonomy) -> None:
    text = "- harness not clipped on during transfer x2. SAFETY - would fail on site"
    assert "working-at-height" in goals(text, tx)


def test_sonographer_writing_own_reports_is_ultrasound_reporting(tx: Taxonomy) -> None:
    text = (
        "Our department expect every sonographer to write own reports, and you are not yet "
        "reporting independently."
    )
    assert "ultrasound-reporting" in goals(text, tx)


def test_reporting_independently_elsewhere_is_not_ultrasound(tx: Taxonomy) -> None:  # guard
    text = "You were not yet reporting independently to the finance director."
    assert "ultrasound-reporting" not in goals(text, tx)


def test_er_casework_points_are_employment_law_and_investigations(tx: Taxonomy) -> None:
    text = (
        "In the scenario, you didn't suggest an investigation before a disciplinary hearing, "
        "and you weren't clear on the right to be accompanied."
    )
    assert {"workplace-investigations", "employment-law"} <= goals(text, tx)


def test_scripting_for_network_config_is_network_automation(tx: Taxonomy) -> None:
    text = "We also asked about automation - he has not used Python or Ansible for network config."
    got = goals(text, tx)
    assert "network-automation" in got and "python" not in got


# --- Framing ----------------------------------------------------------------------------------


def test_a_fairly_general_answer_is_a_gap(tx: Taxonomy) -> None:
    text = "Your answer on mapping detections to MITRE ATT&CK was also fairly general."
    assert "mitre-attack" in goals(text, tx)


def test_a_step_up_too_large_is_a_gap(tx: Taxonomy) -> None:
    text = "The panel felt the step up to major gift fundraising would be too large right now."
    assert "fundraising" in goals(text, tx)


def test_main_gap_was_colon_frames_what_follows(tx: Taxonomy) -> None:
    text = (
        "The main gap was hands-on detection work: the role means writing rules in Microsoft "
        "Sentinel from day one."
    )
    assert "siem" in goals(text, tx)


def test_what_the_candidate_mostly_worked_in_is_not_a_gap(tx: Taxonomy) -> None:
    text = (
        "The main gap was detection work: the role means writing rules in Microsoft Sentinel "
        "with KQL, and you told us you have mostly worked in Splunk with SPL."
    )
    got = goals(text, tx)
    assert "splunk" not in got and "microsoft-sentinel-kql" in got


def test_what_the_candidate_relies_on_is_not_a_gap(tx: Taxonomy) -> None:
    text = (
        "The app had no unit tests at all, and when we asked about it you said you normally "
        "rely on manual testing."
    )
    got = goals(text, tx)
    assert "unit-testing" in got and "manual-testing" not in got


def test_fine_for_this_role_takes_the_gap_back(tx: Taxonomy) -> None:
    text = "- vehicle dynamics weak\n- MATLAB/Simulink uni level only - fine for this role"
    got = goals(text, tx)
    assert "matlab" not in got and "vehicle-dynamics" in got


def test_ok_in_notes_is_a_verdict_not_a_gap(tx: Taxonomy) -> None:
    text = "Trade test notes\n- MIG ok\n- Excel weak"
    got = goals(text, tx)
    assert "welding" not in got and "microsoft-excel" in got


def test_ok_before_but_is_praise(tx: Taxonomy) -> None:
    got = goals("Your SQL was ok but your Python was weak.", tx)
    assert got == {"python"}


def test_not_ok_is_still_a_gap(tx: Taxonomy) -> None:  # guard
    assert "sql" in goals("SQL: not ok, could not write a join.", tx)


# --- Filters ----------------------------------------------------------------------------------


def test_method_naming_a_qualification_gives_the_qualification(tx: Taxonomy) -> None:
    text = (
        "The role requires a recognised Lean or Six Sigma qualification at Green Belt level or "
        "above, which you do not hold yet."
    )
    got = goals(text, tx)
    assert "lean-six-sigma-green-belt" in got
    assert not got & {"lean-manufacturing", "six-sigma-methodology"}


def test_lean_or_six_sigma_background_is_two_goals(tx: Taxonomy) -> None:
    # The labelled set files "no lean or Six Sigma background" under both methods (the known
    # problem "Lean or Six Sigma yields two goals" is kept on purpose); lower-case "lean" was
    # not read at all before.
    text = "You had no lean or Six Sigma background, and a Green Belt would help."
    assert {"lean-manufacturing", "six-sigma-methodology"} <= goals(text, tx)


def test_spc_charts_are_spc_not_data_visualisation(tx: Taxonomy) -> None:
    text = "You struggled to explain how you would use SPC charts to hold the gains."
    got = goals(text, tx)
    assert "statistical-process-control-practice" in got and "data-visualization" not in got


def test_what_the_employer_is_doing_is_not_a_goal(tx: Taxonomy) -> None:
    got = goals("We are recruiting a Welder/Fabricator and you lacked Excel.", tx)
    assert "recruiting" not in got and "microsoft-excel" in got


def test_org_structure_is_not_structured_thinking(tx: Taxonomy) -> None:
    text = (
        "Has used iTrent as an end user but never configured workflows, forms or the org structure."
    )
    assert "structured-thinking" not in goals(text, tx)


def test_answers_lacking_structure_is_still_structured_thinking(tx: Taxonomy) -> None:  # guard
    assert "structured-thinking" in goals("Your case study answer lacked structure.", tx)


def test_open_source_tools_are_not_a_contribution_goal(tx: Taxonomy) -> None:
    text = (
        "Our team is moving its work to open-source tools, and you had not used QGIS or "
        "Python scripts."
    )
    got = goals(text, tx)
    assert "open-source-contribution" not in got and "qgis" in got


# --- Round 5, second pass: older dev sets -------------------------------------------------------


def test_a_bare_p_and_l_is_the_statement_not_the_skill(tx: Taxonomy) -> None:  # guard
    text = "The model was tidy and the P&L tied through, but your cash flow forecast was weak."
    assert "profit-and-loss-management" not in goals(text, tx)


def test_missed_the_story_is_news_judgement(tx: Taxonomy) -> None:
    text = "I missed the real story in the press release and led on the new building."
    assert "news-judgement" in goals(text, tx)


def test_not_optimised_for_search_is_seo(tx: Taxonomy) -> None:
    text = "My web version wasn't optimised for search - no keyword in the headline."
    assert "search-engine-optimization" in goals(text, tx)


def test_getting_behind_on_tickets_is_high_volume_service(tx: Taxonomy) -> None:
    text = "You struggled with the volume at 8pm and got behind on tickets."
    assert "high-volume-service" in goals(text, tx)


def test_accepting_liability_wrongly_is_liability_assessment(tx: Taxonomy) -> None:
    text = (
        "We are not progressing because of the technical side: in the in-tray exercise you "
        "accepted liability on a claim where the third party's account contradicted the dashcam."
    )
    assert "liability-assessment" in goals(text, tx)


def test_not_progressing_because_colon_frames_what_follows(tx: Taxonomy) -> None:
    text = "We are not progressing because of the technical side: Guidewire and reserving."
    assert "guidewire" in goals(text, tx)


def test_an_explanation_that_was_too_technical(tx: Taxonomy) -> None:
    text = "The explanation of the variance to the store operations lead was too technical."
    assert "explaining-technical-concepts" in goals(text, tx)


def test_didnt_handle_it_well_is_not_praise(tx: Taxonomy) -> None:
    text = "In the mock call you didn't handle the pricing objection well."
    assert "objection-handling" in goals(text, tx)


def test_encouraged_to_consider_completing_a_course_is_a_reason(tx: Taxonomy) -> None:
    text = (
        "Unfortunately the interview raised two concerns. We would encourage you to consider "
        "completing an FRTOL course before reapplying."
    )
    assert "frtol" in goals(text, tx)


def test_encouraged_to_consider_other_roles_is_a_form_letter(tx: Taxonomy) -> None:  # guard
    text = "We would encourage you to consider applying for future roles with Excel skills."
    assert goals(text, tx) == set()


def test_environmental_monitoring_in_a_cleanroom(tx: Taxonomy) -> None:
    text = (
        "Where you fell short was environmental monitoring in a GMP cleanroom - you'd not "
        "done settle plates in a graded area."
    )
    got = goals(text, tx)
    assert "cleanroom-environmental-monitoring" in got
    assert "gmp-compliance" in got and "environmental-science" not in got


def test_environmental_monitoring_on_a_site_stays_science(tx: Taxonomy) -> None:  # guard
    text = "You had no experience of environmental monitoring of dust and noise on site."
    assert "environmental-science" in goals(text, tx)


def test_a_drug_in_a_scenario_is_not_anticoagulation(tx: Taxonomy) -> None:  # guard
    text = "In the screening exercise you missed a duplicated anticoagulant."
    assert "anticoagulation-management" not in goals(text, tx)


def test_having_to_be_prompted_is_a_gap(tx: Taxonomy) -> None:
    assert "microsoft-excel" in goals("You had to be prompted on the Excel formulas.", tx)


def test_tools_in_brackets_after_only_used_are_what_they_have(tx: Taxonomy) -> None:
    text = (
        "On inspection you have only used hand tools (micrometers, verniers) and not a CMM. "
        "You also lacked 5-axis experience."
    )
    got = goals(text, tx)
    assert "precision-measurement" not in got and "five-axis-machining" in got


def test_only_used_then_not_keeps_the_gap(tx: Taxonomy) -> None:  # guard
    assert "power-bi" in goals("You have only used Excel, not Power BI.", tx)


def test_a_qualification_youve_got_is_not_a_goal(tx: Taxonomy) -> None:
    text = (
        "You don't hold the Level 3 Personal Training qualification yet (you've got the Level 2 "
        "Gym Instructor)."
    )
    got = goals(text, tx)
    assert "level-3-personal-training" in got and "level-2-gym-instructor" not in got


def test_diagnosing_an_undercharged_system_is_fault_finding(tx: Taxonomy) -> None:
    text = "Couldn't talk through superheat when asked how he'd diagnose an undercharged system."
    assert "fault-finding" in goals(text, tx)


def test_adr_beside_rules_words_is_dangerous_goods(tx: Taxonomy) -> None:  # guard
    text = "Knowledge of ADR and dangerous goods movements would be needed, and you had none."
    got = goals(text, tx)
    assert "dangerous-goods-handling" in got and "adr-certificate" not in got


def test_the_main_thing_was_frames_a_gap(tx: Taxonomy) -> None:
    text = (
        "So the main thing was safeguarding - you didn't mention the DSL when we asked what "
        "you'd do after a disclosure."
    )
    assert "safeguarding" in goals(text, tx)


def test_the_main_thing_we_liked_is_not_a_gap(tx: Taxonomy) -> None:  # guard
    got = goals("The main thing we liked was your Python, but your SQL was weak.", tx)
    assert got == {"sql"}


def test_inline_scorecard_ratings(tx: Taxonomy) -> None:
    text = "Panel scores: Communication 4/5, Technical (AutoCAD) 2/5, Health & safety 3/5."
    got = goals(text, tx)
    assert "autocad" in got and "health-and-safety" not in got


def test_experience_with_one_tool_only_is_what_they_have(tx: Taxonomy) -> None:
    text = "Notes: cand. v. keen. Exp w/ Sage 50 only, no Xero. VAT returns - never done."
    got = goals(text, tx)
    assert "sage-accounting" not in got and "xero" in got


def test_not_wearing_safety_glasses_is_health_and_safety(tx: Taxonomy) -> None:
    text = "You did well in the maths test but weren't wearing your safety glasses at the bench."
    assert "health-and-safety" in goals(text, tx)


def test_forgetting_temperature_logs_is_food_safety(tx: Taxonomy) -> None:
    text = "Your latte art was lovely but you forgot to log the milk temperatures."
    assert "food-safety" in goals(text, tx)


def test_a_scorecard_line_after_a_long_heading_is_its_own_sentence(tx: Taxonomy) -> None:
    text = (
        "Interview scorecard - HR Systems Analyst - candidate 14\nSQL: 2/5. Could not write a join."
    )
    assert goals(text, tx) == {"sql"}


def test_managing_the_stock_is_inventory_management(tx: Taxonomy) -> None:
    text = "We chose another candidate because he have more experience with managing the stock."
    assert "inventory-management" in goals(text, tx)


def test_a_take_home_with_no_tests(tx: Taxonomy) -> None:
    text = "Honestly the React was fine but there were no tests, and nothing was typed."
    assert "software-testing" in goals(text, tx)


def test_untyped_code_in_a_typescript_team(tx: Taxonomy) -> None:
    text = "The React was fine but nothing was typed - we're a TypeScript shop."
    assert "typescript" in goals(text, tx)


def test_untyped_elsewhere_names_no_typescript(tx: Taxonomy) -> None:  # guard
    text = "Your Python was fine but nothing was typed and the tests were thin."
    assert "typescript" not in goals(text, tx)


def test_pre_use_checks_are_vehicle_inspection(tx: Taxonomy) -> None:
    text = "The assessor noted that you did not complete the pre-use checks on the truck."
    assert "vehicle-inspection" in goals(text, tx)


def test_preparing_a_cash_flow_statement(tx: Taxonomy) -> None:
    text = "Strong on consolidation, but you have never prepared a cash flow statement."
    assert "cash-flow-statement-preparation" in goals(text, tx)


def test_questions_on_cash_flow_statements_are_not_preparation(tx: Taxonomy) -> None:  # guard
    text = "Several questions on cash flow statements went unanswered."
    assert "cash-flow-statement-preparation" not in goals(text, tx)


def test_your_work_being_slow_is_a_gap(tx: Taxonomy) -> None:
    text = "Strong on consolidation, and your Excel modelling was slow."
    assert "excel-modelling" in goals(text, tx)


def test_a_slow_system_in_a_scenario_is_not_a_goal(tx: Taxonomy) -> None:  # guard
    text = "In the scenario the database was slow and you restarted it without checking logs."
    assert "databases" not in goals(text, tx)
