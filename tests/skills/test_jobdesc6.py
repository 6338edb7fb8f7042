"""Job description + resume rules of the dev_jd6 round: each fails without its rule.

Each test pairs the wrong flag with a near miss that must keep its flag."""

from __future__ import annotations

import pytest

from planner.skills.jobdesc import requirements, shown_skills
from planner.skills.taxonomy import Taxonomy


def _asked(jd: str, tx: Taxonomy) -> dict[str, bool]:
    return {r.skill_id: r.must_have for r in requirements(jd, tx)}


# The team's own tools, stated as a fact about the employer, are no asks


def test_team_uses_tools_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Marketing Officer\n\nAbout you\n- Experience writing for a general audience\n\n"
        "Our team uses Canva and Mailchimp day to day, and we'll happily get you started.\n"
    )
    assert "mailchimp" not in _asked(jd, tx)


def test_team_uses_tools_with_an_ask_is_still_asked(tx: Taxonomy) -> None:
    jd = (
        "Marketing Officer\n\nAbout you\n- Experience writing for a general audience\n\n"
        "Our team uses Mailchimp day to day, so experience of it is essential.\n"
    )
    assert _asked(jd, tx).get("mailchimp") is True


@pytest.mark.parametrize(
    "line",
    ["This role uses Xero daily.", "The team works in Xero.", "- Our finance system is Xero"],
)
def test_role_or_system_uses_tool_is_not_asked(tx: Taxonomy, line: str) -> None:
    jd = f"Bookkeeper\n\nRequirements\n- Advanced Excel\n{line}\n"
    asked = _asked(jd, tx)
    assert asked.get("microsoft-excel") is True
    assert "xero" not in asked


@pytest.mark.parametrize(
    "line",
    [
        "This role uses Xero daily, so experience of it is essential.",
        "- Our finance system is Xero, so you must know it well",
    ],
)
def test_role_uses_tool_with_an_ask_is_still_asked(tx: Taxonomy, line: str) -> None:
    jd = f"Bookkeeper\n\nRequirements\n- Advanced Excel\n{line}\n"
    assert _asked(jd, tx).get("xero") is True


