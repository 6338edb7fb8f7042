"""Job description + resume rules of the dev_jd3 round: each fails without its rule."""

from __future__ import annotations

from planner.skills import extract
from planner.skills.evidence import parse_lexicon, shipped_lexicon
from planner.skills.jobdesc import requirements, shown_skills
from planner.skills.taxonomy import Taxonomy


def _asked(jd: str, tx: Taxonomy) -> dict[str, bool]:
    return {r.skill_id: r.must_have for r in requirements(jd, tx)}


def _goals(jd: str, resume: str, tx: Taxonomy) -> dict[str, bool]:
    res = extract("Here is the job and my CV.", jd, resume, taxonomy=tx)
    return {g.skill_id: g.must_have for g in res.goals}


# Resume evidence: skills shown in the writer's own words


def test_resume_lexicon_ids_are_in_the_taxonomy(tx: Taxonomy) -> None:
    assert [sid for sid, _ in shipped_lexicon() if sid not in tx] == []


def test_lexicon_pattern_gap_stays_on_one_line() -> None:
    ((_, rx),) = parse_lexicon(["wound-care | dress\\w* ... incisions"])
    assert rx.search("Dressed surgical incisions")
    assert not rx.search("Dressed\nsurgical incisions")


def test_titrated_drips_shows_medication_administration(tx: Taxonomy) -> None:
    resume = "- Titrated heparin and insulin drips per protocol\n"
    assert "medication-administration" in shown_skills(resume, tx)


def test_dressed_incisions_shows_wound_care(tx: Taxonomy) -> None:
    jd = "Requirements\n- Wound care, including pressure injury staging\n"
    resume = "- Assessed and dressed surgical incisions and managed wound VAC dressings\n"
    assert _goals(jd, resume, tx) == {}


def test_researched_case_law_shows_legal_research(tx: Taxonomy) -> None:
    jd = "Qualifications\n- Legal research\n"
    assert _goals(jd, "- Researched case law and statutes for attorneys\n", tx) == {}


def test_scored_calls_shows_call_quality_monitoring(tx: Taxonomy) -> None:
    jd = "What you'll need\n- Call quality monitoring and feedback\n"
    resume = "- Scored 5 calls per adviser each week against our QA form\n"
    assert _goals(jd, resume, tx) == {}


def test_evidence_phrasing_does_not_show_what_the_writer_only_wants(tx: Taxonomy) -> None:
    resume = "Experience\n- Ran a residents' consultation on parking.\n"
    assert "public-consultation" in shown_skills(resume, tx)
    wish = "Profile\nLooking to move into policy work where I would run consultations.\n"
    assert "public-consultation" not in shown_skills(wish, tx)


def test_past_tense_of_an_ing_form_shows_the_skill(tx: Taxonomy) -> None:
    # "triaging security alerts" is a form of alert triage; "triaged security alerts" shows it
    assert "alert-triage" in shown_skills("- Triaged security alerts in the SIEM\n", tx)


def test_one_word_past_tense_shows_nothing(tx: Taxonomy) -> None:
    # "surveying" is a skill; "surveyed 200 customers" is not surveying
    assert "surveying" not in shown_skills("- Surveyed 200 customers about delivery\n", tx)


def test_skill_listed_as_a_credential_shows_its_certification(tx: Taxonomy) -> None:
    jd = "Requirements\n- Current BLS certification\n"
    resume = "Licensure & Certifications\nBasic Life Support (American Heart Association)\n"
    assert _goals(jd, resume, tx) == {}
    dated = "Experience\n- Basic Life Support, exp. 2026\n"
    assert _goals(jd, dated, tx) == {}


def test_skill_used_at_work_does_not_show_its_certification(tx: Taxonomy) -> None:
    jd = "Requirements\n- Current BLS certification\n"
    resume = "Experience\n- Gave basic life support on the ward during two arrests\n"
    assert _goals(jd, resume, tx) == {"bls-certification": True}


# Job description: what is asked, and how firmly


def test_youll_need_and_youll_bring_open_requirements(tx: Taxonomy) -> None:
    for heading in ("You'll need", "You’ll bring", "You will need"):
        jd = f"The role\nYou will lead a shift.\n\n{heading}\n* Experience of cycle counting\n"
        assert _asked(jd, tx) == {"cycle-counting": True}, heading


def test_id_be_great_if_opens_nice_to_haves(tx: Taxonomy) -> None:
    jd = "Requirements\n- SQL\n\nIt'd be great if you have\n- Python\n"
    assert _asked(jd, tx) == {"sql": True, "python": False}


def test_benefit_headings_are_skipped(tx: Taxonomy) -> None:
    for heading in ("Why Mercy Valley", "What we can offer you", "Working for us", "Rewards"):
        jd = f"Requirements\n- SQL\n\n{heading}\n- Free ACLS and PALS courses, agile working\n"
        assert _asked(jd, tx) == {"sql": True}, heading


def test_company_overview_is_skipped(tx: Taxonomy) -> None:
    for heading in ("Company overview", "About Basket Co."):
        jd = (
            f"{heading}\nWe design packaging machines in our assembly hall with Tableau.\n\n"
            "Requirements\n- SQL\n"
        )
        assert _asked(jd, tx) == {"sql": True}, heading


