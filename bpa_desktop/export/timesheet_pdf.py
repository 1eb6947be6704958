"""One assistant's timesheet (timeliste) for one pay period as a portrait A4 PDF, or many of
them in one file (the paper copies of everything that waits).

The caller computes everything (rows, each row's pay line hours, pay lines) with the engine;
this module lays it out: the header with who, whose and which vedtak, the status and who
attested when ("KORRIGERT" with the reason for a correction; an UTKAST watermark on anything
not attested), the day table with one column per pay line (each adds up to its line:
``timesheet_table``), the legend, the overtime and why, the totals per pay line with the
amount, signature lines, and a footer that repeats who and which period, the date printed,
"Side x av y" and the submission id (with the body hash and key fingerprint once sealed,
docs/protocol.md) so a paper copy can be matched with the electronic item.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bpa_desktop.core.model import PayLine, TimesheetStatus
from bpa_desktop.core.timesheet_lifecycle import is_locked
from bpa_desktop.export import formats as fmt
from bpa_desktop.export import pdf
from bpa_desktop.export.timesheet_table import (
    EVE_MARK,
    HOLIDAY_MARK,
    LineColumn,
    TimesheetRow,
    day_table,
    pay_line_table,
)
from bpa_desktop import text_format, words
from bpa_desktop.i18n import message, t

__all__ = ["LineColumn", "OvertimeLine", "SubmissionStamp", "TimesheetDocument", "TimesheetRow",
           "render_timesheet_pdf", "render_timesheets_pdf"]

MARGIN = 15 * mm
SHORT_HASH_LENGTH = 16


SHADED_ROW = colors.Color(0.92, 0.92, 0.92)
NOT_WORKED_TEXT = colors.Color(0.3, 0.3, 0.3)


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
    """What identifies the electronic submission of this sheet (docs/protocol.md); the hash
    and key exist once the submission is sealed."""

    submission_id: str
    body_sha256: str | None = None  # hex; printed shortened
    key_fingerprint: str | None = None


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
    columns: Sequence[LineColumn] = ()  # default: one per pay line, in its order
    employer_name: str = ""
    employer_org_no: str = ""
    recipient_name: str = ""
    leader_name: str = ""
    arrangement_reference: str = ""  # the receiver's reference for the arrangement, once enrolled
    vedtak_reference: str = ""
    employment_percent: float | None = None
    confirmed_through: date | None = None
    attested_at: datetime | None = None
    attested_by: str = ""
    correction_reason: str = ""
    replaces_version: int | None = None  # set for a correction
    submission: SubmissionStamp | None = None
    overtime: Sequence[OvertimeLine] = ()
    reconciled: bool = True  # False: the day columns were worked out again and differ

    @property
    def is_correction(self) -> bool:
        return self.replaces_version is not None

    @property
    def locked(self) -> bool:
        return is_locked(self.status)

    def line_columns(self) -> list[LineColumn]:
        if self.columns:
            return list(self.columns)
        seen: dict[str, LineColumn] = {}
        for line in self.pay_lines:
            seen.setdefault(line.kind, LineColumn(line.kind, line.pay_code, line.description))
        return list(seen.values())


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
        self.body = ParagraphStyle("body", fontName=self.regular, fontSize=8.5, leading=10.5)
        self.label = ParagraphStyle("label", fontName=self.bold, fontSize=8.5, leading=10.5)
        self.small = ParagraphStyle("small", fontName=self.regular, fontSize=7, leading=8.5)
        self.cell = ParagraphStyle("cell", fontName=self.regular, fontSize=6.8, leading=8)
        self.head_cell = ParagraphStyle("head", fontName=self.bold, fontSize=6.2, leading=7.2)
        self.strong = ParagraphStyle("strong", fontName=self.bold, fontSize=9.5, leading=12)
        self.plain_font = ("FONTNAME", (0, 0), (-1, -1), self.regular)

    def story(self) -> list:
        story = [Paragraph(message("pdf_title"), self.title), Spacer(1, 1.5 * mm)]
        if not self.doc.locked:
            story += [Paragraph(_escape(message("pdf_draft_note")), self.strong), Spacer(1, 1.5 * mm)]
        if self.doc.is_correction:
            story += [self._correction_box(), Spacer(1, 3 * mm)]
        story += [self._header_table(), Spacer(1, 4 * mm)]
        story += [Paragraph(message("pdf_days_heading"), self.heading), Spacer(1, 1.5 * mm), self._day_table()]
        story += [Spacer(1, 1.5 * mm)] + self._legend()
        if self.doc.overtime:
            story += [Spacer(1, 4 * mm), self._overtime()]
        story += [Spacer(1, 4 * mm), self._pay_lines()]
        story += [Spacer(1, 7 * mm), self._signatures()]
        return story

    def _correction_box(self) -> Table:
        lines = [Paragraph(t("export.timesheet.corrected", version=self.doc.replaces_version), self.strong)]
        if self.doc.correction_reason:
            lines.append(Paragraph(t("export.timesheet.reason", reason=_escape(self.doc.correction_reason)), self.body))
        box = Table([[line] for line in lines], colWidths=[self.width])
        box.setStyle(TableStyle([
            self.plain_font,  # strings in cells: our font, never ReportLab's Helvetica
            ("BOX", (0, 0), (-1, -1), 2, colors.black),
            ("BACKGROUND", (0, 0), (-1, -1), colors.Color(0.9, 0.9, 0.9)),
            ("LEFTPADDING", (0, 0), (-1, -1), 6),
            ("TOPPADDING", (0, 0), (-1, -1), 3),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ]))
        return box

    def _pairs(self) -> tuple[list, list]:
        doc = self.doc
        employer = doc.employer_name + (f", {message('pdf_org_no')} {doc.employer_org_no}" if doc.employer_org_no else "")
        arrangement = doc.arrangement_name + (
            f" ({message('pdf_reference')} {doc.arrangement_reference})" if doc.arrangement_reference else "")
        left = [
            (message("pdf_recipient"), doc.recipient_name),
            (message("pdf_arrangement"), arrangement),
            (message("pdf_leader"), doc.leader_name),
            (message("pdf_employer"), employer),
            (message("pdf_vedtak"), doc.vedtak_reference or "–"),
        ]
        if doc.attested_at is not None:
            moment = fmt.local(doc.attested_at)
            who = f"{doc.leader_name} ({doc.attested_by})" if doc.leader_name else doc.attested_by
            attested = message("pdf_attested_value", who=who, day=fmt.fmt_date(moment.date()), time=f"{moment:%H:%M}")
        else:
            attested = message("pdf_not_attested")
        position = "" if doc.employment_percent is None else f"{fmt.fmt_number(doc.employment_percent)} %"
        right = [
            (message("pdf_assistant"), doc.assistant_name),
            (message("pdf_employee_no"), doc.employee_no),
            (message("pdf_position"), position),
            (message("pdf_period"), f"{fmt.fmt_date(doc.period_start)} – {fmt.fmt_date(doc.period_end)}"),
            (message("pdf_status"), words.status_label(doc.status, long=True)
             + (f", {message('pdf_version')} {doc.version}")),
        ]
        if doc.confirmed_through is not None:
            right.append((message("pdf_confirmed_through"), fmt.fmt_date(doc.confirmed_through)))
        right.append((message("pdf_attested"), attested))
        return [p for p in left if p[1]], [p for p in right if p[1]]

    def _header_table(self) -> Table:
        left, right = self._pairs()
        rows = []
        for index in range(max(len(left), len(right))):
            row = []
            for side in (left, right):
                if index < len(side):
                    row += [Paragraph(_escape(side[index][0]), self.label), Paragraph(_escape(side[index][1]), self.body)]
                else:
                    row += ["", ""]
            rows.append(row)
        label = 30 * mm
        value = (self.width - 2 * label) / 2
        table = Table(rows, colWidths=[label, value, label, value], hAlign="LEFT")
        table.setStyle(TableStyle([
            self.plain_font,  # strings in cells: our font, never ReportLab's Helvetica
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("TOPPADDING", (0, 0), (-1, -1), 0.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
        ]))
        return table

    def _day_table(self) -> Table:
        columns = self.doc.line_columns()
        cells = day_table(self.doc.rows, columns, self.doc.pay_lines)
        self.marks = cells.marks
        header = [Paragraph(_escape(text).replace("\n", "<br/>"), self.head_cell) for text in cells.header]
        body = [line[:-1] + [Paragraph(_escape(line[-1]), self.cell) if line[-1] else ""] for line in cells.rows]
        rows = [header] + body + [cells.total]
        fixed = [15 * mm, 8.5 * mm, 13 * mm, 10 * mm]
        note_min = 34 * mm
        each = min(13 * mm, (self.width - sum(fixed) - note_min) / max(len(columns), 1))
        widths = fixed + [each] * len(columns)
        widths.append(self.width - sum(widths))
        style = [
            ("FONT", (0, 1), (-1, -1), self.regular, 7),
            ("ALIGN", (1, 0), (-2, -1), "RIGHT"),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, 1), (-1, -2), 0.25, colors.Color(0.6, 0.6, 0.6)),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, -1), 1.2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
            ("FONT", (0, -1), (-1, -1), self.bold, 7),
            ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black),
        ]
        for index in cells.marked:
            style.append(("BACKGROUND", (0, index + 1), (-1, index + 1), SHADED_ROW))
        for index in cells.not_worked:
            style.append(("TEXTCOLOR", (0, index + 1), (-2, index + 1), NOT_WORKED_TEXT))
            style.append(("FONT", (1, index + 1), (2, index + 1), self.regular, 6.3))
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle([self.plain_font, *style]))
        return table

    def _legend(self) -> list:
        parts = [message("pdf_legend_columns")]
        if HOLIDAY_MARK in self.marks:
            parts.append(message("pdf_legend_holiday"))
        if EVE_MARK in self.marks:
            parts.append(message("pdf_legend_eve"))
        if any("AGP" in row.note for row in self.doc.rows):
            parts.append(message("pdf_legend_agp"))
        flow = [Paragraph(_escape(" ".join(parts)), self.small)]
        if not self.doc.reconciled:
            flow.append(Paragraph(_escape(message("pdf_not_reconciled")), self.label))
        return flow

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
            self.plain_font,  # strings in cells: our font, never ReportLab's Helvetica
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
        cells = pay_line_table(self.doc.pay_lines)
        rows: list[list] = [cells.header] + cells.rows
        style = [
            self.plain_font,  # strings in cells: our font, never ReportLab's Helvetica
            ("FONT", (0, 0), (-1, 0), self.bold, 8.5),
            ("FONT", (0, 1), (-1, -1), self.regular, 8.5),
            ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black),
            ("LINEBELOW", (0, 1), (-1, -1), 0.25, colors.Color(0.6, 0.6, 0.6)),
            ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ]
        if cells.total_amount is not None:
            rows.append([message("pdf_total_amount"), "", "", "", cells.total_amount])
            style += [("FONT", (0, -1), (-1, -1), self.bold, 8.5), ("LINEABOVE", (0, -1), (-1, -1), 1, colors.black)]
        numbers = [20 * mm] + ([22 * mm, 26 * mm] if cells.total_amount is not None else [])
        widths = [22 * mm, self.width - 22 * mm - sum(numbers)] + numbers
        table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        return KeepTogether([Paragraph(message("pdf_lines_heading"), self.heading), Spacer(1, 1.5 * mm), table])

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
            self.plain_font,  # strings in cells: our font, never ReportLab's Helvetica
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


def footer_lines(document: TimesheetDocument) -> list[str]:
    lines = [
        t("export.timesheet.footer", name=document.assistant_name, first=fmt.fmt_date(document.period_start),
          last=fmt.fmt_date(document.period_end), version=document.version, printed=fmt.fmt_date(document.printed))
    ]
    stamp = document.submission
    if stamp is not None:
        parts = [t("export.timesheet.footer_submission", id=stamp.submission_id)]
        if stamp.body_sha256:
            parts.append(t("export.timesheet.footer_hash", hash=stamp.body_sha256[:SHORT_HASH_LENGTH]))
        if stamp.key_fingerprint:
            parts.append(t("export.timesheet.footer_key", key=stamp.key_fingerprint))
        lines.append(" · ".join(parts))
    return lines


def render_timesheets_pdf(documents: Sequence[TimesheetDocument], path: str | Path | None = None) -> bytes:
    """Timesheets as one PDF (each starts on a new page and numbers its own pages); also
    written to `path` when given."""
    if not documents:
        raise ValueError("no timesheets to render")
    fonts = pdf.fonts()
    parts = [pdf.PagePart(footer_lines(d), None if d.locked else message("pdf_draft_mark")) for d in documents]
    first = documents[0]
    buffer = BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm * max(len(p.footer) for p in parts),
        title=t("export.timesheet.pdf_title", first=fmt.fmt_date(first.period_start),
                last=fmt.fmt_date(first.period_end)),
        author="bpa-desktop",
        creator="bpa-desktop",
    )
    story: list = []
    for index, document in enumerate(documents):
        if index:
            story.append(PageBreak())
        story.append(pdf.PartMarker(index))
        story += _TimesheetLayout(document, fonts).story()
    template.build(story, canvasmaker=pdf.parts_canvas(parts, fonts.condensed))
    return fmt.write_if_asked(buffer.getvalue(), path)


def render_timesheet_pdf(document: TimesheetDocument, path: str | Path | None = None) -> bytes:
    """The timesheet as PDF bytes (also written to `path` when given)."""
    return render_timesheets_pdf([document], path)
