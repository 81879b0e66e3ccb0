"""Property-based tests of the API from its own OpenAPI document (schemathesis, in-process, no network)."""

from __future__ import annotations

from typing import Any

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from django.test import Client
from hypothesis import HealthCheck, given, settings
from schemathesis.specs.openapi.checks import ignored_auth, positive_data_acceptance

from samenspel.directory.demo import Generator
from samenspel.directory.models import Organisation
from samenspel.opendata.models import ApiKey
from tests.opendata.conftest import TODAY

pytestmark = pytest.mark.django_db


def _spec() -> dict[str, Any]:
    return Client().get("/api/openapi.json").json()


@pytest.fixture
def api_schema(db: None) -> Any:
    return schemathesis.openapi.from_dict(_spec())


def test_the_api_answers_every_generated_request_without_server_errors_or_schema_violations(
    api_schema: Any,
) -> None:
    Generator(groups=30, seed=2015, today=TODAY).run()
    # The write endpoint needs a key: every generated request carries one, so imports are exercised too
    # (random bodies must give errors per record or a refusal, never a server error).
    support_point = Organisation.objects.support_points().first()
    assert support_point is not None
    key = ApiKey.issue(support_point=support_point, name="schemathesis")[1]

    app = WSGIHandler()
    # As Django's test client does: a request's end must not close the test's database connection,
    # which lives inside the test transaction (on PostgreSQL it would be closed as "obsolete").
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        _run_all(api_schema, app, key)
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


def _run_all(api_schema: Any, app: Any, key: str) -> None:
    cases = 0
    for operation in api_schema.get_all_operations():
        op = operation.ok()

        # Derandomized: the same 203 cases on every run, so CI is repeatable; widen max_examples to explore.
        @settings(
            max_examples=25, deadline=None, suppress_health_check=list(HealthCheck), database=None, derandomize=True
        )
        @given(case=op.as_strategy())
        def check(case: Any) -> None:
            nonlocal cases
            cases += 1
            response = case.call(app=app, headers={"Host": "localhost", "Authorization": f"Bearer {key}"})
            # An import whose body is valid JSON but not valid HSDS (records referring to nothing, a theme
            # nobody mapped) is answered 422 with an error per record: schemathesis' positive-data check
            # counts any 4xx but a few as a bug, and JSON Schema cannot express those rules.
            # The ignored-auth check replays the request with a made-up key, but the valid key given here
            # wins over it; test_api_write checks that missing, wrong and revoked keys get 401.
            writes = case.operation.method.upper() == "POST"
            case.validate_response(
                response, excluded_checks=[positive_data_acceptance, ignored_auth] if writes else None
            )

        check()
    print(f"schemathesis cases: {cases}")
    assert cases > 0
