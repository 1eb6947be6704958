"""The texts of the Timelister tables: the period's sheets, a sheet's days, pay lines, history."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.employer_period import SICK_KINDS
from bpa_desktop.core.model import Absence, AuditEntry, PayLine, Shift, TimesheetStatus
from bpa_desktop.core.timesheet import RowStatus, TimesheetDayRow, TimesheetDetail
from bpa_desktop.i18n import message
from bpa_desktop.ui.formatting import format_date, format_number
from bpa_desktop.ui.timesheets.data import SheetEntry
from bpa_desktop.ui.timesheets.labels import (
    absence_short,
    actor_labels,
    audit_action_labels,
    deviation_labels,
    row_status_label,
    status_label,
    window_labels,
)

translate = QCoreApplication.translate  # tests/i18n reads translate("Context", "text")



@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...] = ()
    objects: list | None = None
    strong: tuple[int, ...] = ()
    muted: tuple[int, ...] = ()


def clock(moment: datetime) -> str:
    return moment.astimezone(OSLO).strftime("%H:%M")


def span_text(shift: Shift | None) -> str:
    """ "08:00–15:30", with "(+1)" when it ends on a later day."""
    if shift is None:
        return ""
    start, end = shift.start.astimezone(OSLO), shift.end.astimezone(OSLO)
    later = (end.date() - start.date()).days
    return f"{clock(start)}–{clock(end)}" + (f" (+{later})" if later else "")


def hours_text(value: float) -> str:
    return format_number(round(value, 2), 2)


def corrected_marker() -> str:
    return translate("TimesheetRows", "CORRECTED")


# --- the period's list -------------------------------------------------------------------------


def sheet_list(entries: Sequence[SheetEntry]) -> Table:
    rows = []
    for entry in entries:
        sheet = entry.timesheet
        status = status_label(entry.status)
        if sheet is not None and sheet.confirmed_through and entry.status is TimesheetStatus.DRAFT:
            status = f"{status}, {message('ui_confirmed_partly', day=format_date(sheet.confirmed_through))}"
        if entry.locked:
            status = translate("TimesheetRows", "%1 (locked)").replace("%1", status)
        if entry.problem:
            status = translate("TimesheetRows", "Cannot be read")
        rows.append([
            entry.assistant.name,
            status,
            str(sheet.version) if sheet else "–",
            hours_text(entry.detail.total_hours),
            corrected_marker() if entry.corrected else "",
        ])
    return Table([
        translate("TimesheetRows", "Assistant"),
        translate("TimesheetRows", "Status"),
        translate("TimesheetRows", "Version"),
        translate("TimesheetRows", "Hours"),
        translate("TimesheetRows", "Correction"),
    ], rows, numeric=(2, 3), objects=list(entries),
        muted=tuple(i for i, e in enumerate(entries) if e.timesheet is None and not e.detail.rows))


# --- one sheet's days --------------------------------------------------------------------------


def absence_text(absence: Absence | None) -> str:
    if absence is None:
        return ""
    text = absence_short(absence.kind)
    return f"{text} {absence.percent} %" if absence.percent < 100 else text


def _absence_on(absences: Sequence[Absence], day: date) -> Absence | None:
    covering = [a for a in absences if a.start <= day <= a.end]
    return max(covering, key=lambda a: a.percent) if covering else None


def windows_text(row: TimesheetDayRow) -> str:
    names = window_labels()
    return " · ".join(f"{names[key]} {format_number(round(row.windows[key], 2), 2)}"
                      for key in names if row.windows.get(key, 0) > 0)


def _link_text(row: TimesheetDayRow, names: dict[int, str]) -> str:
    """"covered by Y" on the absent assistant's row, "for X (sick)" on the vikar's."""
    if row.covered_by is not None:
        return message("ui_covered_by", name=names.get(row.covered_by, str(row.covered_by)))
    if row.covers is not None:
        what = message("pdf_note_sick") if row.covers.absence in SICK_KINDS else absence_short(row.covers.absence).lower()
        return message("ui_covers", name=names.get(row.covers.assistant_id, ""), absence=what)
    return ""


def _absence_pay_text(row: TimesheetDayRow) -> str:
    pay = row.absence_pay
    if pay is None:
        return ""
    if pay.employer_day is not None:
        return message("ui_agp_day", day=pay.employer_day)
    return "" if pay.paid else message("pdf_note_unpaid")


def comment_text(row: TimesheetDayRow, names: dict[int, str] | None = None) -> str:
    labels = deviation_labels()
    kinds = ", ".join(labels.get(d, d) for d in row.deviations if d != "covered")
    parts = [p for p in (_link_text(row, names or {}), _absence_pay_text(row)) if p]
    if row.status in (RowStatus.ABSENT, RowStatus.COVERED):
        text = kinds  # the absence column says which; its comment may be about health
    elif row.reason and kinds:
        text = f"{kinds}: {row.reason}"
    else:
        text = row.reason or kinds
    return " · ".join([text] * bool(text) + parts)


def absence_pay_hours(row: TimesheetDayRow, absence_lines: set[str]) -> float:
    return sum(hours for line, hours in row.lines.items() if line in absence_lines)


def day_table(detail: TimesheetDetail, names: dict[int, str] | None = None,
              absence_lines: set[str] = frozenset()) -> Table:
    """One line per shift row, and one per day of absence without a shift. ``absence_lines``:
    the profile's absence line ids (their hours are the "Absence pay" column)."""
    lines: list[tuple[date, float, list[str], TimesheetDayRow | date]] = []  # a day of absence only: its date
    for row in detail.rows:
        paid = absence_pay_hours(row, set(absence_lines))
        worked = row.shift if row.counted else None
        lines.append((row.day, row.start_key, [
            format_date(row.day),
            row_status_label(row.status),
            span_text(row.planned),
            clock(worked.start) if worked else "",
            span_text(worked).split("–", 1)[1] if worked else "",
            hours_text(row.passive_hours) if row.passive_hours else "",
            hours_text(row.hours) if row.counted else "",
            windows_text(row),
            hours_text(paid) if paid else "",
            absence_text(_absence_on(detail.absences, row.day)),
            comment_text(row, names),
        ], row))
    days_with_rows = {row.day for row in detail.rows}
    for day, absence in detail.absence_days():
        if day not in days_with_rows:
            lines.append((day, 0.0, [format_date(day), row_status_label(RowStatus.ABSENT), "", "", "", "", "",
                                     "", "", absence_text(absence), ""], day))
    lines.sort(key=lambda line: (line[0], line[1]))
    muted = tuple(i for i, line in enumerate(lines) if not isinstance(line[3], TimesheetDayRow) or not line[3].counted)
    headers = [
        translate("TimesheetRows", "Date"),
        translate("TimesheetRows", "Status"),
        translate("TimesheetRows", "Planned"),
        translate("TimesheetRows", "Start"),
        translate("TimesheetRows", "End"),
        translate("TimesheetRows", "Passive"),
        translate("TimesheetRows", "Hours"),
        translate("TimesheetRows", "Supplement hours"),
        message("ui_col_absence_pay"),
        translate("TimesheetRows", "Absence"),
        translate("TimesheetRows", "Comment"),
    ]
    return Table(headers, [line[2] for line in lines], numeric=(5, 6, 8), objects=[line[3] for line in lines],
                 muted=muted)


