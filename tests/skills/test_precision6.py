"""Feedback precision, round six: skills named beside a gap that a coach would not write down,
found on dev8.jsonl.

Each test names the general cause: the purpose a requirement serves, what the employer's people
do, a thing the candidate should have consulted, what the candidate has already done or used,
praise that reads like a requirement, and "structure" as a verb. Each pairs the false goal with
a near miss that must stay a goal.
"""

from __future__ import annotations

from planner.skills import extract
from planner.skills.taxonomy import Taxonomy


def ids(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


# --- the purpose a requirement serves ---------------------------------------------------------


def test_what_the_certificate_is_needed_for_is_no_goal(tx: Taxonomy) -> None:
    text = "You don't hold the Transport Manager CPC, which is needed for the operator licence."
    got = ids(text, tx)
    assert "operator-licence-compliance" not in got
    assert "transport-manager-cpc" in got
    near = "You don't hold the Transport Manager CPC, and you had no operator licence experience."
    assert "operator-licence-compliance" in ids(near, tx)


def test_needed_as_in_brackets_names_the_post_it_serves(tx: Taxonomy) -> None:
    text = "Bar manager panel: no personal licence (required as DPS)."
    got = ids(text, tx)
    assert "personal-licence" in got
    assert "lettings-legislation" not in got
    near = "Bar manager panel: limited knowledge of the DPS rules for tenancies."
    assert "lettings-legislation" in ids(near, tx)


def test_they_need_it_for_the_role_keeps_the_thing_needed(tx: Taxonomy) -> None:
    text = "No Level 3 Food Hygiene yet; the head chef needs it for HACCP sign-off."
    got = ids(text, tx)
    assert "food-handler-certificate" in got
    assert "food-safety" not in got
    near = "No Level 3 Food Hygiene yet, and your HACCP knowledge was weak."
    assert "food-safety" in ids(near, tx)


# --- what the employer's people do ------------------------------------------------------------


def test_a_relative_clause_about_their_person(tx: Taxonomy) -> None:
    text = (
        "Your payroll answers were vague. Our finance lead, who runs Xero training for the "
        "team, was on the panel."
    )
    assert "xero" not in ids(text, tx)
    near = "Your payroll answers were vague, and you hadn't used Xero."
    assert "xero" in ids(near, tx)


def test_a_bracketed_clause_about_their_person(tx: Taxonomy) -> None:
    text = (
        "Your lesson lacked formative assessment. Mr Jones (who leads our training on adaptive "
        "teaching) will be in touch."
    )
    got = ids(text, tx)
    assert "adaptive-teaching" not in got
    assert "student-assessment" in got


def test_another_applicant_who_had_more_is_still_a_comparison(tx: Taxonomy) -> None:
    text = "We offered the role to another applicant, who had more experience with Xero."
    assert "xero" in ids(text, tx)


def test_their_title_before_who_names_a_person(tx: Taxonomy) -> None:
    text = (
        "You weren't able to adapt the lesson for a pupil with an EHCP. Our SENCo, who sat on "
        "the panel, will send you some reading."
    )
    got = ids(text, tx)
    assert "sen-support" in got  # the EHCP gap
    only_person = "Your phonics lesson lacked pace. Our SENCo, who sat on the panel, agreed."
    assert "sen-support" not in ids(only_person, tx)


# --- a thing consulted is not a thing built ----------------------------------------------------


def test_without_checking_dashboards(tx: Taxonomy) -> None:
    text = (
        "When checkout failed you restarted the servers without checking the dashboards, and "
        "your incident response lacked structure."
    )
    got = ids(text, tx)
    assert "data-visualization" not in got
    assert "incident-response" in got
    near = "You had never built dashboards, and your incident response lacked structure."
    assert "data-visualization" in ids(near, tx)


# --- what the candidate has already done or used -----------------------------------------------


def test_has_only_done_it_by_hand_on_a_tool(tx: Taxonomy) -> None:
    text = "Route optimisation was the gap: she has only planned routes by hand on spreadsheets."
    got = ids(text, tx)
    assert "spreadsheet-modeling" not in got
    assert "transport-planning" in got
    near = "You've only dabbled in After Effects, and the role is mostly motion design."
    assert "adobe-after-effects" in ids(near, tx)


def test_has_only_got_the_ground_tickets(tx: Taxonomy) -> None:
    text = (
        "You haven't got your aerial rescue ticket yet, and you've only got the CS30/31 chainsaw "
        "tickets."
    )
    assert "nptc-chainsaw-certificates" not in ids(text, tx)
    near = "You haven't got the CS30/31 chainsaw tickets yet."
    assert "nptc-chainsaw-certificates" in ids(near, tx)


def test_your_portfolio_is_almost_all_of_it(tx: Taxonomy) -> None:
    text = (
        "Your portfolio is almost all social captions and the team needs to see long-form writing."
    )
    assert "social-media-copywriting" not in ids(text, tx)
    near = "Your social captions were weak and the team needs to see long-form writing."
    assert "social-media-copywriting" in ids(near, tx)


def test_candidate_has_used_with_no_reason_about_it(tx: Taxonomy) -> None:
    text = "Development areas\n- Not yet part-qualified CIMA\n- candidate has used Sage 200"
    got = ids(text, tx)
    assert "sage-200" not in got
    assert "cima" in got
    near = "Development areas\n- Not yet part-qualified CIMA\n- candidate has not used Sage 200"
    assert "sage-200" in ids(near, tx)


# --- praise that reads like a requirement ------------------------------------------------------


def test_your_tool_was_fluent_is_praise(tx: Taxonomy) -> None:
    text = "Your kubectl was fluent, but your Terraform modules were poorly structured and weak."
    got = ids(text, tx)
    assert "kubernetes" not in got
    assert "terraform" in got
    near = "Fluent kubectl is essential here, and your Terraform was weak."
    assert "kubernetes" in ids(near, tx)


def test_obviously_run_in_production_is_what_they_have(tx: Taxonomy) -> None:
    text = "You'd obviously run Postgres in production, but your Python testing was weak."
    got = ids(text, tx)
    assert "postgresql" not in got
    assert "python" in got
    near = "The role needs production Postgres experience, and your Python testing was weak."
    assert "postgresql" in ids(near, tx)


def test_miles_ahead_of_the_other_finalist_is_praise(tx: Taxonomy) -> None:
    text = (
        "they wanted packaging artwork and there wasn't any in your book "
        "and your Figma skills were miles ahead of the other finalist"
    )
    assert "figma" not in ids(text, tx)
    near = "they wanted packaging artwork and there wasn't any in your book, and no Figma either"
    assert "figma" in ids(near, tx)


# --- "structure" as a verb, a structured approach to another skill ----------------------------


def test_structure_as_a_verb_is_not_structured_thinking(tx: Taxonomy) -> None:
    text = "You couldn't structure the Terraform modules or explain remote state."
    got = ids(text, tx)
    assert "structured-thinking" not in got
    assert "terraform" in got
    near = "Your answers lacked structure and your Terraform was weak."
    assert "structured-thinking" in ids(near, tx)


def test_a_structured_approach_to_a_hard_skill(tx: Taxonomy) -> None:
    text = "We'd want to see a more structured approach to incident response."
    got = ids(text, tx)
    assert "structured-thinking" not in got
    assert "incident-response" in got
    near = "We'd want to see a more structured approach in your answers."
    assert "structured-thinking" in ids(near, tx)


# --- the employer's own work, tools it is bringing in, training it gives -----------------------


def test_we_deploy_everything_with_is_their_stack(tx: Taxonomy) -> None:
    text = "Your Terraform was weak. We deploy everything with Helm and Argo CD."
    got = ids(text, tx)
    assert "helm" not in got and "argo-cd" not in got
    assert "terraform" in got
    near = "Your Terraform was weak, and you hadn't used Argo CD."
    assert "argo-cd" in ids(near, tx)


def test_their_stack_then_a_gap_named_before_its_cue(tx: Taxonomy) -> None:
    text = "We deploy everything with Argo CD and Helm, and your Terraform was weak."
    got = ids(text, tx)
    assert "argo-cd" not in got and "helm" not in got
    assert "terraform" in got
    sibling = (
        "The team works in a large React codebase, and your answers about state management "
        "were not as strong as we'd hoped."
    )
    assert "react" in ids(sibling, tx)


def test_the_team_supports_users_on_their_estate(tx: Taxonomy) -> None:
    text = (
        "The team supports 300 users on Windows 11 and Microsoft 365, and your Active Directory "
        "answers were thin."
    )
    got = ids(text, tx)
    assert "microsoft-office" not in got
    assert "active-directory" in got


def test_a_tool_the_employer_is_rolling_out(tx: Taxonomy) -> None:
    text = "Your incident handling was weak. The trust is rolling out ServiceNow next year."
    assert "servicenow" not in ids(text, tx)
    near = "Your incident handling was weak, and you hadn't used ServiceNow."
    assert "servicenow" in ids(near, tx)


def test_a_partner_practice_is_a_workplace_not_advice(tx: Taxonomy) -> None:
    text = "Your bookkeeping was weak. As a Xero partner practice, all our clients are on Xero."
    got = ids(text, tx)
    assert "xero" not in got
    assert "bookkeeping" in got
    near = "Your bookkeeping was weak, and you hadn't used Xero."
    assert "xero" in ids(near, tx)


def test_you_will_be_trained_on_it(tx: Taxonomy) -> None:
    text = "Your variance analysis was weak. You'll be trained on NetSuite in your first week."
    assert "netsuite" not in ids(text, tx)
    near = "Your variance analysis was weak, and you hadn't used NetSuite, which the role needs."
    assert "netsuite" in ids(near, tx)


# --- what the candidate does now, encouragement -------------------------------------------------


def test_what_you_use_in_your_current_job(tx: Taxonomy) -> None:
    text = "Your SQL was weak. You told us you use Tableau daily in your current job."
    got = ids(text, tx)
    assert "tableau" not in got
    assert "sql" in got
    near = "Your SQL was weak, and the team uses Tableau daily, which you haven't used."
    assert "tableau" in ids(near, tx)
    qualified = "You use Excel daily, but not confidently."
    assert "microsoft-excel" in ids(qualified, tx)


def test_encouragement_names_no_goal(tx: Taxonomy) -> None:
    text = "Your budgeting was weak. Keep at it - with your Python skills you'll go far."
    got = ids(text, tx)
    assert "python" not in got
    assert "budgeting-and-forecasting" in got
    near = "Your budgeting was weak. Good luck, and keep working on your Python, it was shaky."
    assert "python" in ids(near, tx)


def test_the_team_moving_from_one_tool_to_another(tx: Taxonomy) -> None:
    text = (
        "Not appointed because:\n- group consolidation was weak\n"
        "- the team is moving from Sage to NetSuite next year"
    )
    got = ids(text, tx)
    assert "netsuite" not in got and "sage-accounting" not in got
    assert "financial-consolidation" in got
    near = (
        "Your group consolidation was weak. The team is moving from Sage to NetSuite and you "
        "hadn't used NetSuite."
    )
    assert "netsuite" in ids(near, tx)


def test_that_is_not_why_takes_a_requirement_back(tx: Taxonomy) -> None:
    text = (
        "Consolidation was weak. They'd want help with a NetSuite migration, but that's not why "
        "you didn't get it."
    )
    assert "netsuite" not in ids(text, tx)
    near = "Consolidation was weak. They'd want help with a NetSuite migration, which you lacked."
    assert "netsuite" in ids(near, tx)


def test_a_role_with_a_modifier_names_the_job(tx: Taxonomy) -> None:
    text = (
        "The bakery loved your laminated doughs. You hadn't managed a team of bakers, and they'd "
        "happily have you for the weekend pastry role."
    )
    assert "pastry" not in ids(text, tx)
    near = (
        "The bakery loved your laminated doughs. You hadn't managed a team, and your pastry was "
        "weak."
    )
    assert "pastry" in ids(near, tx)