def test_a_skip_heading_that_names_a_skill_is_still_a_heading(tx: Taxonomy) -> None:
    jd = "Requirements\n- SQL\n\nCompensation & benefits\n$70k base, medical, 401(k).\n"
    assert _asked(jd, tx) == {"sql": True}
    # the heading opens its section: what follows is the company blurb
    blurb = "About Apex\nApex machines brake parts and runs SAP.\n\nRequirements\n- FMEA\n"
    assert _asked(blurb, tx) == {"failure-mode-and-effects-analysis": True}


def test_the_employers_people_working_in_a_tool_is_their_stack(tx: Taxonomy) -> None:
    jd = (
        "Requirements\nOur analytics team of six works in Snowflake and Looker.\n"
        "Our site moved to SAP EWM last year.\n- SQL\n"
    )
    assert _asked(jd, tx) == {"sql": True}


def test_a_practice_done_in_a_tool_asks_for_the_tool(tx: Taxonomy) -> None:
    assert _asked("Requirements\n- Proficiency with Epic documentation\n", tx) == {"epic": True}


def test_industry_knowledge_is_not_a_skill(tx: Taxonomy) -> None:
    jd = "Requirements\n- SQL\n- Manufacturing industry knowledge\n- Retail sector experience\n"
    assert _asked(jd, tx) == {"sql": True}


def test_examples_in_brackets_after_skill_experience_are_parts(tx: Taxonomy) -> None:
    jd = "Essential\n- Hands-on SIEM experience (Splunk or QRadar)\n"
    assert _asked(jd, tx) == {"siem": True}


def test_or_similar_needs_a_comparable_sibling(tx: Taxonomy) -> None:
    jd = "Requirements\n- Zendesk or a similar ticketing tool\n"
    assert _goals(jd, "- Worked in Freshdesk for email and chat\n", tx) == {}
    cad = "Desirable\n- Windchill or a similar system\n"
    # Creo sits under CAD, not beside Windchill: it does not make Windchill met
    assert _goals(cad, "- Modelled assemblies in Creo\n", tx) == {"windchill": False}


def test_examples_of_a_setting_are_not_asked(tx: Taxonomy) -> None:
    jd = "Requirements\n- SQL\n- Experience in a regulated environment (e.g. medical devices)\n"
    assert _asked(jd, tx) == {"sql": True}


def test_the_roles_a_recruiter_hires_for_are_not_asked(tx: Taxonomy) -> None:
    jd = "Requirements\n- Boolean search\n- Experience hiring for data science or ML roles\n"
    assert _asked(jd, tx) == {"boolean-search": True}


def test_registered_with_a_body_shows_its_registration(tx: Taxonomy) -> None:
    jd = "Essential\n- Social Work England registration\n- HCPC registration\n"
    resume = "- Registered with Social Work England\n- Registered with the HCPC (PH123456)\n"
    assert _goals(jd, resume, tx) == {}


def test_to_succeed_in_this_role_opens_requirements(tx: Taxonomy) -> None:
    jd = "To succeed in this role you'll need\n- SQL\n- Python\n"
    assert _asked(jd, tx) == {"sql": True, "python": True}


def test_what_the_job_offers_to_teach_is_not_asked(tx: Taxonomy) -> None:
    for line in (
        "- Experience of Xero (training provided)",
        "Full training will be provided in Opera PMS.",
        "We'll train you in Salesforce and support you to gain your CIPD qualification.",
        "- You'll be supported to complete your NVQ Level 3 in Health and Social Care",
    ):
        assert _asked(f"Requirements\n- SQL\n{line}\n", tx) == {"sql": True}, line


def test_what_the_applicant_need_not_have_yet_is_not_asked(tx: Taxonomy) -> None:
    for line in (
        "- No experience of Tableau needed",
        "- Willingness to learn Python",
        "- An interest in machine learning",
        "- This is a great opportunity to develop your Python skills",
    ):
        assert _asked(f"Requirements\n- SQL\n{line}\n", tx) == {"sql": True}, line


def test_a_heading_may_end_in_a_question_mark(tx: Taxonomy) -> None:
    jd = "Skills & experience\n* SQL\n\nWhat's in it for you?\n* Paid ACCA training\n"
    assert _asked(jd, tx) == {"sql": True}


def test_nice_headings_win_over_the_words_around_them(tx: Taxonomy) -> None:
    for heading in (
        "Ideally, you'll also have:",
        "Ideally you'll have",
        "Desired skills",
        "We'd love to see",
        "Additional skills that will help",
    ):
        jd = f"Requirements\n- SQL\n\n{heading}\n- Python\n"
        assert _asked(jd, tx) == {"sql": True, "python": False}, heading


def test_would_be_beneficial_makes_the_bullet_nice(tx: Taxonomy) -> None:
    jd = "Requirements\n- SQL\n- Python would be beneficial\n- Tableau is helpful\n"
    assert _asked(jd, tx) == {"sql": True, "python": False, "tableau": False}


def test_verb_first_phrasing_shows_the_skill(tx: Taxonomy) -> None:
    # "renewals management" written as what was done: "Managed renewals"
    assert "renewals-management" in shown_skills("- Managed renewals for 40 accounts\n", tx)
    assert "experiment-tracking" in shown_skills("- Tracked experiments in a shared log\n", tx)


def test_verb_first_phrasing_needs_the_words_together_and_lower_case(tx: Taxonomy) -> None:
    shown = shown_skills(
        "Security Analyst, Northway Managed Services\n"
        "- Managed document review and productions for three cases\n",
        tx,
    )
    assert "it-service-management" not in shown
    assert "product-management" not in shown
