"""What the phone pages show and what their forms carry: shifts as people read them (Oslo
time, the request's language) and the HMAC form tokens that stand in for CSRF tokens on pages
that have no session (the capability code is the only credential).

A form token is `<unix time>.<HMAC-SHA256>` over the link id, the form's event id and the
time, keyed from the receiver's `key_secret`; it is good for FORM_TOKEN_HOURS. The event id is
made when the page is drawn, so a form sent twice records one event.
"""

from __future__ import annotations

import hashlib
import hmac
import time
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from bpa_desktop import text_format
from bpa_desktop.i18n import t
from bpa_desktop.sync import protocol_v2 as v2

FORM_TOKEN_HOURS = 12
#: The deviations an assistant can propose on a shift, in the order the form lists them.
SHIFT_CHANGES = ("as_planned", "late_start", "left_early", "stayed_longer", "sick")
WITH_MINUTES = ("late_start", "left_early", "stayed_longer")
CHANGE_NAMES = {
    "as_planned": "receiver.link.change_as_planned",
    "late_start": "receiver.link.change_late_start",
    "left_early": "receiver.link.change_left_early",
    "stayed_longer": "receiver.link.change_stayed_longer",
    "sick": "receiver.link.change_sick",
    "extra_shift": "receiver.link.change_extra_shift",
}


def form_token(key: bytes, link_id: uuid.UUID | str, event_id: uuid.UUID | str, now: float | None = None) -> str:
    issued = int(now if now is not None else time.time())
    mac = hmac.new(key, f"{link_id}|{event_id}|{issued}".encode("ascii"), hashlib.sha256).hexdigest()
    return f"{issued}.{mac}"


def token_ok(key: bytes, link_id: uuid.UUID | str, event_id: str, token: str, now: float | None = None) -> bool:
    issued_text, _, _mac = token.partition(".")
    if not issued_text.isdigit() or len(issued_text) > 12:
        return False
    issued = int(issued_text)
    now = now if now is not None else time.time()
    if not (now - FORM_TOKEN_HOURS * 3600 <= issued <= now + 60):
        return False
    return hmac.compare_digest(form_token(key, link_id, event_id, issued), token)


def hours(minutes: int) -> str:
    return text_format.hours_unit(minutes / 60)


def day_text(day: date) -> str:
    return t("receiver.link.day", weekday=text_format.weekday_name(day, short=True), date=text_format.day_month(day))


def span_text(starts_at: datetime, ends_at: datetime) -> str:
    return t("receiver.link.span", start=text_format.clock(starts_at), end=text_format.clock(ends_at))


@dataclass(frozen=True)
class ShiftLine:
    ref: str | None
    day: str
    span: str
    hours: str
    code: str | None
    absence: str | None
    who: str | None = None


def month_lines(view: v2.MonthView) -> list[ShiftLine]:
    return [ShiftLine(shift.shift_ref, day_text(text_format.local(shift.starts_at).date()),
                      span_text(shift.starts_at, shift.ends_at), hours(shift.minutes), shift.code, shift.absence)
            for shift in view.shifts]


def rota_lines(view: v2.RotaView) -> list[ShiftLine]:
    lines = []
    for shift in view.shifts:
        minutes = int((shift.ends_at - shift.starts_at).total_seconds() // 60)
        lines.append(ShiftLine(None, day_text(text_format.local(shift.starts_at).date()),
                               span_text(shift.starts_at, shift.ends_at), hours(minutes), shift.code, None,
                               shift.who or t("receiver.link.open_shift")))
    return lines


def find_shift(view: v2.MonthView, shift_ref: str) -> v2.MonthShift | None:
    return next((shift for shift in view.shifts if shift.shift_ref == shift_ref), None)
