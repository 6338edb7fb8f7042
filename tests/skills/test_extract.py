from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from planner.skills import REQUEST_FEEDBACK_DRAFT, TextError, extract
from planner.skills.model import Framing, GoalKind
from planner.skills.taxonomy import Taxonomy


def ids(text: str, tx: Taxonomy, **kw: str) -> list[str]:
    return [g.skill_id for g in extract(text, taxonomy=tx, **kw).goals]  # type: ignore[arg-type]


def test_gap_goals_carry_exact_evidence(tx: Taxonomy) -> None:
    text = "Thanks for your time. We felt you lacked hands-on experience with Kubernetes."
    (goal,) = extract(text, taxonomy=tx).goals
    assert goal.skill_id == "kubernetes" and goal.kind is GoalKind.TOOL
    assert goal.framing is Framing.GAP and goal.priority == 1 and goal.must_have
    for ev in goal.evidence:
        assert text[ev.start : ev.end] == ev.text and "Kubernetes" in ev.text
    assert "docker" in goal.prerequisites


def test_evidence_of_a_clause_after_a_colon_starts_at_its_words(tx: Taxonomy) -> None:
    text = ("The main gaps were SQL: you found it hard to articulate the impact of your "
            "previous projects.")
    goals = {g.skill_id: g for g in extract(text, taxonomy=tx).goals}
    (ev,) = goals["demonstrating-impact"].evidence  # the job-search skill, not "articulating"
    assert ev.text.startswith("you found it hard") and text[ev.start : ev.end] == ev.text
    assert "articulating-ideas" not in goals
    assert ids("You struggled to articulate your thinking in the case study.",
               tx) == ["articulating-ideas"]


@pytest.mark.parametrize("text", [
    "You had some difficulty explaining your reasoning in the case study.",
    "You found it quite hard to explain your reasoning.",
    "It was clear you had a tough time explaining your reasoning under pressure.",
])
def test_difficulty_wordings_frame_a_soft_gap(text: str, tx: Taxonomy) -> None:
    assert ids(text, tx) == ["articulating-ideas"]
    assert ids("You explained your reasoning clearly in the case study.", tx) == []


def test_praise_is_not_a_goal_but_the_contrasting_gap_is(tx: Taxonomy) -> None:
    text = "Your Python was strong, but your SQL was below the bar."
    assert ids(text, tx) == ["sql"]


def test_each_skill_takes_the_framing_nearest_to_it(tx: Taxonomy) -> None:
    text = "Although you have good Excel skills, you had no experience with Power BI."
    assert ids(text, tx) == ["power-bi"]


def test_templated_rejection_gives_no_goal_and_asks_for_feedback(tx: Taxonomy) -> None:
    text = (
        "Dear Candidate,\n\nThank you for your interest in the Senior Python Developer position. "
        "After careful consideration we have decided to move forward with other candidates whose "
        "experience more closely matches our needs.\n\nAcme is a leading provider of AWS and "
        "Kubernetes consulting. Acme is an equal opportunity employer.\n\n"
        "Kind regards,\nTalent Team"
    )
    res = extract(text, taxonomy=tx)
    assert res.goals == () and res.templated
    assert [a.kind for a in res.actions] == ["request_feedback"]
    assert res.actions[0].detail == REQUEST_FEEDBACK_DRAFT


@pytest.mark.parametrize(
    "text",
    [
        "Thank you for your interest in the Data Engineer role. We received a large number of "
        "applications from highly qualified candidates with strong Python, Spark and AWS "
        "backgrounds, and have decided to move forward with others.",
        "Your application for Warehouse Team Leader (forklift licence, WMS experience required) "
        "has been reviewed. Regrettably we will not be taking it further.",
        "It was a very competitive field of candidates with deep Kubernetes experience; we will "
        "not be progressing your application.",
        "Thanks for applying to Brightpath. Brightpath serves more than 40,000 clinics, and our "
        "developers work with Rust, React and PostgreSQL. We have chosen to pursue other "
        "applicants.",
        "Thank you for applying to Hillside Primary. Hillside is committed to safeguarding and "
        "promoting the welfare of children and expects all staff to share this commitment. The "
        "post has now been filled.",
    ],
)
def test_form_letter_lines_about_the_pool_or_status_give_no_goal(text: str, tx: Taxonomy) -> None:
    res = extract(text, taxonomy=tx)
    assert res.goals == () and res.templated


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "We received many applications. The successful candidate had more Kubernetes "
            "experience than you.",
            ["kubernetes"],
        ),
        (
            "Your application for Warehouse Team Leader has been declined because you do not hold "
            "a forklift licence.",
            ["forklift-certification"],
        ),
        (
            "We had a large number of applicants and several had deeper SQL experience than you.",
            ["sql"],
        ),
    ],
)
def test_a_form_letter_line_that_gives_a_reason_still_counts(
    text: str, expected: list[str], tx: Taxonomy
) -> None:
    assert ids(text, tx) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Go ahead and apply again next year; we lacked a slot for you.",
        "We need someone who can present to the C-suite, and we lacked evidence of that in plan B.",
        "Your answer to question (c) lacked detail and your grade was a C.",
        "We would have liked you to react faster; the rust on the car was not the point.",
        "We were not able to go further; it is a swift decision.",
    ],
)
def test_short_and_common_words_do_not_become_skills(tx: Taxonomy, text: str) -> None:
    found = set(ids(text, tx))
    assert not found & {"go", "c", "r", "react", "rust", "swift"}


