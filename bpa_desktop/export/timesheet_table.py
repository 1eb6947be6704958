"""The cells of the timesheet PDF's tables, as text: what is printed, so a test (or a reader)
can add up exactly what is on the paper.

The day table has one column per pay line that has hours on the sheet (the profile's lines:
worked time, supplements, overtime, sick pay), so each column adds up to its line in "Sum per
lønnsart". Hours are printed with two decimals; each column's figures are rounded together
(largest remainder), so the printed figures add up to the printed total to the hundredth,
never off by a rounding.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from bpa_desktop import text_format
from bpa_desktop.core import calendar
from bpa_desktop.core.model import PayLine
from bpa_desktop.export import formats as fmt
from bpa_desktop.i18n import message

HOLIDAY_MARK, EVE_MARK = "*", "**"
INFORMATION_LINES = ("passive",)  # lines that report time and are not paid on their own


@dataclass(frozen=True)
class LineColumn:
    """A pay line shown as a day column: its profile line id, the employer's code, a heading."""

    line_id: str
    pay_code: str
    heading: str


@dataclass(frozen=True)
class TimesheetRow:
    """One line of the day table: a shift worked, a shift not worked (an absence, a cover, a
    cancellation: ``worked`` False, the planned times), or a day of absence without a shift.

    ``start``/``end`` are wall-clock times; give datetimes when the end falls on the next day
    and the sheet shows "(+1)". ``lines`` maps pay line ids to this row's hours."""

    day: date
    start: time | datetime | None
    end: time | datetime | None
    hours: float
    lines: Mapping[str, float] = field(default_factory=dict)
    note: str = ""
    worked: bool = True


def apportion(values: Sequence[float], total: Decimal | None = None) -> list[Decimal]:
    """``values`` rounded to hundredths so that they add up to ``total`` (default: their sum
    rounded), by largest remainder. ``total`` must be within a hundredth of their sum."""
    exact = [Decimal(repr(round(v * 100, 6))) for v in values]
    floors = [int(x) for x in exact]  # the values are never negative
    target = total * 100 if total is not None else fmt.to_decimal(float(sum(exact)), Decimal(1))
    short = int(target) - sum(floors)
    order = sorted(range(len(values)), key=lambda i: (exact[i] - floors[i], -i), reverse=True)
    for i in order[:max(short, 0)]:
        floors[i] += 1
    return [Decimal(n) / 100 for n in floors]


def _number(value: Decimal | float, blank_zero: bool = True) -> str:
    return fmt.fmt_number(float(value), blank_zero=blank_zero)


def day_mark(day: date) -> str:
    if calendar.is_named_holiday(day):
        return HOLIDAY_MARK
    return EVE_MARK if calendar.eve_name(day) else ""


def end_text(row: TimesheetRow) -> str:
    text = fmt.fmt_clock(row.end)
    if isinstance(row.end, datetime) and isinstance(row.start, datetime):
        if row.end.date() > row.start.date():
            text += " (+1)"
    elif isinstance(row.end, time) and isinstance(row.start, time) and row.end <= row.start:
        text += " (+1)"
    return text


def row_order(row: TimesheetRow) -> tuple:
    start = row.start.time() if isinstance(row.start, datetime) else row.start
    return (row.day, start is not None, start or time(0), not row.worked)


@dataclass(frozen=True)
class DayTable:
    header: list[str]
    rows: list[list[str]]
    total: list[str]
    marked: list[int]  # rows of weekends, holidays and eves (shaded)
    not_worked: list[int]  # rows of shifts not worked (set in italics)
    marks: tuple[str, ...]  # the day marks used, for the legend


def line_hours(lines: Sequence[PayLine]) -> dict[str, Decimal]:
    """The printed hours of each pay line id (what "Sum per lønnsart" shows)."""
    totals: dict[str, float] = {}
    for line in lines:
        totals[line.kind] = totals.get(line.kind, 0.0) + line.hours
    return {kind: fmt.to_decimal(hours) for kind, hours in totals.items()}


def _column(values: list[float], printed: Decimal | None) -> list[Decimal]:
    if printed is not None and abs(Decimal(repr(sum(values))) - printed) < Decimal("0.01"):
        return apportion(values, printed)  # the column adds up to the printed pay line
    return apportion(values)


def day_table(rows: Sequence[TimesheetRow], columns: Sequence[LineColumn],
              pay_lines: Sequence[PayLine] = ()) -> DayTable:
    ordered = sorted(rows, key=row_order)
    printed = line_hours(pay_lines)
    hours = apportion([r.hours for r in ordered])
    by_column = [_column([r.lines.get(c.line_id, 0.0) for r in ordered], printed.get(c.line_id)) for c in columns]
    header = [message("pdf_col_date"), message("pdf_col_start"), message("pdf_col_end"), message("pdf_col_hours")]
    header += [f"{c.heading}\n{c.pay_code}" for c in columns] + [message("pdf_col_note")]
    cells, marked, not_worked, marks = [], [], [], set()
    for index, row in enumerate(ordered):
        mark = day_mark(row.day)
        marks.update({mark} - {""})
        line = [f"{fmt.weekday_short(row.day)} {text_format.day_month_padded(row.day)}{mark}", fmt.fmt_clock(row.start),
                end_text(row), _number(hours[index])]
        line += [_number(column[index]) for column in by_column]
        cells.append(line + [row.note])
        if row.day.weekday() >= 5 or mark:
            marked.append(index)
        if not row.worked:
            not_worked.append(index)
    total = [message("pdf_sum"), "", "", _number(sum(hours, Decimal(0)), blank_zero=False)]
    total += [_number(sum(column, Decimal(0)), blank_zero=False) for column in by_column] + [""]
    return DayTable(header, cells, total, marked, not_worked, tuple(m for m in (HOLIDAY_MARK, EVE_MARK) if m in marks))


@dataclass(frozen=True)
class PayLineTable:
    header: list[str]
    rows: list[list[str]]
    total_amount: str | None  # None when no line has a rate


def pay_line_table(lines: Sequence[PayLine]) -> PayLineTable:
    with_rate = any(line.rate is not None for line in lines)
    header = [message("pdf_col_code"), message("pdf_col_description"), message("pdf_col_hours")]
    header += [message("pdf_col_rate"), message("pdf_col_amount")] if with_rate else []
    rows, total = [], Decimal(0)
    for line in lines:
        values = [line.pay_code, line.description, fmt.fmt_number(float(fmt.to_decimal(line.hours)))]
        if with_rate:
            if line.rate is None or line.kind in INFORMATION_LINES:
                values += ["", ""]
            else:
                amount = fmt.line_amount(line.hours, line.rate)
                total += amount
                values += [fmt.fmt_number(line.rate), fmt.fmt_number(float(amount))]
        rows.append(values)
    return PayLineTable(header, rows, fmt.fmt_number(float(total)) if with_rate else None)
