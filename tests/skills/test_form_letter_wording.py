"""A form letter's own wording gives no goal and lists no reason (thirteenth session, from 80
form letters written for it by another engineer): the process and the pool ("this recruitment
has been placed on hold", "no further action", "places are limited"), the advert's requirements
repeated as a list, signposting and sympathy ("you may find the National Careers Service
helpful", "job hunting can be a grind"), the employer's own things ("Our funding application was
not approved", "the Board's applicant tracking system") and mail footers. The letters here are
written for these tests; most failed before the rules, and the rest ("places are limited", "not
been placed on the panel", "the competitive nature") guard lines that other letters mixed in."""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.taxonomy import Taxonomy


def _letter(body: str) -> str:
    return (
        f"Dear Sam,\n\nThank you for applying for the Customer Assistant post.\n\n{body}\n\n"
        "Kind regards,\nPeople Team"
    )


@pytest.mark.parametrize(
    "body",
    [
        "Please be advised that this recruitment has been placed on hold pending budget approval, "
        "and no further action will be taken on applications at this time.",
        "We have decided to pursue other applicants. For reference, the position as advertised "
        "calls for:\n  - Six months or more of cash handling experience\n  - Excellent customer "
        "service skills",
        "For independent careers advice, you may also find the National Careers Service and your "
        "university careers service helpful.",
        "We know job hunting can be a grind, so we wanted to give you a real answer rather than "
        "leave you hanging.",
        "Our funding application for the outreach project was not approved, so we can't proceed "
        "with recruitment until we've secured other funding.",
        "Northgate will never ask you to change bank details by email. If you have received it in "
        "error, please notify the sender and delete it.",
        # a second batch of 60 letters
        "The Trust also runs a support worker academy: a paid two-week induction covering the "
        "Care Certificate, manual handling, infection prevention and control and basic life "
        "support.",
        "We aren't able to give individual feedback, but here are a few tips we share with "
        "everyone:\n- Know our business. Take a look at our store formats.\n- Use the STAR "
        "technique to give structure to your answers.",
        "As a reminder, the role involves producing our weekly podcast, editing in Adobe Audition "
        "and Pro Tools, and cutting clips for social.",
        "All successful candidates complete a certified aviation security training course before "
        "starting duties.",
        "If store management isn't for you, we also run graduate schemes in logistics and "
        "sustainability.",
        "We're unable to provide individual results, as our testing is run by an independent "
        "aviation psychology provider.",
    ],
)
def test_a_form_letters_wording_gives_no_goal(tx: Taxonomy, body: str) -> None:
    res = extract(_letter(body), taxonomy=tx)
    assert [g.skill_id for g in res.goals] == []
    assert res.templated


@pytest.mark.parametrize(
    "body",
    [
        "No appointment will be made and the recruitment process has now closed.",
        "Places are limited and are allocated in line with the needs of the service.",
        "I regret that your name has not been placed on the panel from which appointments will "
        "be made.",
        "The pool for the spring term is now at capacity and we cannot add further names.",
        "This doesn't have to be the end of your journey with us, though.",
        "We're always trying to make our interview process better for everyone.",
        "If you're still looking in the autumn give me a call, we usually pick up more work then.",
        "I'll text you if more shifts open up over the next few weeks.",
        "No eligible list will be established from this recruitment campaign.",
        "Due to the competitive nature of this occupation, you have not been selected this time.",
        "But we really don't want to lose touch with you!",
        "I'm afraid it's our policy not to give detailed feedback on individual interviews.",
        "We had over ninety applications and I'm afraid you haven't made the shortlist this time.",
        "Please don't hesitate to call me directly with any questions.",
    ],
)
def test_a_form_letters_process_lines_are_no_reason(tx: Taxonomy, body: str) -> None:
    res = extract(_letter(body), taxonomy=tx)
    assert res.unnamed_reasons == ()
    assert res.templated


@pytest.mark.parametrize(
    ("body", "skill"),
    [
        ("We need someone with three years or more of Xero experience, and you have one.", "xero"),
        ("We would have liked to hear more about how you'd mature our integrated business "
         "planning process.", "integrated-business-planning"),
        ("Operators must pass our cosmetic inspection qualification before working on the line, "
         "and you haven't yet.", "cosmetic-visual-inspection"),
        ("Your recruitment experience was thin for a talent partner role.", "recruiting"),
        ("We'd advise you to get your PRINCE2 before applying again.", "prince2"),
        ("We are recruiting a Welder/Fabricator and you lacked Excel.", "microsoft-excel"),
        ("We're unable to give detailed feedback, but the panel felt your Excel skills were below "
         "the level we need.", "microsoft-excel"),
    ],
)  # fmt: skip
def test_a_reason_in_a_letter_still_gives_its_goal(tx: Taxonomy, body: str, skill: str) -> None:
    assert skill in {g.skill_id for g in extract(_letter(body), taxonomy=tx).goals}


@pytest.mark.parametrize(
    ("sentence", "skill"),
    [
        ("The Board's applicant tracking system doesn't always send updates, so please check "
         "your account.", "applicant-tracking-systems"),
        ("Our funding application was not approved this year.", "grant-writing"),
    ],
)  # fmt: skip
def test_the_employers_own_named_after_its_possessive_is_no_goal(
    tx: Taxonomy, sentence: str, skill: str
) -> None:
    assert skill not in {g.skill_id for g in extract(sentence, taxonomy=tx).goals}