def test_real_short_skill_names_are_found(tx: Taxonomy) -> None:
    text = "You lacked experience with R and C programming, and your Go code needs work."
    assert {"r", "c", "go"} <= set(ids(text, tx))


def test_soft_and_job_search_skills_need_a_gap_cue(tx: Taxonomy) -> None:
    assert ids("The team enjoyed your communication and the interview preparation.", tx) == []
    found = ids(
        "Your answers to behavioural questions lacked specific examples, and your "
        "stakeholder management was not convincing.",
        tx,
    )
    assert set(found) == {"behavioral-interviewing", "stakeholder-management"}


def test_quoted_reply_and_signature_are_not_mined(tx: Taxonomy) -> None:
    text = (
        "Hi,\nWe felt your SQL was weak.\n\nBest,\nAna\nData Lead | Tableau, Snowflake\n\n"
        "On Tue, Sam wrote:\n> I have used Terraform and Docker for years.\n"
    )
    assert ids(text, tx) == ["sql"]


def test_html_email_is_read(tx: Taxonomy) -> None:
    text = (
        "<html><body><p>We need someone with <b>Looker</b> experience, which you lacked.</p>"
        "</body></html>"
    )
    res = extract(text, taxonomy=tx)
    assert [g.skill_id for g in res.goals] == ["looker"]
    assert res.goals[0].evidence[0].text.count("Looker") == 1


def test_job_description_and_resume_give_requirement_goals(tx: Taxonomy) -> None:
    jd = (
        "Data Engineer\nAbout us\nWe are a fast-growing company using Scala.\n"
        "Requirements\n- Strong SQL\n- Apache Airflow\n- Python\nNice to have\n- Kafka\n"
        "Benefits\n- Free Java classes"
    )
    resume = "Built ETL jobs in Python and SQL; studying for the Airflow certification."
    res = extract("Thank you, we will not move forward.", jd, resume, taxonomy=tx)
    goals = {g.skill_id: g for g in res.goals}
    assert set(goals) == {"apache-airflow", "apache-kafka"}
    assert goals["apache-airflow"].must_have and goals["apache-airflow"].priority == 2
    assert not goals["apache-kafka"].must_have and goals["apache-kafka"].priority == 4
    assert goals["apache-kafka"].framing is Framing.REQUIREMENT
    assert goals["apache-kafka"].evidence[0].source == "job_description"
    assert res.templated  # the feedback itself named no reason


def test_job_description_marks_feedback_goal_nice_to_have(tx: Taxonomy) -> None:
    jd = "Requirements\n- Python\nNice to have\n- Docker"
    res = extract("We would have liked more Docker experience.", jd, taxonomy=tx)
    (goal,) = res.goals
    assert goal.skill_id == "docker" and not goal.must_have
    assert {e.source for e in goal.evidence} == {"feedback", "job_description"}


def test_feedback_keeps_broad_area_and_specific_skill(tx: Taxonomy) -> None:
    text = "You lacked experience with backend development, specifically Node.js."
    assert set(ids(text, tx)) == {"backend-development", "node-js"}


def test_job_bullet_names_one_requirement_for_area_and_tool(tx: Taxonomy) -> None:
    jd = "Requirements\n- Infrastructure as code with Terraform\n- AWS (EC2, S3)"
    res = extract("We will not proceed.", jd, "I write Python.", taxonomy=tx)
    assert {g.skill_id for g in res.goals} == {"terraform", "aws"}


def test_certification_is_one_goal_not_its_parts(tx: Taxonomy) -> None:
    found = ids("The role requires the AWS Certified Solutions Architect Associate.", tx)
    assert found == ["aws-certified-solutions-architect-associate"]


def test_goals_serialise_to_json(tx: Taxonomy) -> None:
    res = extract("Your Excel and SQL skills were below the bar.", taxonomy=tx)
    data = json.loads(json.dumps(res.to_dict()))
    assert {g["skill_id"] for g in data["goals"]} == {"microsoft-excel", "sql"}
    assert data["goals"][0]["kind"] in {"tool", "technical"}
    assert data["goals"][0]["recurrence"] == 1


