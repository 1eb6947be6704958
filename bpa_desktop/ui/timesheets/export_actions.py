"""The Timelister page's exports: the timesheet PDF and the payroll file (the file dialog on
the page, the writing in a worker). A mixin of ``TimesheetsPage``: it uses the page's
``ctx``, ``data``, ``view``, ``today``, ``current_entry``, ``_usable_entry`` and ``show_message``."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths
from PySide6.QtWidgets import QFileDialog

from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.timesheets import data


translate = QCoreApplication.translate  # lupdate reads translate("Context", "text"); the page's context


class TimesheetExports:
    # --- exports (file dialog here, the writing in a worker) ----------------------------------
    @staticmethod
    def _documents() -> Path:
        return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or Path.home())

    def choose_pdf_file(self) -> None:
        entry = self._usable_entry("pdf")
        if entry is None:
            return
        shown = self.view.detail.timesheet if self.view else None
        version = shown.version if shown else 1
        name = f"timeliste-{entry.assistant.employee_no}-{entry.detail.period.key()}-v{version}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, translate("TimesheetsPage", "Save the timesheet as PDF"),
                                              str(self._documents() / name), translate("TimesheetsPage", "PDF files (*.pdf)"))
        if path:
            self.export_pdf(Path(path))

    def export_pdf(self, path: Path) -> None:
        """Render the shown version of the selected timesheet to `path` in a worker."""
        entry = self.current_entry()
        if entry is None:
            return
        shown = self.view.detail.timesheet if self.view else None
        self.show_message(translate("TimesheetsPage", "Writing the PDF…"))
        self.ctx.runner.submit(data.write_pdf, self.ctx.workspace, entry.assistant.id,
                               entry.detail.period.start, shown.id if shown else None, path, self.today,
                               on_done=lambda written: self.show_message(
                                   translate("TimesheetsPage", "The timesheet is saved as %1.").replace("%1", str(written))),
                               on_error=self._export_failed, owner=self)

    def choose_payroll_file(self) -> None:
        if self.data is None:
            return
        visma, plain = translate("TimesheetsPage", "Visma Lønn import (*.csv)"), translate("TimesheetsPage", "CSV for spreadsheets (*.csv)")
        name = f"lonn-{self.data.period.key()}.csv"
        path, chosen = QFileDialog.getSaveFileName(self, translate("TimesheetsPage", "Save the payroll file"),
                                                   str(self._documents() / name), f"{visma};;{plain}")
        if path:
            self.export_payroll(Path(path), visma=chosen == visma)

    def export_payroll(self, path: Path, visma: bool) -> None:
        if self.data is None:
            return
        self.show_message(translate("TimesheetsPage", "Writing the payroll file…"))
        self.ctx.runner.submit(data.write_payroll, self.ctx.workspace, self.ctx.arrangement_id,
                               self.data.period.start, path, visma,
                               on_done=self._payroll_written, on_error=self._export_failed, owner=self)

    def _payroll_written(self, result: data.PayrollResult) -> None:
        text = translate("TimesheetsPage", "The payroll file %1 has %2 lines from %3 attested timesheets.").replace(
            "%1", str(result.path)).replace("%2", str(result.lines)).replace("%3", str(result.timesheets))
        if result.not_attested:
            text += " " + translate("TimesheetsPage", "Not attested, so not in the file: %1.").replace("%1", ", ".join(result.not_attested))
        self.show_message(text)

    def _export_failed(self, error: BaseException) -> None:
        from bpa_desktop.atomic_write import FileWriteError
        from bpa_desktop.export.payroll import PayrollExportError

        if isinstance(error, PayrollExportError):
            self.show_message(str(error))  # a Norwegian sentence about a pay code or employee number
        elif isinstance(error, OSError) and not isinstance(error, FileWriteError):
            self.show_message(translate("TimesheetsPage", "The file could not be written: %1").replace("%1", error.strerror or ""))
        else:
            self.show_message(user_message(error))
