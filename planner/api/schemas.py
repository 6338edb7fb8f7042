"""JSON Schemas of requests and responses: used to validate and to build the OpenAPI document."""

from __future__ import annotations

from typing import Any

from planner.skills.confidence import SURE

MAX_HOURS_PER_WEEK = 60
LEVELS = ("introductory", "intermediate", "advanced")
KINDS = ("course", "reading", "certification", "volunteer", "practice", "event", "community")

_DATE = {"type": "string", "format": "date", "description": "Calendar date, YYYY-MM-DD",
         "examples": ["2026-12-01"]}
_SHORT = {"type": "string", "maxLength": 200}

PLAN_PARAMS: dict[str, Any] = {
    "hours_per_week": {"type": "number", "minimum": 1, "maximum": MAX_HOURS_PER_WEEK,
                       "description": "Hours a week you can spend (1-60). Default 5."},
    "start_date": {**_DATE, "description": "First day of the roadmap. Default: today."},
    "target_date": {**_DATE, "description": "When you want to re-apply; after start_date."},
    "budget": {"type": "number", "minimum": 0, "maximum": 1_000_000,
               "description": "Most you want to spend in total, in USD. Default: no limit."},
    "preferred_level": {"enum": list(LEVELS),
                        "description": "Level to prefer at equal fit. Default: none."},
    "preferred_kinds": {"type": "array", "items": {"enum": list(KINDS)}, "uniqueItems": True,
                        "maxItems": len(KINDS),
                        "description": "Kinds of resource to prefer at equal fit."},
}

FEEDBACK_REQUEST: dict[str, Any] = {
    "type": "object",
    "required": ["text"],
    "additionalProperties": False,
    "properties": {
        "text": {"type": "string", "description": "The rejection email, notes or feedback."},
        "company": _SHORT,
        "role": _SHORT,
        "received_on": {**_DATE, "description": "When you received it."},
        "job_description": {"type": "string"},
        "resume": {"type": "string"},
        **PLAN_PARAMS,
    },
}

PLAN_REQUEST: dict[str, Any] = {
    "type": "object",
    "required": ["rejection_id"],
    "additionalProperties": False,
    "properties": {"rejection_id": {"type": "string", "maxLength": 64}, **PLAN_PARAMS},
}

GOAL_UPDATE: dict[str, Any] = {
    "type": "object",
    "additionalProperties": False,
    "minProperties": 1,
    "properties": {
        "status": {"enum": ["proposed", "confirmed", "dropped"],
                   "description": "confirmed goals are planned; proposed ones (extracted "
                                  f"with confidence below {SURE}) and dropped ones are not"},
        "priority": {"type": "integer", "minimum": 1, "maximum": 5},
    },
}

GOAL_ADD: dict[str, Any] = {
    "type": "object",
    "required": ["skill"],
    "additionalProperties": False,
    "properties": {
        "skill": {"type": "string", "minLength": 1, "maxLength": 200,
                  "description": "A skill's id, name or an alias (\"k8s\", \"Section 42 "
                                 "enquiries\"); an unknown name gets a 422 listing the closest "
                                 "skills in error.details[0].suggestions"},
        "reason": {"type": "integer", "minimum": 0, "maximum": 100,
                   "description": "Optional: the index of one of the rejection's "
                                  "unnamed_reasons (a sentence that states a reason but names "
                                  "no skill) that this skill is what it means. The goal quotes "
                                  "that sentence as its evidence; a skill already a goal gets "
                                  "the sentence added to its evidence"},
    },
}

GOAL_MERGE: dict[str, Any] = {
    "type": "object",
    "required": ["goal_ids"],
    "additionalProperties": False,
    "properties": {
        "goal_ids": {"type": "array", "items": {"type": "string", "maxLength": 64},
                     "minItems": 2, "maxItems": 50, "uniqueItems": True},
        "label": {"type": "string", "minLength": 1, "maxLength": 200},
    },
}

ITEM_UPDATE: dict[str, Any] = {
    "type": "object",
    "required": ["status"],
    "additionalProperties": False,
    "properties": {
        "status": {"enum": ["todo", "done", "skipped", "behind"]},
        "today": {**_DATE, "description": "Re-plan from this day (default: today)."},
    },
}

