"""What every PDF of bpa-desktop shares: fonts, holiday marks, colour tints, the footer.

Fonts: ReportLab's built-in Helvetica is a Type 1 font in WinAnsi encoding. That covers
æ, ø and å, but not the Sámi letters (č, đ, ŋ, š, ŧ, ž) that Norwegian names can have, and it
is not embedded. So a TrueType family is registered and embedded instead, first found wins:
DejaVu Sans (installed on most Linux desktops; wide coverage, has a condensed cut for the
narrow rota columns), then Bitstream Vera, which ships inside the ReportLab package and so
is always there (Latin-1: æøå, no Sámi letters). Helvetica is the last resort.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas

from bpa_desktop.core import calendar
from bpa_desktop.i18n import get_language, t

# SimpleDocTemplate's frame keeps this much inside the margins on each side.
FRAME_PADDING = 6

DEJAVU_DIRS = (
    Path("/usr/share/fonts/truetype/dejavu"),
    Path("/usr/share/fonts/dejavu"),
    Path("/usr/share/fonts/TTF"),
    Path("/usr/local/share/fonts"),
)
VERA_DIR = Path(reportlab.__file__).parent / "fonts"


@dataclass(frozen=True)
class FontSet:
    """ReportLab font names to use; `embedded` is False only for the Helvetica fallback."""

    regular: str
    bold: str
    condensed: str
    condensed_bold: str
    embedded: bool


HELVETICA = FontSet("Helvetica", "Helvetica-Bold", "Helvetica", "Helvetica-Bold", False)


def _register(name: str, file: Path) -> str:
    if name not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(name, str(file)))
    return name


def find_fonts(dejavu_dirs: Iterable[Path] = DEJAVU_DIRS, vera_dir: Path = VERA_DIR) -> FontSet:
    """Register and return the best font family available (see the module docstring)."""
    for folder in dejavu_dirs:
        files = {
            key: folder / f"{stem}.ttf"
            for key, stem in (
                ("regular", "DejaVuSans"),
                ("bold", "DejaVuSans-Bold"),
                ("condensed", "DejaVuSansCondensed"),
                ("condensed_bold", "DejaVuSansCondensed-Bold"),
            )
        }
        if files["regular"].is_file() and files["bold"].is_file():
            has_condensed = files["condensed"].is_file() and files["condensed_bold"].is_file()
            regular = _register("BPA-DejaVuSans", files["regular"])
            bold = _register("BPA-DejaVuSans-Bold", files["bold"])
            condensed = (
                _register("BPA-DejaVuSansCondensed", files["condensed"]) if has_condensed else regular
            )
            condensed_bold = (
                _register("BPA-DejaVuSansCondensed-Bold", files["condensed_bold"])
                if has_condensed
                else bold
            )
            return FontSet(regular, bold, condensed, condensed_bold, True)
    if (vera_dir / "Vera.ttf").is_file() and (vera_dir / "VeraBd.ttf").is_file():
        regular = _register("BPA-Vera", vera_dir / "Vera.ttf")
        bold = _register("BPA-Vera-Bold", vera_dir / "VeraBd.ttf")
        return FontSet(regular, bold, regular, bold, True)
    return HELVETICA


@functools.lru_cache(maxsize=1)
def fonts() -> FontSet:
    """The font family for all PDFs, found once per process."""
    return find_fonts()


def holiday_names(start: date, end: date) -> dict[date, str]:
    """Public holidays other than ordinary Sundays from start to end, with their names
    (two on one day, as 17 May 2027, are joined with "og")."""
    names = {}
    for day in calendar.days(start, end):
        name = calendar.holiday_name(day, get_language())
        if name:
            names[day] = name.replace("; ", t("export.pdf.and"))
    return names


def hex_tint(hex_colour: str, strength: float = 0.4) -> colors.Color:
    """A light tint of a "#rrggbb" colour so black text on it stays readable in grey print."""
    try:
        base = colors.HexColor(hex_colour)
    except (ValueError, TypeError):
        base = colors.HexColor("#bab0ac")
    return colors.Color(
        1 - (1 - base.red) * strength,
        1 - (1 - base.green) * strength,
        1 - (1 - base.blue) * strength,
    )


# -- footer with "side x av y" ------------------------------------------------------------

def numbered_canvas(left_lines: list[str], font: str, font_size: float = 7) -> type[canvas.Canvas]:
    """A canvas class that writes `left_lines` and "Side x av y" at the foot of every page.

    The page count is known only when the document is finished, so pages are kept until
    save() and the footer is drawn then (the usual ReportLab recipe).
    """

    class _NumberedCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []

        def showPage(self):  # noqa: N802 - ReportLab's name
            self._saved_pages.append(dict(self.__dict__))
            self._startPage()

        def save(self):
            total = len(self._saved_pages)
            for number, state in enumerate(self._saved_pages, start=1):
                self.__dict__.update(state)
                self._draw_footer(number, total)
                super().showPage()
            super().save()

        def _draw_footer(self, number: int, total: int) -> None:
            width, _height = self._pagesize
            margin = 12 * mm
            self.saveState()
            self.setFont(font, font_size)
            self.setStrokeColor(colors.grey)
            self.setLineWidth(0.4)
            top = 6 * mm + font_size * 1.25 * len(left_lines)
            self.line(margin, top + 2, width - margin, top + 2)
            y = top - font_size
            for line in left_lines:
                self.drawString(margin, y, line)
                y -= font_size * 1.25
            self.drawRightString(width - margin, top - font_size, t("export.pdf.page", number=number, total=total))
            self.restoreState()

    return _NumberedCanvas
