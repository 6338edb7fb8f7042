"""Security headers on every response. The pages' own CSP (planner/web/security.py) wins."""

from __future__ import annotations

from flask import Response, current_app, g, request

# A fallback for responses that get no policy elsewhere (JSON, errors, calendar files).
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
       "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")

HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # Calendar feed URLs carry their token in the path: no referrer leaves the site. (Not
    # "no-referrer": browsers then send "Origin: null" on same-site form posts.)
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
    "Content-Security-Policy": CSP,
}


def after_request(resp: Response) -> Response:
    for name, value in HEADERS.items():
        resp.headers.setdefault(name, value)
    # Personal data (anything answered to a signed-in person, or a private feed) is not cached.
    if g.get("owner_id") or request.endpoint == "api.feed":
        resp.headers["Cache-Control"] = "no-store"
        resp.vary.add("Cookie")
        resp.vary.add("Authorization")
    if current_app.config.get("SESSION_COOKIE_SECURE"):
        resp.headers.setdefault("Strict-Transport-Security", "max-age=31536000")
    return resp
