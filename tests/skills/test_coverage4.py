"""Coverage round 4: aliases and senses left over from earlier dev rounds.

Each alias test failed before its data line was added; each sense rule has a test for the
sense it adds and one that the default (or the other sense) still holds.
"""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.matcher import find_mentions
from planner.skills.taxonomy import Taxonomy


def mentioned(text: str, tx: Taxonomy) -> set[str]:
    return {m.skill_id for m in find_mentions(text, tx)}


def goals(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


# --- Aliases ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "skill_id"),
    [
        ("purchase ledger", "accounts-payable"),
        ("bought ledger", "accounts-payable"),
        ("sales ledger", "accounts-receivable"),
        ("MEDDICC", "solution-selling"),
        ("email nurture", "marketing-automation"),
        ("lead nurturing", "marketing-automation"),
        ("Best Interests Assessor", "mental-capacity-act"),
    ],
)
def test_alias_names_its_entry(tx: Taxonomy, phrase: str, skill_id: str) -> None:
    assert tx.lookup(phrase) is not None and tx.lookup(phrase).skill_id == skill_id


def test_ledger_sides_are_payables_and_receivables(tx: Taxonomy) -> None:
    text = (
        "You had run the purchase ledger for one entity only, and the sales ledger work on "
        "chasing debtors was new to you."
    )
    got = mentioned(text, tx)
    assert {"accounts-payable", "accounts-receivable"} <= got
    assert "general-ledger" not in got and "sales" not in got


def test_meddicc_is_named_with_meddic(tx: Taxonomy) -> None:
    # The labelled sets file MEDDIC, MEDDICC and MEDDPICC under solution selling.
    text = "We qualify every opportunity with MEDDICC and you could not name the economic buyer."
    assert "solution-selling" in mentioned(text, tx)


def test_nurture_emails_are_marketing_automation(tx: Taxonomy) -> None:
    text = "You hadn't built an email nurture for trial users, nor any lead nurturing in Marketo."
    got = mentioned(text, tx)
    assert "marketing-automation" in got and "lead-scoring" not in got


# --- Senses ----------------------------------------------------------------------------------


def test_sentinel_in_a_security_note_is_the_siem(tx: Taxonomy) -> None:
    text = ("You hadn't written analytics rules in Sentinel for our SOC and your detections "
            "were thin.")
    assert "siem" in mentioned(text, tx)


@pytest.mark.parametrize(
    "text",
    [
        "Sentinel lymph node biopsy patients need close post-operative observations on the ward.",
        "We were impressed by your sentinel role on the night watch.",
    ],
)
def test_sentinel_elsewhere_names_no_siem(tx: Taxonomy, text: str) -> None:
    assert "siem" not in mentioned(text, tx)


def test_sentinel_card_is_still_track_safety(tx: Taxonomy) -> None:
    assert mentioned("You don't yet hold a Sentinel card.", tx) == {"personal-track-safety"}


def test_telemetry_on_a_cardiac_ward_is_cardiac_care(tx: Taxonomy) -> None:
    text = (
        "On the cardiac ward you weren't confident reading telemetry for patients recovering "
        "from a heart attack."
    )
    got = mentioned(text, tx)
    assert "cardiac-care" in got and "observability" not in got


def test_telemetry_by_default_is_software_observability(tx: Taxonomy) -> None:
    text = "You couldn't explain what telemetry you would add to the checkout service."
    assert "observability" in mentioned(text, tx)
    assert "game-analytics" in mentioned("Which player telemetry would you look at?", tx)


def test_vehicle_telemetry_in_a_fleet_is_telematics(tx: Taxonomy) -> None:
    text = "You hadn't used vehicle telemetry to plan routes for our fleet of HGV drivers."
    got = mentioned(text, tx)
    assert "telematics" in got and "observability" not in got


def test_service_level_in_a_contact_centre_is_workforce_forecasting(tx: Taxonomy) -> None:
    text = (
        "In the contact centre you couldn't say how you'd recover service level when call "
        "volumes spiked and agents were on breaks."
    )
    got = mentioned(text, tx)
    assert "forecasting-for-operations" in got and "service-level-agreements" not in got


def test_service_levels_elsewhere_stay_agreements(tx: Taxonomy) -> None:
    text = "You weren't able to negotiate service levels with the outsourced IT supplier."
    assert "service-level-agreements" in mentioned(text, tx)


def test_bia_in_social_care_is_best_interests_work(tx: Taxonomy) -> None:
    text = (
        "As a social worker you had not yet done BIA training, and care home residents who "
        "lack capacity are much of this caseload."
    )
    got = mentioned(text, tx)
    assert "mental-capacity-act" in got and "business-continuity-management" not in got


def test_bia_elsewhere_stays_business_impact_analysis(tx: Taxonomy) -> None:
    text = ("Your BIA for the data centre was incomplete and the recovery time objectives were "
            "missing.")
    assert "business-continuity-management" in mentioned(text, tx)


def test_a_donor_pipeline_is_fundraising_not_sales(tx: Taxonomy) -> None:
    text = ("For the major gifts role, you hadn't built a donor pipeline of high-net-worth "
            "supporters.")
    got = goals(text, tx)
    assert "fundraising" in got and "sales-pipeline-management" not in got


def test_a_sales_pipeline_is_still_sales(tx: Taxonomy) -> None:
    text = "As an account executive you hadn't built your own pipeline of new business."
    assert "sales-pipeline-management" in goals(text, tx)
