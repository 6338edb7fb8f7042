"""Coverage and grain of the taxonomy data (issue 3, coverage round).

Entries for occupations the taxonomy did not cover, aliases moved to the entry a coach writes,
qualification levels as separate entries, senses for words whose skill depends on the field,
and paraphrases for gaps described in plain words.
"""

from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.matcher import find_mentions
from planner.skills.paraphrase import find_paraphrases
from planner.skills.taxonomy import Taxonomy, is_plural


def mentioned(text: str, tx: Taxonomy) -> set[str]:
    return {m.skill_id for m in find_mentions(text, tx)}


def paraphrased(text: str) -> set[str]:
    return {h.skill_id for h in find_paraphrases(text)}


def goals(text: str, tx: Taxonomy) -> set[str]:
    return {g.skill_id for g in extract(text, taxonomy=tx).goals}


# --- Coverage: core skills of occupations the taxonomy lacked --------------------------------


@pytest.mark.parametrize(
    ("phrase", "skill_id"),
    [
        ("slit lamp", "slit-lamp-examination"),
        ("contact lens aftercare", "contact-lens-practice"),
        ("GNSS surveys", "gnss-surveying"),
        ("policy wordings", "policy-wordings"),
        ("threat and error management", "threat-and-error-management"),
        ("SPAD procedures", "railway-rule-book"),
        ("Spectrum standard", "collections-management"),
        ("preventive conservation", "preventive-conservation"),
        ("digital preservation", "digital-preservation"),
        ("secretary hand", "palaeography"),
        ("termbase", "terminology-management"),
        ("legal translation", "legal-translation"),
        ("monitor mixes", "monitor-mixing"),
        ("colour grading", "colour-grading"),
        ("LUFS", "audio-mixing"),
        ("sources and sinks", "game-balancing"),
        ("player telemetry", "game-analytics"),
        ("Level 3 Personal Training qualification", "level-3-personal-training"),
        ("exercise referral", "exercise-referral"),
        ("resting hand splint", "splinting"),
        ("IDDSI framework", "iddsi-framework"),
        ("soft tissue surgery", "veterinary-surgery"),
        ("BASIS certificate", "basis-certificate"),
        ("Sustainable Farming Incentive", "agri-environment-schemes"),
        ("CS38", "nptc-tree-climbing-certificates"),
        ("lowering device", "tree-rigging"),
        ("GWO Basic Safety Training", "gwo-basic-safety-training"),
        ("wiring diagrams", "reading-electrical-schematics"),
        ("6G position", "pipe-welding"),
        ("weld symbols", "welding-symbols"),
        ("G-code", "cnc-programming"),
        ("5-axis machining", "five-axis-machining"),
        ("AS9102", "first-article-inspection"),
        ("coordinate measuring machine", "cmm-inspection"),
        ("financial promotions", "financial-promotions"),
        ("prospect research", "prospect-research"),
        ("service charge budgets", "service-charge-management"),
        ("Section 20 consultation", "section-20-consultation"),
        ("IRPM", "irpm-qualification"),
        ("bail conditions", "criminal-court-procedure"),
        ("CPIA", "criminal-disclosure"),
        ("national file standard", "case-file-preparation"),
        ("home fire safety visits", "community-fire-safety"),
        ("shuttle run", "physical-fitness"),
        ("working at height", "working-at-height"),
        ("balayage", "balayage"),
        ("hair colouring", "hair-colouring"),
        ("RICS Level 3 survey", "home-survey-reports"),
        ("Party Wall Act", "party-wall-procedures"),
    ],
)
def test_new_entries_cover_the_occupations_core_skills(
    tx: Taxonomy, phrase: str, skill_id: str
) -> None:
    assert skill_id in mentioned(f"The panel felt your {phrase} was not strong enough.", tx)


def test_new_certifications_name_their_issuer(tx: Taxonomy) -> None:
    for sid in ("gwo-basic-safety-training", "basis-certificate", "aat-level-3", "am2-assessment"):
        assert tx[sid].issuer


# --- Grain: an alias naming a narrower entry belongs to that entry ---------------------------


