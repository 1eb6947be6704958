"""Field rules the Workspace checks before it writes anything.

Each ``*_errors`` function looks at one record on its own and returns
``{field name: message}`` (empty when all is well); rules that need other rows (overlaps,
unique numbers) live in the Workspace, which has the database. Messages come from the
i18n catalogue, so they follow the chosen language.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from bpa_desktop.core.model import Absence, Arrangement, Assistant, Shift, ShiftTemplate, Vedtak
from bpa_desktop.i18n import get_language, message

MAX_SHIFT = timedelta(days=7)
_HHMM = re.compile(r"^([01]\d|2[0-3]):[0-5]\d$")
_ORG_NO_WEIGHTS = (3, 2, 7, 6, 5, 4, 3, 2)


def org_no_check_digit(first_eight: str) -> int | None:
    """The MOD11 check digit of a Norwegian organisation number, or None if none exists."""
    remainder = sum(int(d) * w for d, w in zip(first_eight, _ORG_NO_WEIGHTS)) % 11
    digit = (11 - remainder) % 11
    return None if digit == 10 else digit


def org_no_is_valid(org_no: str) -> bool:
    return (
        len(org_no) == 9
        and org_no.isascii()
        and org_no.isdigit()
        and org_no_check_digit(org_no[:8]) == int(org_no[8])
    )


def format_date(day: date) -> str:
    return day.strftime("%d.%m.%Y") if get_language() == "nb" else day.isoformat()


def format_period(start: date, end: date | None) -> str:
    return f"{format_date(start)}–{format_date(end) if end else message('open_ended')}"


def _required(record: object, *fields: str) -> dict[str, str]:
    return {f: message("required") for f in fields if not str(getattr(record, f) or "").strip()}


def arrangement_errors(arrangement: Arrangement) -> dict[str, str]:
    errors = _required(
        arrangement, "name", "recipient_name", "leader_name", "employer_name", "municipality"
    )
    org_no = arrangement.employer_org_no.strip()
    if not (len(org_no) == 9 and org_no.isascii() and org_no.isdigit()):
        errors["employer_org_no"] = message("org_no_digits")
    elif not org_no_is_valid(org_no):
        errors["employer_org_no"] = message("org_no_checksum")
    return errors


def vedtak_errors(vedtak: Vedtak) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not 0 < vedtak.hours_per_week <= 168:
        errors["hours_per_week"] = message("hours_per_week_range")
    if vedtak.valid_to is not None and vedtak.valid_to < vedtak.valid_from:
        errors["valid_to"] = message("end_before_start_date")
    return errors


def assistant_errors(assistant: Assistant) -> dict[str, str]:
    errors = _required(assistant, "name", "employee_no")
    if not 0 < assistant.employment_percent <= 100:
        errors["employment_percent"] = message("employment_percent_range")
    if assistant.start_date and assistant.end_date and assistant.end_date < assistant.start_date:
        errors["end_date"] = message("end_before_start_date")
    return errors


def shift_template_errors(template: ShiftTemplate) -> dict[str, str]:
    errors = _required(template, "code", "name")
    for field in ("start", "end", "passive_start", "passive_end"):
        value = getattr(template, field)
        if value is not None and not _HHMM.match(value):
            errors[field] = message("clock_time_format")
    if (template.passive_start is None) != (template.passive_end is None):
        errors.setdefault("passive_end", message("passive_pair"))
    return errors


def shift_errors(shift: Shift) -> dict[str, str]:
    """A shift's own rules; overlap with other shifts is the Workspace's check."""
    for field in ("start", "end"):
        if getattr(shift, field).utcoffset() is None:
            return {field: message("timezone_required")}
    if any(i.start.utcoffset() is None or i.end.utcoffset() is None for i in shift.passive):
        return {"passive": message("timezone_required")}
    # Compare instants by timestamp: Python compares two datetimes that share a tzinfo by
    # wall clock, which is wrong across the autumn repeat.
    start, end = shift.start.timestamp(), shift.end.timestamp()
    if end <= start:
        return {"end": message("shift_end_before_start")}
    if end - start > MAX_SHIFT.total_seconds():
        return {"end": message("shift_too_long")}
    for interval in shift.passive:
        if not start <= interval.start.timestamp() < interval.end.timestamp() <= end:
            return {"passive": message("passive_outside_shift")}
    return {}


def absence_errors(absence: Absence) -> dict[str, str]:
    errors: dict[str, str] = {}
    if absence.end < absence.start:
        errors["end"] = message("end_before_start_date")
    if not 0 < absence.percent <= 100:
        errors["percent"] = message("absence_percent_range")
    return errors
