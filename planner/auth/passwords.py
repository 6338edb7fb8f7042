"""Password hashing: scrypt through werkzeug, with a cheap work factor only for the test suite."""

from __future__ import annotations

import re

from werkzeug.security import check_password_hash, generate_password_hash

# werkzeug's scrypt default (N=2**15, r=8, p=1: ~32 MiB and tens of ms per hash) is the only
# factor used outside tests. The test suite sets AUTH_FAST_HASH_FOR_TESTS so that signing in
# dozens of times per run stays fast; nothing else ever selects it.
METHOD = "scrypt:32768:8:1"
TEST_METHOD = "scrypt:256:8:1"

MIN_LENGTH = 10
MAX_LENGTH = 1024
# A real hash to check against when the account does not exist, so that a wrong email takes as
# long as a wrong password and response times do not reveal who has an account.
_DUMMY = generate_password_hash("not-a-password", method=METHOD)
_DUMMY_FAST = generate_password_hash("not-a-password", method=TEST_METHOD)
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


def hash_password(password: str, fast: bool = False) -> str:
    return generate_password_hash(password, method=TEST_METHOD if fast else METHOD)


def verify(stored: str | None, password: str, fast: bool = False) -> bool:
    """True if ``password`` matches ``stored``; spends the same time when there is no hash."""
    if not stored:
        check_password_hash(_DUMMY_FAST if fast else _DUMMY, password)
        return False
    return check_password_hash(stored, password)


def needs_rehash(stored: str, fast: bool = False) -> bool:
    """A hash made with other parameters than today's is replaced at the next sign-in."""
    return not stored.startswith((TEST_METHOD if fast else METHOD) + "$")


def problem(password: str, email: str = "") -> str | None:
    """Why a new password is refused, or None when it is acceptable."""
    if len(password) < MIN_LENGTH:
        return f"use at least {MIN_LENGTH} characters (a few words make a good one)"
    if len(password) > MAX_LENGTH:
        return f"use at most {MAX_LENGTH} characters"
    if _CONTROL.search(password):
        return "remove control characters"
    if email and password.strip().lower() == email.strip().lower():
        return "must not be your email address"
    return None
