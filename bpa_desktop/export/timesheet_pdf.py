"""One assistant's timesheet (timeliste) for one pay period as a portrait A4 PDF.

The caller computes everything (rows, windows, pay lines) with the engine; this module only
lays it out: a header (with "KORRIGERT", the reason and the version it replaces for a
correction), one table line per worked shift or absence day with a sum line, the overtime
found in the shifts and why, the totals per pay line, signature and date lines for the assistant and the arbeidsleder, and a footer that
repeats who and which period the sheet is for, the date printed, "Side x av y" and, once the
sheet is submitted, the submission id, a short body hash and the key fingerprint (docs/protocol.md)
so a paper copy can be matched with the electronic item.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bpa_desktop import text_format, words
from bpa_desktop.core.model import PayLine, TimesheetStatus
from bpa_desktop.export import formats as fmt
from bpa_desktop.export import pdf
from bpa_desktop.i18n import t

MARGIN = 15 * mm
SHORT_HASH_LENGTH = 16

# Pay windows shown per day, in docs/domain.md's ids, with their column headings.
WINDOW_COLUMNS = ("evening", "night", "saturday", "sunday", "holiday")


WEEKEND_ROW = colors.Color(0.92, 0.92, 0.92)


@dataclass(frozen=True)
class TimesheetRow:
    """One line of the day table: a worked shift, or a day of absence (start/end None).

    `start`/`end` are wall-clock times; give datetimes when the end falls on the next day and
    the sheet shows "(+1)". `windows` maps docs/domain.md window ids to hours.
    """

    day: date
    start: time | datetime | None
    end: time | datetime | None
    passive_hours: float
    hours: float
    windows: Mapping[str, float] = field(default_factory=dict)
    absence: str = ""  # an AbsenceKind value or free text
    comment: str = ""


@dataclass(frozen=True)
class OvertimeLine:
    """A stretch of a shift that is overtime: its day, clock times, hours and why."""

    day: date
    start: time | datetime
    end: time | datetime
    hours: float
    why: str  # "over 9 t denne dagen"


@dataclass(frozen=True)
class SubmissionStamp:
    """What identifies the electronic submission of this sheet (docs/protocol.md)."""

    submission_id: str
    body_sha256: str  # hex; printed shortened
    key_fingerprint: str


@dataclass(frozen=True)
class TimesheetDocument:
    arrangement_name: str
    assistant_name: str
    employee_no: str
    period_start: date
    period_end: date  # inclusive
    status: TimesheetStatus
    version: int
    rows: Sequence[TimesheetRow]
    pay_lines: Sequence[PayLine]
    printed: date
    employer_name: str = ""
    correction_reason: str = ""
    replaces_version: int | None = None  # set for a correction
    submission: SubmissionStamp | None = None
    overtime: Sequence[OvertimeLine] = ()

    @property
    def is_correction(self) -> bool:
        return self.replaces_version is not None


def absence_label(value: str) -> str:
    return words.absence_label(value)


def _end_text(row: TimesheetRow) -> str:
    text = fmt.fmt_clock(row.end)
    if isinstance(row.end, datetime) and isinstance(row.start, datetime):
        if row.end.date() > row.start.date():
            text += " (+1)"
    elif isinstance(row.end, time) and isinstance(row.start, time) and row.end <= row.start:
        text += " (+1)"
    return text


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class _TimesheetLayout:
    def __init__(self, document: TimesheetDocument, fonts: pdf.FontSet):
        self.doc = document
        # One (condensed) family for the whole sheet: every embedded face costs time, and a
        # year of sheets for a whole arrangement is printed in one go.
        self.regular, self.bold = fonts.condensed, fonts.condensed_bold
        self.width = A4[0] - 2 * MARGIN - 2 * pdf.FRAME_PADDING
        self.title = ParagraphStyle("title", fontName=self.bold, fontSize=16, leading=20)
        self.heading = ParagraphStyle("heading", fontName=self.bold, fontSize=10.5, leading=13, spaceBefore=4)
        self.body = ParagraphStyle("body", fontName=self.regular, fontSize=9, leading=11.5)
        self.cell = ParagraphStyle("cell", fontName=self.regular, fontSize=7.5, leading=9)
        self.correction = ParagraphStyle("corr", fontName=self.bold, fontSize=9.5, leading=12)

    def story(self) -> list:
        story = [Paragraph(t("export.timesheet.title"), self.title), Spacer(1, 2 * mm)]
        if self.doc.is_correction:
            story += [self._correction_box(), Spacer(1, 3 * mm)]
        story += [self._header_table(), Spacer(1, 5 * mm)]
        story += [Paragraph(t("export.timesheet.shifts_and_absence"), self.heading), Spacer(1, 1.5 * mm), self._day_table()]
        if self.doc.overtime:
            story += [Spacer(1, 5 * mm), self._overtime()]
        story += [Spacer(1, 5 * mm), self._pay_lines()]
        story += [Spacer(1, 8 * mm), self._signatures()]
        return story

    def _correction_box(self) -> Table:
        lines = [Paragraph(t("export.timesheet.corrected", version=self.doc.replaces_version), self.correction)]
        if self.doc.correction_reason:
            lines.append(Paragraph(t("export.timesheet.reason", reason=_escape(self.doc.correction_reason)), self.body))
        box = Table([[line] for line in lines], colWidths=[self.width])
        box.setStyle(TableStyle([
            ("BOX", (0, 0), (-1, -1), 2, colors.black),
            ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.9, 0.9, 0.9)),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return box

    def _header_table(self) -> Table:
        doc = self.doc
        pairs = [
            (t("export.timesheet.arrangement"), doc.arrangement_name),
            (t("export.timesheet.employer"), doc.employer_name) if doc.employer_name else None,
            (t("export.timesheet.assistant"), doc.assistant_name),
            (t("export.timesheet.employee_no"), doc.employee_no),
            (t("export.timesheet.period"), f"{fmt.fmt_date(doc.period_start)} – {fmt.fmt_date(doc.period_end)}"),
            (t("export.timesheet.status"), words.status_label(doc.status, long=True)),
            (t("export.timesheet.version"), str(doc.version)),
        ]
        rows = [[label, Paragraph(_escape(value), self.body)] for label, value in filter(None, pairs)]
        table = Table(rows, colWidths=[28 * mm, self.width - 28 * mm], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (0, -1), self.bold, 9),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]))
        return table

    def _day_table(self) -> Table:
        header = [t("export.timesheet.date"), t("export.timesheet.start"), t("export.timesheet.end"),
                  t("export.timesheet.passive"), t("export.timesheet.hours")]
        header += [t("export.timesheet.column.evening"), t("export.timesheet.column.night"),
                   t("export.timesheet.column.saturday"), t("export.timesheet.column.sunday"),
                   t("export.timesheet.column.holiday")]  # short: the columns are narrow
        header += [t("export.timesheet.absence"), t("export.timesheet.comment")]
        holidays = pdf.holiday_names(self.doc.period_start, self.doc.period_end)
        rows: list[list] = [header]
        style = [
            ("FONT", (0, 0), (-1, 0), self.bold, 7.5),
            ("FONT", (0, 1), (-1, -1), self.regular, 7.5),
            ("ALIGN", (1, 0), (-3, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, 1), (-1, -2), 0.25, colors.Color(0.6, 0.6, 0.6)),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        ]
        totals = {"passive": 0.0, "hours": 0.0} | {key: 0.0 for key in WINDOW_COLUMNS}
        for index, row in enumerate(sorted(self.doc.rows, key=_row_order), start=1):
            weekday = fmt.weekday_short(row.day)
            mark = "*" if row.day in holidays else ""
            line = [
                f"{weekday} {text_format.day_month_padded(row.day)}{mark}",
                fmt.fmt_clock(row.start),
                _end_text(row),
                fmt.fmt_number(row.passive_hours, blank_zero=True),
                fmt.fmt_number(row.hours, blank_zero=row.start is None),
            ]
            totals["passive"] += row.passive_hours
            totals["hours"] += row.hours
            for key in WINDOW_COLUMNS:
                value = row.windows.get(key, 0.0)
                totals[key] += value
                line.append(fmt.fmt_number(value, blank_zero=True))
            line.append(absence_label(row.absence))
            line.append(Paragraph(_escape(row.comment), self.cell) if row.comment else "")
            rows.append(line)
            if row.day.weekday() >= 5 or mark:
                style.append(("BACKGROUND", (0, index), (-1, index), WEEKEND_ROW))
        rows.append(
            [t("export.timesheet.sum"), "", "", fmt.fmt_number(totals["passive"]), fmt.fmt_number(totals["hours"])]
            + [fmt.fmt_number(totals[key]) for key in WINDOW_COLUMNS]
            + ["", ""]
        )
        style += [
            ("FONT", (0, -1), (-1, -1), self.bold, 7.5),
            ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
        ]
        fixed = [16 * mm, 10 * mm, 15 * mm, 10 * mm, 11 * mm] + [11 * mm] * 4 + [14 * mm, 17 * mm]
        widths = fixed + [self.width - sum(fixed)]
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        return table

    def _overtime(self) -> KeepTogether:
        header = [t("export.timesheet.overtime_day"), t("export.timesheet.overtime_time"),
                  t("export.timesheet.overtime_hours"), t("export.timesheet.overtime_why")]
        rows: list[list] = [header]
        for line in self.doc.overtime:  # in the order worked
            rows.append([
                f"{fmt.weekday_short(line.day)} {text_format.day_month_padded(line.day)}",
                f"{fmt.fmt_clock(line.start)}–{fmt.fmt_clock(line.end)}",
                fmt.fmt_number(line.hours),
                Paragraph(_escape(line.why), self.cell),
            ])
        widths = [16 * mm, 22 * mm, 14 * mm]
        table = Table(rows, colWidths=widths + [self.width - sum(widths)], repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, 0), self.bold, 7.5),
            ("FONT", (0, 1), (-1, -1), self.regular, 7.5),
            ("ALIGN", (2, 0), (2, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.Color(0.6, 0.6, 0.6)),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ]))
        return KeepTogether([Paragraph(t("export.timesheet.overtime_heading"), self.heading), Spacer(1, 1.5 * mm), table])

    def _pay_lines(self) -> KeepTogether:
        with_rate = any(line.rate is not None for line in self.doc.pay_lines)
        header = [t("export.timesheet.pay_code"), t("export.timesheet.description"), t("export.timesheet.hours")]
        header += [t("export.timesheet.rate"), t("export.timesheet.amount")] if with_rate else []
        rows: list[list] = [header]
        for line in self.doc.pay_lines:
            values = [line.pay_code, line.description, fmt.fmt_number(line.hours)]
            if with_rate:
                if line.rate is None:
                    values += ["", ""]
                else:
                    amount = fmt.line_amount(line.hours, line.rate)
                    values += [fmt.fmt_number(line.rate), fmt.fmt_number(float(amount))]
            rows.append(values)
        numbers = [20 * mm] + ([22 * mm, 26 * mm] if with_rate else [])
        widths = [22 * mm, self.width - 22 * mm - sum(numbers)] + numbers
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, 0), self.bold, 8.5),
            ("FONT", (0, 1), (-1, -1), self.regular, 8.5),
            ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.Color(0.6, 0.6, 0.6)),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ]))
        return KeepTogether([Paragraph(t("export.timesheet.sum_per_code"), self.heading), Spacer(1, 1.5 * mm), table])

    def _signatures(self) -> KeepTogether:
        gap = 8 * mm
        column = (self.width - gap) / 2
        rows = [
            [t("export.timesheet.assistant"), "", t("export.timesheet.leader")],
            ["", "", ""],
            [t("export.timesheet.signature"), "", t("export.timesheet.signature")],
            ["", "", ""],
            [t("export.timesheet.date"), "", t("export.timesheet.date")],
        ]
        table = Table(rows, colWidths=[column, gap, column], rowHeights=[14, 22, 12, 18, 12], hAlign="LEFT")
        table.setStyle(TableStyle([
            ("FONT", (0, 0), (-1, 0), self.bold, 9),
            ("FONT", (0, 1), (-1, -1), self.regular, 7.5),
            ("LINEBELOW", (0, 1), (0, 1), 0.8, colors.black),
            ("LINEBELOW", (2, 1), (2, 1), 0.8, colors.black),
            ("LINEBELOW", (0, 3), (0, 3), 0.8, colors.black),
            ("LINEBELOW", (2, 3), (2, 3), 0.8, colors.black),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ]))
        return KeepTogether([table])


def _row_order(row: TimesheetRow) -> tuple:
    start = row.start.time() if isinstance(row.start, datetime) else row.start
    return (row.day, start is not None, start or time(0))


def footer_lines(document: TimesheetDocument) -> list[str]:
    lines = [
        t("export.timesheet.footer", name=document.assistant_name, first=fmt.fmt_date(document.period_start),
          last=fmt.fmt_date(document.period_end), version=document.version, printed=fmt.fmt_date(document.printed))
    ]
    stamp = document.submission
    if stamp is not None:
        lines.append(
            t("export.timesheet.footer_submission", id=stamp.submission_id,
              hash=stamp.body_sha256[:SHORT_HASH_LENGTH], key=stamp.key_fingerprint)
        )
    return lines


def render_timesheet_pdf(document: TimesheetDocument, path: str | Path | None = None) -> bytes:
    """The timesheet as PDF bytes (also written to `path` when given)."""
    fonts = pdf.fonts()
    footer = footer_lines(document)
    buffer = BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm * len(footer),
        title=t("export.timesheet.pdf_title", first=fmt.fmt_date(document.period_start),
                last=fmt.fmt_date(document.period_end)),
        author="bpa-desktop",
        creator="bpa-desktop",
    )
    layout = _TimesheetLayout(document, fonts)
    template.build(layout.story(), canvasmaker=pdf.numbered_canvas(footer, layout.regular))
    return fmt.write_if_asked(buffer.getvalue(), path)
