"""Property-based check of the running receiver against its own OpenAPI document (schemathesis).

Every /v1 operation gets generated requests, valid and invalid by the schema, sent over HTTP to
the real receiver (uvicorn in a subprocess): once as generated (no credentials), once with a live
enrolled device's token so the authenticated paths are reached too. Each answer must be no 5xx
and conform to the published document: documented status code, content type, headers and body,
auth enforced where declared. Runs on SQLite and, with BPA_TEST_POSTGRES_URL, on PostgreSQL.
"""

from __future__ import annotations

import httpx
import pytest
import schemathesis
from hypothesis import HealthCheck, settings

from bpa_desktop.sync.receiver.app import create_app
from conftest import enrol_device

# The document only: an app that never touches its database (no migration, no request). The
# live receiver serves the same document at /openapi.json; the test below checks they agree.
schema = schemathesis.openapi.from_dict(create_app("sqlite://", migrate=False).openapi()).include(
    path_regex="^/v1/"
)


@pytest.fixture
def enrolled(live_receiver):
    with httpx.Client(base_url=live_receiver.base_url, timeout=30) as http:
        yield live_receiver, enrol_device(http, live_receiver.db_url)


def test_the_served_document_is_the_one_tested(live_receiver):
    served = httpx.get(f"{live_receiver.base_url}/openapi.json", timeout=30).json()
    assert served == create_app("sqlite://", migrate=False).openapi()
    assert {"/v1/enrol", "/v1/submissions", "/v1/submissions/status", "/v1/decisions", "/v1/health"} <= set(
        served["paths"]
    )


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_v1_answers_conform_to_the_openapi_schema(case, enrolled):
    receiver, device = enrolled
    case.call_and_validate(base_url=receiver.base_url, timeout=30)
    if case.operation.path != "/v1/enrol":
        case.call_and_validate(
            base_url=receiver.base_url, headers={"Authorization": f"Bearer {device.token}"}, timeout=30
        )
