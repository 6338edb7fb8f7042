from __future__ import annotations

import pytest

from planner.skills import TextError, extract, feedback_text, parse_eml

PLAIN = b"""From: Jane <jane@acme.example>
To: sam@example.com
Subject: Your application
Date: Mon, 3 Jun 2024 10:00:00 +0000
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="b"

--b
Content-Type: text/plain; charset="utf-8"

Hi Sam,

We felt your SQL was below the bar for this role.

Best regards,
Jane | Acme | Terraform experts

On Fri, Sam wrote:
> I know Kubernetes well.
--b
Content-Type: text/html; charset="utf-8"

<p>Hi Sam, we felt your SQL was below the bar.</p>
--b--
"""

HTML_ONLY = b"""From: hr@acme.example
Subject: Update
Content-Type: text/html; charset="utf-8"

<html><body><p>We would have liked more <b>Docker</b> experience.</p>
<p>Kind regards,<br>HR</p></body></html>
"""


def test_plain_part_is_preferred_and_reply_and_signature_are_dropped() -> None:
    mail = parse_eml(PLAIN)
    assert mail.subject == "Your application" and "jane@acme.example" in mail.sender
    assert "SQL" in mail.feedback
    assert "Terraform" not in mail.feedback and "Kubernetes" not in mail.feedback
    assert [g.skill_id for g in extract(mail.feedback).goals] == ["sql"]


def test_html_only_message_becomes_text() -> None:
    mail = parse_eml(HTML_ONLY)
    assert "<b>" not in mail.body and "Docker" in mail.feedback


def test_empty_or_textless_email_is_an_error() -> None:
    with pytest.raises(TextError):
        parse_eml(b"   ")
    with pytest.raises(TextError, match="no text part"):
        parse_eml(b"Subject: x\nContent-Type: image/png\n\n\x89PNG")


def test_feedback_text_of_a_pasted_email() -> None:
    pasted = "Subject: Re: role\n\nYou lacked Excel depth.\n\n-- \nAna\nSQL guru"
    assert feedback_text(pasted) == "You lacked Excel depth."
