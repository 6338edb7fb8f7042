"""Interview notes and asides (eleventh session): what a note says the candidate holds, what
the employer says does not count, a short label before a dash, and a few more ways feedback
gives its reason ("what cost you was ...", "if you had asked ...", "Main issue: ...")."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from planner.skills import extract
from planner.skills.taxonomy import Taxonomy

Ids = Callable[[str], set[str]]
GAP = "Your stakeholder management was weak."


@pytest.mark.parametrize(
    ("aside", "tool"),
    [
        ("Our bid library sits in Loopio; don't worry about that.", "bid-library-software"),
        ("The exercise used Proactis, our e-procurement system; we do not expect candidates to "
         "have used it.", "e-procurement-systems"),
        ("Our SEO team lives in Ahrefs, which you'd have picked up quickly.", "ahrefs"),
        ("We use Xero, which you would pick up fast.", "xero"),
        ("The hospital runs ezyVet; trained on induction.",
         "veterinary-practice-management-software"),
    ],
)  # fmt: skip
def test_a_tool_the_employer_says_does_not_count_is_no_goal(
    goal_ids: Ids, aside: str, tool: str
) -> None:
    got = goal_ids(f"{GAP} {aside}")
    assert "stakeholder-management" in got
    assert tool not in got


def test_what_a_note_says_the_candidate_holds_is_no_goal(goal_ids: Ids) -> None:
    note = (
        "Site manager interview notes\n"
        "- Temporary works: could not explain when a coordinator is needed.\n"
        "+ Holds SMSTS and a CSCS Black Card.\n"
    )
    got = goal_ids(note)
    assert "temporary-works" in got
    assert not got & {"smsts", "cscs-card", "nvq-level-6-construction-site-management"}


def test_a_note_that_says_what_is_missing_still_gives_it(goal_ids: Ids) -> None:
    assert "smsts" in goal_ids("Notes\n- Has no SMSTS; could not explain temporary works.\n")
    assert "smsts" in goal_ids("Notes\n- Holds a CSCS card but no SMSTS yet.\n")


def test_a_grade_held_alone_leaves_the_card_a_goal(goal_ids: Ids) -> None:
    note = "Trade test\n- holds CISRS Part 1 only, Part 2 card required for this grade\n"
    assert "cisrs-scaffolder-card" in goal_ids(note)


def test_a_sentence_about_the_site_is_not_a_company_blurb(goal_ids: Ids) -> None:
    text = (
        "Thank you for coming in. The site runs Allen-Bradley PLCs and most breakdowns need "
        "someone to go online and read the ladder logic."
    )
    assert "plc-programming" in goal_ids(text)


def test_a_company_naming_itself_is_still_a_blurb(goal_ids: Ids) -> None:
    text = (
        "Thank you for applying. Acme Robotics builds warehouse robots with ROS and Python. "
        "Unfortunately we will not be progressing your application."
    )
    assert goal_ids(text) == set()


def test_a_status_line_with_a_reason_is_not_a_form_letter(goal_ids: Ids) -> None:
    note = "Mortgage adviser call\n- Not progressed: no CeMAP yet, role needs full CeMAP\n"
    assert "cemap" in goal_ids(note)


def test_no_news_yet_is_still_a_form_letter(tx: Taxonomy) -> None:
    res = extract(
        "Thank you for applying. We have no update yet on other roles. We will keep your CV on "
        "file.",
        taxonomy=tx,
    )
    assert res.goals == () and res.unnamed_reasons == ()


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Thanks for the interview. What cost you was the GNSS side: you'd only used a rover "
         "twice.", "gnss-surveying"),
        ("Thanks for the interview. You would have made a stronger impression if you had asked "
         "questions for the panel at the end.", "questions-for-the-interviewer"),
        ("Chef de partie trial - notes\n- Good knife skills.\n- Main issue: menu costing.\n",
         "food-costing"),
        ("Thanks for the interview.\nDrainage design - limited experience; could not explain how "
         "he'd size an attenuation tank.", "highway-design"),
        ("Thanks for the interview. Nobody on the panel felt confident about your SQL.", "sql"),
    ],
)  # fmt: skip
def test_more_ways_of_giving_the_reason(goal_ids: Ids, text: str, skill: str) -> None:
    assert skill in goal_ids(text)


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Interview notes\nPython - good.\nSQL - weak.\n", "python"),
        ("Chef de partie application - what should I work on?", "chef"),
    ],
)
def test_a_dash_label_frames_a_gap_only_when_the_words_after_it_say_so(
    goal_ids: Ids, text: str, skill: str
) -> None:
    assert skill not in goal_ids(text)
