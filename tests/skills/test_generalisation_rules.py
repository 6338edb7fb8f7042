"""Rules added while widening coverage (dev3): paraphrases, senses, cues, matching and the
job description + resume rules. Each case failed before its rule existed."""

from __future__ import annotations

from planner.skills import extract
from planner.skills.jobdesc import requirements
from planner.skills.matcher import find_mentions
from planner.skills.taxonomy import Taxonomy


def _ids(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


def _pair(jd: str, resume: str, tx: Taxonomy) -> set[str]:
    res = extract("Here is the job and my CV.", jd, resume, taxonomy=tx)
    return {g.skill_id for g in res.goals}


# --- paraphrases -------------------------------------------------------------------------------


def test_description_without_analysis_is_analytical_writing(tx: Taxonomy) -> None:
    text = (
        "The panel felt your written exercise described the family's situation in detail but "
        "did not analyse it."
    )
    assert "analytical-writing" in _ids(text, tx)


def test_model_behind_an_api_is_mlops(tx: Taxonomy) -> None:
    text = "When we got to serving, you hadn't put a model behind an API or thought about latency."
    assert "mlops" in _ids(text, tx)


def test_supplier_missing_kpis_is_supplier_performance(tx: Taxonomy) -> None:
    text = "Your answer about managing a supplier who was missing KPIs stayed quite general."
    assert "supplier-performance-management" in _ids(text, tx)


def test_cash_that_does_not_balance_is_cash_office(tx: Taxonomy) -> None:
    text = "In the till exercise your cash didn't balance at the end of the session."
    assert "cash-office" in _ids(text, tx)


# --- senses ------------------------------------------------------------------------------------


def test_tenders_are_the_buyers_competition_in_procurement(tx: Taxonomy) -> None:
    buyer = (
        "You had not run tenders before and could not explain how suppliers are evaluated "
        "under the procurement regulations."
    )
    seller = "You had not written tenders before; our sales team bids for every client contract."
    assert "tendering" in _ids(buyer, tx)
    assert "request-for-proposal-writing" not in _ids(buyer, tx)
    assert "request-for-proposal-writing" in _ids(seller, tx)


def test_valuations_of_houses_are_property_valuation(tx: Taxonomy) -> None:
    text = (
        "Your valuations were weak: you priced the flat well above what had sold "
        "on the street and could not justify it to the vendor."
    )
    ids = _ids(text, tx)
    assert "property-valuation" in ids and "valuation" not in ids


# --- cues and matching -------------------------------------------------------------------------


def test_practice_inside_a_skill_name_is_not_advice(tx: Taxonomy) -> None:
    text = (
        "The manager said I'm strong on relationship-based practice but need to be sharper "
        "on the Care Act."
    )
    ids = _ids(text, tx)
    assert "relationship-based-practice" not in ids
    assert "social-care-assessment" in ids


def test_names_with_an_ampersand_or_brackets_match(tx: Taxonomy) -> None:
    text = "Tracked runs in Weights & Biases; trained as an IR(ME)R operator."
    found = {m.skill_id for m in find_mentions(text, tx)}
    assert {"weights-and-biases", "irmer"} <= found


# --- job description + resume ------------------------------------------------------------------


def test_bullets_straight_after_the_title_are_requirements(tx: Taxonomy) -> None:
    jd = "Site Engineer\nCarrick Infrastructure\n\n- AutoCAD\n- SMSTS or SSSTS\n"
    assert {"autocad", "smsts", "sssts"} <= {r.skill_id for r in requirements(jd, tx)}


def test_python_for_data_analysis_is_not_python_or_data_analysis(tx: Taxonomy) -> None:
    jd = "Nice to have\n- Python for data analysis\n"
    asked = {r.skill_id: r for r in requirements(jd, tx)}
    assert asked["python"].alternatives == ()
    resume = "Analyst\n- Analysed weekly sales data in Excel\n"
    assert "python" in _pair(jd, resume, tx)


def test_a_qualification_in_progress_meets_working_towards(tx: Taxonomy) -> None:
    resume = "Procurement Assistant\n- Studying for CIPS Level 4 Diploma\n"
    accepts = "Essential criteria\n- MCIPS or working towards CIPS qualification\n"
    strict = "Essential criteria\n- MCIPS qualification\n"
    assert "cips-qualification" not in _pair(accepts, resume, tx)
    assert "cips-qualification" in _pair(strict, resume, tx)


def test_resume_shows_a_skill_in_other_words(tx: Taxonomy) -> None:
    jd = "What we need from you\n- Budget management\n- Supplier management\n"
    resume = (
        "Events Assistant\n- Kept each event within the client's budget and tracked costs "
        "against quotes\n- Booked and briefed caterers, florists and AV suppliers\n"
    )
    goals = _pair(jd, resume, tx)
    assert "budget-management" not in goals
    assert "vendor-management" not in goals
