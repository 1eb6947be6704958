"""What staff read per period: submissions, accepted hours against the vedtak, payroll CSV.

For each employee and period the *effective* version is the highest accepted one; payroll and
the vedtak comparison use only those. Minutes stay integers until formatted.
"""

from __future__ import annotations

import calendar
import csv
import io
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from bpa_desktop.sync.receiver.intake import public_state
from bpa_desktop.sync.receiver.store import Arrangement, Submission


def format_hours(minutes: int) -> str:
    """Exact hours with two decimals (minutes are integers, so no float rounding drift)."""
    hundredths = (minutes * 100 + 30) // 60
    return f"{hundredths // 100}.{hundredths % 100:02d}"


@dataclass
class SubmissionView:
    row: Submission
    state: str  # public state, including `superseded`


@dataclass
class ArrangementPeriod:
    arrangement: Arrangement
    submissions: list[SubmissionView] = field(default_factory=list)
    accepted_minutes_by_code: dict[str, int] = field(default_factory=dict)
    granted_minutes: int | None = None  # the vedtak's share of this month, if staff set it
    vedtak_minutes: int | None = None  # accepted minutes of the pay codes that count against it


def _period_days(period: str) -> int:
    year, month = (int(part) for part in period.split("-"))
    return calendar.monthrange(year, month)[1]


def _effective(rows: list[Submission]) -> list[Submission]:
    best: dict[str, Submission] = {}
    for row in rows:
        if row.state == "accepted" and (row.employee_no not in best or row.version > best[row.employee_no].version):
            best[row.employee_no] = row
    return sorted(best.values(), key=lambda row: row.employee_no)


def period_overview(session: Session, period: str) -> list[ArrangementPeriod]:
    rows = session.scalars(
        select(Submission)
        .where(Submission.period == period)
        .options(selectinload(Submission.lines), selectinload(Submission.arrangement))
        .order_by(Submission.arrangement_id, Submission.employee_no, Submission.version)
    ).all()
    by_arrangement: dict[int, list[Submission]] = {}
    for row in rows:
        by_arrangement.setdefault(row.arrangement_id, []).append(row)
    overview = []
    for arrangement_rows in by_arrangement.values():
        arrangement = arrangement_rows[0].arrangement
        item = ArrangementPeriod(arrangement)
        latest = {}
        for row in arrangement_rows:
            latest[row.employee_no] = max(latest.get(row.employee_no, 0), row.version)
        for row in arrangement_rows:
            item.submissions.append(SubmissionView(row, public_state(row, row.version < latest[row.employee_no])))
        for row in _effective(arrangement_rows):
            for line in row.lines:
                item.accepted_minutes_by_code[line.pay_code] = (
                    item.accepted_minutes_by_code.get(line.pay_code, 0) + line.minutes
                )
        if arrangement.vedtak_minutes_per_week is not None:
            item.granted_minutes = arrangement.vedtak_minutes_per_week * _period_days(period) // 7
            codes = {code.strip() for code in arrangement.vedtak_pay_codes.split(",") if code.strip()}
            item.vedtak_minutes = sum(m for code, m in item.accepted_minutes_by_code.items() if code in codes)
        overview.append(item)
    return overview


PAYROLL_COLUMNS = ["period", "arrangement_id", "employee_no", "pay_code", "hours", "minutes", "submission_id"]


def payroll_csv(session: Session, period: str) -> str:
    """Semicolon CSV of accepted hours (effective versions only), one row per pay line."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(PAYROLL_COLUMNS)
    for item in period_overview(session, period):
        effective = _effective([view.row for view in item.submissions])
        for row in effective:
            for line in row.lines:
                writer.writerow(
                    [
                        period,
                        item.arrangement.ref,
                        row.employee_no,
                        line.pay_code,
                        format_hours(line.minutes),
                        line.minutes,
                        row.submission_id,
                    ]
                )
    return out.getvalue()
