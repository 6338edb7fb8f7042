"""Entries and aliases the fifth job-description round asked for (tools, certifications and lab
skills its postings named that the taxonomy lacked). Each case failed before the data change."""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.taxonomy import Taxonomy


def goals(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


@pytest.mark.parametrize(
    ("sentence", "skill_id"),
    [
        ("The panel wanted someone who had run renewals in ChurnZero.", "churnzero"),
        ("You had not used a legal case management system such as Proclaim.",
         "legal-case-management-systems"),
        ("We needed more experience of CAFM systems like Planon.", "cafm-systems"),
        ("You lacked experience with Azure SQL Database.", "azure-sql-database"),
        ("We would have liked to see the DP-300 certification.",
         "azure-database-administrator-associate"),
        ("The role needs a CICM qualification, which you don't yet hold.", "cicm-qualification"),
        ("You would need an IWFM qualification for this level.", "iwfm-qualification"),
        ("Staff here must hold Team Teach, and you had not done it.", "team-teach"),
        ("Your answers on analytical method validation were below the bar.",
         "method-validation"),
        ("You had not processed chromatograms in Waters Empower.", "empower-cds"),
        ("The panel felt your tender writing needed more practice.",
         "request-for-proposal-writing"),
        ("You had not scheduled planned preventative maintenance before.",
         "preventive-maintenance"),
    ],
)
def test_new_entry_found(tx: Taxonomy, sentence: str, skill_id: str) -> None:
    assert skill_id in goals(sentence, tx)


@pytest.mark.parametrize(
    "sentence",
    ["You need EPA 608 Universal certification, which you do not hold.", "You lacked EPA 608."],
)
def test_epa_608_is_the_certificate(tx: Taxonomy, sentence: str) -> None:
    """"EPA 608" names the certificate, not the refrigerant-handling skill it licenses."""
    assert goals(sentence, tx) == {"epa-608-certification"}


@pytest.mark.parametrize(
    "sentence",
    [
        "We want to empower you to grow: you lacked stakeholder management.",
        "Our mission is to proclaim good news; you lacked stakeholder management.",
    ],
)
def test_common_words_are_not_tools(tx: Taxonomy, sentence: str) -> None:
    """guard: "empower" and "proclaim" in ordinary prose name no tool."""
    found = goals(sentence, tx)
    assert "stakeholder-management" in found
    assert not found & {"empower-cds", "legal-case-management-systems"}
