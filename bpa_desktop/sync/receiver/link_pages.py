"""The phone pages of `bpa-sync/2` under /p/{code} (docs/protocol-v2.md, docs/receiver.md).

The code is a capability (128 bits or more, made by the desktop, shown to its person as a QR
code); the receiver keeps only its SHA-256 (link_grant). An unknown, revoked or expired code
gets one and the same 404 page. Unknown codes count against the client address and every
request against its link (throttle.py: 429 while locked). The access log has the route
template only, never the path, so the code is not written anywhere.

An assistant's link shows that assistant's own newest month publication and the newest rota;
the assistant proposes a deviation on a shift or an extra shift, and confirms the month (the
event carries the content_hash of the view shown). A union rep's or employer's link shows the
newest rota version, to approve or comment on. Each action is one receiver-signed event
(events.py); the forms carry an HMAC token and an event id made when the page was drawn, so
a form sent twice records one event. Server-rendered, no script.
"""

from __future__ import annotations

import hashlib
import uuid
from datetime import date, datetime, time, timedelta, timezone

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy import select
from sqlalchemy.orm import Session

from bpa_desktop import text_format
from bpa_desktop.i18n import t
from bpa_desktop.sync import protocol_v2 as v2
from bpa_desktop.sync.receiver import events, link_views, metrics, publications, receiver_key, throttle, web
from bpa_desktop.sync.receiver.database import write_session
from bpa_desktop.sync.receiver.store import LinkEvent, LinkGrant, Publication

router = APIRouter(prefix="/p", include_in_schema=False)
templates = web.templates
templates.env.globals["change_names"] = link_views.CHANGE_NAMES
CODE_MAX = 200
MESSAGES = {
    "proposal": "receiver.link.sent_proposal",
    "confirmed": "receiver.link.sent_confirmation",
    "approved": "receiver.link.sent_approval",
    "commented": "receiver.link.sent_comment",
}


def _engine(request: Request):
    return request.app.state.engine


def _render(request: Request, name: str, title: str, status_code: int = 200, **context) -> HTMLResponse:
    response = templates.TemplateResponse(
        request, name, {"title": title, "root": web.root_path(request), **context}, status_code=status_code)
    response.headers["Cache-Control"] = "no-store"
    return response


def _message_page(request: Request, status_code: int, title_key: str, text_key: str, **extra) -> HTMLResponse:
    return _render(request, "link_message.html", t(title_key), status_code, text=t(text_key), **extra)


def _not_found(request: Request) -> HTMLResponse:
    metrics.LINK_REFUSALS.labels(reason="not_found").inc()
    return _message_page(request, 404, "receiver.link.not_found_title", "receiver.link.not_found")


def _too_many(request: Request, until: datetime) -> HTMLResponse:
    metrics.LINK_REFUSALS.labels(reason="rate_limited").inc()
    response = _message_page(request, 429, "receiver.link.too_many_title", "receiver.link.too_many")
    response.headers["Retry-After"] = str(max(1, int((until - datetime.now(timezone.utc)).total_seconds())))
    return response


def _refused(request: Request) -> HTMLResponse:
    metrics.LINK_REFUSALS.labels(reason="bad_form").inc()
    return _message_page(request, 403, "receiver.link.refused_title", "receiver.link.refused")


def _open(request: Request, session: Session, code: str) -> LinkGrant | Response:
    """The live link behind `code`, counted against its limit, or the answer to send instead."""
    settings = request.app.state.settings
    window = timedelta(minutes=settings.link_window_minutes)
    address = web._client_address(request)
    if (locked := throttle.lock_of(session, throttle.LINK_ADDRESS, address)) is not None:
        return _too_many(request, locked)
    link = None
    if v2.LINK_CODE_MIN_BYTES <= len(code) <= CODE_MAX:
        link = publications.live_link(session, hashlib.sha256(code.encode("utf-8")).hexdigest())
    if link is None:
        locked = throttle.hit(session, throttle.LINK_ADDRESS, address, throttle.Policy(settings.link_max_bad_codes, window))
        return _too_many(request, locked) if locked else _not_found(request)
    locked = throttle.hit(session, throttle.LINK, str(link.link_id), throttle.Policy(settings.link_max_requests, window))
    return _too_many(request, locked) if locked else link


