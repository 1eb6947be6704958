"""What the Timelister page reads and does, as plain functions a worker runs (no widgets).

Each function takes the Workspace first, so the page hands it to `TaskRunner.submit`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

from bpa_desktop.core.model import Assistant, AuditEntry, Timesheet, TimesheetStatus
from bpa_desktop.core.pay_period import PayPeriod, periods_between
from bpa_desktop.core.timesheet import TimesheetDetail
from bpa_desktop.core.timesheet_lifecycle import is_locked

HISTORY_LIMIT = 5000  # audit entries read to find one timesheet's history
PERIODS_BACK = 24  # months of periods offered before today (more when older timesheets exist)
PERIODS_AHEAD = 2


@dataclass(frozen=True)
class SheetEntry:
    """One assistant's timesheet in the chosen period: the newest version, or a preview."""

    assistant: Assistant
    detail: TimesheetDetail
    problem: str = ""  # the sheet cannot be read (its attested content changed, a damaged row)

    @property
    def timesheet(self) -> Timesheet | None:
        return self.detail.timesheet

    @property
    def status(self) -> TimesheetStatus | None:
        return TimesheetStatus(self.timesheet.status) if self.timesheet else None

    @property
    def locked(self) -> bool:
        return is_locked(self.status)

    @property
    def corrected(self) -> bool:
        return self.timesheet is not None and self.timesheet.version > 1


@dataclass(frozen=True)
class PeriodSheets:
    period: PayPeriod
    periods: tuple[PayPeriod, ...]  # what the period selector offers, newest first
    entries: tuple[SheetEntry, ...]
    open_proposals: int = 0  # the assistants' proposals waiting for the leader (at the table, by link)


@dataclass(frozen=True)
class SheetView:
    """One version of a timesheet as the detail view shows it."""

    detail: TimesheetDetail
    history: tuple[AuditEntry, ...]  # oldest first, every version of the period
    verified: bool | None  # locked content still matches its hash; None when not locked
    names: dict = field(default_factory=dict)  # assistant id -> name (who covered, for whom)
    absence_lines: frozenset = frozenset()  # the profile's absence line ids
    confirmation: object = None  # ws.participants Confirmation (actor, channel, at) of this version, or None


def offered_periods(ws, arrangement_id: int, today: date, chosen: PayPeriod) -> tuple[PayPeriod, ...]:
    start_day = ws.timesheets.pay_settings(arrangement_id).period_start_day
    first = today.replace(day=1) - timedelta(days=31 * PERIODS_BACK)
    sheets = ws.timesheets.list_timesheets(arrangement_id)
    if sheets:
        first = min(first, min(t.period_start for t in sheets))
    last = today + timedelta(days=31 * PERIODS_AHEAD)
    periods = set(periods_between(first, last, start_day)) | {chosen}
    return tuple(sorted(periods, reverse=True))


def _active_in(assistant: Assistant, period: PayPeriod) -> bool:
    started = assistant.start_date is None or assistant.start_date <= period.end
    return started and (assistant.end_date is None or assistant.end_date >= period.start)


def read_period(ws, arrangement_id: int, day: date, today: date) -> PeriodSheets:
    """Every assistant's timesheet in the period that holds ``day``: those with a timesheet,
    and those employed in the period (their sheet is a preview until someone acts on it)."""
    period = ws.timesheets.pay_period_for(arrangement_id, day)
    stored = {t.assistant_id for t in ws.timesheets.list_timesheets(arrangement_id, period.start)}
    entries = []
    for assistant in ws.people.list_assistants(arrangement_id):
        if assistant.id in stored or _active_in(assistant, period):
            entries.append(_entry(ws, assistant, period))
    return PeriodSheets(period, offered_periods(ws, arrangement_id, today, period), tuple(entries),
                        len(ws.participants.open_proposals(arrangement_id)))


def _entry(ws, assistant: Assistant, period: PayPeriod) -> SheetEntry:
    """One assistant's sheet; one that cannot be read says why and the others still show."""
    from bpa_desktop.workspace.errors import DatabaseError

    try:
        return SheetEntry(assistant, ws.timesheets.preview_timesheet(assistant.id, period.start))
    except DatabaseError as error:
        empty = TimesheetDetail(assistant.id, period, (), (), (), None, ())
        return SheetEntry(assistant, empty, problem=str(error))


def read_sheet(ws, arrangement_id: int, assistant_id: int, period_start: date,
               timesheet_id: int | None = None) -> SheetView:
    """A version of the sheet (newest when ``timesheet_id`` is None) with its audit history."""
    if timesheet_id is None:
        detail = ws.timesheets.preview_timesheet(assistant_id, period_start)
    else:
        detail = ws.timesheets.timesheet_detail(timesheet_id)
    ids = {v.id for v in detail.versions}
    history = tuple(reversed([
        entry for entry in ws.audit.entries(arrangement_id, HISTORY_LIMIT)
        if entry.entity == "timesheet" and entry.entity_id in ids
    ]))
    sheet = detail.timesheet
    verified = ws.timesheets.verify_timesheet(sheet.id) if sheet is not None and is_locked(sheet.status) else None
    names = {a.id: a.name for a in ws.people.list_assistants(arrangement_id)}
    profile = ws.timesheets.pay_profile(arrangement_id)
    confirmation = ws.participants.confirmation(sheet.id) if sheet is not None else None
    return SheetView(detail, history, verified, names,
                     frozenset(line.id for line in profile.lines if line.absence is not None), confirmation)


# --- exports ---------------------------------------------------------------------------------


def write_pdf(ws, assistant_id: int, period_start: date, timesheet_id: int | None, path: Path,
              printed: date) -> Path:
    return ws.exports.timesheet_pdf(assistant_id, period_start, path, timesheet_id=timesheet_id,
                                    printed=printed).path


@dataclass(frozen=True)
class PayrollResult:
    path: Path
    lines: int
    timesheets: int
    not_attested: tuple[str, ...]  # names of assistants left out (shown to the leader only)


def write_payroll(ws, arrangement_id: int, period_start: date, path: Path, visma: bool) -> PayrollResult:
    """The period's payroll file from attested timesheets (Visma Lønn import or plain CSV).
    Raises PayrollExportError (a ValueError with a Norwegian message) for unusable codes."""
    written = ws.exports.payroll_file(arrangement_id, period_start, path, visma=visma, excel=True)
    return PayrollResult(written.path, written.lines, written.timesheets,
                         tuple(a.name for a in written.not_attested))
