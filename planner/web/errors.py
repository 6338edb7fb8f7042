"""Friendly HTML error pages for the pages; the API keeps its JSON errors (planner/api/errors)."""

from __future__ import annotations

from typing import Any

from flask import current_app, render_template, request
from werkzeug.exceptions import HTTPException

from planner.api.errors import ApiError, error_response, log_unexpected
from planner.web.pages import bp

TITLES = {400: "That did not work", 404: "Page not found", 405: "That did not work",
          413: "That is too large", 500: "Something went wrong", 503: "Try again soon"}
TEXTS = {
    404: "There is nothing at this address. It may have been mistyped, or it is not yours.",
    413: "The form was larger than we accept. Paste only the part with the feedback.",
    500: "Something went wrong on our side. Your data is safe; please try again.",
}


def page(status: int, message: str | None = None) -> tuple[str, int]:
    text = message or TEXTS.get(status) or "Please go back and try again."
    return render_template("error.html", status=status, title=TITLES.get(status, "Error"),
                           message=text), status


@bp.errorhandler(HTTPException)
def _http(exc: HTTPException) -> Any:
    """Errors inside the pages; a 400's description is our own text (abort(400, "..."))."""
    code = exc.code or 500
    message = exc.description if code == 400 else None
    return page(code, message)


@bp.errorhandler(ApiError)
def _api(exc: ApiError) -> tuple[str, int]:
    return page(exc.status, exc.message)


@bp.errorhandler(Exception)
def _unexpected(exc: Exception) -> tuple[str, int]:
    log_unexpected(current_app, exc)  # where, never what: messages can quote feedback text
    return page(500)


@bp.app_errorhandler(404)
def _not_found(exc: HTTPException) -> Any:
    """Addresses no route matches; the API's own 404 shape is kept for JSON clients."""
    if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
        return error_response(404, "not_found", exc.description or "Not Found")
    return page(404)
