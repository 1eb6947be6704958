"""The desktop's side of `bpa-sync/2` (docs/protocol-v2.md): the receiver's key, publications,
link grants and revocations, and the event feed. Authenticated with the bearer token of the
v1 enrolment, through the same `enrolment.authenticate`; every write is one transaction that
commits before the answer is sent; errors are problems with a stable `code`, as in v1."""

from __future__ import annotations

import base64
import uuid

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import JSONResponse

from bpa_desktop.sync import protocol_v2 as v2
from bpa_desktop.sync.receiver import enrolment, events, publications, receiver_key
from bpa_desktop.sync.receiver.api import _PROBLEMS, _authorization, _engine
from bpa_desktop.sync.receiver.database import write_session

router = APIRouter(prefix="/v2", tags=["bpa-sync/2"])


def _settings(request: Request):
    return request.app.state.settings


@router.get("/receiver-key", response_model=v2.ReceiverKey, responses=_PROBLEMS)
def get_receiver_key(request: Request, authorization: str | None = Depends(_authorization)) -> JSONResponse:
    """The key that signs events; made the first time anyone asks. Pin it at first sight."""
    with write_session(_engine(request)) as session:
        enrolment.authenticate(session, authorization)
        key = receiver_key.signing_key(session, _settings(request))
        answer = v2.ReceiverKey(key_id=key.key_id, public_key=base64.b64encode(key.public_key).decode("ascii"))
    return JSONResponse(answer.model_dump(mode="json"))


@router.put("/publications/{publication_id}", status_code=201, responses={
    200: {"description": "The same publication again (same bytes)"}, **_PROBLEMS})
def put_publication(request: Request, publication_id: uuid.UUID, envelope: v2.SignedEnvelope,
                    authorization: str | None = Depends(_authorization)) -> JSONResponse:
    """A device-signed month or rota view: 201 stored, 200 a replay, 409 other bytes, 422 bad
    signature or content_hash_mismatch."""
    with write_session(_engine(request)) as session:
        token = enrolment.authenticate(session, authorization)
        stored = publications.store_publication(session, arrangement=token.arrangement,
                                                publication_id=publication_id, envelope=envelope)
    return JSONResponse(stored.answer, status_code=201 if stored.created else 200)


@router.put("/links/{link_id}", status_code=201, responses={
    200: {"description": "The same grant again"}, **_PROBLEMS})
def put_link(request: Request, link_id: uuid.UUID, grant: v2.LinkGrant,
             authorization: str | None = Depends(_authorization)) -> JSONResponse:
    """Grant a link (the code's SHA-256 only): 201 new, 200 the same grant again, 409 otherwise."""
    with write_session(_engine(request)) as session:
        token = enrolment.authenticate(session, authorization)
        stored = publications.grant_link(session, arrangement=token.arrangement, link_id=link_id, grant=grant)
    return JSONResponse(stored.answer, status_code=201 if stored.created else 200)


@router.post("/links/{link_id}/revoke", responses=_PROBLEMS)
def post_revoke(request: Request, link_id: uuid.UUID, revocation: v2.LinkRevocation,
                authorization: str | None = Depends(_authorization)) -> JSONResponse:
    """Revoke a link (idempotent, 200): its pages answer 404 from now on."""
    with write_session(_engine(request)) as session:
        token = enrolment.authenticate(session, authorization)
        stored = publications.revoke_link(session, arrangement=token.arrangement, link_id=link_id,
                                          revocation=revocation)
    return JSONResponse(stored.answer, status_code=200)


@router.get("/events", response_model=v2.EventsPage, responses=_PROBLEMS)
def get_events(request: Request, since: int = Query(default=0, ge=0),
               limit: int = Query(default=100, ge=1, le=events.MAX_PAGE),
               authorization: str | None = Depends(_authorization)) -> JSONResponse:
    """Receiver-signed events after `since`, oldest first; pass `next` as `since` next time."""
    with write_session(_engine(request)) as session:
        token = enrolment.authenticate(session, authorization)
        page = events.feed(session, token.arrangement_id, since, limit)
        events.mark_read_through(session, token.arrangement_id, since)
    return JSONResponse(page.model_dump(mode="json"))
