"""What every PDF of bpa-desktop shares: fonts, holiday marks, colour tints, the footer.

Fonts: ReportLab's built-in Helvetica is a Type 1 font in WinAnsi encoding. That covers
æ, ø and å, but not the Sámi letters (č, đ, ŋ, š, ŧ, ž) that Norwegian names can have, and it
is not embedded. So a TrueType family is registered and embedded instead, first found wins:
DejaVu Sans, which ships with the app (`resources/fonts/`, so Windows and macOS print the same
PDF as Linux; wide coverage, a condensed cut for the narrow rota columns), then a system
DejaVu, then Bitstream Vera, which ships inside the ReportLab package (Latin-1: æøå, no Sámi
letters). Helvetica is the last resort.
"""

from __future__ import annotations

import functools
import importlib.resources
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import reportlab
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen import canvas
from reportlab.platypus import Flowable

from bpa_desktop.core import calendar
from bpa_desktop.i18n import get_language, t

# SimpleDocTemplate's frame keeps this much inside the margins on each side.
FRAME_PADDING = 6

BUNDLED_FONTS = Path(str(importlib.resources.files("bpa_desktop.resources") / "fonts"))
DEJAVU_DIRS = (
    BUNDLED_FONTS,
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


# -- footer with "side x av y", and a watermark --------------------------------------------


@dataclass(frozen=True)
class PagePart:
    """One document inside a PDF file: its footer lines and, if any, a watermark (e.g. DRAFT).
    A file of several timesheets numbers each one's pages on its own ("Side 1 av 2")."""

    footer: list[str]
    watermark: str | None = None


class PartMarker(Flowable):
    """Put at the start of a part's story: the pages from here on belong to part ``index``."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def draw(self) -> None:
        self.canv._bpa_part = self.index


def numbered_canvas(left_lines: list[str], font: str, font_size: float = 7) -> type[canvas.Canvas]:
    """A canvas class that writes `left_lines` and "Side x av y" at the foot of every page."""
    return parts_canvas([PagePart(left_lines)], font, font_size)


def parts_canvas(parts: Sequence[PagePart], font: str, font_size: float = 7) -> type[canvas.Canvas]:
    """A canvas class that writes each page's part's footer and "Side x av y" (counted within
    the part) and its watermark. Page counts are known only when the document is finished, so
    pages are kept until save() and footers drawn then (the usual ReportLab recipe); the
    watermark is drawn then too, faint and behind nothing that matters."""

    class _PartsCanvas(canvas.Canvas):
        def __init__(self, *args, **kwargs):
            # ReportLab's canvas starts in Helvetica and declares it in the PDF even if no text
            # uses it: start in our embedded font, so every font of the file is embedded.
            if not kwargs.get("initialFontName"):  # the doc template passes None
                kwargs["initialFontName"] = font
            super().__init__(*args, **kwargs)
            self._saved_pages: list[dict] = []
            self._bpa_part = 0

        def showPage(self):  # noqa: N802 - ReportLab's name
            self._saved_pages.append(dict(self.__dict__))
            part = self._bpa_part
            self._startPage()
            self._bpa_part = part

        def save(self):
            per_part: dict[int, int] = {}
            for state in self._saved_pages:
                per_part[state["_bpa_part"]] = per_part.get(state["_bpa_part"], 0) + 1
            seen: dict[int, int] = {}
            for state in self._saved_pages:
                self.__dict__.update(state)
                index = state["_bpa_part"]
                seen[index] = seen.get(index, 0) + 1
                part = parts[index]
                if part.watermark:
                    self._draw_watermark(part.watermark)
                self._draw_footer(part.footer, seen[index], per_part[index])
                super().showPage()
            super().save()

        def _draw_watermark(self, text: str) -> None:
            width, height = self._pagesize
            self.saveState()
            self.setFillColor(colors.Color(0.55, 0.55, 0.55, alpha=0.22))
            self.setFont(font, 54)
            self.translate(width / 2, height / 2)
            self.rotate(50)
            self.drawCentredString(0, -18, text)
            self.restoreState()

        def _draw_footer(self, lines: list[str], number: int, total: int) -> None:
            width, _height = self._pagesize
            margin = 12 * mm
            self.saveState()
            self.setFont(font, font_size)
            self.setStrokeColor(colors.grey)
            self.setLineWidth(0.4)
            top = 6 * mm + font_size * 1.25 * len(lines)
            self.line(margin, top + 2, width - margin, top + 2)
            y = top - font_size
            for line in lines:
                self.drawString(margin, y, line)
                y -= font_size * 1.25
            self.drawRightString(width - margin, top - font_size, t("export.pdf.page", number=number, total=total))
            self.restoreState()

    return _PartsCanvas