@pytest.mark.parametrize("bad", ["", "   \n", "\x00\x01binary", "a" * 100_001])
def test_bad_input_raises_text_error(tx: Taxonomy, bad: str) -> None:
    with pytest.raises(TextError):
        extract(bad, taxonomy=tx)


def test_bad_job_description_is_named_in_the_error(tx: Taxonomy) -> None:
    with pytest.raises(TextError, match="job description"):
        extract("We needed more SQL.", "   ", taxonomy=tx)


def test_other_languages_give_a_clean_result(tx: Taxonomy) -> None:
    res = extract(
        "Leider haben wir uns für einen anderen Kandidaten entschieden. 谢谢您的申请。", taxonomy=tx
    )
    assert res.goals == () and res.templated


def test_default_taxonomy_is_used_when_none_is_given() -> None:
    assert [g.skill_id for g in extract("You lacked Terraform experience.").goals] == ["terraform"]


@settings(max_examples=60, deadline=None)
@given(st.text(min_size=1, max_size=400))
def test_arbitrary_text_never_crashes_and_evidence_is_exact(text: str) -> None:
    try:
        res = extract(text)
    except TextError:
        return
    for g in res.goals:
        for ev in g.evidence:
            assert text[ev.start : ev.end] == ev.text


@settings(max_examples=40, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "lacked",
                "Kubernetes",
                "SQL",
                "strong",
                "but",
                "we",
                "would have liked",
                "more",
                "Go",
                "the",
                ",",
                ".",
                "\n",
                "<b>",
                "</b>",
                "> quoted",
                "Best,",
                "C",
                "R",
                "Excel",
                "below the bar",
            ]
        ),
        min_size=1,
        max_size=40,
    )
)
def test_word_salad_is_deterministic(words: list[str]) -> None:
    text = " ".join(words)
    try:
        first = extract(text)
    except TextError:
        return
    assert extract(text) == first


def test_a_role_heading_is_not_a_skill_gap(tx: Taxonomy) -> None:
    text = (
        "Scrum master interview feedback: we need someone who has coached teams, and your "
        "examples of conflict resolution were not convincing."
    )
    assert "scrum" not in ids(text, tx)
    assert "conflict-resolution" in ids(text, tx)


@pytest.mark.parametrize(
    ("text", "not_a_goal"),
    [
        ("When the buyer raised the pricing objection you lacked a response.", "pricing-strategy"),
        ("We'd recommend practising Excel models before the next recruiting cycle.", "recruiting"),
        ("Your teaching statement was thin and curriculum development was lacking.", "teaching"),
    ],
)
def test_a_plain_word_qualifying_another_noun_is_not_a_skill(
    tx: Taxonomy, text: str, not_a_goal: str
) -> None:
    assert not_a_goal not in ids(text, tx)
    assert ids(text, tx)  # the sentence's real gap is still found


def test_the_word_alone_still_counts_in_a_skill_context(tx: Taxonomy) -> None:
    assert "recruiting" in ids("We lacked evidence of your recruiting experience.", tx)


@pytest.mark.parametrize(
    ("text", "have", "gap"),
    [
        (
            "Your CRM experience was limited to spreadsheets; we needed Salesforce.",
            "spreadsheet-modeling",
            "salesforce",
        ),
        (
            "You had only used pandas, and Spark was new to you, which fell short.",
            "pandas",
            "apache-spark",
        ),
    ],
)
def test_what_the_candidate_already_has_is_not_a_gap(
    tx: Taxonomy, text: str, have: str, gap: str
) -> None:
    got = ids(text, tx)
    assert have not in got and gap in got


def test_a_comma_separates_praise_from_the_gap_it_sits_beside(tx: Taxonomy) -> None:
    text = "Strong on Figma, weaker on user research."
    assert ids(text, tx) == ["user-research"]


def test_a_cue_word_inside_a_skill_name_frames_nothing(tx: Taxonomy) -> None:
    text = "Your answers were vague, and the role requires clean code."
    (goal,) = extract(text, taxonomy=tx).goals
    assert goal.skill_id == "clean-code" and goal.framing is Framing.REQUIREMENT


JD_ALT = "Requirements\n- Python or Go\n- Zendesk or a similar ticketing tool\n"


def test_one_of_alternatives_on_the_resume_meets_the_requirement(tx: Taxonomy) -> None:
    got = ids("We went with someone else.", tx, job_description=JD_ALT, resume="Python, Freshdesk")
    assert got == []
    got = ids("We went with someone else.", tx, job_description=JD_ALT, resume="Java, Excel")
    assert {"python", "go", "zendesk"} <= set(got)


def test_parts_in_brackets_belong_to_the_skill_before_them(tx: Taxonomy) -> None:
    jd = "You have:\n- AWS (EC2, IAM, VPC)\n- Ansible"
    assert ids("No.", tx, job_description=jd, resume="Ansible") == ["aws"]


