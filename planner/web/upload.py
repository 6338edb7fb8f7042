"""Uploaded feedback files (.eml, .txt) -> plain text, with a size limit and clear errors."""

from __future__ import annotations

from werkzeug.datastructures import FileStorage

from planner import skills

MAX_UPLOAD_BYTES = 256 * 1024  # a rejection e-mail is a few KB; attachments are not wanted
KINDS = (".eml", ".txt")


class UploadError(ValueError):
    """The file cannot be used; the message says what to do instead."""


def read_upload(f: FileStorage | None) -> str | None:
    """The text of an uploaded .eml or .txt file, or None when no file was chosen."""
    if f is None or not f.filename:
        return None
    name = f.filename.lower()
    if not name.endswith(KINDS):
        raise UploadError(f"“{f.filename}” is not a .eml or .txt file. Save the e-mail as .eml "
                          "(or copy its text into a .txt file), or paste the text instead.")
    data = f.stream.read(MAX_UPLOAD_BYTES + 1)
    if len(data) > MAX_UPLOAD_BYTES:
        raise UploadError(f"“{f.filename}” is larger than {MAX_UPLOAD_BYTES // 1024} KB. "
                          "Paste the part with the feedback instead.")
    try:
        text = eml_text(data) if name.endswith(".eml") else skills.decode_bytes(data)
    except skills.TextError as exc:
        raise UploadError(f"“{f.filename}” could not be read: {exc}.") from None
    if not text.strip():
        raise UploadError(f"“{f.filename}” has no text we can read.")
    return text.strip()


def eml_text(data: bytes) -> str:
    """The feedback in an e-mail: its text part less quoted replies and signature."""
    parsed = skills.parse_eml(data)
    return parsed.feedback or parsed.body