@pytest.mark.parametrize("heading", ["Our stack", "Tech stack", "Tech we use", "Tools we use"])
def test_stack_heading_opens_no_asks(tx: Taxonomy, heading: str) -> None:
    jd = (
        "Backend Engineer\n\nWhat we're looking for\n- Strong Java\n\n"
        f"{heading}\n- PostgreSQL, Kafka and Terraform\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("java") is True
    assert not {"postgresql", "apache-kafka", "terraform"} & set(asked)


def test_skills_heading_over_the_same_list_still_asks(tx: Taxonomy) -> None:
    jd = (
        "Backend Engineer\n\nWhat we're looking for\n- Strong Java\n\n"
        "Technical skills\n- PostgreSQL, Kafka and Terraform\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("postgresql") is True and asked.get("terraform") is True


# What the job will teach is no ask


def test_training_in_a_skill_will_be_provided_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Teaching Assistant\n\nEssential:\n- Experience of working with children with SEND\n\n"
        "Training in Makaton will be provided.\n"
    )
    assert "makaton" not in _asked(jd, tx)


def test_training_in_a_skill_desirable_is_still_asked(tx: Taxonomy) -> None:
    jd = (
        "Teaching Assistant\n\nEssential:\n- Experience of working with children with SEND\n\n"
        "Training in Makaton is desirable.\n"
    )
    assert _asked(jd, tx).get("makaton") is False


def test_we_will_show_you_the_ropes_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Office Administrator\n\nRequirements\n- Good Excel skills\n\n"
        "Our CRM is Salesforce and we'll show you the ropes.\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("microsoft-excel") is True
    assert "salesforce" not in asked


def test_we_will_expect_you_to_know_it_is_still_asked(tx: Taxonomy) -> None:
    jd = (
        "Office Administrator\n\nRequirements\n- Good Excel skills\n\n"
        "Our CRM is Salesforce and you'll need to know your way around it.\n"
    )
    assert _asked(jd, tx).get("salesforce") is True


def test_chance_to_work_with_tools_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Platform Engineer\n\nYou have\n- Strong Linux skills\n"
        "- You'll have the opportunity to work with Kubernetes and Terraform.\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("linux") is True
    assert not {"kubernetes", "terraform"} & set(asked)


def test_experience_working_with_tools_is_still_asked(tx: Taxonomy) -> None:
    jd = (
        "Platform Engineer\n\nYou have\n- Strong Linux skills\n"
        "- You'll have experience working with Kubernetes and Terraform.\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("kubernetes") is True and asked.get("terraform") is True


# An invitation to apply is no ask


def test_speakers_encouraged_to_apply_is_not_asked(tx: Taxonomy) -> None:
    jd = (
        "Customer Adviser\n\nWho we're looking for:\nSomeone with customer service experience.\n"
        "Welsh speakers are encouraged to apply.\n"
    )
    assert "welsh" not in _asked(jd, tx)


def test_speakers_preferred_is_still_asked_as_nice(tx: Taxonomy) -> None:
    jd = (
        "Customer Adviser\n\nWho we're looking for:\nSomeone with customer service experience.\n"
        "Welsh speakers are preferred.\n"
    )
    assert _asked(jd, tx).get("welsh") is False


# "as the role covers ...": a reason for the ask, not the role's duties


def test_ask_explained_by_what_the_role_covers_is_asked(tx: Taxonomy) -> None:
    jd = (
        "Fundraising Officer\n\nIs this you?\nYou'll have events experience. A full UK driving "
        "licence is essential as the role covers West Yorkshire.\n"
    )
    assert _asked(jd, tx).get("vehicle-driving") is True


def test_what_the_role_covers_is_still_a_duty(tx: Taxonomy) -> None:
    jd = (
        "Payroll Officer\n\nRequirements\n- Advanced Excel\n\n"
        "The role covers payroll and pensions for 300 staff.\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("microsoft-excel") is True
    assert "payroll" not in asked


# "You", "Is this you?": the applicant as a heading opens a requirement section


@pytest.mark.parametrize("heading", ["You", "Is this you?", "Sounds like you?"])
def test_you_heading_opens_asks_after_duties(tx: Taxonomy, heading: str) -> None:
    jd = (
        "Digital Marketing Executive\n\nThe job\nRunning our newsletters and social channels.\n\n"
        f"{heading}\n- Hands-on with Google Analytics 4\n"
    )
    assert _asked(jd, tx).get("google-analytics") is True


def test_bullets_under_the_job_heading_stay_duties(tx: Taxonomy) -> None:
    jd = (
        "Digital Marketing Executive\n\nThe job\nRunning our newsletters and social channels.\n"
        "- Hands-on with Google Analytics 4\n"
    )
    assert "google-analytics" not in _asked(jd, tx)


# "Exposure to X": less than experience, so a nice-to-have


def test_exposure_to_is_nice(tx: Taxonomy) -> None:
    jd = "Data Analyst\n\nRequirements\n- Advanced SQL, with some exposure to Python\n"
    asked = _asked(jd, tx)
    assert asked.get("sql") is True
    assert asked.get("python") is False


def test_strong_exposure_to_is_must(tx: Taxonomy) -> None:
    jd = "Data Analyst\n\nRequirements\n- Advanced SQL, with strong exposure to Python\n"
    assert _asked(jd, tx).get("python") is True


# More ways employers say nice-to-have


@pytest.mark.parametrize(
    "line",
    [
        "Experience of Sage would be looked upon favourably",
        "Knowledge of Sage would help",
        "Knowledge of Sage would be handy",
        "Experience with Sage if possible",
        "Knowledge of Sage would give you an edge",
    ],
)
def test_nice_phrasings(tx: Taxonomy, line: str) -> None:
    jd = f"Accounts Assistant\n\nRequirements\n- Advanced Excel\n- {line}\n"
    asked = _asked(jd, tx)
    assert asked.get("microsoft-excel") is True
    assert asked.get("sage-accounting") is False


@pytest.mark.parametrize(
    "line",
    [
        "Experience of Sage is required",
        "Knowledge of Sage is a must",
        "Experience with Sage, as you'll use it daily",
    ],
)
def test_must_phrasings_stay_must(tx: Taxonomy, line: str) -> None:
    jd = f"Accounts Assistant\n\nRequirements\n- Advanced Excel\n- {line}\n"
    assert _asked(jd, tx).get("sage-accounting") is True


# A bracket naming something with a nice-to-have word makes only that nice


def test_bracketed_preference_leaves_the_main_ask_must(tx: Taxonomy) -> None:
    jd = "Developer\n\nRequirements\n- 3+ years' experience with Python (Django preferred)\n"
    asked = _asked(jd, tx)
    assert asked.get("python") is True
    assert asked.get("django") is False


def test_bracketed_preference_naming_nothing_is_nice(tx: Taxonomy) -> None:
    jd = "Developer\n\nRequirements\n- 3+ years' experience with Python (highly desirable)\n"
    assert _asked(jd, tx).get("python") is False


# A person specification table: the ticked column says essential or desirable


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_ticked_desirable_column_is_nice(tx: Taxonomy, sep: str) -> None:
    rows = [
        ["Criteria", "Essential", "Desirable"],
        ["NMC registration", "✓", ""],
        ["Venepuncture", "", "✓"],
    ]
    jd = "Staff Nurse\n\nPerson Specification\n" + "\n".join(sep.join(r) for r in rows) + "\n"
    asked = _asked(jd, tx)
    assert asked.get("registered-nurse-license") is True
    assert asked.get("phlebotomy") is False


def test_ticked_essential_column_is_must(tx: Taxonomy) -> None:
    jd = (
        "Staff Nurse\n\nPerson Specification\n| Criteria | Essential | Desirable |\n"
        "| Venepuncture | ✓ | |\n"
    )
    assert _asked(jd, tx).get("phlebotomy") is True


@pytest.mark.parametrize("sep", [" | ", "\t"])
def test_two_column_person_spec_reads_each_cell(tx: Taxonomy, sep: str) -> None:
    rows = [["Essential", "Desirable"], ["Experience of Sage 50", "Experience of Xero"]]
    jd = "Bookkeeper\n\nPerson Specification\n" + "\n".join(sep.join(r) for r in rows) + "\n"
    asked = _asked(jd, tx)
    assert asked.get("sage-accounting") is True
    assert asked.get("xero") is False


# Headings that soften the ask


@pytest.mark.parametrize(
    "heading",
    ["You might also have", "You may also have:", "Things that would help", "Good to know"],
)
def test_soft_headings_open_nice_sections(tx: Taxonomy, heading: str) -> None:
    jd = f"Bookkeeper\n\nYou'll need\n- Advanced Excel\n\n{heading}\n- Experience with Xero\n"
    asked = _asked(jd, tx)
    assert asked.get("microsoft-excel") is True
    assert asked.get("xero") is False


def test_what_will_help_you_succeed_stays_must(tx: Taxonomy) -> None:
    jd = "Bookkeeper\n\nWhat will help you succeed\n- Experience with Xero\n"
    assert _asked(jd, tx).get("xero") is True


# "We don't expect you to know X": not asked


def test_not_expected_to_know_is_not_asked(tx: Taxonomy) -> None:
    jd = "Bookkeeper\n\nAbout you\n- Advanced Excel\n- We don't expect you to know Xero.\n"
    asked = _asked(jd, tx)
    assert asked.get("microsoft-excel") is True
    assert "xero" not in asked


def test_expected_to_know_is_still_asked(tx: Taxonomy) -> None:
    jd = "Bookkeeper\n\nAbout you\n- Advanced Excel\n- We expect you to know Xero.\n"
    assert _asked(jd, tx).get("xero") is True


# Task bullets under no requirement heading are duties


def test_task_bullets_without_a_heading_are_duties(tx: Taxonomy) -> None:
    jd = (
        "Data Analyst\nAcme Ltd\n\nWe're hiring a Data Analyst to join our insight team.\n"
        "- Build dashboards in Power BI\n- Use Python to automate reporting\n\n"
        "You'll need strong Excel skills.\n"
    )
    asked = _asked(jd, tx)
    assert asked.get("microsoft-excel") is True
    assert not {"power-bi", "python"} & set(asked)


@pytest.mark.parametrize(
    ("line", "skill"),
    [
        ("- Use of Excel and Power BI", "power-bi"),
        ("- Test automation experience with Selenium", "selenium"),
        ("- Build experience with Docker", "docker"),
    ],
)
def test_noun_bullets_starting_with_a_task_verb_are_asked(
    tx: Taxonomy, line: str, skill: str
) -> None:
    jd = f"Data Analyst\nAcme Ltd\n\n{line}\n"
    assert _asked(jd, tx).get(skill) is True


# Resume evidence in other words


@pytest.mark.parametrize(
    ("skill", "shown", "not_shown"),
    [
        ("rest-apis", "Designed JSON HTTP APIs for the app", "Parsed JSON files for reports"),
        (
            "clinical-documentation",
            "Document all care in the SystmOne electronic record",
            "Trained new starters to log in to SystmOne",
        ),
        (
            "fault-finding",
            "Diagnose and repair faults on motors and conveyors",
            "Report faults to the maintenance team",
        ),
        (
            "accounts-payable",
            "Enter and pay 300 supplier invoices a month in Xero",
            "Enter customer orders into Sage",
        ),
        (
            "level-3-teaching-assistant",
            "Level 3 Certificate in Supporting Teaching and Learning (2020)",
            "Level 2 Certificate in Supporting Teaching and Learning (2020)",
        ),
        ("food-preparation", "Expert knife work on a busy grill", "Ran the pass on busy nights"),
        ("microsoft-word", "Draft letters in Word for three partners", "Kept my word to clients"),
        (
            "legal-case-management-systems",
            "Open and close matters on the firm's case management system",
            "Support families through case management meetings",
        ),
        (
            "backend-development",
            "Seven years building server-side systems",
            "Looked after the server room",
        ),
    ],
)
def test_resume_shows_skill_in_other_words(
    tx: Taxonomy, skill: str, shown: str, not_shown: str
) -> None:
    assert skill in shown_skills(shown, tx)
    assert skill not in shown_skills(not_shown, tx)