def _form_key(request: Request) -> bytes:
    settings = request.app.state.settings
    if settings.key_secret is None:
        raise receiver_key._unavailable()
    return receiver_key.form_secret(settings.key_secret.get_secret_value())


def _form(request: Request, link: LinkGrant) -> dict:
    event_id = uuid.uuid4()
    return {"event_id": str(event_id), "token": link_views.form_token(_form_key(request), link.link_id, event_id)}


def _form_ok(request: Request, link: LinkGrant, event_id: str, token: str) -> uuid.UUID | None:
    try:
        parsed = uuid.UUID(event_id)
    except ValueError:
        return None
    return parsed if link_views.token_ok(_form_key(request), link.link_id, str(parsed), token) else None


def _link_for(request: Request, session: Session, code: str, *, assistant: bool) -> LinkGrant | Response:
    """The open link if it is an assistant's (or, with ``assistant=False``, an approver's); else
    the page that says no, the same 404 as an unknown code."""
    link = _open(request, session, code)
    if isinstance(link, Response):
        return link
    if (link.role == "assistant") != assistant:
        return _not_found(request)
    return link


def _posted(request: Request, session: Session, code: str, event_id: str, token: str, *,
            assistant: bool) -> tuple[LinkGrant, uuid.UUID] | Response:
    """A form sent from a link's page: the link and the form's event id, once the form token
    checks out."""
    link = _link_for(request, session, code, assistant=assistant)
    if isinstance(link, Response):
        return link
    event = _form_ok(request, link, event_id, token)
    return _refused(request) if event is None else (link, event)


def _base(request: Request, code: str) -> str:
    return web.url(request, f"/p/{code}")


def _done(request: Request, code: str, message: str) -> RedirectResponse:
    return RedirectResponse(_base(request, code) + f"?msg={message}", status_code=303)


def _own_publication(session: Session, link: LinkGrant, publication_id: str, kind: str) -> Publication | None:
    """A publication this link may act on: the assistant's own month, or the arrangement's rota."""
    try:
        wanted = uuid.UUID(publication_id)
    except ValueError:
        return None
    row = session.scalars(select(Publication).where(Publication.publication_id == wanted)).one_or_none()
    if row is None or row.arrangement_id != link.arrangement_id or row.kind != kind:
        return None
    if kind == "month" and (link.role != "assistant" or row.assistant_ref != link.assistant_ref):
        return None
    return row


def _link_events(session: Session, link: LinkGrant, publication: Publication | None, kind: str) -> list[v2.EventBody]:
    if publication is None:
        return []
    rows = session.scalars(select(LinkEvent).where(
        LinkEvent.link_id == link.link_id, LinkEvent.publication_id == publication.publication_id,
        LinkEvent.kind == kind).order_by(LinkEvent.seq)).all()
    return [v2.EventBody.model_validate_json(row.body) for row in rows]


def _when(moment: datetime) -> str:
    return text_format.datetime_text(moment)


def _rota_context(session: Session, link: LinkGrant) -> dict:
    rota = publications.latest_rota(session, link.arrangement_id)
    view = publications.body_of(rota).rota if rota else None
    return {"rota": view, "rota_publication": rota, "rota_lines": link_views.rota_lines(view) if view else [],
            "rota_dates": text_format.date_range(view.valid_from, view.valid_to) if view else ""}


def _assistant_page(request: Request, session: Session, link: LinkGrant, code: str) -> HTMLResponse:
    month = publications.latest_month(session, link)
    view = publications.body_of(month).month if month else None
    confirmations = _link_events(session, link, month, "confirmation")
    proposals = []
    for body in _link_events(session, link, month, "proposal"):
        shift = link_views.find_shift(view, body.proposal.shift_ref) if body.proposal.shift_ref else None
        proposals.append({"change": body.proposal.change, "minutes": body.proposal.minutes,
                          "day": link_views.day_text(text_format.local(shift.starts_at if shift else body.proposal.starts_at).date()),
                          "at": _when(body.occurred_at)})
    return _render(
        request, "link_assistant.html", t("receiver.link.assistant_title", name=link.label),
        link=link, base=_base(request, code), month=view, publication=month,
        period=text_format.period_text(view.period) if view else "",
        lines=link_views.month_lines(view) if view else [], total=link_views.hours(view.total_minutes) if view else "",
        confirmed_at=_when(confirmations[-1].occurred_at) if confirmations else None, proposals=proposals,
        form=_form(request, link), message=_message(request), hours=link_views.hours, **_rota_context(session, link),
    )


