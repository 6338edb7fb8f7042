"""Security headers on every response (pages, API, static files).

The policy is strict because the pages need nothing else: scripts and styles are files served
from this origin (no inline code, no CDN), the pages are never framed, forms post only here.
Accounts (issue 8) will extend this module, e.g. with cookie flags; keep one policy in one place.
"""

from __future__ import annotations

from werkzeug.wrappers import Response

CSP = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
])

HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    # Nothing leaves the site (feed URLs carry their token in the path). Not "no-referrer":
    # with it browsers send "Origin: null" on same-site form posts, which the cross-site check
    # in planner/auth/guard.py must then refuse.
    "Referrer-Policy": "same-origin",
    "X-Frame-Options": "DENY",  # frame-ancestors for browsers that predate it
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
}


def add_headers(resp: Response) -> Response:
    """Set the security headers unless a view chose its own value."""
    for name, value in HEADERS.items():
        resp.headers.setdefault(name, value)
    return resp
