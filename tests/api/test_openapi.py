"""The OpenAPI document is valid and the docs page serves from local assets."""

from __future__ import annotations

from flask.testing import FlaskClient
from openapi_spec_validator import validate


def test_openapi_document_is_valid(client: FlaskClient) -> None:
    spec = client.get("/api/openapi.json").get_json()
    validate(spec)
    assert "/api/v1/feedback" in spec["paths"]
    assert "post" in spec["paths"]["/api/v1/rejections/{rejection_id}/goals"]


def test_docs_page_lists_endpoints_without_external_assets(client: FlaskClient) -> None:
    html = client.get("/api/docs").get_data(as_text=True)
    assert "POST /api/v1/feedback" in html and "hours_per_week" in html
    assert "cdn" not in html.lower() and "https://" not in html.split("<main", 1)[0]


def test_plan_response_matches_its_schema(client: FlaskClient) -> None:
    from jsonschema import Draft202012Validator

    spec = client.get("/api/openapi.json").get_json()
    body = client.post("/api/v1/feedback", json={"text": "They wanted stronger SQL."}).get_json()
    plan = client.get(body["links"]["self"]).get_json()
    schema = {**spec["components"]["schemas"]["Plan"], "components": spec["components"]}
    Draft202012Validator(schema).validate(plan)
