"""Reports as plain data: the table's texts (which the CSV export writes as they are) and the
chart's series. Built on the GUI thread from the Workspace's figures (core.timesheet_reports)."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from bpa_desktop import atomic_write
from bpa_desktop.core.model import AbsenceKind
from bpa_desktop import text_format
from bpa_desktop.core.timesheet_reports import AbsenceMonth, MonthHours, MonthlyCost
from bpa_desktop.ui.timesheets.labels import absence_short
from bpa_desktop.ui.translation import current_language

translate = QCoreApplication.translate  # tests/i18n reads translate("Context", "text")

COST, ABSENCE, HOURS = "cost", "absence", "hours"



def report_names() -> dict[str, str]:
    return {
        COST: translate("Reports", "Cost per month"),
        ABSENCE: translate("Reports", "Sick leave and absence"),
        HOURS: translate("Reports", "Planned vs worked vs vedtak"),
    }


def number(value: float | None, decimals: int = 1) -> str:
    """Fixed decimals, no thousands separator, comma decimal in bokmål: the same text in the
    table and in the CSV file (which a Norwegian spreadsheet reads as a number)."""
    if value is None:
        return ""
    text = f"{value:.{decimals}f}"
    return text.replace(".", ",") if current_language() == "nb" else text


def month_names() -> tuple[str, ...]:
    return tuple(text_format.month_name(month) for month in range(1, 13))


@dataclass(frozen=True)
class Series:
    name: str
    values: list[float]


@dataclass(frozen=True)
class Report:
    kind: str
    title: str
    headers: list[str]
    rows: list[list[str]]
    numeric: tuple[int, ...]
    categories: list[str]
    series: list[Series]
    stacked: bool = False
    unit: str = ""
    note: str = ""
    total_rows: tuple[int, ...] = field(default_factory=tuple)


def cost_report(costs: Sequence[MonthlyCost], year: int) -> Report:
    months = month_names()
    rows = []
    for cost in costs:
        rows.append([months[cost.month - 1], number(cost.hours), number(cost.wages, 0),
                     number(cost.social_costs if cost.wages is not None else None, 0), number(cost.total, 0),
                     translate("Reports", "yes") if cost.attested else translate("Reports", "no")])
    priced = [c for c in costs if c.wages is not None]
    rows.append([translate("Reports", "Total"), number(sum(c.hours for c in costs)),
                 number(sum(c.wages for c in priced), 0) if priced else "",
                 number(sum(c.social_costs for c in priced), 0) if priced else "",
                 number(sum(c.total for c in priced), 0) if priced else "", ""])
    method = costs[0].method if costs else "none"
    note = {
        "lines": translate(
            "Reports", "Wages are the pay lines times their rates; employer's costs are the percentage entered "
            "under Pay codes. Months not attested are estimates from today's record."),
        "hourly": translate(
            "Reports", "Wages are paid hours times the hourly wage (no supplement rates entered)."),
        "none": translate(
            "Reports", "No rates are entered: enter the hourly wage under Timesheets → Pay codes to see costs."),
    }[method]
    return Report(
        COST, translate("Reports", "Cost per month %1").replace("%1", str(year)),
        [
            translate("Reports", "Month"),
            translate("Reports", "Paid hours"),
            translate("Reports", "Wages (kr)"),
            translate("Reports", "Employer's costs (kr)"),
            translate("Reports", "Total (kr)"),
            translate("Reports", "Attested"),
        ],
        rows, (1, 2, 3, 4), list(months),
        [Series(translate("Reports", "Wages"), [c.wages or 0.0 for c in costs]),
         Series(translate("Reports", "Employer's costs"),
                [c.social_costs if c.wages is not None else 0.0 for c in costs])],
        stacked=True, unit=translate("Reports", "kr"), note=note, total_rows=(len(rows) - 1,),
    )


def absence_report(months: Sequence[AbsenceMonth], names: dict[int, str], year: int) -> Report:
    kinds = list(AbsenceKind)
    month_texts = month_names()
    rows = []
    shown = [m for m in months if m.planned_hours > 0 or any(m.days.values())]
    for item in shown:
        rows.append([names.get(item.assistant_id, str(item.assistant_id)), month_texts[item.month - 1],
                     number(item.planned_hours), number(item.sick_hours), number(item.sick_leave_percent)]
                    + [number(item.days.get(k.value, 0.0)) for k in kinds])
    assistants = sorted({m.assistant_id for m in shown}, key=lambda i: names.get(i, ""))
    series = []
    for assistant_id in assistants:
        by_month = {m.month: m.sick_leave_percent or 0.0 for m in shown if m.assistant_id == assistant_id}
        series.append(Series(names.get(assistant_id, str(assistant_id)), [by_month.get(i, 0.0) for i in range(1, 13)]))
    return Report(
        ABSENCE, translate("Reports", "Sick leave and absence %1").replace("%1", str(year)),
        [
            translate("Reports", "Assistant"),
            translate("Reports", "Month"),
            translate("Reports", "Planned hours"),
            translate("Reports", "Sick hours"),
            translate("Reports", "Sick leave %"),
        ]
        + [translate("Reports", "%1 (days)").replace("%1", absence_short(k)) for k in kinds],
        rows, tuple(range(2, 5 + len(kinds))), list(month_texts), series, unit=translate("Reports", "sick leave %"),
        note=translate(
            "Reports", "Sick leave % = planned hours lost to the assistant's own sickness (self-certified and "
            "sick note, graded by percentage) / planned hours. Days are calendar days, graded."),
    )


def hours_report(months: Sequence[MonthHours], year: int) -> Report:
    names = month_names()
    rows = [[names[m.month - 1], number(m.planned), number(m.worked), number(m.granted),
             number(m.worked_minus_granted)] for m in months]
    rows.append([translate("Reports", "Total"), number(sum(m.planned for m in months)),
                 number(sum(m.worked for m in months)), number(sum(m.granted for m in months)),
                 number(sum(m.worked_minus_granted for m in months))])
    return Report(
        HOURS, translate("Reports", "Planned vs worked vs vedtak %1").replace("%1", str(year)),
        [
            translate("Reports", "Month"),
            translate("Reports", "Planned hours"),
            translate("Reports", "Worked hours"),
            translate("Reports", "Vedtak hours"),
            translate("Reports", "Worked − vedtak"),
        ],
        rows, (1, 2, 3, 4), list(names),
        [Series(translate("Reports", "Planned"), [m.planned for m in months]),
         Series(translate("Reports", "Worked"), [m.worked for m in months]),
         Series(translate("Reports", "Vedtak"), [m.granted for m in months])],
        unit=translate("Reports", "hours"),
        note=translate(
            "Reports", "Vedtak hours per month = weekly hours / 7 for each day of the month the vedtak covers."),
        total_rows=(len(rows) - 1,),
    )


def read_report(ws, arrangement_id: int, kind: str, year: int):
    """The Workspace's figures for one report (runs in a worker)."""
    if kind == COST:
        return ws.reports.monthly_cost(arrangement_id, year)
    if kind == ABSENCE:
        return ws.reports.absence(arrangement_id, year), {a.id: a.name for a in ws.people.list_assistants(arrangement_id)}
    return ws.reports.hours(arrangement_id, year)


def build_report(kind: str, figures, year: int) -> Report:
    if kind == COST:
        return cost_report(figures, year)
    if kind == ABSENCE:
        return absence_report(figures[0], figures[1], year)
    return hours_report(figures, year)


def write_report_csv(report: Report, path: Path) -> Path:
    """The table as CSV for a spreadsheet: semicolons, UTF-8 with BOM, the cells as shown."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";", lineterminator="\r\n")
    writer.writerow(report.headers)
    for row in report.rows:
        writer.writerow([cell if column in report.numeric else safe_text(cell) for column, cell in enumerate(row)])
    atomic_write.write_text(path, buffer.getvalue(), encoding="utf-8-sig")
    return path


def safe_text(text: str) -> str:
    """A text cell a spreadsheet would run as a formula gets a leading apostrophe."""
    return "'" + text if text.startswith(("=", "+", "-", "@")) else text