def _approver_page(request: Request, session: Session, link: LinkGrant, code: str) -> HTMLResponse:
    context = _rota_context(session, link)
    answers = _link_events(session, link, context["rota_publication"], "approval")
    return _render(
        request, "link_approver.html", t("receiver.link.approver_title", name=link.label),
        link=link, base=_base(request, code), form=_form(request, link), comment_form=_form(request, link),
        message=_message(request), answer=answers[-1].approval if answers else None,
        answered_at=_when(answers[-1].occurred_at) if answers else None, **context,
    )


def _message(request: Request) -> str | None:
    key = MESSAGES.get(request.query_params.get("msg", ""))
    return t(key) if key else None


@router.get("/{code}")
def link_page(request: Request, code: str) -> Response:
    with write_session(_engine(request)) as session:
        link = _open(request, session, code)
        if isinstance(link, Response):
            return link
        if link.role == "assistant":
            return _assistant_page(request, session, link, code)
        return _approver_page(request, session, link, code)


def _proposal_form(request: Request, session: Session, link: LinkGrant, code: str, shift_ref: str | None,
                   error: str | None = None, status_code: int = 200, entered: dict | None = None) -> Response:
    """The proposal form; after a refusal ``entered`` holds what the person typed, shown again."""
    month = publications.latest_month(session, link)
    view = publications.body_of(month).month if month else None
    shift = link_views.find_shift(view, shift_ref) if view and shift_ref else None
    if view is None or (shift_ref is not None and shift is None):
        return _not_found(request)
    line = next(item for item in link_views.month_lines(view) if item.ref == shift_ref) if shift else None
    title = t("receiver.link.propose_title") if shift else t("receiver.link.extra_title")
    return _render(request, "link_propose.html", title, status_code, link=link, base=_base(request, code),
                   publication=month, shift=line, changes=link_views.SHIFT_CHANGES,
                   with_minutes=link_views.WITH_MINUTES, form=_form(request, link), error=error,
                   period=text_format.period_text(view.period), entered=entered or {})


@router.get("/{code}/shift/{shift_ref}")
def shift_page(request: Request, code: str, shift_ref: str) -> Response:
    with write_session(_engine(request)) as session:
        link = _link_for(request, session, code, assistant=True)
        if isinstance(link, Response):
            return link
        return _proposal_form(request, session, link, code, shift_ref)


@router.get("/{code}/extra")
def extra_page(request: Request, code: str) -> Response:
    with write_session(_engine(request)) as session:
        link = _link_for(request, session, code, assistant=True)
        if isinstance(link, Response):
            return link
        return _proposal_form(request, session, link, code, None)


def _extra_times(view: v2.MonthView, day: str, start: str, end: str) -> tuple[datetime, datetime] | None:
    try:
        on = date.fromisoformat(day)
        begins, ends = time.fromisoformat(start), time.fromisoformat(end)
    except ValueError:
        return None
    if f"{on:%Y-%m}" != view.period:
        return None
    starts_at = datetime.combine(on, begins, tzinfo=text_format.OSLO)
    ends_at = datetime.combine(on if ends > begins else on + timedelta(days=1), ends, tzinfo=text_format.OSLO)
    return starts_at.astimezone(timezone.utc), ends_at.astimezone(timezone.utc)


