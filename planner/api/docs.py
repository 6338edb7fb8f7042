"""OpenAPI 3 document and a docs page rendered from it with local assets only."""

from __future__ import annotations

from typing import Any

from flask import Blueprint, Response, jsonify, render_template

from planner import __version__
from planner.api import schemas as sc
from planner.auth.docs import secure

bp = Blueprint("docs", __name__, url_prefix="/api")


def _json(schema: dict[str, Any]) -> dict[str, Any]:
    return {"content": {"application/json": {"schema": schema}}}


def _err(desc: str) -> dict[str, Any]:
    return {"description": desc, **_json({"$ref": "#/components/schemas/Error"})}


def _op(summary: str, ok: tuple[str, str, str], params: list[str] = (),  # type: ignore[assignment]
        body: str | None = None, errors: tuple[str, ...] = ("404",)) -> dict[str, Any]:
    code, desc, ref = ok
    op: dict[str, Any] = {
        "summary": summary,
        "responses": {code: {"description": desc, **(
            _json({"$ref": f"#/components/schemas/{ref}"}) if ref else {})}},
    }
    if params:
        op["parameters"] = [{"name": p, "in": "path", "required": True, "schema": {
            "type": "integer" if p == "item_id" else "string",
            **({"enum": ["ics", "md", "csv"]} if p == "fmt" else {})}} for p in params]
    if body:
        op["requestBody"] = {"required": True, **_json({"$ref": f"#/components/schemas/{body}"})}
        op["responses"]["400"] = _err("Invalid input: the message names the field and the fix.")
        op["responses"]["415"] = _err("The body is not JSON.")
    for e in errors:
        op["responses"][e] = _err({"404": "Not found.", "409": "Not ready yet.",
                                   "503": "Task queue unreachable."}[e])
    return op


def openapi() -> dict[str, Any]:
    plan_ok = ("202", "Accepted: poll links.self until status is ready.", "Accepted")
    return {
        "openapi": "3.1.0",
        "info": {"title": "Skill Planner API", "version": __version__,
                 "description": "Turn job-rejection feedback into a dated learning roadmap."},
        "paths": {
            "/api/v1/feedback": {"post": _op("Post feedback and start a plan", plan_ok,
                                              body="FeedbackRequest", errors=("503",))},
            "/api/v1/plans": {
                "get": _op("List your plans", ("200", "Plans.", ""), errors=()),
                "post": _op("Plan again from a rejection's confirmed goals", plan_ok,
                            body="PlanRequest", errors=("404", "503")),
            },
            "/api/v1/plans/{plan_id}": {"get": _op("A plan: status, progress, goals, roadmap",
                                                   ("200", "The plan.", "Plan"), ["plan_id"])},
            "/api/v1/plans/{plan_id}/roadmap.{fmt}": {"get": _op(
                "The roadmap as iCalendar (ics), Markdown (md) or CSV (csv)",
                ("200", "text/calendar, text/markdown or text/csv", ""), ["plan_id", "fmt"],
                errors=("404", "409"))},
            "/api/v1/plans/{plan_id}/items/{item_id}": {"patch": _op(
                "Mark an item todo, done, skipped or behind (the last three re-plan from today)",
                ("200", "The plan with its new roadmap revision.", "Plan"),
                ["plan_id", "item_id"], body="ItemUpdate", errors=("404", "409"))},
            "/api/v1/plans/{plan_id}/feed": {
                "post": _op("Create a private calendar feed URL (replaces any earlier one)",
                            ("201", "The feed URL.", ""), ["plan_id"]),
                "delete": _op("Revoke the calendar feed URL", ("204", "Revoked.", ""),
                              ["plan_id"]),
            },
            "/api/v1/feeds/{token}.ics": {"get": _op(
                "A plan's calendar feed, for calendar apps", ("200", "text/calendar", ""),
                ["token"])},
            "/api/v1/goals/merge": {"post": _op(
                "Merge goals that name the same thing", ("200", "The kept goal.", "Goal"),
                body="GoalMerge")},
            "/api/v1/themes": {"get": _op("Skills recurring across your rejections",
                                          ("200", "Themes, most frequent first.", ""),
                                          errors=())},
            "/api/v1/rejections": {"get": _op("List your rejections",
                                              ("200", "Rejections.", ""), errors=())},
            "/api/v1/rejections/{rejection_id}": {"get": _op(
                "A rejection with its goals", ("200", "The rejection.", "Rejection"),
                ["rejection_id"])},
            "/api/v1/rejections/{rejection_id}/goals": {"post": _op(
                "Add a goal the feedback implies, by a skill's name, alias or id (201 new; 200 "
                "when it confirms a dropped or unsure goal, or gives a goal the `reason` "
                "sentence; 409 when already a goal; 422 with the closest skills when the name "
                "is unknown, or when `reason` is not the index of one of the rejection's "
                "unnamed_reasons)",
                ("201", "The goal.", "Goal"), ["rejection_id"], body="GoalAdd",
                errors=("404",))},
            "/api/v1/goals/{goal_id}": {"patch": _op(
                "Confirm, drop or re-prioritise a goal", ("200", "The goal.", "Goal"),
                ["goal_id"], body="GoalUpdate")},
            "/api/v1/providers": {"get": _op("Installed providers and their state",
                                             ("200", "Providers.", ""), errors=())},
        },
        "components": {"schemas": {
            "FeedbackRequest": sc.FEEDBACK_REQUEST, "PlanRequest": sc.PLAN_REQUEST,
            "GoalUpdate": sc.GOAL_UPDATE, "GoalMerge": sc.GOAL_MERGE, "GoalAdd": sc.GOAL_ADD,
            "ItemUpdate": sc.ITEM_UPDATE, "Error": sc.ERROR, "Plan": sc.PLAN, "Goal": sc.GOAL,
            "Rejection": sc.REJECTION, "Accepted": sc.ACCEPTED,
        }},
    }


@bp.get("/openapi.json")
def openapi_json() -> Response:
    return jsonify(secure(openapi()))


@bp.get("/docs")
def docs_page() -> str:
    return render_template("api_docs.html", spec=secure(openapi()))
