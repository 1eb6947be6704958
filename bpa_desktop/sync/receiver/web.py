"""Staff web page: log in, enrol codes, vedtak hours, submissions by period, accept/reject, payroll CSV.

Server-rendered HTML (Jinja2, autoescaped), no script, styles from static/receiver.css (the
Content-Security-Policy forbids inline ones). Session cookie: HttpOnly, SameSite=Strict, path
<root path>/staff; every form carries the session's CSRF token (the login form a double-submit
cookie). Links, redirects and cookie paths start with the root path, so the receiver also works
under a sub-path of the proxy (`--root-path /bpa-mottak`). Failed logins are throttled per
account and per address (throttle.py): 429 while locked.
"""

from __future__ import annotations

import logging
import re
import secrets
import uuid
from datetime import datetime, timedelta
from decimal import Decimal, InvalidOperation
from importlib import resources
from zoneinfo import ZoneInfo

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from bpa_desktop import text_format
from bpa_desktop.i18n import get_language, t
from bpa_desktop.sync.protocol import PERIOD_PATTERN
from bpa_desktop.sync.receiver import decisions, enrolment, metrics, reports, staff
from bpa_desktop.sync.receiver.database import read_session, write_session
from bpa_desktop.sync.receiver.problems import ProblemError
from bpa_desktop.sync.receiver.store import ApiToken, Arrangement, DeviceKey, StaffSession

log = logging.getLogger("bpa_receiver.staff")
router = APIRouter(prefix="/staff", include_in_schema=False)
templates = Jinja2Templates(directory=str(resources.files("bpa_desktop.sync.receiver").joinpath("templates")))
# Exact hundredths from whole minutes, with the language's decimal mark.
templates.env.globals["hours"] = lambda minutes: text_format.number(float(reports.format_hours(minutes or 0)))
templates.env.globals["t"] = t
templates.env.globals["lang"] = get_language
#: A submission's state as staff read it (the key is looked up when the page is made).
STATE_NAMES = {
    "received": "receiver.state.received",
    "accepted": "receiver.state.accepted",
    "rejected": "receiver.state.rejected",
    "superseded": "receiver.state.superseded",
}
templates.env.globals["state_names"] = STATE_NAMES

SESSION_COOKIE = "bpa_staff"
LOGIN_CSRF_COOKIE = "bpa_login_csrf"
OSLO = ZoneInfo("Europe/Oslo")
MESSAGES = {
    "accepted": "receiver.message.accepted",
    "rejected": "receiver.message.rejected",
    "vedtak": "receiver.message.vedtak",
}


def _engine(request: Request):
    return request.app.state.engine


def root_path(request: Request) -> str:
    return request.scope.get("app_root_path", request.scope.get("root_path", "")).rstrip("/")


def url(request: Request, path: str) -> str:
    """`path` (starting with /) under the receiver's root path."""
    return root_path(request) + path


def _cookie_path(request: Request) -> str:
    return url(request, "/staff")


def _render(request: Request, name: str, title: str, status_code: int = 200, **context) -> HTMLResponse:
    response = templates.TemplateResponse(
        request, name, {"title": title, "root": root_path(request), **context}, status_code=status_code
    )
    response.headers["Cache-Control"] = "no-store"
    return response


def _current_period() -> str:
    return datetime.now(OSLO).strftime("%Y-%m")


def _valid_period(period: str | None) -> str:
    return period if period and re.fullmatch(PERIOD_PATTERN, period) else _current_period()


def _logged_in(request: Request, session: Session) -> StaffSession | None:
    return staff.current_session(session, request.cookies.get(SESSION_COOKIE))


def _to_login(request: Request) -> RedirectResponse:
    return RedirectResponse(url(request, "/staff/login"), status_code=303)


def _forbidden(request: Request) -> HTMLResponse:
    return _render(request, "forbidden.html", t("receiver.title.forbidden"), status_code=403, staff=None)


def _refused_form(request: Request, staff_session: StaffSession | None, csrf_token: str,
                  valid: bool = True) -> Response | None:
    """The answer to a staff form that may not be used (not logged in, bad CSRF token or
    invalid fields); None when it may."""
    if staff_session is None:
        return _to_login(request)
    if not staff.csrf_ok(staff_session, csrf_token) or not valid:
        return _forbidden(request)
    return None


def _page_context(staff_session: StaffSession, request: Request) -> dict:
    return {
        "staff": staff_session,
        "csrf": staff_session.csrf_token,
        "message": t(key) if (key := MESSAGES.get(request.query_params.get("msg", ""))) else None,
    }