ERROR: dict[str, Any] = {
    "type": "object",
    "required": ["error"],
    "properties": {"error": {
        "type": "object", "required": ["code", "message", "details"],
        "properties": {"code": {"type": "string"}, "message": {"type": "string"},
                       "details": {"type": "array"}},
    }},
}

EVIDENCE = {"type": "object", "properties": {
    "text": {"type": "string"}, "start": {"type": "integer"}, "end": {"type": "integer"},
    "source": {"type": "string"}}}

GOAL: dict[str, Any] = {
    "type": "object",
    "required": ["id", "skill_id", "label", "kind", "status", "priority", "evidence"],
    "properties": {
        "id": {"type": "string"}, "skill_id": {"type": "string"}, "label": {"type": "string"},
        "kind": {"type": "string"}, "status": {"type": "string"}, "priority": {"type": "integer"},
        "confidence": {"type": "number"}, "framing": {"type": "string"},
        "must_have": {"type": "boolean"}, "esco_uri": {"type": ["string", "null"]},
        "evidence": {"type": "array", "items": EVIDENCE},
    },
}

ITEM: dict[str, Any] = {
    "type": "object",
    "required": ["id", "key", "kind", "title", "start", "end", "hours", "hours_per_week", "status"],
    "properties": {
        "id": {"type": "integer"}, "key": {"type": "string"}, "kind": {"type": "string"},
        "title": {"type": "string"}, "start": _DATE, "end": _DATE, "hours": {"type": "number"},
        "hours_per_week": {"type": "number"}, "status": {"type": "string"},
        "goal_id": {"type": ["string", "null"]}, "reason": {"type": "string"},
        "detail": {"type": "string"},
        "resource": {"type": ["object", "null"]},
    },
}

PLAN: dict[str, Any] = {
    "type": "object",
    "required": ["id", "status", "progress", "params", "goals", "providers", "roadmap", "links"],
    "properties": {
        "id": {"type": "string"},
        "status": {"enum": ["queued", "fetching", "planning", "ready", "partial", "failed"]},
        "progress": {"type": "integer", "minimum": 0, "maximum": 100},
        "error": {"type": ["string", "null"]},
        "params": {"type": "object"},
        "rejection_id": {"type": ["string", "null"]},
        "goals": {"type": "array", "items": {"type": "object"}},
        "actions": {"type": "array", "items": {"type": "object"}},
        "providers": {"type": "array", "items": {"type": "object", "properties": {
            "name": {"type": "string"}, "status": {"type": "string"}, "count": {"type": "integer"},
            "error": {"type": ["string", "null"]}, "latency_ms": {"type": ["integer", "null"]}}}},
        "roadmap": {"type": ["object", "null"], "properties": {
            "revision": {"type": "integer"}, "items": {"type": "array", "items": ITEM},
            "verdict": {"type": ["object", "null"]}, "total_hours": {"type": "number"},
            "total_cost": {"type": "number"}}},
        "created_at": {"type": "string"}, "finished_at": {"type": ["string", "null"]},
        "links": {"type": "object"},
    },
}

REJECTION: dict[str, Any] = {
    "type": "object",
    "required": ["id", "text", "goals", "templated", "actions", "unnamed_reasons"],
    "properties": {
        "id": {"type": "string"}, "text": {"type": "string"},
        "company": {"type": ["string", "null"]}, "role": {"type": ["string", "null"]},
        "received_on": {"type": ["string", "null"]}, "templated": {"type": "boolean"},
        "actions": {"type": "array"}, "goals": {"type": "array", "items": GOAL},
        # sentences that give a reason but name no skill we know: for the person to name
        "unnamed_reasons": {"type": "array", "items": EVIDENCE},
        "created_at": {"type": "string"},
    },
}

ACCEPTED: dict[str, Any] = {
    "type": "object", "required": ["plan_id", "status", "links"],
    "properties": {"plan_id": {"type": "string"}, "rejection_id": {"type": "string"},
                   "status": {"type": "string"}, "links": {"type": "object"}},
}
