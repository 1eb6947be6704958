"""From the Workspace's timesheet data to the export renderers' input.

`timesheet_document` turns a `core.timesheet.TimesheetDetail` into the `TimesheetDocument`
that `timesheet_pdf` lays out (each row with its pay line hours, so the columns add up to the
pay lines); `batch_payroll_lines` turns a `PayrollBatch` into the `PayrollLine`s of `payroll`.
Plain data in, plain data out: the CLI and the UI share them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.employer_period import is_sick
from bpa_desktop.core.model import Arrangement, Assistant, TimesheetStatus
from bpa_desktop.core.overtime_text import reason_text
from bpa_desktop.core.pay import PayProfile
from bpa_desktop import words
from bpa_desktop.core.timesheet import PayrollBatch, RowStatus, TimesheetDayRow, TimesheetDetail
from bpa_desktop.core.timesheet_pay import line_totals, reconciles
from bpa_desktop.export.payroll import PayrollLine, payroll_lines
from bpa_desktop.export.timesheet_pdf import LineColumn, OvertimeLine, SubmissionStamp, TimesheetDocument, TimesheetRow
from bpa_desktop.i18n import message


@dataclass(frozen=True)
class SheetContext:
    """What the paper copy names besides the sheet itself."""

    names: Mapping[int, str]  # assistant id -> name, for "dekket av" / "for"
    vedtak_reference: str = ""
    arrangement_reference: str = ""  # the receiver's reference, once enrolled
    submission: SubmissionStamp | None = None


def _absence_note(row: TimesheetDayRow, profile: PayProfile) -> str:
    pay = row.absence_pay
    if pay is None:
        return ""
    parts = [words.absence_label(pay.kind)]
    if pay.percent < 100:
        parts.append(message("pdf_note_graded", percent=pay.percent))
    if pay.employer_day is not None:
        parts.append(message("pdf_note_agp", day=pay.employer_day, length=profile.absence.employer_period_days))
    elif is_sick(pay.kind) and not pay.paid:
        parts.append(message("pdf_note_after_agp"))
    elif not pay.paid:
        parts.append(message("pdf_note_unpaid"))
    return " · ".join(parts)


def row_note(row: TimesheetDayRow, profile: PayProfile, names: Mapping[int, str]) -> str:
    """The Merknad of a row: the absence and how it is paid, who covered it or for whom it was
    worked, and the reason typed for the deviation (never an absence's own comment: health)."""
    parts = []
    if row.status is RowStatus.CANCELLED:
        parts.append(message("pdf_note_not_worked") + (f": {row.reason}" if row.reason else ""))
    absence = _absence_note(row, profile)
    if absence:
        parts.append(absence)
    if row.covered_by is not None:
        covered = message("pdf_note_covered_by", name=names.get(row.covered_by, str(row.covered_by)))
        parts.append(covered + (f": {row.reason}" if row.reason else ""))
    if row.covers is not None:
        kind = message("pdf_note_sick") if is_sick(row.covers.absence) else words.absence_label(row.covers.absence).lower()
        parts.append(message("pdf_note_covers", name=names.get(row.covers.assistant_id, ""), absence=kind))
    if row.counted:
        labels = ", ".join(words.deviation_label(d) for d in row.deviations if not (d == "substitute" and row.covers))
        reason = row.reason if not (labels and row.reason) else f"{labels}: {row.reason}"
        if reason or labels:
            parts.append(reason or labels)
    return " · ".join(parts)


def timesheet_rows(detail: TimesheetDetail, profile: PayProfile, names: Mapping[int, str]) -> list[TimesheetRow]:
    rows = []
    for row in detail.rows:
        shift = row.shift if row.counted and row.shift is not None else row.planned
        rows.append(TimesheetRow(
            day=row.day,
            start=shift.start.astimezone(OSLO) if shift else None,
            end=shift.end.astimezone(OSLO) if shift else None,
            hours=row.hours,
            lines=dict(row.lines),
            note=row_note(row, profile, names),
            worked=row.counted,
        ))
    with_rows = {row.day for row in detail.rows}
    for day, absence in detail.absence_days():
        if day not in with_rows:
            graded = f" · {message('pdf_note_graded', percent=absence.percent)}" if absence.percent < 100 else ""
            rows.append(TimesheetRow(day, None, None, 0.0, {}, words.absence_label(absence.kind) + graded, worked=False))
    return rows


def line_columns(detail: TimesheetDetail, profile: PayProfile) -> list[LineColumn]:
    """One column per profile line with hours on this sheet, in profile order."""
    used = {kind for kind, hours in line_totals(detail.rows).items() if hours > 1e-9}
    codes = {line.kind: line.pay_code for line in detail.pay_lines}
    used |= set(codes)
    return [LineColumn(line.id, codes.get(line.id, line.pay_code), line.short or line.description)
            for line in profile.lines if line.id in used]


def overtime_lines(detail: TimesheetDetail) -> list[OvertimeLine]:
    return [
        OvertimeLine(note.day, note.start.astimezone(OSLO), note.end.astimezone(OSLO), note.hours,
                     reason_text(note.reason))
        for note in detail.overtime
    ]


def timesheet_document(
    detail: TimesheetDetail,
    arrangement: Arrangement,
    assistant: Assistant,
    printed: date,
    profile: PayProfile,
    context: SheetContext | None = None,
) -> TimesheetDocument:
    context = context or SheetContext({assistant.id: assistant.name})
    sheet = detail.timesheet
    return TimesheetDocument(
        arrangement_name=arrangement.name,
        assistant_name=assistant.name,
        employee_no=assistant.employee_no,
        period_start=detail.period.start,
        period_end=detail.period.end,
        status=sheet.status if sheet else TimesheetStatus.DRAFT,
        version=sheet.version if sheet else 1,
        rows=timesheet_rows(detail, profile, context.names),
        pay_lines=list(detail.pay_lines),
        printed=printed,
        columns=line_columns(detail, profile),
        employer_name=arrangement.employer_name,
        employer_org_no=arrangement.employer_org_no,
        recipient_name=arrangement.recipient_name,
        leader_name=arrangement.leader_name,
        arrangement_reference=context.arrangement_reference,
        vedtak_reference=context.vedtak_reference,
        employment_percent=assistant.employment_percent,
        confirmed_through=sheet.confirmed_through if sheet else None,
        attested_at=sheet.attested_at if sheet else None,
        attested_by=sheet.attested_by or "" if sheet else "",
        correction_reason=sheet.correction_reason if sheet else "",
        replaces_version=detail.replaces_version,
        submission=context.submission,
        overtime=overtime_lines(detail),
        reconciled=reconciles(detail.rows, detail.pay_lines),
    )


def batch_payroll_lines(batch: PayrollBatch) -> list[PayrollLine]:
    return payroll_lines(batch.pay_lines, batch.employee_numbers, batch.period.start, batch.period.end)
