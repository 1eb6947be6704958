"""Printing a PDF the app wrote: Qt's print preview, whose Print button (or Ctrl+P in it) asks
for the printer (QPrintDialog). Pages are rendered with QtPdf at the printer's resolution, one
PDF page per sheet of paper, scaled to fit.

Used by the Synk page (the paper copies, a file the person saved) and by ``PdfPrint``: a PDF made
for printing only (a timesheet on Timelister, the rota on Turnus), written in a worker into a
temporary folder that is removed when the preview closes or the PDF cannot be made."""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Callable
from pathlib import Path

import shiboken6
from PySide6.QtCore import QObject, QRectF, QSize, Qt
from PySide6.QtGui import QKeySequence, QPageLayout, QPainter, QShortcut
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter, QPrinterInfo, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from bpa_desktop.i18n import message

RENDER_DPI = 300
log = logging.getLogger(__name__)


def paint_pdf(document: QPdfDocument, printer: QPrinter) -> int:
    """Draw every page of ``document`` on ``printer``; returns the number of pages (0 when the
    printer cannot be started)."""
    painter = QPainter()
    if not painter.begin(printer):
        return 0
    try:
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)  # the preview shows it scaled down
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


def preview_dialog(parent: QWidget, path: Path, title: str | None = None,
                   on_printer_failed: Callable[[], None] | None = None) -> QPrintPreviewDialog:
    """A print preview of the PDF at ``path`` (kept alive by its parent while open). Ctrl+P in
    it asks for the printer as its Print button does; Esc closes it."""
    document = QPdfDocument(parent)
    document.load(str(path))
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setDocName(path.name)
    if document.pageCount():  # a landscape PDF (the rota) on landscape paper, not shrunk onto portrait
        first = document.pagePointSize(0)
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if first.width() > first.height()
                                   else QPageLayout.Orientation.Portrait)
    dialog = QPrintPreviewDialog(printer, parent)
    title = title or message("ui_print_title")
    dialog.setWindowTitle(title)
    dialog.setAccessibleName(title)

    def paint(target: QPrinter) -> None:
        if not paint_pdf(document, target) and document.pageCount() and on_printer_failed is not None:
            on_printer_failed()

    dialog.paintRequested.connect(paint)
    dialog.document = document  # the dialog owns what it paints from
    # and the printer: Qt does not own it, and Python would free it when this function returns
    # (the preview then paints on freed memory: the Synk page's preview crashed so)
    dialog.kept_printer = printer
    dialog.print_chooser = None  # the printer dialog Ctrl+P opened (tests look at it)
    QShortcut(QKeySequence(QKeySequence.StandardKey.Print), dialog, lambda: choose_printer(dialog))
    return dialog


def choose_printer(dialog: QPrintPreviewDialog) -> QPrintDialog:
    """The preview's Print, from the keyboard: the printer dialog (not blocking); once it is
    accepted the pages go to the chosen printer and the preview closes."""
    chooser = QPrintDialog(dialog.printer(), dialog)
    dialog.print_chooser = chooser

    def accepted() -> None:
        dialog.findChild(QPrintPreviewWidget).print_()
        dialog.accept()

    chooser.accepted.connect(accepted)
    chooser.finished.connect(lambda _result: chooser.deleteLater())
    QDialog.open(chooser)  # QPrintDialog.open() in PySide wants a receiver; the plain QDialog.open
    return chooser


def print_pdf(parent: QWidget, path: Path, title: str | None = None,
              on_printer_failed: Callable[[], None] | None = None) -> QPrintPreviewDialog:
    """Open the print preview of ``path`` without blocking (window-modal)."""
    dialog = preview_dialog(parent, path, title, on_printer_failed)
    parent.print_dialog = dialog  # tests look at it
    dialog.open()
    return dialog


def has_printer() -> bool:
    return bool(QPrinterInfo.availablePrinterNames())


