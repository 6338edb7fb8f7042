from __future__ import annotations

import pytest

from planner.skills import extract
from planner.skills.segment import clauses, is_boilerplate, sentences
from planner.skills.text import (
    MAX_CHARS,
    TextError,
    check_text,
    clean_feedback,
    decode_bytes,
    strip_html,
)


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("", "empty"),
        ("  \n\t ", "empty"),
        ("x" * (MAX_CHARS + 1), "limit"),
        ("abc\x00def", "binary"),
        ("".join(chr(i) for i in range(1, 31)) * 10, "binary"),
        (b"bytes", "string"),
    ],
)
def test_check_text_refuses_unusable_input(value: object, message: str) -> None:
    with pytest.raises(TextError, match=message):
        check_text(value)


def test_decode_bytes_handles_utf8_utf16_cp1252_and_binary() -> None:
    assert decode_bytes("Résumé".encode()) == "Résumé"
    assert decode_bytes("Résumé".encode("utf-16")) == "Résumé"
    assert decode_bytes("caf\xe9".encode("cp1252")) == "café"
    with pytest.raises(TextError, match="binary"):
        decode_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00")


def test_html_is_blanked_without_moving_offsets() -> None:
    html = "<p>Your <b>SQL</b> was weak&nbsp;overall.</p><script>var Python=1</script>"
    out = strip_html(html)
    assert len(out) == len(html)
    assert out.index("SQL") == html.index("SQL")
    assert "Python" not in out and "<b>" not in out


def test_cleaning_drops_headers_quotes_signature_and_role_title() -> None:
    text = (
        "From: hr@acme.com\nSubject: Senior Java Developer\n\nHi Maya,\n\n"
        "Thanks for applying for the Senior Java Developer role. You lacked SQL depth.\n\n"
        "Best regards,\nJane | Acme | Kubernetes experts\n\n"
        "On Mon, 3 Jun 2024, Sam wrote:\n> I know Terraform.\n"
    )
    out = clean_feedback(text)
    assert len(out) == len(text)
    assert "SQL" in out
    for gone in ("Java", "Kubernetes", "Terraform", "Maya", "hr@acme.com"):
        assert gone not in out


def test_sentences_join_wrapped_lines_but_split_bullets() -> None:
    text = (
        "We felt that you would benefit from more hands-on experience with\n"
        "Kubernetes in production.\n- SQL\n- Excel"
    )
    spans = [text[s.start : s.end] for s in sentences(text)]
    assert spans[0].endswith("production.")
    assert spans[1:] == ["- SQL", "- Excel"]


def test_abbreviations_do_not_end_sentences() -> None:
    text = "Tools e.g. Tableau were missing. Next one."
    assert len(list(sentences(text))) == 2


def test_clauses_split_on_contrast() -> None:
    text = "Although your Python was strong, your SQL was weak but improving"
    parts = [text[c.start : c.end] for c in clauses(text, next(iter(sentences(text))))]
    assert parts[0] == "Although your Python was strong"
    assert any("SQL was weak" in p for p in parts)


@pytest.mark.parametrize(
    "sentence",
    [
        "We are an equal opportunity employer and value diversity.",
        "Acme is a leading provider of cloud solutions on AWS.",
        "This email is confidential and intended solely for the addressee.",
        "Founded in 2010, we build data tools in Python.",
    ],
)
def test_boilerplate_is_recognised(sentence: str) -> None:
    assert is_boilerplate(sentence)


def test_feedback_from_the_company_is_not_boilerplate() -> None:
    assert not is_boilerplate("We felt you lacked depth in Kubernetes.", gap_framed=True)


_BODY = ("Hi Sam,\n\nThanks for interviewing with us. The panel felt you lacked hands-on "
         "experience with Kubernetes.\n\nBest,\nPriya")


@pytest.mark.parametrize(
    "head",
    [
        "From: Priya Shah <priya@acme.com>\nDate: 3 March 2026\nSubject: Terraform role\n\n",
        "---------- Forwarded message ---------\nFrom: Priya Shah <priya@acme.com>\n"
        "Date: Tue, 3 Mar 2026 at 10:02\nSubject: Terraform role\nTo: Sam <sam@example.com>\n\n",
        "Begin forwarded message:\n\nFrom: Priya Shah <priya@acme.com>\nSent: Tuesday\n\n",
    ],
)
def test_a_message_pasted_or_forwarded_with_its_headers_is_read(head: str) -> None:
    """Its own "From: / Date:" lines head the message; they do not start a quoted one. (Before
    the fix everything after them was blanked: no goal at all.)"""
    goals = {g.skill_id for g in extract(head + _BODY).goals}
    assert goals == {"kubernetes"}  # the headers themselves ("Terraform role") are not mined


def test_headers_after_the_body_still_start_a_quoted_message() -> None:
    """guard: a "From: / Sent:" block below the message is the earlier one, quoted."""
    text = (_BODY.replace("\n\nBest,\nPriya", "") + "\n\nFrom: Sam Lee\nSent: Monday\n\n"
            "I have worked with Terraform and SQL for years.")
    assert {g.skill_id for g in extract(text).goals} == {"kubernetes"}


@pytest.mark.parametrize(
    "note",
    [
        "Quick one - lettings negotiator role, am I missing anything?",
        "Hi - estate agency negotiator role, anything missing?",
    ],
)
def test_a_job_title_without_an_article_names_no_gap(note: str) -> None:
    """The person's note names the job they want, not a skill they lack."""
    jd = ("Lettings Negotiator - Leeds. Full UK driving licence essential. Experience using "
          "Reapit desirable.")
    goals = {g.skill_id for g in extract(note, jd, "Full UK driving licence.").goals}
    assert goals == {"reapit"}


def test_a_skill_before_a_title_in_a_sentence_is_still_read() -> None:
    """guard: the bare-title pattern starts only at a line start, a dash or a colon."""
    text = "You lacked Kubernetes experience, which the platform engineer role needs."
    assert "kubernetes" in {g.skill_id for g in extract(text).goals}


@pytest.mark.parametrize(
    ("note", "field", "named_as_gap"),
    [
        ("Backend role at a fintech, what should I work on?", "backend-development",
         "They said my backend development was too weak for the role."),
        ("Home care job, do I have gaps?", "home-care",
         "They told me I lacked home care experience."),
        ("KS1 teaching post, what am I missing?", "teaching",
         "They said my teaching was not strong enough."),
    ],
)
def test_a_line_opening_with_the_jobs_field_and_role_names_the_job(
    note: str, field: str, named_as_gap: str
) -> None:
    """The field in "Home care job, do I have gaps?" is the job applied for, not a gap."""
    jd = "Support worker. A full UK driving licence is essential."
    goals = {g.skill_id for g in extract(note, jd, "Care assistant, 2019-2024.").goals}
    assert field not in goals and "vehicle-driving" in goals
    # near misses: the field named as the gap, and a role word later in the sentence
    assert field in {g.skill_id for g in extract(named_as_gap).goals}
    said = "You lacked the SQL this role needs, so I'm working on it."
    assert "sql" in {g.skill_id for g in extract(said).goals}