@pytest.mark.parametrize(
    ("form", "skill_id"),
    [
        ("discharge planning", "discharge-planning-skills"),  # was case management
        ("Incoterms", "incoterms-knowledge"),  # was import and export
        ("statistical process control", "statistical-process-control-practice"),  # Six Sigma
        ("SPC", "statistical-process-control-practice"),
        ("process engineering", "process-engineering-practice"),  # was chemical engineering
        ("personal care", "personal-care-skills"),  # was home care
        ("dietetics", "dietetics-practice"),  # was nutrition
        ("compliance monitoring", "compliance-monitoring"),  # was compliance
        ("first article inspection", "first-article-inspection"),  # was inspection techniques
        ("CMM", "cmm-inspection"),
        ("agronomy", "agronomy"),  # was agriculture
        ("hairdressing", "hairdressing"),  # was beauty services
        ("archival management", "archives-management"),  # was library science
        ("pocket charts", "dental-charting"),  # was "charts": data visualisation
        ("broadband troubleshooting", "network-troubleshooting"),  # was troubleshooting
    ],
)
def test_alias_belongs_to_the_entry_a_coach_writes(tx: Taxonomy, form: str, skill_id: str) -> None:
    entry = tx.lookup(form)
    assert entry is not None and entry.skill_id == skill_id


def test_qualification_levels_are_separate_entries(tx: Taxonomy) -> None:
    assert tx.lookup("AAT Level 2").skill_id == "aat-level-2"  # type: ignore[union-attr]
    assert tx.lookup("AAT Level 3").skill_id == "aat-level-3"  # type: ignore[union-attr]
    assert tx.lookup("AAT Level 4").skill_id == "aat-level-4"  # type: ignore[union-attr]
    assert tx.prerequisites("aat-level-4", transitive=True)[-2:] == ("aat-level-2", "aat-level-3")
    care3 = tx.lookup("Level 3 Diploma in Health and Social Care")
    care2 = tx.lookup("Level 2 Diploma in Health and Social Care")
    assert care3 is not None and care3.skill_id == "level-3-diploma-in-adult-care"
    assert care2 is not None and care2.skill_id == "level-2-diploma-in-care"
    am2 = tx.lookup("AM2")
    assert am2 is not None and am2.skill_id == "am2-assessment"
    assert tx.lookup("electrotechnical NVQ").skill_id == "nvq-level-3-electrotechnical"  # type: ignore[union-attr]


def test_the_level_asked_for_is_the_goal_not_the_one_held(tx: Taxonomy) -> None:
    text = (
        "We've gone with someone who has finished the AAT Level 3 - you're at Level 2. "
        "Do keep us in mind once you've passed Level 3."
    )
    got = goals(text, tx)
    assert "aat-level-3" in got
    assert "aat-qualification" not in got  # one AAT entry read as already held


# --- Senses: a word whose skill depends on the field -----------------------------------------


def test_crm_is_crew_resource_management_on_a_flight_deck(tx: Taxonomy) -> None:
    pilot = "In the sim the captain marked you down on CRM during the non-normal checklist."
    sales = "You have not used a CRM to manage your pipeline of leads and accounts."
    assert "crew-resource-management" in mentioned(pilot, tx)
    assert "crm-software" not in mentioned(pilot, tx)
    assert "crm-software" in mentioned(sales, tx)


def test_radiography_in_a_dental_practice_is_dental_nursing(tx: Taxonomy) -> None:
    dental = "The dentist needs a nurse who has done the radiography course and decontamination."
    hospital = "Radiography in a busy hospital: positioning for trauma patients was slow."
    assert "dental-nursing" in mentioned(dental, tx)
    assert "radiography-practice" in mentioned(hospital, tx)


def test_anaesthesia_needs_veterinary_or_theatre_words(tx: Taxonomy) -> None:
    vet = "Your anaesthesia answer for the dog was weak."
    theatre = "Anaesthesia support in theatre was new to you."
    assert "veterinary-anaesthesia" in mentioned(vet, tx)
    assert "perioperative-nursing" in mentioned(theatre, tx)
    # A dental or GP text names neither: both senses sit under healthcare.
    assert not mentioned("The patient asked about anaesthesia at the surgery.", tx) & {
        "veterinary-anaesthesia",
        "perioperative-nursing",
    }


