"""A printable card for one share link (the Deling dialog's "Skriv ut kort"): who it is for,
the QR code, the address and the code written out, and how long it is valid. A4, one card at
the top, to be cut out and handed over: there is no mail server. The QR code is drawn from
segno's module matrix as vector squares, so it prints sharp at any resolution."""

from __future__ import annotations

from dataclasses import dataclass
from io import BytesIO
from datetime import datetime
from pathlib import Path

import segno
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from bpa_desktop.atomic_write import write_bytes
from bpa_desktop.export.pdf import fonts
from bpa_desktop.i18n import t
from bpa_desktop.text_format import date_text


@dataclass(frozen=True)
class LinkCard:
    label: str  # "Kari", "Tillitsvalgt"
    role_text: str  # what the link lets them do, in words
    url: str
    code: str
    expires_at: datetime


def qr_matrix(text: str) -> list[list[bool]]:
    """The QR code's dark modules, row by row, with the quiet zone of four modules."""
    code = segno.make_qr(text, error="m")
    return [[bool(cell) for cell in row] for row in code.matrix_iter(scale=1, border=4)]


def _chunks(text: str, width: int) -> list[str]:
    return [text[i:i + width] for i in range(0, len(text), width)]


def write_link_card(card: LinkCard, path: Path) -> Path:
    font = fonts()
    width, height = A4
    buffer = BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=A4)
    pdf.setTitle(t("export.link_card.title", label=card.label))
    left, top = 25 * mm, height - 25 * mm
    pdf.setLineWidth(0.5)
    pdf.setDash(3, 3)
    pdf.rect(left - 8 * mm, top - 88 * mm, width - 2 * left + 16 * mm, 96 * mm)
    pdf.setDash()
    pdf.setFont(font.bold, 16)
    pdf.drawString(left, top - 4 * mm, t("export.link_card.heading", label=card.label))
    pdf.setFont(font.regular, 10)
    pdf.drawString(left, top - 11 * mm, card.role_text)
    matrix = qr_matrix(card.url)
    side = 60 * mm
    module = side / len(matrix)
    qr_top = top - 16 * mm
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                pdf.rect(left + x * module, qr_top - (y + 1) * module, module, module, stroke=0, fill=1)
    text_left = left + side + 8 * mm
    pdf.setFont(font.regular, 10)
    lines = [t("export.link_card.scan"), "", t("export.link_card.address")]
    lines += _chunks(card.url, 38) + ["", t("export.link_card.code")] + _chunks(card.code, 16)
    lines += ["", t("export.link_card.valid_to", day=date_text(card.expires_at.date()))]
    for index, line in enumerate(lines):
        pdf.drawString(text_left, qr_top - 4 * mm - index * 5 * mm, line)
    pdf.setFont(font.regular, 8)
    pdf.drawString(left, top - 82 * mm, t("export.link_card.keep_safe"))
    pdf.showPage()
    pdf.save()
    return write_bytes(path, buffer.getvalue())