@router.post("/{code}/propose")
def propose(request: Request, code: str, publication_id: str = Form(""), event_id: str = Form(""),
            csrf_token: str = Form(""), shift_ref: str = Form(""), change: str = Form(""), minutes: str = Form(""),
            day: str = Form(""), start: str = Form(""), end: str = Form(""), comment: str = Form("")) -> Response:
    with write_session(_engine(request)) as session:
        posted = _posted(request, session, code, event_id, csrf_token, assistant=True)
        if isinstance(posted, Response):
            return posted
        link, event = posted
        month = _own_publication(session, link, publication_id, "month")
        view = publications.body_of(month).month if month else None
        extra = change == "extra_shift"
        if view is None or (not extra and link_views.find_shift(view, shift_ref) is None):
            return _not_found(request)
        values = {"publication_id": month.publication_id, "change": change, "comment": comment.strip()[:280]}
        entered = {"change": change, "minutes": minutes[:4], "day": day[:10], "start": start[:5], "end": end[:5],
                   "comment": comment[:280]}
        if extra:
            times = _extra_times(view, day, start, end)
            if times is None:
                return _proposal_form(request, session, link, code, None, t("receiver.link.bad_times"), 400, entered)
            values.update(shift_ref=None, starts_at=times[0], ends_at=times[1],
                          minutes=int((times[1] - times[0]).total_seconds() // 60))
        elif change in link_views.SHIFT_CHANGES:
            count = int(minutes) if minutes.strip().isdigit() else 0
            if change in link_views.WITH_MINUTES and not 1 <= count <= 16 * 60:
                return _proposal_form(request, session, link, code, shift_ref, t("receiver.link.bad_minutes"), 400, entered)
            values.update(shift_ref=shift_ref, minutes=count if change in link_views.WITH_MINUTES else 0)
        else:
            return _proposal_form(request, session, link, code, shift_ref or None, t("receiver.link.pick_change"), 400, entered)
        events.record(session, request.app.state.settings, arrangement_pk=link.arrangement_id, event_id=event,
                      kind="proposal", role="assistant", channel="link", payload=v2.ProposalPayload(**values),
                      link_id=link.link_id, assistant_ref=link.assistant_ref, actor=f"link:{link.link_id}")
    return _done(request, code, "proposal")


@router.post("/{code}/confirm")
def confirm(request: Request, code: str, publication_id: str = Form(""), content_hash: str = Form(""),
            event_id: str = Form(""), csrf_token: str = Form("")) -> Response:
    with write_session(_engine(request)) as session:
        posted = _posted(request, session, code, event_id, csrf_token, assistant=True)
        if isinstance(posted, Response):
            return posted
        link, event = posted
        month = _own_publication(session, link, publication_id, "month")
        if month is None:
            return _not_found(request)
        latest = publications.latest_month(session, link)
        if latest.id != month.id or content_hash != month.content_hash:
            return _message_page(request, 409, "receiver.link.stale_title", "receiver.link.stale",
                                 back=_base(request, code))
        payload = v2.ConfirmationPayload(publication_id=month.publication_id, period=month.period,
                                         content_hash=month.content_hash)
        events.record(session, request.app.state.settings, arrangement_pk=link.arrangement_id, event_id=event,
                      kind="confirmation", role="assistant", channel="link", payload=payload,
                      link_id=link.link_id, assistant_ref=link.assistant_ref, actor=f"link:{link.link_id}")
    return _done(request, code, "confirmed")


@router.post("/{code}/approve")
def approve(request: Request, code: str, publication_id: str = Form(""), content_hash: str = Form(""),
            event_id: str = Form(""), csrf_token: str = Form(""), decision: str = Form(""),
            comment: str = Form("")) -> Response:
    with write_session(_engine(request)) as session:
        posted = _posted(request, session, code, event_id, csrf_token, assistant=False)
        if isinstance(posted, Response):
            return posted
        link, event = posted
        if decision not in ("approve", "comment"):
            return _refused(request)
        rota = _own_publication(session, link, publication_id, "rota")
        if rota is None:
            return _not_found(request)
        latest = publications.latest_rota(session, link.arrangement_id)
        if latest.id != rota.id or content_hash != rota.content_hash:
            return _message_page(request, 409, "receiver.link.stale_title", "receiver.link.stale_rota",
                                 back=_base(request, code))
        comment = comment.strip()[:500]
        if decision == "comment" and not comment:
            return _message_page(request, 400, "receiver.link.comment_missing_title", "receiver.link.comment_missing",
                                 back=_base(request, code))
        payload = v2.ApprovalPayload(publication_id=rota.publication_id, rota_version_id=rota.rota_version_id,
                                     content_hash=rota.content_hash, approved=decision == "approve",
                                     comment=comment, approver=link.label)
        events.record(session, request.app.state.settings, arrangement_pk=link.arrangement_id, event_id=event,
                      kind="approval", role=link.role, channel="link", payload=payload, link_id=link.link_id,
                      actor=f"link:{link.link_id}")
    return _done(request, code, "approved" if decision == "approve" else "commented")