class PdfPrint(QObject):
    """One print of a PDF made for it: ``render(path)`` writes the PDF in a worker (the same code
    the PDF export runs) into a temporary folder, then the print preview opens. The folder goes
    when the preview closes, or at once when the PDF cannot be made. What happens is said through
    ``show_message`` (the page's message line)."""

    def __init__(self, owner: QWidget, runner, render: Callable[[Path], object], file_name: str, title: str,
                 show_message: Callable[[str], None]) -> None:
        super().__init__(owner)
        self.owner, self.runner, self.render, self.title = owner, runner, render, title
        self.show_message = show_message
        self.file_name = file_name
        self._folder: tempfile.TemporaryDirectory | None = None
        self.path: Path | None = None
        self.dialog: QPrintPreviewDialog | None = None
        self.busy = False
        self._came_from = QApplication.focusWidget()  # where the keyboard goes back to

    def start(self) -> PdfPrint:
        others = self.owner.findChildren(PdfPrint, options=Qt.FindChildOption.FindDirectChildrenOnly)
        if any(other.busy for other in others):
            self.deleteLater()  # one print at a time: its PDF is being made, or its preview is open
            return self
        self.busy = True
        try:
            self._folder = tempfile.TemporaryDirectory(prefix="bpa-print-")  # removed when collected, too
        except OSError as error:
            self._failed(error)
            return self
        self.path = Path(self._folder.name) / self.file_name
        self.show_message(self.tr("Making the PDF for printing…"))
        self.runner.submit(self.render, self.path, on_done=self._made, on_error=self._failed, owner=self.owner)
        return self

    def _made(self, _result) -> None:
        dialog = preview_dialog(self.owner, self.path, self.title, self._printer_failed)
        if dialog.document.status() != QPdfDocument.Status.Ready or not dialog.document.pageCount():
            dialog.document.deleteLater()
            dialog.deleteLater()
            self._done()
            self.show_message(self.tr("The PDF for printing could not be read, so nothing was printed."))
            return
        self.dialog = dialog
        self.owner.print_dialog = dialog  # tests look at it
        dialog.finished.connect(lambda _result: self._closed(dialog))
        self.show_message("" if has_printer() else self.tr(
            "No printer is set up on this computer. The preview shows the pages; to get them on paper, "
            "add a printer in the system settings."))
        dialog.open()

    def _printer_failed(self) -> None:
        self.show_message(self.tr("The printer could not be started, so nothing was printed. Check that it "
                                  "is switched on and connected, then print again."))

    def _failed(self, error: BaseException) -> None:
        from bpa_desktop.atomic_write import FileWriteError
        from bpa_desktop.ui.errors import user_message
        from bpa_desktop.workspace import WorkspaceError

        self._done()
        if isinstance(error, (FileWriteError, WorkspaceError)):
            text = user_message(error)  # the workspace's own sentence, in the user's language
        elif isinstance(error, OSError):
            text = self.tr("The PDF for printing could not be made (%1), so nothing was printed.").replace(
                "%1", error.strerror or type(error).__name__)
        else:
            log.error("The PDF for printing could not be made", exc_info=error)
            text = self.tr("The PDF for printing could not be made, so nothing was printed. Details are in the "
                           "log file.")
        self.show_message(text)

    def _closed(self, dialog: QPrintPreviewDialog) -> None:
        if getattr(self.owner, "print_dialog", None) is dialog:
            self.owner.print_dialog = None
        dialog.document.close()  # the file is let go before its folder is removed
        dialog.document.deleteLater()
        dialog.deleteLater()
        self.dialog = None
        self._done()
        back = self._came_from if self._came_from is not None and shiboken6.isValid(self._came_from) else None
        (back or self.owner).window().activateWindow()
        if back is not None and back.isVisible():
            back.setFocus(Qt.FocusReason.OtherFocusReason)

    def _done(self) -> None:
        self.busy = False
        if self._folder is not None:
            self._folder.cleanup()
        self.deleteLater()
