"""Printing a PDF the app wrote (the paper copies of the Synk page): Qt's print preview, whose
Print button asks for the printer (QPrintDialog). Pages are rendered with QtPdf at the
printer's resolution, one PDF page per sheet of paper, scaled to fit."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog
from PySide6.QtWidgets import QWidget

from bpa_desktop.i18n import message

RENDER_DPI = 300


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of ``document`` on ``printer``; returns the number of pages."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        target = printer.pageRect(QPrinter.Unit.DevicePixel)
        for index in range(document.pageCount()):
            if index:
                printer.newPage()
            size = document.pagePointSize(index)
            scale = min(target.width() / size.width(), target.height() / size.height())
            # rendered at most at RENDER_DPI (a 1200 dpi A4 page would be half a gigabyte), drawn to fit
            pixels = min(scale, RENDER_DPI / 72)
            image = document.render(index, QSize(int(size.width() * pixels), int(size.height() * pixels)))
            painter.drawImage(QRectF(0, 0, size.width() * scale, size.height() * scale), image)
    finally:
        painter.end()
    return document.pageCount()


def preview_dialog(parent: QWidget, path: Path) -> QPrintPreviewDialog:
    """A print preview of the PDF at ``path`` (kept alive by its parent while open)."""
    document = QPdfDocument(parent)
    document.load(str(path))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.name)
    dialog = QPrintPreviewDialog(printer, parent)
    dialog.setWindowTitle(message("ui_print_title"))
    dialog.setAccessibleName(message("ui_print_title"))
    dialog.paintRequested.connect(lambda target: paint_pdf(document, target))
    dialog.document = document  # the dialog owns what it paints from
    return dialog


def print_pdf(parent: QWidget, path: Path) -> QPrintPreviewDialog:
    """Open the print preview of ``path`` without blocking (window-modal)."""
    dialog = preview_dialog(parent, path)
    parent.print_dialog = dialog  # tests look at it
    dialog.open()
    return dialog
