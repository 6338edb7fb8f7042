"""Reasons that name no skill (planner/skills/reasons.py): returned for the person to name,
never turned into a guessed goal."""

from __future__ import annotations

from planner.skills import extract
from planner.skills.cuekinds import Cue, CueHit
from planner.skills.reasons import states_a_reason
from planner.skills.taxonomy import Taxonomy
from tests.texts import UNNAMED_REASON as DESCRIBED

FORM_LETTER = (
    "Thank you for your interest in the role. After careful consideration we have decided to move "
    "forward with other candidates. We wish you the best in your search."
)


def reasons(text: str, tx: Taxonomy) -> list[str]:
    return [e.text for e in extract(text, taxonomy=tx).unnamed_reasons]


def test_a_gap_in_words_naming_no_skill_is_returned_not_guessed(tx: Taxonomy) -> None:
    res = extract(DESCRIBED, taxonomy=tx)
    assert res.goals == ()
    [reason] = res.unnamed_reasons
    assert reason.text.startswith("When the panel asked how you would decide")
    assert DESCRIBED[reason.start : reason.end] == reason.text and reason.source == "feedback"
    # it gave a reason, so it is no form letter; with no goal it still asks for specifics,
    # and the situation it describes is what to rehearse
    assert res.templated is False
    assert [a.kind for a in res.actions] == ["request_feedback", "rehearse_described_gaps"]
    assert f"“{reason.text}”" in res.actions[1].detail
    assert res.to_dict()["unnamed_reasons"] == [
        {"text": reason.text, "start": reason.start, "end": reason.end, "source": "feedback"}
    ]


def test_a_form_letter_has_no_reasons_and_stays_templated(tx: Taxonomy) -> None:
    res = extract(FORM_LETTER, taxonomy=tx)
    assert res.unnamed_reasons == () and res.templated is True
    assert [a.kind for a in res.actions] == ["request_feedback"]


def test_a_sentence_a_goal_comes_from_is_not_repeated(tx: Taxonomy) -> None:
    text = (
        "Thanks for your time. You didn't explain what you would do differently if the same "
        "tenant fell behind again, and the panel felt you rushed the last part. Your SQL was not "
        "strong enough either."
    )
    res = extract(text, taxonomy=tx)
    assert [g.skill_id for g in res.goals] == ["sql"]
    assert [e.text[:21] for e in res.unnamed_reasons] == ["You didn't explain wh"]
    assert [a.kind for a in res.actions] == ["rehearse_described_gaps"]  # goals: no ask


def test_a_named_but_discounted_skill_is_not_an_unnamed_reason(tx: Taxonomy) -> None:
    text = (
        "Your written summary for the client was too long and did not pull out the points in "
        "dispute. We use Clio here, which you had not used before, but that did not count "
        "against you."
    )
    assert reasons(text, tx) == [
        "Your written summary for the client was too long and did not pull out the points in "
        "dispute."
    ]


def test_a_skill_set_aside_as_the_candidates_own_does_not_hide_the_reason(tx: Taxonomy) -> None:
    text = (
        "Thanks for coming in. He has only used Sage 50 and could not explain how he would close "
        "the month without the accountant's help."
    )
    res = extract(text, taxonomy=tx)
    assert res.goals == ()  # Sage 50 is what he has, not what he lacks
    assert [e.text[:25] for e in res.unnamed_reasons] == ["He has only used Sage 50 "]


def test_words_of_an_outcome_line_inside_a_reason_do_not_hide_it(tx: Taxonomy) -> None:
    text = (
        "Thanks for coming in. Your map of the returns flow had no lanes or decision points, so "
        "it was hard to follow, and you went to a recommendation without weighing the options."
    )
    assert len(reasons(text, tx)) == 1
    for label in ("Verdict:", "- Verdict:", "* Overall - outcome:"):
        line = f"{label} he could not explain how he would plan the week ahead."
        assert reasons(line, tx) == [], line


def test_praise_outcome_lines_headings_and_questions_are_no_reasons(tx: Taxonomy) -> None:
    for text in (
        "The role-play (a caller who could not log in) went well, and your manner was excellent.",
        "We use Clio for matters; no prior experience with it is needed for this post at all.",
        "Our bid library sits in Loopio, so please don't worry about the tools you have not used.",
        "After the final round we decided not to extend an offer to anyone from this stage.",
        "The panel liked your manner, and the exercise went well, no complaints at all there.",
        "Two things held you back:\n- Not appointed.\n- Sorry it is not better news.",
        "Unfortunately we will not be making you an offer on this occasion, as you lacked depth.",
        "They have gone with someone who had more experience of the day-to-day side.",
        "Could you tell me why I didn't get through to the next round of interviews?",
    ):
        assert reasons(text, tx) == [], text


def test_at_most_five_reasons_are_returned(tx: Taxonomy) -> None:
    text = " ".join(
        f"In part {n} of the exercise you did not say what you would check before calling back."
        for n in range(1, 9)
    )
    assert len(reasons(text, tx)) == 5


def test_states_a_reason_needs_a_gap_cue_and_enough_words() -> None:
    gap = [CueHit(Cue.GAP, 0, 4)]
    assert states_a_reason("We'd have liked more on how you would plan the week ahead.", gap)
    assert not states_a_reason("We'd have liked more.", gap)  # too short to say what
    assert not states_a_reason("The role requires someone who can plan the week ahead.", [
        CueHit(Cue.REQUIREMENT, 4, 12)])
    assert not states_a_reason(
        "We'd have liked more on this, but your answers went really well.",
        [*gap, CueHit(Cue.STRENGTH, 40, 50)],
    )


def test_no_complaints_is_praise_not_a_gap(tx: Taxonomy) -> None:
    text = "The panel found your Excel work spot on, no complaints there. You lacked SQL though."
    assert {g.skill_id for g in extract(text, taxonomy=tx).goals} == {"sql"}