def pay_line_table(lines: Sequence[PayLine]) -> Table:
    rows = []
    for line in lines:
        amount = "" if line.rate is None else format_number(round(line.hours * line.rate, 2), 2)
        rows.append([line.pay_code, line.description, hours_text(line.hours),
                     "" if line.rate is None else format_number(line.rate, 2), amount])
    return Table([
        translate("TimesheetRows", "Pay code"),
        translate("TimesheetRows", "Description"),
        translate("TimesheetRows", "Hours"),
        translate("TimesheetRows", "Rate (kr/h)"),
        translate("TimesheetRows", "Amount (kr)"),
    ], rows,
                 numeric=(2, 3, 4))


def history_table(history: Sequence[AuditEntry], detail: TimesheetDetail) -> Table:
    versions = {v.id: v.version for v in detail.versions}
    actions, actors = audit_action_labels(), actor_labels()
    rows = []
    for entry in history:
        moment = entry.at.astimezone(OSLO)
        rows.append([
            f"{format_date(moment.date())} {moment:%H:%M}",
            actors.get(entry.actor, entry.actor),
            actions.get(entry.action, entry.action),
            str(versions.get(entry.entity_id, "")),
        ])
    return Table([
        translate("TimesheetRows", "When"),
        translate("TimesheetRows", "Who"),
        translate("TimesheetRows", "What"),
        translate("TimesheetRows", "Version"),
    ], rows, numeric=(3,))
