"""Ambiguous forms, incidental mentions and the occupations the taxonomy covers."""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.matcher import find_mentions
from planner.skills.model import GoalKind
from planner.skills.senses import Ambiguity, Sense, SenseError, parse_senses
from planner.skills.taxonomy import Entry, Taxonomy, TaxonomyError


def ids(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


def test_parser_reads_forms_senses_context_and_default() -> None:
    (amb,) = parse_senses(["# comment", "GCP, gcp | *cloud: AWS deploy | clinic: trial Patients"])
    assert amb.forms == ("GCP", "gcp")
    assert amb.skill_ids == ("cloud", "clinic") and amb.default == "cloud"
    assert amb.senses[1].context == frozenset({"trial", "patients"})
    with pytest.raises(SenseError):
        list(parse_senses(["GCP"]))


def _small() -> Taxonomy:
    entries = [
        Entry("cloud", "Cloud computing", GoalKind.TECHNICAL),
        Entry("gcp-cloud", "Google Cloud", GoalKind.TOOL, broader=("cloud",)),
        Entry("aws", "AWS", GoalKind.TOOL, broader=("cloud",)),
        Entry("clinic", "Clinical research", GoalKind.TECHNICAL),
    ]
    amb = Ambiguity(
        ("GCP",), (Sense("gcp-cloud", frozenset({"deploy"})), Sense("clinic", frozenset({"trial"})))
    )
    return Taxonomy(entries, [amb])


def test_an_ambiguous_form_takes_the_sense_its_context_speaks_for() -> None:
    tx = _small()
    assert tx.conflicts == [] and tx.lookup("GCP") is not None
    by_word = find_mentions("We run every trial under GCP.", tx)
    by_skill = find_mentions("You know AWS but not GCP.", tx)
    assert [m.skill_id for m in by_word] == ["clinic"]
    assert [m.skill_id for m in by_skill] == ["aws", "gcp-cloud"]
    assert find_mentions("More GCP please.", tx) == []  # no evidence and no default


def test_the_caller_can_give_a_wider_context() -> None:
    tx = _small()
    found = find_mentions("More GCP please.", tx, context="Clinical trial role. More GCP please.")
    assert [m.skill_id for m in found] == ["clinic"]


def test_a_sense_must_be_an_entry() -> None:
    amb = Ambiguity(("X",), (Sense("missing", frozenset()),))
    with pytest.raises(TaxonomyError, match="missing"):
        Taxonomy([], [amb])


@pytest.mark.parametrize(
    ("text", "want", "unwanted"),
    [
        (
            "You haven't worked under GCP and had little exposure to clinical trial protocols.",
            "clinical-research",
            "google-cloud-platform",
        ),
        (
            "Most of our workloads run on GCP and you hadn't used GKE in production.",
            "google-cloud-platform",
            "clinical-research",
        ),
        (
            "You were unsure about EC2 design checks for reinforced concrete beams.",
            "eurocodes",
            "amazon-ec2",
        ),
        (
            "For the IT support role, you weren't confident with MDM: enrolling laptops and "
            "phones for new starters.",
            "endpoint-management",
            "data-management",
        ),
        (
            "The data governance team found you had little experience of MDM and golden records.",
            "data-management",
            "endpoint-management",
        ),
        (
            "You were shaky on Erlang when we asked how you'd staff the contact centre for the "
            "Monday call volumes.",
            "forecasting-for-operations",
            "erlang",
        ),
        (
            "Our messaging backend is written in Erlang and you hadn't used it or OTP before.",
            "erlang",
            "forecasting-for-operations",
        ),
        (
            "You don't hold the CSCS from the NSCA yet, and our athletes' strength coaches all do.",
            "certified-strength-and-conditioning-specialist",
            "cscs-card",
        ),
        (
            "You didn't have a CSCS yet, and every labourer on our sites needs one.",
            "cscs-card",
            "certified-strength-and-conditioning-specialist",
        ),
    ],
)
def test_shipped_senses_follow_the_field(tx: Taxonomy, text: str, want: str, unwanted: str) -> None:
    got = ids(text, tx)
    assert want in got and unwanted not in got


def test_metrics_named_in_passing_are_no_goal(tx: Taxonomy) -> None:
    text = "Our SDRs are measured on a handful of KPIs. You didn't ask enough discovery questions."
    assert ids(text, tx) == {"discovery-questioning"}


def test_a_tool_named_as_a_source_or_a_channel_is_no_goal(tx: Taxonomy) -> None:
    text = (
        "Thanks for joining us over Zoom. I've attached the aging report I exported from Sage. "
        "You weren't familiar with three-way matching."
    )
    assert ids(text, tx) == {"three-way-matching"}


def test_a_gap_about_the_same_tool_still_counts(tx: Taxonomy) -> None:
    assert "salesforce" in ids("You hadn't pulled reports from Salesforce before.", tx)


def test_a_mention_in_a_sentence_that_gives_no_reason_is_no_goal(tx: Taxonomy) -> None:
    text = (
        "Thanks for your interview for our contact centre. "
        "We'd suggest working on your de-escalation."
    )
    assert ids(text, tx) == {"complaint-handling"}


def test_a_list_after_a_reason_keeps_its_items(tx: Taxonomy) -> None:
    text = "You need more MLOps experience:\n- model deployment, monitoring, Docker"
    assert "docker" in ids(text, tx)


def test_the_role_the_text_is_about_is_no_goal(tx: Taxonomy) -> None:
    text = "For this SOC role we would also want to see Security+."
    assert ids(text, tx) == {"comptia-security-plus"}


def test_confidence_with_a_hard_skill_is_the_hard_skill(tx: Taxonomy) -> None:
    text = "We'd want to see more confidence with source data verification."
    assert ids(text, tx) == {"source-data-verification"}


def test_a_requirement_word_before_competent_is_a_bar_not_praise(tx: Taxonomy) -> None:
    text = "We need nurses on this unit to be competent with NG tube care."
    assert ids(text, tx) == {"enteral-feeding"}


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Your answers made your impact hard to judge.", "demonstrating-impact"),
        ("We'd suggest tightening your answers; they were long-winded.", "concise-communication"),
        ("You couldn't say why you wanted to join us.", "motivation-for-the-role"),
        ("Practising with a few mock interviews could help.", "interview-preparation"),
        ("We'd encourage you to work on managing up.", "stakeholder-management"),
        (
            "You struggled to explain the design to non-technical stakeholders.",
            "explaining-technical-concepts",
        ),
    ],
)
def test_soft_and_job_search_paraphrases(tx: Taxonomy, text: str, skill_id: str) -> None:
    assert skill_id in ids(text, tx)


