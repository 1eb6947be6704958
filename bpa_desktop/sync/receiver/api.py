"""The `bpa-sync/1` HTTP API (docs/protocol.md). Every write is one transaction that commits before
the answer is sent, so a 5xx always means "nothing stored" and a retry is processed fresh."""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Engine, text

from bpa_desktop.i18n import t
from bpa_desktop.sync.protocol import (
    PROBLEM_MEDIA_TYPE,
    PROTOCOL,
    DecisionsPage,
    EnrolRequest,
    EnrolResponse,
    Receipt,
    SignedSubmission,
    StatusRequest,
    StatusResponse,
)
from bpa_desktop.sync.receiver import decisions, enrolment, intake, metrics
from bpa_desktop.sync.receiver.database import read_session, write_session
from bpa_desktop.sync.receiver.problems import ProblemError

router = APIRouter(prefix="/v1", tags=["bpa-sync/1"])

# The API document is for developers: in English, like the protocol's field names.
# Every error is application/problem+json (app.py registers the `Problem` schema); documenting
# exactly that lets clients and schema-driven tests check error bodies too.
_PROBLEM_CONTENT = {PROBLEM_MEDIA_TYPE: {"schema": {"$ref": "#/components/schemas/Problem"}}}
_PROBLEM_STATUSES = {
    400: "The request does not follow bpa-sync/1",
    401: "Missing or unknown access token",
    403: "The access or the key is blocked",
    409: "Conflict with what the receiver has stored",
    413: "The request is too large",
    422: "The content cannot be accepted (signature, reused ID)",
    503: "The receiver is busy; try again after Retry-After",
}
_PROBLEMS = {status: {"description": text, "content": _PROBLEM_CONTENT} for status, text in _PROBLEM_STATUSES.items()}
_BUSY_ONLY = {503: _PROBLEMS[503]}

# Declared as a security scheme so the OpenAPI document says how to authenticate; the token
# itself is checked by enrolment.authenticate (401/403 problems, never FastAPI's own 403).
_bearer = HTTPBearer(auto_error=False, description="The access token from POST /v1/enrol")

_IDEMPOTENCY_KEY_PARAMETER = {
    "name": "Idempotency-Key",
    "in": "header",
    "required": True,
    "description": "The submission's submission_id (UUID); the same key gives the same receipt.",
    "schema": {"type": "string", "format": "uuid"},
}


def _engine(request: Request) -> Engine:
    return request.app.state.engine


def _authorization(credentials: HTTPAuthorizationCredentials | None = Depends(_bearer)) -> str | None:
    return f"Bearer {credentials.credentials}" if credentials else None


def _json(model, status_code: int) -> JSONResponse:
    return JSONResponse(model.model_dump(mode="json"), status_code=status_code)


@router.post(
    "/enrol",
    response_model=EnrolResponse,
    status_code=201,
    responses={200: {"model": EnrolResponse, "description": "Repeated enrolment: the same access token"}, **_PROBLEMS},
)
def post_enrol(request: Request, payload: EnrolRequest) -> JSONResponse:
    """One-time code + public key -> API token. Repeating the same request returns the same token."""
    with write_session(_engine(request)) as session:
        result = enrolment.enrol(session, payload)
    return _json(result.response, 201 if result.created else 200)


@router.post(
    "/submissions",
    response_model=Receipt,
    status_code=201,
    responses={200: {"model": Receipt, "description": "Repeated submission: the same receipt"}, **_PROBLEMS},
    # Read by hand below so a missing or malformed key gets its own problem code.
    openapi_extra={"parameters": [_IDEMPOTENCY_KEY_PARAMETER]},
)
def post_submission(
    request: Request,
    signed: SignedSubmission,
    authorization: str | None = Depends(_authorization),
) -> JSONResponse:
    """Store one signed submission: 201 new, 200 the same receipt again for a replay."""
    idempotency_key = request.headers.get("Idempotency-Key")
    if not idempotency_key:
        raise ProblemError(400, "idempotency_key_missing", t("receiver.problem.idempotency_key_missing"))
    try:
        key = uuid.UUID(idempotency_key.strip().strip('"'))
    except ValueError:
        raise ProblemError(400, "idempotency_key_invalid", t("receiver.problem.idempotency_key_invalid")) from None
    try:
        with write_session(_engine(request)) as session:
            token = enrolment.authenticate(session, authorization)
            result = intake.receive(session, arrangement=token.arrangement, signed=signed, idempotency_key=key, via="api")
    except ProblemError as problem:
        metrics.SUBMISSIONS_REFUSED.labels(code=problem.code).inc()
        raise
    if result.created:
        metrics.SUBMISSIONS.labels(outcome="received").inc()
    return _json(result.receipt, 201 if result.created else 200)


@router.post("/submissions/status", response_model=StatusResponse, responses=_PROBLEMS)
def post_status(
    request: Request, payload: StatusRequest, authorization: str | None = Depends(_authorization)
) -> JSONResponse:
    """Which of these ids the receiver holds, and in which state."""
    with read_session(_engine(request)) as session:
        token = enrolment.authenticate(session, authorization)
        return _json(intake.status(session, token.arrangement, payload.ids), 200)


@router.get("/decisions", response_model=DecisionsPage, responses=_PROBLEMS)
def get_decisions(
    request: Request,
    since: int = Query(default=0, ge=0),
    limit: int = Query(default=100, ge=1, le=decisions.MAX_PAGE),
    authorization: str | None = Depends(_authorization),
) -> JSONResponse:
    """Decisions after `since`, oldest first; pass `next` as `since` the next time."""
    with read_session(_engine(request)) as session:
        token = enrolment.authenticate(session, authorization)
        return _json(decisions.feed(session, token.arrangement_id, since, limit), 200)


@router.get("/health")
def get_health() -> dict[str, str]:
    """Liveness: 200 means this worker answers (the database is not asked; see /v1/ready)."""
    return {"status": "ok", "protocol": PROTOCOL}


@router.get("/ready", responses=_BUSY_ONLY)
def get_ready(request: Request) -> dict[str, str]:
    """Readiness: 200 when the database answers a query; 503 (problem) when it does not."""
    with read_session(_engine(request)) as session:
        session.execute(text("SELECT 1"))
    return {"status": "ready", "protocol": PROTOCOL}
