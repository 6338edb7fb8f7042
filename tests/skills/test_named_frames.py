"""Frames around a named skill (twelfth session), found with written sentences that name a skill
as a gap or not (half of them; the other half measured the change): the one appointed instead,
advice in the imperative before "reapply", a scorecard's "beginner"; and what takes a named
skill back: "every new starter goes through our training", "was spot on"."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planner.skills import extract
from planner.skills.taxonomy import Taxonomy

Ids = Callable[[str], set[str]]


@pytest.mark.parametrize(
    ("sentence", "skill"),
    [
        ("The appointed candidate had finished the Diploma in Fundraising.",
         "certificate-in-fundraising"),
        ("The nurse we appointed had three years in hospice care behind her.", "palliative-care"),
        ("Learn Audition properly before applying for the producer job again.", "adobe-audition"),
        ("Take the MS-900 - it is only a few weeks of study - and then reapply.",
         "microsoft-365-fundamentals"),
        ("Petrel E&P - beginner", "petrel-software"),
        ("The appointee already held CBAP, which reassured the steering group.",
         "certified-business-analysis-professional"),
        ("Tunnel construction would be brand new to you, and this is a TBM drive from day one.",
         "tunnel-construction"),
        ("Revise the separation minima thoroughly before your next validation attempt.",
         "atc-separation-standards"),
        ("Pick up some nurse call maintenance experience and come back to us.",
         "nurse-call-systems"),
        ("In the case exercise your underwriting decisions for insurance ignored the claims "
         "history on two of the three risks.", "insurance-underwriting"),
        ("Once you have your CSCS card, get in touch again.", "cscs-card"),
        ("Ultimately we went with someone who'd led FINREP submissions at a larger bank.",
         "corep-and-finrep"),
        ("On the practical your flat fish filleting left a lot of flesh on the frame and the "
         "fillets were ragged.", "fish-filleting-techniques"),
        ("In the simulator you lost radar separation between two arrivals on base leg.",
         "atc-separation-standards"),
        # thirteenth session: praise taken back in the same breath; a label rated in words
        ("Your Lithuanian was good, though perhaps not quite strong enough yet for the client "
         "calls.", "lithuanian"),
        ("Your SQL was good, but it wasn't quite at the level we need.", "sql"),
        ("Service virtualization: limited", "service-virtualisation"),
        ("Aligning optics - slow and unsystematic.", "optical-alignment"),
        ("Typing from manuscript: 68% accuracy (pass mark 95%)", "manuscript-typing"),
    ],
)  # fmt: skip
def test_a_named_skill_in_these_frames_is_a_goal(goal_ids: Ids, sentence: str,
                                                 skill: str) -> None:
    assert skill in goal_ids(sentence)


@pytest.mark.parametrize(
    ("sentence", "skill"),
    [
        ("Don't worry about iTrent, every new starter goes through our system training.",
         "itrent"),
        ("Your technique for skinning fish fillets was spot on, not a scrap wasted.",
         "fish-filleting-techniques"),
        ("You already do high voltage testing daily in your current role, so that side was never "
         "in doubt.", "high-voltage-testing"),
        ("We'll train you on tunnel segment lining once you're on site.", "tunnel-construction"),
        ("We'll show you belt scraper adjustment ourselves, so don't worry that it came up.",
         "conveyor-belt-tracking"),
        ("Microsoft Copilot questions were just for interest and didn't count toward the score.",
         "microsoft-365-copilot"),
        # thirteenth session
        ("Don't read too much into the distributed data parallel question; it was a warm-up "
         "and wasn't scored.", "distributed-training"),
        ("You're already an ILS provider, so we wouldn't need to send you on the course.",
         "immediate-life-support"),
        ("Your existing FAA flight attendant certificate carries over, so you'd only need "
         "differences training.", "faa-flight-attendant-certificate"),
        ("As a holder of CST certification, you meet our minimum requirement.",
         "certified-surgical-technologist"),
        ("You're obviously fluent in RhinoGold, so that side of things was fine.",
         "jewellery-cad"),
        ("We'll put you through our clerk to governors induction regardless, so please don't "
         "see it as a barrier.", "clerking-to-governors"),
        ("Honestly, we don't need SunSystems experience; we train everyone who joins the team.",
         "infor-sunsystems"),
        ("Our machinist handles all spindle moulder setup, so joiners here don't need to touch "
         "it.", "spindle-moulder-setting"),
        ("Underwriting insurance risks for SME clients is already your day job, so the "
         "technical basics weren't in doubt.", "insurance-underwriting"),
        ("Your SQL was weak and we didn't assess Python.", "python"),
        # the role's title after the discount is not blanked together with it
        ("CSWIP wasn't a requirement for the fabricator role, but your weld test failed on the "
         "root run.", "cswip-3-1"),
    ],
)  # fmt: skip
def test_a_named_skill_taken_back_is_no_goal(goal_ids: Ids, sentence: str, skill: str) -> None:
    assert skill not in goal_ids(sentence)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        # a nice-to-have is still a goal; "didn't weigh the risks" is a gap, not a discount
        ("You didn't show how you'd build a Boolean search. Experience with Greenhouse would be a "
         "bonus.", "greenhouse"),
        ("In the written assessment, your analysis did not weigh the risks to the children "
         "clearly enough.", "risk-assessment"),
        ("You lacked Excel, so the modelling task was hard.", "microsoft-excel"),
        # a discount with its own object takes back that object, not the skill before it
        ("Your SQL was weak and we didn't assess Python.", "sql"),
        ("You don't meet our requirement for PRINCE2.", "prince2"),
        ("Your PRINCE2 knowledge was thin and we don't need to send you on the course.",
         "prince2"),
        ("That wasn't a problem but your Python was weak.", "python"),
    ],
)  # fmt: skip
def test_look_alikes_of_the_discounts_stay_goals(goal_ids: Ids, text: str, skill: str) -> None:
    assert skill in goal_ids(text)


@pytest.mark.parametrize(
    "letter",
    [
        "Thank you for applying. Please do apply again in future.",
        "Thank you for your interest. Once you have a moment, do get in touch.",
    ],
)
def test_a_form_letter_inviting_a_new_application_stays_a_form_letter(tx: Taxonomy,
                                                                     letter: str) -> None:
    res = extract(letter, taxonomy=tx)
    assert res.templated
    assert not res.goals
    assert not res.unnamed_reasons


@pytest.mark.parametrize(
    "sentence",
    [
        "In the role play you were asked to handle a complaint about a late delivery.",
        "In the case study you identified the key risks well and your risk assessment was "
        "thorough.",
    ],
)
def test_a_practical_described_neutrally_or_praised_gives_no_goal(goal_ids: Ids,
                                                                  sentence: str) -> None:
    assert goal_ids(sentence) == set()


@pytest.mark.parametrize(
    ("sentence", "skill"),
    [
        # praise with the shortfall named after it, or someone else chosen: not taken back
        ("Feedback from the recruiter: 'great CAD skills but not enough depth in GD&T and "
         "analysis'.", "autocad"),
        ("Your SQL was strong, but we went with someone else.", "sql"),
        ("Typing from manuscript: 97% accuracy (pass mark 95%)", "manuscript-typing"),
        ("SQL: strong", "sql"),
    ],
)  # fmt: skip
def test_praise_that_stands_gives_no_goal(goal_ids: Ids, sentence: str, skill: str) -> None:
    assert skill not in goal_ids(sentence)
