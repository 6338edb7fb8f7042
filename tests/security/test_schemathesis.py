"""Property-based API testing: schemathesis generates requests from /api/openapi.json and runs
them in-process, authenticated with a real token. No 5xx; every answer conforms to the document.

Kept small for a 2-core CI: a few examples per operation, derandomized (same cases every run).
"""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from flask import Flask
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import positive_data_acceptance

from planner.api.docs import openapi
from planner.auth.docs import secure
from planner.auth.ratelimit import Limits
from planner.store.db import Database
from tests.security.conftest import KUBE, person
from tests.security.helpers import ready_plan

# One test per operation, listed from the same document the app serves. (The lazy pytest
# integration of schemathesis does not run under pytest 9; a plain Hypothesis loop does.)
OPERATIONS = [(path, method) for path, ops in secure(openapi())["paths"].items()
              for method in ops]


@pytest.fixture
def api_schema(request: pytest.FixtureRequest, app: Flask, db: Database
               ) -> tuple[Any, dict[str, str]]:
    someone = person(app, db, "fuzz")
    if "{" not in request.node.callspec.params["path"]:  # lists and export: something to show
        ready_plan(app, someone.id, KUBE)
    # generated requests come fast and from one address: lift the limits for this app only
    app.extensions["planner.auth.limiter"].limits = Limits(
        ip_per_minute=100_000, user_per_minute=100_000, writes_per_minute=100_000)
    return (schemathesis.openapi.from_wsgi("/api/openapi.json", app),
            {"Authorization": f"Bearer {someone.token}"})


# Rules across fields that JSON Schema cannot state: a target date after the start date, and the
# account's own email to confirm deletion. Valid-looking data may get a 400 there (by design).
CROSS_FIELD_RULES = {("/api/v1/feedback", "post"), ("/api/v1/me", "delete")}


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_api_conforms_to_its_openapi_document(api_schema: tuple[Any, dict[str, str]],
                                              path: str, method: str) -> None:
    schema, headers = api_schema
    operation = schema[path][method.upper()]
    excluded = [positive_data_acceptance] if (path, method) in CROSS_FIELD_RULES else []

    @given(case=operation.as_strategy())
    @settings(max_examples=6, derandomize=True, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: Any) -> None:
        case.call_and_validate(headers=headers, excluded_checks=excluded)

    check()
