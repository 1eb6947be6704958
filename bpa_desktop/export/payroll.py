"""Payroll hand-off: Visma Lønn's standard import file and a plain CSV of pay lines.

Input is a list of `PayrollLine` (employee number, pay code, hours, rate, period), made from
the engine's `PayLine`s with `payroll_lines()` and a map from assistant id to employee number.
Only what payroll needs leaves the app (docs/domain.md, privacy): no names, no notes.

Visma Lønn, "Import variable lønnsdata" with the format "Lønnsregistrering Standard format"
(Rutiner / Registrering / Import variable lønnsdata, into a run that already exists).
What the public descriptions say (Visma's own user-tips article on the standard file format,
and the export documentation of two time-keeping products that write it):
- one line per registration, fields separated by ";", in the order
  WgYr; RunNo; EmpNo; WgSrt; Bas; Qty; Rate; Am; AcNo; AgAcNo; R1; R2; R3; R4; R5; R6; DedCd
  (lønnsår, lønnskjørenr., ansattnr., lønnsart, grunnlag, antall, sats, beløp, konto,
  motkonto, avdeling, prosjekt, ekstra 1-3, kampanje, trekkode);
- EmpNo, WgSrt and the amounts are numeric, R1-R6 alphanumeric and written in double quotes;
- decimal separator "." (example line: ``2021;7;1002;5;0.0;20.50;0.00;0.00;0;0;"";"";"";"";"";"";0``);
- a zero rate or amount means "take it from the lønnsart / the employee", so hours alone
  (Qty) are enough for ordinary hourly lines; DedCd 0 = full tax deduction, 1 half, 2 none.
What is assumed here (not stated in what could be read):
- no header line (the examples have none, and the .ifs definition names columns by position);
- Windows-1252 text (a Windows program reading an "ASCII file"), lines ending CRLF; only
  R1-R6 can hold letters, and a character outside Windows-1252 is refused, not replaced;
- two decimals for Qty, Rate and Am; Bas, Am, AcNo and AgAcNo are written as 0 so Visma
  computes the amount (Qty × Rate) and posts to the lønnsart's own accounts;
- RunNo defaults to 0 and WgYr to the year the period ends; both can be given;
- lines with zero hours are left out (nothing to pay; they would only add noise to the run).
EmpNo and WgSrt must be whole numbers in Visma: anything else raises `PayrollExportError`
before a file is written, with a message in the current language (export.payroll.*).

The plain CSV is for people and other systems: UTF-8, a header line, ISO dates, "." as the
decimal separator and "," between fields; with ``excel=True`` it is what Excel in Norwegian
opens directly instead (";" between fields, decimal comma, UTF-8 with BOM, and a text that
starts like a formula gets a leading apostrophe).
`read_pay_lines_csv` reads either back.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from bpa_desktop.core.model import PayLine
from bpa_desktop.export import formats as fmt
from bpa_desktop.i18n import t

VISMA_COLUMNS = (
    "WgYr", "RunNo", "EmpNo", "WgSrt", "Bas", "Qty", "Rate", "Am", "AcNo", "AgAcNo",
    "R1", "R2", "R3", "R4", "R5", "R6", "DedCd",
)
VISMA_ENCODING = "cp1252"

CSV_COLUMNS = (
    "employee_no", "pay_code", "description", "hours", "rate", "amount", "period_start", "period_end",
)


class PayrollExportError(ValueError):
    """The lines cannot be written in the asked format; str(e) says why (current language)."""


@dataclass(frozen=True)
class PayrollLine:
    employee_no: str
    pay_code: str  # lønnsart
    hours: float
    rate: float | None  # kr per hour, None when payroll knows it
    period_start: date
    period_end: date  # inclusive
    description: str = ""

    @property
    def amount(self) -> Decimal | None:
        return None if self.rate is None else fmt.line_amount(self.hours, self.rate)


def payroll_lines(
    pay_lines: Iterable[PayLine],
    employee_numbers: Mapping[str, str],
    period_start: date,
    period_end: date,
) -> list[PayrollLine]:
    """PayrollLines from the engine's PayLines; `employee_numbers` maps PayLine.assistant."""
    lines = []
    for line in pay_lines:
        employee_no = employee_numbers.get(line.assistant, "").strip()
        if not employee_no:
            raise PayrollExportError(t("export.payroll.no_employee_no", id=line.assistant))
        lines.append(
            PayrollLine(
                employee_no, line.pay_code, line.hours, line.rate, period_start, period_end, line.description
            )
        )
    return lines