def test_a_broad_skill_asked_beside_a_narrower_one_is_not_shown_by_it(tx: Taxonomy) -> None:
    jd = "Requirements\n- Experience running user research and usability testing"
    got = ids("No thanks.", tx, job_description=jd, resume="Usability testing with clients")
    assert got == ["user-research"]
    jd = "Requirements\n- Infrastructure as code with Terraform"
    assert ids("No thanks.", tx, job_description=jd, resume="Docker") == ["terraform"]


def test_nice_to_have_requirements_the_resume_lacks_are_goals(tx: Taxonomy) -> None:
    jd = "Requirements\n- SQL\nNice to have: Canva, basic HTML"
    res = extract("No thanks.", jd, "SQL, Canva", taxonomy=tx)
    (goal,) = res.goals
    assert goal.skill_id == "html" and not goal.must_have and goal.priority == 4


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        (
            "When the buyer pushed back on price, you dropped it by 20% straight away.",
            "objection-handling",
        ),
        ("You presented the charts but never got to telling us the so-what.", "data-storytelling"),
        ("We need someone who has deployed a model behind an API, not only in notebooks.", "mlops"),
        ("You didn't explain what was driving the variances in the Q3 pack.", "variance-analysis"),
        (
            "You listed the findings line by line without the story behind them.",
            "data-storytelling",
        ),
        ("You couldn't say how you'd set SLOs for the checkout service.", "observability"),
        (
            "Your examples were about your own work; we wanted evidence of leading cross-team "
            "initiatives.",
            "leadership",
        ),
        ("You gave away the discount without getting anything in return.", "negotiation"),
        ("Your answers wandered and we lost track of the point.", "concise-communication"),
        ("You hadn't looked into the company before the interview.", "company-research"),
        ("The role involves teaching AP US History to juniors.", "advanced-placement"),
        ("We need someone experienced in teaching A-level Chemistry.", "stem-education"),
        (
            "She couldn't say how she'd handle someone in the team who was underperforming.",
            "performance-management",
        ),
    ],
)
def test_paraphrases_name_the_skill(tx: Taxonomy, text: str, skill_id: str) -> None:
    assert skill_id in ids(text, tx)


def test_a_subject_after_teaching_is_the_specific_skill_not_the_umbrella(tx: Taxonomy) -> None:
    found = ids("We need someone experienced in teaching A-level Chemistry.", tx)
    assert "teaching" not in found


def test_the_employers_stack_is_no_goal_when_the_text_discounts_it(tx: Taxonomy) -> None:
    text = (
        "You couldn't explain how you'd profile a slow query. "
        "We use Zendesk, but no experience was needed there. "
        "They use Kafka everywhere but said that wasn't something they expected you to know."
    )
    found = ids(text, tx)
    assert "zendesk" not in found and "apache-kafka" not in found


def test_the_employers_stack_counts_when_the_candidate_lacks_it(tx: Taxonomy) -> None:
    assert "kubernetes" in ids("We run Kubernetes in production and you haven't used it.", tx)


def test_what_the_candidate_already_does_is_no_goal(tx: Taxonomy) -> None:
    text = (
        "You lacked residential conveyancing experience; "
        "your experience so far has been in family law."
    )
    found = ids(text, tx)
    assert "residential-conveyancing" in found and "family-law" not in found


def test_a_scorecard_rating_frames_its_label(tx: Taxonomy) -> None:
    text = "Scorecard\nAccessibility: 1/4 - divs with no keyboard support.\nReact knowledge: 4/4.\n"
    found = ids(text, tx)
    assert "accessibility" in found and "react" not in found


def test_a_heading_names_the_role_not_a_gap(tx: Taxonomy) -> None:
    text = "Mechanical Design Engineer - technical interview feedback\nYou struggled with GD&T."
    assert ids(text, tx) == ["engineering-design"]


def test_a_verb_is_not_read_as_a_plural_skill(tx: Taxonomy) -> None:
    text = "You lacked SQL, and you didn't show that the customer cares about latency."
    assert "customer-service" not in ids(text, tx)


def test_a_system_in_a_scenario_and_a_company_name_are_no_goals(tx: Taxonomy) -> None:
    text = (
        "The on-call scenario stalled once the database started timing out. "
        "You also didn't know we'd merged with Harlow Freight last year."
    )
    found = ids(text, tx)
    assert "databases" not in found and "logistics" not in found
    assert {"incident-management", "company-research"} <= set(found)


def test_the_candidates_quoted_answer_names_no_goal(tx: Taxonomy) -> None:
    text = "His answer on alerting was just 'we'd keep an eye on the dashboards'."
    assert ids(text, tx) == ["observability"]