@pytest.mark.parametrize(
    "skill_id",
    [
        "early-warning-scores",  # nursing
        "source-data-verification",  # clinical research
        "controlled-drugs-management",  # pharmacy
        "three-way-matching",  # accounts payable
        "lease-accounting",  # accounting
        "tachograph-compliance",  # transport
        "slotting-optimization",  # warehousing
        "threat-hunting",  # security operations
        "civil-procedure",  # legal
        "safeguarding",  # education and social care
        "inspection-and-testing",  # trades
        "revenue-management",  # hospitality
        "incrementality-testing",  # marketing
        "boolean-search",  # recruiting
        "failure-mode-and-effects-analysis",  # manufacturing
        "green-book-appraisal",  # public sector
    ],
)
def test_taxonomy_covers_occupations_outside_software(tx: Taxonomy, skill_id: str) -> None:
    assert skill_id in tx


def test_every_shipped_ambiguity_names_entries_and_is_indexed(tx: Taxonomy) -> None:
    ambiguities = tx.ambiguities()
    assert len(ambiguities) >= 20
    for amb in ambiguities:
        assert all(sid in tx for sid in amb.skill_ids)
        assert amb.default is None or amb.default in amb.skill_ids


@pytest.mark.parametrize(("text", "expected"), [
    ("You lacked experience with night trunking for an HGV class 1 driver.", set()),
    ("Your VLAN trunking and switching knowledge was weak.", {"network-administration"}),
    ("You struggled with cable trunking and conduit on the electrical test.",
     {"electrical-containment"}),
    ("You were unfamiliar with the case management system our solicitors use for court deadlines.",
     {"case-management-for-litigation"}),
    ("You needed more case management experience supporting families with complex care needs.",
     {"case-management"}),
    ("You had no experience with call quality monitoring.", {"call-quality-monitoring"}),
])
def test_trunking_and_case_management_take_the_field_s_sense(
        text: str, expected: set[str], tx: Taxonomy) -> None:
    assert ids(text, tx) & {"network-administration", "electrical-containment", "case-management",
                            "case-management-for-litigation", "call-quality-monitoring",
                            "observability"} == expected