@router.get("/login")
def login_page(request: Request) -> HTMLResponse:
    return _login_form(request)


def _login_form(request: Request, error: str | None = None, status_code: int = 200, username: str = "") -> HTMLResponse:
    login_csrf = secrets.token_urlsafe(32)
    response = _render(
        request, "login.html", t("receiver.title.login"), status_code=status_code, staff=None, login_csrf=login_csrf, error=error,
        username=username,
    )
    response.set_cookie(
        LOGIN_CSRF_COOKIE, login_csrf, httponly=True, samesite="strict", path=_cookie_path(request),
        secure=request.app.state.secure_cookies,
    )
    return response


def _client_address(request: Request) -> str:
    # Behind the proxy this is X-Forwarded-For's client, if the proxy is in --forwarded-allow-ips.
    return request.client.host if request.client else "unknown"


def _locked_page(request: Request, locked_until: datetime) -> HTMLResponse:
    seconds = max(1, int((locked_until - datetime.now(locked_until.tzinfo)).total_seconds()))
    until = locked_until.astimezone(OSLO).strftime("%H:%M")
    response = _login_form(
        request, status_code=429,
        error=t("receiver.login.locked", until=until),
    )
    response.headers["Retry-After"] = str(seconds)
    return response


@router.post("/login")
def login(
    request: Request,
    username: str = Form(""),
    password: str = Form(""),
    csrf_token: str = Form(""),
) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not secrets.compare_digest(expected.encode(), csrf_token.encode()):
        return _forbidden(request)
    settings = request.app.state.settings
    policy = staff.throttle.Policy(settings.login_max_failures, timedelta(minutes=settings.lockout_minutes))
    with write_session(_engine(request)) as session:
        outcome = staff.log_in(session, username, password, address=_client_address(request), policy=policy)
    if isinstance(outcome, staff.LoginRefused):
        if outcome.locked_until is not None:
            metrics.LOGIN_FAILURES.labels(reason="locked").inc()
            log.warning("login refused: locked")
            return _locked_page(request, outcome.locked_until)
        metrics.LOGIN_FAILURES.labels(reason="bad_credentials").inc()
        # Keep the username so only the password has to be typed again.
        return _login_form(request, error=t("receiver.login.wrong"), status_code=401, username=username[:64])
    response = RedirectResponse(url(request, "/staff/"), status_code=303)
    response.set_cookie(
        SESSION_COOKIE, outcome.cookie_token, httponly=True, samesite="strict", path=_cookie_path(request),
        secure=request.app.state.secure_cookies, max_age=staff.SESSION_HOURS * 3600,
    )
    response.delete_cookie(LOGIN_CSRF_COOKIE, path=_cookie_path(request))
    return response


@router.post("/logout")
def logout(request: Request, csrf_token: str = Form("")) -> Response:
    with write_session(_engine(request)) as session:
        staff_session = _logged_in(request, session)
        if staff_session is not None:
            if not staff.csrf_ok(staff_session, csrf_token):
                return _forbidden(request)
            staff.log_out(session, request.cookies.get(SESSION_COOKIE))
    response = _to_login(request)
    response.delete_cookie(SESSION_COOKIE, path=_cookie_path(request))
    return response


def _hours_text(minutes_per_week: int | None) -> str:
    if minutes_per_week is None:
        return ""
    return reports.format_hours(minutes_per_week).rstrip("0").rstrip(".").replace(".", ",")


@router.get("/")
def home(request: Request) -> Response:
    with read_session(_engine(request)) as session:
        staff_session = _logged_in(request, session)
        if staff_session is None:
            return _to_login(request)
        live_tokens = dict(
            session.execute(
                select(ApiToken.arrangement_id, func.count())
                .where(ApiToken.revoked_at.is_(None))
                .group_by(ApiToken.arrangement_id)
            ).all()
        )
        arrangements = [
            {
                "arrangement": arrangement,
                "device_keys": session.scalars(select(DeviceKey).where(DeviceKey.arrangement_id == arrangement.id)).all(),
                "live_tokens": live_tokens.get(arrangement.id, 0),
                "hours_per_week": _hours_text(arrangement.vedtak_minutes_per_week),
            }
            for arrangement in session.scalars(select(Arrangement).order_by(Arrangement.name))
        ]
        return _render(
            request, "home.html", t("receiver.title.home"), arrangements=arrangements, period=_current_period(),
            **_page_context(staff_session, request),
        )


