"""Staff page for rotas (`bpa-sync/2`): municipality staff see each arrangement's newest
published rota version and approve it or send a comment. Each answer is one receiver-signed
event (role municipality, channel staff_page), which the desktop pulls like a link's.

Same rules as the other staff pages (web.py): logged in, the session's CSRF token on every
form; the form's event id (made when the page was drawn) makes a form sent twice one event.
"""

from __future__ import annotations

import uuid

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from bpa_desktop import text_format
from bpa_desktop.i18n import t
from bpa_desktop.sync import protocol_v2 as v2
from bpa_desktop.sync.receiver import events, link_views, publications, web
from bpa_desktop.sync.receiver.database import read_session, write_session
from bpa_desktop.sync.receiver.store import Arrangement, LinkEvent, Publication, StaffSession

router = APIRouter(prefix="/staff", include_in_schema=False)
ROLE_NAMES = {
    "municipality": "receiver.rotas.role_municipality",
    "union_rep": "receiver.rotas.role_union_rep",
    "employer": "receiver.rotas.role_employer",
    "assistant": "receiver.rotas.role_assistant",
}
MESSAGES = {"approved": "receiver.rotas.sent_approval", "commented": "receiver.rotas.sent_comment"}


def _answers(session: Session, publication: Publication) -> list[dict]:
    rows = session.scalars(select(LinkEvent).where(LinkEvent.publication_id == publication.publication_id,
                                                   LinkEvent.kind == "approval").order_by(LinkEvent.seq)).all()
    answers = []
    for row in rows:
        body = v2.EventBody.model_validate_json(row.body)
        answers.append({"approver": body.approval.approver, "role": t(ROLE_NAMES[body.role]),
                        "approved": body.approval.approved, "comment": body.approval.comment,
                        "at": text_format.datetime_text(body.occurred_at)})
    return answers


def _overview(session: Session) -> list[dict]:
    items = []
    for arrangement in session.scalars(select(Arrangement).order_by(Arrangement.name)):
        latest = publications.latest_rota(session, arrangement.id)
        if latest is None:
            continue
        view = publications.body_of(latest).rota
        items.append({"arrangement": arrangement, "publication": latest, "rota": view,
                      "lines": link_views.rota_lines(view), "answers": _answers(session, latest),
                      "dates": text_format.date_range(view.valid_from, view.valid_to),
                      "approve_event": str(uuid.uuid4()), "comment_event": str(uuid.uuid4())})
    return items


def _page(request: Request, session: Session, staff_session: StaffSession, error: str | None = None,
          status_code: int = 200) -> Response:
    key = MESSAGES.get(request.query_params.get("msg", ""))
    return web._render(request, "staff_rotas.html", t("receiver.rotas.title"), status_code=status_code,
                       rotas=_overview(session), staff=staff_session, csrf=staff_session.csrf_token,
                       message=t(key) if key else None, error=error)


@router.get("/rotas")
def rotas(request: Request) -> Response:
    with read_session(web._engine(request)) as session:
        staff_session = web._logged_in(request, session)
        if staff_session is None:
            return web._to_login(request)
        return _page(request, session, staff_session)


@router.post("/rotas/{publication_id}/answer")
def answer(request: Request, publication_id: uuid.UUID, decision: str = Form(""), comment: str = Form(""),
           event_id: str = Form(""), csrf_token: str = Form("")) -> Response:
    try:
        event = uuid.UUID(event_id)
    except ValueError:
        event = None
    with write_session(web._engine(request)) as session:
        staff_session = web._logged_in(request, session)
        valid = event is not None and decision in ("approve", "comment")
        if (refused := web._refused_form(request, staff_session, csrf_token, valid)) is not None:
            return refused
        rota = session.scalars(select(Publication).where(Publication.publication_id == publication_id,
                                                         Publication.kind == "rota")).one_or_none()
        if rota is None:
            return Response(status_code=404)
        comment = comment.strip()[:500]
        if publications.latest_rota(session, rota.arrangement_id).id != rota.id:
            return _page(request, session, staff_session, error=t("receiver.rotas.stale"), status_code=409)
        if decision == "comment" and not comment:
            return _page(request, session, staff_session, error=t("receiver.rotas.comment_missing"), status_code=400)
        payload = v2.ApprovalPayload(publication_id=rota.publication_id, rota_version_id=rota.rota_version_id,
                                     content_hash=rota.content_hash, approved=decision == "approve", comment=comment,
                                     approver=staff_session.user.username[:40])
        events.record(session, request.app.state.settings, arrangement_pk=rota.arrangement_id, event_id=event,
                      kind="approval", role="municipality", channel="staff_page", payload=payload,
                      actor=staff_session.user.username)
    message = "approved" if decision == "approve" else "commented"
    return RedirectResponse(web.url(request, f"/staff/rotas?msg={message}"), status_code=303)
