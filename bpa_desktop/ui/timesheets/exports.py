"""Timelister's files: one timesheet's PDF (saved, or printed through the print preview), the
period's payroll file, and every PDF of a year.

The file dialogs run here, on the GUI thread; the writing runs as jobs (ui/operations/jobs.py):
the single PDF on the read lane, the payroll file and the year's PDFs on the files lane, shown in
the status bar's progress with Cancel. Every file is written whole (``atomic_write``), so a
cancelled batch leaves only complete files. Messages go to the page's message line.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.operations.jobs import FILES
from bpa_desktop.ui.timesheets import data


class SheetExports(QObject):
    """The Timelister page's exports (`page` gives the selection, the period and the message)."""

    def __init__(self, page) -> None:
        super().__init__(page)
        self.page = page
        self.ctx = page.ctx

    def show_message(self, text: str) -> None:
        self.page.show_message(text)

    @staticmethod
    def _documents() -> Path:
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())

    def _pdf_name(self, entry) -> str:
        shown = self.page.view.detail.timesheet if self.page.view else None
        version = shown.version if shown else 1
        return f"timeliste-{entry.assistant.employee_no}-{entry.detail.period.key()}-v{version}.pdf"

    def choose_pdf_file(self) -> None:
        entry = self.page._usable_entry("pdf")
        if entry is None:
            return
        path, _ = QFileDialog.getSaveFileName(self.page, self.tr("Save the timesheet as PDF"),
                                              str(self._documents() / self._pdf_name(entry)),
                                              self.tr("PDF files (*.pdf)"))
        if path:
            self.export_pdf(Path(path))

    def print_pdf(self) -> object | None:  # a PdfPrint
        """The shown version of the selected timesheet in the print preview: the PDF the export
        writes, made in a worker into a temporary file that goes when the preview closes."""
        from bpa_desktop.ui.printing import PdfPrint  # Qt's print modules load when first printing

        entry = self.page._usable_entry("pdf")
        if entry is None:
            return None
        shown = self.page.view.detail.timesheet if self.page.view else None
        ws, assistant_id, period_start = self.ctx.workspace, entry.assistant.id, entry.detail.period.start
        shown_id, today = (shown.id if shown else None), self.page.today
        return PdfPrint(self.page, self.ctx.runner,
                        lambda path: data.write_pdf(ws, assistant_id, period_start, shown_id, path, today),
                        self._pdf_name(entry), self.tr("Print the timesheet"), self.show_message).start()

    def export_pdf(self, path: Path) -> None:
        """Render the shown version of the selected timesheet to `path` in a worker."""
        entry = self.page.current_entry()
        if entry is None:
            return
        shown = self.page.view.detail.timesheet if self.page.view else None
        self.show_message(self.tr("Writing the PDF…"))
        self.ctx.runner.submit(data.write_pdf, self.ctx.workspace, entry.assistant.id,
                               entry.detail.period.start, shown.id if shown else None, path, self.page.today,
                               on_done=lambda written: self.show_message(
                                   self.tr("The timesheet is saved as %1.").replace("%1", str(written))),
                               on_error=self._export_failed, owner=self.page)

    def choose_payroll_file(self) -> None:
        if self.page.data is None:
            return
        visma, plain = self.tr("Visma Lønn import (*.csv)"), self.tr("CSV for spreadsheets (*.csv)")
        name = f"lonn-{self.page.data.period.key()}.csv"
        path, chosen = QFileDialog.getSaveFileName(self.page, self.tr("Save the payroll file"),
                                                   str(self._documents() / name), f"{visma};;{plain}")
        if path:
            self.export_payroll(Path(path), visma=chosen == visma)

    def export_payroll(self, path: Path, visma: bool) -> None:
        """The period's payroll file, as a job on the files lane (cancellable until it writes)."""
        if self.page.data is None:
            return
        self.show_message(self.tr("Writing the payroll file…"))
        ws, arrangement_id, period_start = self.ctx.workspace, self.ctx.arrangement_id, self.page.data.period.start

        def work(progress):
            progress.check()
            return data.write_payroll(ws, arrangement_id, period_start, path, visma)

        self.ctx.jobs.run(self.tr("Writing the payroll file"), work, lane=FILES, visible=True, cancellable=True,
                          on_done=self._payroll_written, on_error=self._export_failed,
                          on_cancelled=lambda: self.show_message(self.tr("Cancelled: no payroll file was written.")))

    def choose_year_folder(self) -> None:
        if self.page.data is None:
            return
        folder = QFileDialog.getExistingDirectory(self.page, self.tr("Folder for the year's timesheet PDFs"),
                                                  str(self._documents()))
        if folder:
            self.export_year(Path(folder))

    def export_year(self, folder: Path) -> None:
        """Every timesheet PDF of the shown period's year into `folder`: a long job with
        progress and Cancel (Ctrl+.); a cancelled batch leaves only whole files."""
        if self.page.data is None:
            return
        ws, arrangement_id, year, today = self.ctx.workspace, self.ctx.arrangement_id, self.page.data.period.end.year, self.page.today
        self.show_message(self.tr("Writing the timesheets of %1…").replace("%1", str(year)))
        self.ctx.jobs.run(
            self.tr("Timesheet PDFs %1").replace("%1", str(year)),
            lambda progress: ws.exports.timesheet_pdfs(arrangement_id, year, folder, printed=today,
                                                       should_stop=lambda: progress.cancelled,
                                                       on_file=progress.update),
            lane=FILES, visible=True, cancellable=True, on_done=self._year_written, on_error=self._export_failed)

    def _year_written(self, result) -> None:
        count, folder = str(len(result.files)), str(result.folder)
        if result.stopped:
            self.show_message(self.tr("Cancelled: %1 timesheets were saved in %2 before that, each of them "
                                      "complete.").replace("%1", count).replace("%2", folder))
        else:
            self.show_message(self.tr("%1 timesheets are saved in %2.").replace("%1", count).replace("%2", folder))

    def _payroll_written(self, result: data.PayrollResult) -> None:
        text = self.tr("The payroll file %1 has %2 lines from %3 attested timesheets.").replace(
            "%1", str(result.path)).replace("%2", str(result.lines)).replace("%3", str(result.timesheets))
        if result.not_attested:
            text += " " + self.tr("Not attested, so not in the file: %1.").replace("%1", ", ".join(result.not_attested))
        self.show_message(text)

    def _export_failed(self, error: BaseException) -> None:
        from bpa_desktop.atomic_write import FileWriteError
        from bpa_desktop.export.payroll import PayrollExportError

        if isinstance(error, PayrollExportError):
            self.show_message(str(error))  # a Norwegian sentence about a pay code or employee number
        elif isinstance(error, OSError) and not isinstance(error, FileWriteError):
            self.show_message(self.tr("The file could not be written: %1").replace("%1", error.strerror or ""))
        else:
            self.show_message(user_message(error))
