"""Rejection emails (.eml or pasted) -> the plain text worth mining."""

from __future__ import annotations

import email
import email.policy
import re
from dataclasses import dataclass
from email.message import EmailMessage

from planner.skills.text import (
    MAX_CHARS,
    TextError,
    check_text,
    header_spans,
    reply_and_signature_spans,
    strip_html,
)
from planner.skills.text import blank as _blank


@dataclass(frozen=True)
class ParsedEmail:
    """Headers of interest and the body with quoted replies and signature removed."""

    subject: str
    sender: str
    date: str
    body: str  # the whole plain-text body
    feedback: str  # the body less quoted earlier messages, signature and sign-off


def parse_eml(data: bytes) -> ParsedEmail:
    """Parse an RFC 822 message (an uploaded .eml file).

    The text/plain part is preferred; an HTML-only message is converted to text.

    Raises:
        TextError: the data is empty, too large, or has no readable text part.
    """
    if not data.strip():
        raise TextError("email is empty")
    if len(data) > 20 * MAX_CHARS:  # attachments make .eml files larger than their text
        raise TextError(f"email is {len(data):,} bytes; too large to read")
    msg = email.message_from_bytes(data, policy=email.policy.default)
    if not isinstance(msg, EmailMessage):  # pragma: no cover - policy.default always gives one
        raise TextError("not an email message")
    body = _body_text(msg)
    if body is None:
        raise TextError("email has no text part")
    check_text(body, "email body")
    return ParsedEmail(
        subject=str(msg.get("subject", "") or ""),
        sender=str(msg.get("from", "") or ""),
        date=str(msg.get("date", "") or ""),
        body=body,
        feedback=feedback_text(body),
    )


def _body_text(msg: EmailMessage) -> str | None:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return None
    try:
        content = part.get_content()
    except (LookupError, UnicodeError):  # unknown charset
        payload = part.get_payload(decode=True)
        content = payload.decode("utf-8", errors="replace") if isinstance(payload, bytes) else ""
    if not isinstance(content, str):
        return None
    if part.get_content_subtype() == "html":
        content = _squeeze(strip_html(content))
    return content


def feedback_text(text: str) -> str:
    """Pasted email text without headers, quoted replies, sign-off and signature."""
    spans = [*header_spans(text), *reply_and_signature_spans(text)]
    return _squeeze(_blank(text, spans))


def _squeeze(text: str) -> str:
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