def _whole_number(value: str, what: str) -> int:
    """``value`` as a whole number; ``what`` is the catalogue key of what it is."""
    text = value.strip()
    if not text.isdigit():
        raise PayrollExportError(t("export.payroll.not_whole", what=t(what), value=value))
    return int(text)


def render_visma_lonn(
    lines: Sequence[PayrollLine],
    path: str | Path | None = None,
    *,
    wage_year: int | None = None,
    run_no: int = 0,
    department: str = "",
    project: str = "",
    deduction_code: int = 0,
) -> bytes:
    """The "Lønnsregistrering Standard format" file (see the module docstring)."""
    buffer = io.StringIO(newline="")
    # Numbers go in as int/Decimal and text as str, so QUOTE_NONNUMERIC quotes exactly R1-R6.
    writer = csv.writer(buffer, delimiter=";", quoting=csv.QUOTE_NONNUMERIC, lineterminator="\r\n")
    zero = Decimal("0.00")
    for line in lines:
        hours = fmt.to_decimal(line.hours)
        if hours == 0:
            continue
        writer.writerow([
            wage_year if wage_year is not None else line.period_end.year,
            run_no,
            _whole_number(line.employee_no, "export.payroll.employee_no"),
            _whole_number(line.pay_code, "export.payroll.pay_code"),
            zero,
            hours,
            zero if line.rate is None else fmt.to_decimal(line.rate),
            zero,
            0,
            0,
            department,
            project,
            "",
            "",
            "",
            "",
            deduction_code,
        ])
    try:
        data = buffer.getvalue().encode(VISMA_ENCODING)
    except UnicodeEncodeError as error:
        raise PayrollExportError(t("export.payroll.character", char=error.object[error.start:error.end])) from error
    return fmt.write_if_asked(data, path)


FORMULA_STARTS = ("=", "+", "-", "@")


def _excel_text(text: str, excel: bool) -> str:
    """Text Excel must not run as a formula gets a leading apostrophe (CSV injection); so
    does text that already starts with one, so the reader can always take one off."""
    return "'" + text if excel and text.startswith(FORMULA_STARTS + ("'",)) else text


def _comma(value: Decimal | None, excel: bool) -> str:
    if value is None:
        return ""
    return str(value).replace(".", ",") if excel else str(value)


def render_pay_lines_csv(
    lines: Sequence[PayrollLine], path: str | Path | None = None, *, excel: bool = False
) -> bytes:
    """A plain CSV of the pay lines, one per line, with a header (see the module docstring)."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(CSV_COLUMNS)
    for line in lines:
        rate = None if line.rate is None else fmt.to_decimal(line.rate)
        writer.writerow([
            line.employee_no,
            line.pay_code,
            _excel_text(line.description, excel),
            _comma(fmt.to_decimal(line.hours), excel),
            _comma(rate, excel),
            _comma(line.amount, excel),
            line.period_start.isoformat(),
            line.period_end.isoformat(),
        ])
    data = buffer.getvalue().encode("utf-8-sig" if excel else "utf-8")
    return fmt.write_if_asked(data, path)


def read_pay_lines_csv(data: bytes) -> list[PayrollLine]:
    """Read back a file from `render_pay_lines_csv`, either variant."""
    text = data.decode("utf-8-sig")
    delimiter = ";" if text.split("\n", 1)[0].count(";") else ","
    reader = csv.DictReader(io.StringIO(text, newline=""), delimiter=delimiter)
    if tuple(reader.fieldnames or ()) != CSV_COLUMNS:
        raise PayrollExportError(t("export.payroll.not_pay_lines"))

    def number(value: str) -> float:
        return float(value.replace(",", "."))

    def text_of(value: str) -> str:
        return value[1:] if delimiter == ";" and value.startswith("'") else value

    return [
        PayrollLine(
            employee_no=row["employee_no"],
            pay_code=row["pay_code"],
            hours=number(row["hours"]),
            rate=number(row["rate"]) if row["rate"] else None,
            period_start=date.fromisoformat(row["period_start"]),
            period_end=date.fromisoformat(row["period_end"]),
            description=text_of(row["description"]),
        )
        for row in reader
    ]