@router.post("/enrol-codes")
def create_enrol_code(request: Request, name: str = Form(""), csrf_token: str = Form("")) -> Response:
    with write_session(_engine(request)) as session:
        staff_session = _logged_in(request, session)
        if (refused := _refused_form(request, staff_session, csrf_token)) is not None:
            return refused
        try:
            issued = enrolment.create_enrol_code(session, name, actor=staff_session.user.username)
        except ValueError as error:
            return _render(request, "forbidden.html", t("receiver.title.code_failed"), 400, error=str(error),
                           **_page_context(staff_session, request))
        return _render(
            request, "code.html", t("receiver.title.code"), issued=issued,
            expires=text_format.date_text(issued.expires_at.astimezone(OSLO).date()),
            **_page_context(staff_session, request),
        )


@router.post("/arrangements/{ref}/vedtak")
def set_vedtak(
    request: Request, ref: str, hours_per_week: str = Form(""), pay_codes: str = Form(""), csrf_token: str = Form("")
) -> Response:
    with write_session(_engine(request)) as session:
        staff_session = _logged_in(request, session)
        if (refused := _refused_form(request, staff_session, csrf_token)) is not None:
            return refused
        arrangement = session.scalars(select(Arrangement).where(Arrangement.ref == ref)).one_or_none()
        if arrangement is None:
            return Response(status_code=404)
        text = hours_per_week.strip().replace(",", ".")
        try:
            hours = Decimal(text) if text else None
        except InvalidOperation:
            hours = Decimal(-1)
        if hours is not None and not (hours.is_finite() and 0 <= hours <= 168):  # NaN, Infinity: refused
            return _render(request, "forbidden.html", t("receiver.title.bad_vedtak"), 400,
                           error=t("receiver.vedtak.hours_range"),
                           **_page_context(staff_session, request))
        arrangement.vedtak_minutes_per_week = None if hours is None else int(hours * 60)
        arrangement.vedtak_pay_codes = ",".join(code.strip() for code in pay_codes.split(",") if code.strip())[:500]
        enrolment.audit(session, staff_session.user.username, "vedtak_set", arrangement.ref)
    return RedirectResponse(url(request, "/staff/?msg=vedtak"), status_code=303)


def _period_page(request: Request, session: Session, staff_session: StaffSession, period: str,
                 error: str | None = None, status_code: int = 200) -> HTMLResponse:
    return _render(
        request, "period.html", t("receiver.title.period", period=period), status_code=status_code, period=period,
        overview=reports.period_overview(session, period), **{**_page_context(staff_session, request), "error": error},
    )


@router.get("/submissions")
def submissions(request: Request, period: str | None = Query(default=None)) -> Response:
    with read_session(_engine(request)) as session:
        staff_session = _logged_in(request, session)
        if staff_session is None:
            return _to_login(request)
        return _period_page(request, session, staff_session, _valid_period(period))


@router.post("/submissions/{submission_id}/decision")
def decide(
    request: Request,
    submission_id: uuid.UUID,
    decision: str = Form(""),
    reason: str = Form(""),
    period: str = Form(""),
    csrf_token: str = Form(""),
) -> Response:
    period = _valid_period(period)
    engine = _engine(request)
    with read_session(engine) as session:
        staff_session = _logged_in(request, session)
        refused = _refused_form(request, staff_session, csrf_token, valid=decision in ("accepted", "rejected"))
        if refused is not None:
            return refused
    try:
        with write_session(engine) as session:
            record = decisions.decide(session, submission_id, decision, reason, staff_session.user)
            received_at, decided_at = record.submission.received_at, record.decided_at
        metrics.record_decision(decision, received_at, decided_at)
    except ProblemError as problem:
        with read_session(engine) as session:
            staff_session = _logged_in(request, session)
            return _period_page(request, session, staff_session, period, error=problem.title, status_code=problem.status)
    return RedirectResponse(url(request, f"/staff/submissions?period={period}&msg={decision}"), status_code=303)


@router.get("/payroll.csv")
def payroll(request: Request, period: str | None = Query(default=None)) -> Response:
    period = _valid_period(period)
    with read_session(_engine(request)) as session:
        if _logged_in(request, session) is None:
            return _to_login(request)
        body = reports.payroll_csv(session, period)
    return Response(
        body.encode("utf-8"),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="lonnsgrunnlag-{period}.csv"', "Cache-Control": "no-store"},
    )
