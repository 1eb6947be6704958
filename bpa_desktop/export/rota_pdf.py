"""The rota (turnus) as a landscape A4 PDF: one page per four weeks.

Rows are assistants, columns are days; a cell holds the shift template code (vaktkode) of
each shift that starts that day. It must read in black and white: the code is always text,
the template colour is only a light tint behind it; weekends and public holidays have a grey
header, holidays a "*" and their names under the table; a heavy line marks each Monday.
Each page repeats the legend of codes and carries the footer (arrangement, rota, version,
date printed, "Side x av y").
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from bpa_desktop.core.model import Shift, ShiftTemplate
from bpa_desktop.export import formats as fmt
from bpa_desktop.export import pdf
from bpa_desktop.i18n import t

DAYS_PER_PAGE = 28
MARGIN = 12 * mm
NAME_WIDTH = 34 * mm
HOURS_WIDTH = 11 * mm
WEEKEND_HEADER = colors.Color(0.72, 0.72, 0.72)
WEEKEND_BODY = colors.Color(0.90, 0.90, 0.90)
HEADER = colors.Color(0.93, 0.93, 0.93)


def rota_title(rota_name: str) -> str:
    """ "Turnus Vår 2026", but not "Turnus Turnus 4 uker" when the name already says it."""
    if rota_name.lower().startswith(("turnus", "rota")):
        return rota_name
    return t("export.rota.title", name=rota_name)


@dataclass(frozen=True)
class RotaAssistant:
    id: str  # as in Shift.assistant
    name: str


@dataclass(frozen=True)
class RotaDocument:
    arrangement_name: str
    rota_name: str
    version: int | str
    period_start: date
    period_end: date  # inclusive
    assistants: Sequence[RotaAssistant]  # in the order the rows should have
    templates: Sequence[ShiftTemplate]
    shifts: Sequence[Shift]
    printed: date


def page_ranges(start: date, end: date) -> list[tuple[date, date]]:
    """The [first, last] days of each page: four weeks each, the last one may be shorter."""
    ranges = []
    first = start
    while first <= end:
        last = min(end, first + timedelta(days=DAYS_PER_PAGE - 1))
        ranges.append((first, last))
        first = last + timedelta(days=1)
    return ranges


def cell_text(shift: Shift) -> str:
    """The code, or compact hours ("8-12") for a shift made without a template."""
    if shift.code:
        return shift.code
    start, end = fmt.local(shift.start), fmt.local(shift.end)
    return f"{start.hour}-{end.hour}"


def fit_name(name: str, font: str, width: float, height: float) -> tuple[str, float]:
    """The name as it fits the name cell: one line at 8 or 7 pt, two lines at 7 pt when the
    row is tall enough, else cut with "…" at 6.5 pt. Returns (text, font size)."""
    for size in (8.0, 7.0):
        if stringWidth(name, font, size) <= width:
            return name, size
    lines = simpleSplit(name, font, 7.0, width)
    # simpleSplit cannot break a word longer than the column, so check every line.
    fits = all(stringWidth(line, font, 7.0) <= width for line in lines)
    if len(lines) == 2 and fits and height >= 2 * 8 + 2:
        return "\n".join(lines), 7.0
    cut = name
    while cut and stringWidth(cut + "…", font, 6.5) > width:
        cut = cut[:-1]
    return cut.rstrip() + "…", 6.5


def _shifts_by_cell(shifts: Sequence[Shift]) -> dict[tuple[str, date], list[Shift]]:
    cells: dict[tuple[str, date], list[Shift]] = defaultdict(list)
    for shift in sorted(shifts, key=lambda s: s.start):
        cells[(shift.assistant, fmt.local(shift.start).date())].append(shift)
    return cells


def _template_times(template: ShiftTemplate) -> tuple[str, str]:
    times = f"{template.start}–{template.end}"
    if template.passive_start and template.passive_end:
        return times, f"{template.passive_start}–{template.passive_end}"
    return times, "–"


class _RotaPages:
    def __init__(self, document: RotaDocument, fonts: pdf.FontSet):
        self.doc = document
        self.fonts = fonts  # the condensed faces only: narrow columns, and two faces embed faster than four
        self.templates = {template.code: template for template in document.templates}
        self.cells = _shifts_by_cell(document.shifts)
        self.holidays = pdf.holiday_names(document.period_start, document.period_end)
        width, height = landscape(A4)
        self.table_width = width - 2 * MARGIN - 2 * pdf.FRAME_PADDING
        self.day_width = (self.table_width - NAME_WIDTH - HOURS_WIDTH) / DAYS_PER_PAGE
        self.title = ParagraphStyle("title", fontName=fonts.condensed_bold, fontSize=13, leading=16)
        self.small = ParagraphStyle("small", fontName=fonts.condensed, fontSize=7.5, leading=9)
        legend_rows = -(-len(document.templates) // self._legend_groups()) + 1
        # What is left for the grid once title, notes and legend have their share.
        reserved = 16 * mm + 12 * mm + 10 * mm + legend_rows * 11 + 12
        per_row = (height - 2 * MARGIN - reserved) / (len(document.assistants) + 1.6)
        self.row_height = max(12.0, min(30.0, per_row))

    def story(self) -> list:
        story: list = []
        for index, (first, last) in enumerate(page_ranges(self.doc.period_start, self.doc.period_end)):
            if index:
                story.append(PageBreak())
            story += self._page(first, last)
        return story

    def _page(self, first: date, last: date) -> list:
        week_first, week_last = first.isocalendar().week, last.isocalendar().week
        heading = (
            t("export.rota.heading", title=rota_title(self.doc.rota_name), first=fmt.fmt_date(first),
              last=fmt.fmt_date(last), week_first=week_first, week_last=week_last)
        )
        parts: list = [Paragraph(_escape(heading), self.title), Spacer(1, 3 * mm), self._grid(first, last)]
        holidays_here = [(d, n) for d, n in self.holidays.items() if first <= d <= last]
        note = t("export.rota.note")
        if holidays_here:
            note += ": " + ", ".join(f"{fmt.fmt_day_month(d)} {n}" for d, n in holidays_here)
        parts += [Spacer(1, 1.5 * mm), Paragraph(_escape(note), self.small), Spacer(1, 2.5 * mm)]
        parts.append(self._legend())
        return parts

    def _grid(self, first: date, last: date) -> Table:
        fonts = self.fonts
        page_days = fmt.days(first, last)
        header = [t("export.rota.assistant")]
        for day in page_days:
            mark = "*" if day in self.holidays else ""
            header.append(f"{fmt.weekday_short(day)}{mark}\n{fmt.fmt_day_month(day)}")
        header.append(t("export.rota.hours"))
        rows = [header]
        style = [
            ("FONT", (0, 0), (-1, 0), fonts.condensed_bold, 7),
            ("FONT", (0, 1), (0, -1), fonts.condensed, 8),
            ("FONT", (1, 1), (-1, -1), fonts.condensed_bold, 10 if self.row_height >= 20 else 8.5),
            ("FONT", (-1, 1), (-1, -1), fonts.condensed, 7.5),
            ("LEADING", (0, 0), (-1, -1), 9),
            ("ALIGN", (1, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER),
            ("GRID", (0, 0), (-1, -1), 0.3, colors.Color(0.45, 0.45, 0.45)),
            ("BOX", (0, 0), (-1, -1), 1, colors.black),
            ("LINEBELOW", (0, 0), (-1, 0), 1, colors.black),
            ("LINEBEFORE", (-1, 0), (-1, -1), 1, colors.black),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        ]
        for column, day in enumerate(page_days, start=1):
            if day.weekday() >= 5 or day in self.holidays:
                style.append(("BACKGROUND", (column, 0), (column, 0), WEEKEND_HEADER))
                style.append(("BACKGROUND", (column, 1), (column, -1), WEEKEND_BODY))
            if day.weekday() == 0 and column > 1:
                style.append(("LINEBEFORE", (column, 0), (column, -1), 1.4, colors.black))
        name_width = NAME_WIDTH - 3  # less the cell padding
        for row, assistant in enumerate(self.doc.assistants, start=1):
            name, size = fit_name(assistant.name, fonts.condensed, name_width, self.row_height)
            style += [
                ("FONT", (0, row), (0, row), fonts.condensed, size),
                ("LEADING", (0, row), (0, row), size + 1),
            ]
            line = [name]
            total = 0.0
            for column, day in enumerate(page_days, start=1):
                shifts = self.cells.get((assistant.id, day), [])
                line.append("\n".join(cell_text(shift) for shift in shifts))
                total += sum(shift.hours for shift in shifts)
                template = self.templates.get(shifts[0].code) if shifts else None
                if template is not None:
                    style.append(("BACKGROUND", (column, row), (column, row), pdf.hex_tint(template.colour)))
            line.append(fmt.fmt_number(total, blank_zero=True))
            rows.append(line)
        # Columns for every day of a full page, so a short last page keeps the same grid.
        widths = [NAME_WIDTH] + [self.day_width] * len(page_days) + [HOURS_WIDTH]
        heights = [22] + [self.row_height] * len(self.doc.assistants)
        table = Table(rows, colWidths=widths, rowHeights=heights, repeatRows=1, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        return table

    def _legend_groups(self) -> int:
        return 1 if len(self.doc.templates) <= 3 else 2 if len(self.doc.templates) <= 8 else 3

    def _legend(self) -> Table:
        groups = self._legend_groups()
        templates = sorted(self.doc.templates, key=lambda t: t.code)
        per_group = max(1, -(-len(templates) // groups))
        header = [t("export.rota.code"), t("export.rota.name"), t("export.rota.time"), t("export.rota.passive")]
        widths_one = [12 * mm, 38 * mm, 22 * mm, 22 * mm]
        rows = [header * groups]
        style = [
            ("FONT", (0, 0), (-1, 0), self.fonts.condensed_bold, 7.5),
            ("FONT", (0, 1), (-1, -1), self.fonts.condensed, 7.5),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ("LINEBELOW", (0, 0), (-1, 0), 0.6, colors.black),
        ]
        for index in range(per_group):
            line: list[str] = []
            for group in range(groups):
                position = group * per_group + index
                if position < len(templates):
                    template = templates[position]
                    times, passive = _template_times(template)
                    line += [template.code, template.name, times, passive]
                    cell = (group * 4, index + 1)
                    style += [
                        ("BACKGROUND", cell, cell, pdf.hex_tint(template.colour)),
                        ("BOX", cell, cell, 0.5, colors.black),
                        ("FONT", cell, cell, self.fonts.condensed_bold, 8),
                        ("ALIGN", cell, cell, "CENTER"),
                    ]
                else:
                    line += ["", "", "", ""]
            rows.append(line)
        for group in range(1, groups):
            style.append(("LINEBEFORE", (group * 4, 0), (group * 4, -1), 0.6, colors.grey))
        table = Table(rows, colWidths=widths_one * groups, hAlign="LEFT")
        table.setStyle(TableStyle(style))
        return table


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def render_rota_pdf(document: RotaDocument, path: str | Path | None = None) -> bytes:
    """The rota as PDF bytes (also written to `path` when given)."""
    fonts = pdf.fonts()
    buffer = BytesIO()
    template = SimpleDocTemplate(
        buffer,
        pagesize=landscape(A4),
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN,
        bottomMargin=MARGIN + 4 * mm,
        title=rota_title(document.rota_name),
        author="bpa-desktop",
        creator="bpa-desktop",
    )
    footer = [
        t("export.rota.footer", arrangement=document.arrangement_name, rota=document.rota_name,
          version=document.version, printed=fmt.fmt_date(document.printed))
    ]
    pages = _RotaPages(document, fonts)
    template.build(pages.story(), canvasmaker=pdf.numbered_canvas(footer, fonts.condensed))
    return fmt.write_if_asked(buffer.getvalue(), path)
