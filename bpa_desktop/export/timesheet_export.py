"""From the Workspace's timesheet data to the export renderers' input.

`timesheet_document` turns a `core.timesheet.TimesheetDetail` into the `TimesheetDocument`
that `timesheet_pdf` lays out; `batch_payroll_lines` turns a `PayrollBatch` into the
`PayrollLine`s of `payroll`. Plain data in, plain data out: the CLI and the UI share them.
"""

from __future__ import annotations

from datetime import date

from bpa_desktop import words
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Arrangement, Assistant, TimesheetStatus
from bpa_desktop.core.overtime_text import reason_text
from bpa_desktop.core.timesheet import PayrollBatch, TimesheetDetail
from bpa_desktop.export.payroll import PayrollLine, payroll_lines
from bpa_desktop.export.timesheet_pdf import OvertimeLine, TimesheetDocument, TimesheetRow


def _comment(row) -> str:
    """The reason when one was given, else what kind of deviation it is (never a note
    about health: absence comments stay off paper)."""
    if row.reason:
        return row.reason
    return ", ".join(words.deviation_label(d) for d in row.deviations)


def timesheet_rows(detail: TimesheetDetail) -> list[TimesheetRow]:
    rows = []
    for row in detail.rows:
        if not row.counted or row.shift is None:
            continue  # not worked: the absence line (or nothing) stands for the day
        rows.append(
            TimesheetRow(
                day=row.day,
                start=row.shift.start.astimezone(OSLO),
                end=row.shift.end.astimezone(OSLO),
                passive_hours=row.passive_hours,
                hours=row.hours,
                windows=dict(row.windows),
                comment=_comment(row),
            )
        )
    for day, absence in detail.absence_days():
        graded = f"Gradert {absence.percent} %" if absence.percent < 100 else ""
        rows.append(TimesheetRow(day, None, None, 0.0, 0.0, {}, str(getattr(absence.kind, "value", absence.kind)), graded))
    return rows


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
) -> TimesheetDocument:
    sheet = detail.timesheet
    return TimesheetDocument(
        arrangement_name=arrangement.name,
        assistant_name=assistant.name,
        employee_no=assistant.employee_no,
        period_start=detail.period.start,
        period_end=detail.period.end,
        status=sheet.status if sheet else TimesheetStatus.DRAFT,
        version=sheet.version if sheet else 1,
        rows=timesheet_rows(detail),
        pay_lines=list(detail.pay_lines),
        printed=printed,
        employer_name=arrangement.employer_name,
        correction_reason=sheet.correction_reason if sheet else "",
        replaces_version=detail.replaces_version,
        overtime=overtime_lines(detail),
    )


def batch_payroll_lines(batch: PayrollBatch) -> list[PayrollLine]:
    return payroll_lines(batch.pay_lines, batch.employee_numbers, batch.period.start, batch.period.end)