def test_on_call_is_an_engineers_incident_rota_only(tx: Taxonomy) -> None:
    vet = "The role includes solo weekend on-call for the vet practice and its animals."
    sre = "You have not done on-call for production services or handled an outage."
    assert "incident-management" not in mentioned(vet, tx)
    assert "incident-management" in mentioned(sre, tx)


def test_board_papers_in_a_charity_are_trustee_reporting(tx: Taxonomy) -> None:
    charity = "No experience preparing board papers for the charity's trustees."
    company = "No experience preparing board papers for the plc's directors."
    assert "trustee-governance" in mentioned(charity, tx)
    assert "board-reporting" in mentioned(company, tx)


def test_documentation_takes_its_field(tx: Taxonomy) -> None:
    museum = "Accessioning and documentation of objects in the museum collections database."
    ward = "Documentation of patient observations on the ward was incomplete."
    code = "Documentation for the API was missing."
    assert "collections-management" in mentioned(museum, tx)
    assert "technical-documentation" not in mentioned(museum, tx)
    assert "clinical-documentation" in mentioned(ward, tx)
    assert "technical-documentation" in mentioned(code, tx)


def test_pricing_takes_its_field(tx: Taxonomy) -> None:
    insurance = "Pricing: she could not adjust the premium for the broker's loss history."
    hotel = "You have never owned pricing decisions on room rates, occupancy or RevPAR."
    saas = "Pricing for the SaaS product tiers was not considered."
    assert "insurance-pricing" in mentioned(insurance, tx)
    assert "revenue-management" in mentioned(hotel, tx)
    assert "pricing-strategy" in mentioned(saas, tx)


def test_apc_and_aseptic_technique_take_their_field(tx: Taxonomy) -> None:
    assert "rics-membership" in mentioned("Work towards your APC as a building surveyor.", tx)
    assert "rics-membership" not in mentioned("The APC battery backup failed.", tx)
    pharmacy = "In the pharmacy aseptic unit you were unsure of aseptic technique in the isolator."
    ward = "Aseptic technique when changing the patient's wound dressing on the ward."
    assert "aseptic-compounding" in mentioned(pharmacy, tx)
    assert "infection-control" in mentioned(ward, tx)


def test_news_is_not_the_plural_of_new(tx: Taxonomy) -> None:
    assert not is_plural("news")
    assert "journalism" not in mentioned("A patient reporting new flashes and floaters.", tx)
    assert "journalism" in mentioned("She has no experience reporting news.", tx)


# --- Paraphrases: gaps described in plain words ----------------------------------------------


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("you couldn't explain how you'd reconcile the bank each month", "account-reconciliation"),
        ("a passenger who had been drinking and was abusive", "managing-disruptive-passengers"),
        ("you hadn't rung out the monitors before doors", "monitor-mixing"),
        ("he wasn't sure how to rig down a big limb", "tree-rigging"),
        ("he struggled to read the converter schematics", "reading-electrical-schematics"),
        ("they need someone who can write and edit programs at the machine", "cnc-programming"),
        ("she has never held a £1m budget", "budget-management"),
        ("you could not keep an accurate record of the hearing", "minute-taking"),
        ("you had no process to progress a sale through to completion", "sales-progression"),
        ("how you'd adapt a programme for a client with diabetes", "exercise-referral"),
        ("you had not researched trusts yourself", "prospect-research"),
        ("there was no plan for spotting drift once it's live", "model-monitoring"),
        ("we asked you to cost the new starter to a 70% GP", "food-costing"),
        ("you were unsure how to set an initial reserve", "claims-reserving"),
        ("how you'd use pick-up to set rates", "revenue-management"),
        ("the budget you presented didn't include contingency", "budget-management"),
        ("the print file had no bleed", "print-design"),
        ("the artwork was supplied in RGB rather than CMYK", "print-design"),
        ("when asked to weigh up two policy options", "policy-analysis"),
        ("you didn't try to book a meeting at the end", "deal-closing"),
    ],
)
def test_plain_words_name_the_skill(text: str, skill_id: str) -> None:
    assert skill_id in paraphrased(text)


def test_reconcile_the_bank_is_a_goal(tx: Taxonomy) -> None:
    text = (
        "Thanks for interviewing. In the test you couldn't explain how you'd reconcile the bank "
        "when the statement didn't agree, which the role does every week."
    )
    assert "account-reconciliation" in goals(text, tx)
