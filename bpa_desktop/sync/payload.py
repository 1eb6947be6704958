"""What an attested timesheet becomes on the wire: pure functions, no database, no keyring.

The body carries only what docs/domain.md's privacy section allows: the receiver's arrangement
reference, the employee number, the period, minutes per pay code and the attestation (role
and time). Names, shift times, absence kinds, comments and correction reasons stay at home.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from pydantic import ValidationError

from bpa_desktop import __version__ as APP_VERSION
from bpa_desktop.core.model import PayLine
from bpa_desktop.message import Message
from bpa_desktop.sync.protocol import PAY_CODE_PATTERN, SubmissionBody, canonical_body_bytes, reason_of

ATTESTING_ROLE = "arbeidsleder"


class PayloadError(ValueError):
    """The timesheet cannot be written as a bpa-sync/1 body. ``message`` says why as a
    catalogue message (the outbox keeps it); ``str(error)`` is it in the current language."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.render())


def minutes_by_pay_code(pay_lines: Iterable[PayLine]) -> dict[str, int]:
    """Whole minutes per pay code. Lines sharing a code are summed before rounding, so the
    total of a code is never off by more than half a minute; empty lines are left out."""
    hours: dict[str, float] = {}
    for line in pay_lines:
        code = line.pay_code.strip()
        hours[code] = hours.get(code, 0.0) + line.hours
    minutes = {code: round(total * 60) for code, total in hours.items()}
    return {code: value for code, value in sorted(minutes.items()) if value > 0}


def invalid_pay_codes(lines: Mapping[str, int]) -> list[str]:
    return [code for code in lines if not PAY_CODE_PATTERN.match(code)]


def period_label(period_end: date) -> str:
    """`YYYY-MM` of the month the pay period ends in (the pay month; for calendar-month
    periods simply the month)."""
    return f"{period_end.year:04d}-{period_end.month:02d}"


@dataclass(frozen=True)
class SubmissionContent:
    """Everything of a submission except the receiver's arrangement reference, which is
    known only after enrolment. Stored in the outbox at attestation time."""

    submission_id: uuid.UUID
    employee_no: str
    period: str
    version: int
    supersedes: uuid.UUID | None
    lines: dict[str, int]
    attested_at: datetime
    app_version: str = APP_VERSION

    @property
    def kind(self) -> str:
        return "attestation" if self.version == 1 else "correction"

    def lines_json(self) -> str:
        return json.dumps(self.lines, sort_keys=True, separators=(",", ":"))


def build_body(content: SubmissionContent, arrangement_ref: str) -> SubmissionBody:
    try:
        return SubmissionBody(
            submission_id=content.submission_id,
            arrangement_id=arrangement_ref,
            employee_no=content.employee_no,
            period=content.period,
            version=content.version,
            supersedes=content.supersedes,
            kind=content.kind,
            lines=content.lines,
            attested_by_role=ATTESTING_ROLE,
            attested_at=content.attested_at,
            app_version=content.app_version,
        )
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise PayloadError(Message("sync.payload.invalid", {"where": where, "detail": reason_of(first)})) from None


def body_bytes(content: SubmissionContent, arrangement_ref: str) -> bytes:
    """The exact canonical bytes that are hashed, signed and sent."""
    return canonical_body_bytes(build_body(content, arrangement_ref))
