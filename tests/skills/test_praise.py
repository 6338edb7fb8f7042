"""Gap words that do not report a gap of the candidate's (planner/skills/praise.py, framing.py)."""

from __future__ import annotations

from planner.skills import extract
from planner.skills.cues import Cue, find_cues
from planner.skills.taxonomy import Taxonomy


def ids(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


def test_better_than_our_own_people_is_praise(tx: Taxonomy) -> None:
    text = (
        "Jordan clearly knows our Zendesk set-up better than some of our own agents. "
        "The written test, though, lacked any SQL."
    )
    assert ids(text, tx) == {"sql"}
    said = "Your Excel was better than most of our current analysts'."
    assert all(h.cue is Cue.STRENGTH for h in find_cues(said, 0, len(said)))


def test_better_than_a_bar_is_still_a_gap(tx: Taxonomy) -> None:
    assert "sql" in ids("We needed SQL better than what you showed in the exercise.", tx)


def test_no_prior_named_experience_required_is_no_gap(tx: Taxonomy) -> None:
    text = "You lacked Kubernetes depth. To be clear, no prior ADP experience was required."
    assert ids(text, tx) == {"kubernetes"}
    assert ids("No previous Salesforce CRM knowledge is needed; your SQL was weak.", tx) == {
        "sql"
    }


def test_exactly_what_we_wanted_is_praise(tx: Taxonomy) -> None:
    text = (
        "Your breastfeeding support advice was exactly what we'd want on the postnatal ward. "
        "You lacked NIPE experience."
    )
    assert ids(text, tx) == {"newborn-infant-physical-examination"}
    assert ids("Your SQL answers were just what we were looking for; Tableau was weak.", tx) == {
        "tableau"
    }


def test_not_exactly_what_we_wanted_is_still_a_gap(tx: Taxonomy) -> None:
    assert ids("Your SQL was not exactly what we were looking for.", tx) == {"sql"}
