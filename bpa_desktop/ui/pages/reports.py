"""Rapporter: cost per month, sick leave and absence, planned vs worked vs vedtak; each as a
chart and a table (the same figures) and exportable to CSV. Parts live in bpa_desktop/ui/reports/."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QSpinBox,
    QSplitter,
    QWidget,
)

from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.pages.base import Page, paragraph
from bpa_desktop.ui.reports.charts import bar_chart, chart_view, show_chart
from bpa_desktop.ui.reports.report_data import (
    Report,
    build_report,
    read_report,
    report_names,
    write_report_csv,
)
from bpa_desktop.ui.reports.table_model import TextTableModel, read_only_table
from bpa_desktop.ui.widgets.accessible import buddy_label, button, named

FIRST_YEAR = 2000


class ReportsPage(Page):
    page_id = "rapporter"
    listens = Changes.of("timesheets", "calendar", "rota", "assistants", "vedtak", "arrangements", "pay_settings")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = date.today()
        self.report: Report | None = None
        self.choice = named(QComboBox(), self.tr("Report"))
        for key, text in report_names().items():
            self.choice.addItem(text, key)
        self.choice.activated.connect(lambda _index: self.reload())
        self.year = named(QSpinBox(), self.tr("Year"))
        self.year.setRange(FIRST_YEAR, self.today.year + 1)
        self.year.setValue(self.today.year)
        self.year.valueChanged.connect(lambda _value: self.reload())
        self.export_button = button(self.tr("E&xport CSV…"), "Ctrl+E", self.tr("Save the table as a CSV file"))
        self.export_button.clicked.connect(self.choose_csv_file)
        controls = QHBoxLayout()
        for text, widget in ((self.tr("&Report"), self.choice), (self.tr("&Year"), self.year)):
            controls.addWidget(buddy_label(text, widget))
            controls.addWidget(widget)
        controls.addWidget(self.export_button)
        controls.addStretch(1)
        self.layout_.addLayout(controls)
        self.note = paragraph()
        self.layout_.addWidget(self.note)
        self.message = paragraph()
        self.message.hide()
        self.layout_.addWidget(self.message)
        self.chart = chart_view(self.tr("Chart of the report"))
        self.model = TextTableModel(self)
        self.table = read_only_table(self.model, self.tr("Report table"))
        self.splitter = splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.layout_.addWidget(splitter, 1)

    def title(self) -> str:
        return self.tr("Reports")

    @property
    def kind(self) -> str:
        return self.choice.currentData()

    def choose(self, kind: str, year: int | None = None) -> None:
        """Show a report (tests and other pages)."""
        self.choice.setCurrentIndex(self.choice.findData(kind))
        if year is not None and year != self.year.value():
            self.year.setValue(year)  # reloads
        else:
            self.reload()

    def load(self) -> None:
        arrangement_id = self.ctx.arrangement_id
        self.setEnabled(arrangement_id is not None)
        if arrangement_id is None:
            self.report = None
            self.model.set_table([], [])
            self.finish_loading()
            return
        kind, year = self.kind, self.year.value()
        self.ctx.runner.submit(read_report, self.ctx.workspace, arrangement_id, kind, year,
                               on_done=lambda figures: self._show(kind, year, figures), on_error=self._failed,
                               owner=self)

    def _failed(self, error: BaseException) -> None:
        self.show_message(user_message(error))
        self.finish_loading()

    def _show(self, kind: str, year: int, figures) -> None:
        if (kind, year) != (self.kind, self.year.value()):
            return  # another report was chosen meanwhile; its own read is on the way
        report = build_report(kind, figures, year)
        self.report = report
        self.model.set_table(report.headers, report.rows, numeric=report.numeric, strong=report.total_rows)
        height = max(self.splitter.height(), 400)
        self.splitter.setSizes([height * 11 // 20, height * 9 // 20])
        show_chart(self.chart, bar_chart(report.title, report.categories, report.series, stacked=report.stacked,
                                         unit=report.unit),
                   self.tr("The same figures are in the table below the chart."))
        self.note.setText(report.note)
        self.note.setAccessibleName(report.note)
        self.show_message("")
        self.finish_loading()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    # --- CSV export -----------------------------------------------------------------------------
    def choose_csv_file(self) -> None:
        if self.report is None:
            return
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation) or str(Path.home())
        name = f"{self.report.kind}-{self.year.value()}.csv"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the report as CSV"), str(Path(folder) / name),
                                              self.tr("CSV files (*.csv)"))
        if path:
            self.export_csv(Path(path))

    def export_csv(self, path: Path) -> None:
        """Write the shown table to `path` in a worker."""
        if self.report is None:
            return
        self.ctx.runner.submit(write_report_csv, self.report, path,
                               on_done=lambda written: self.show_message(
                                   self.tr("The report is saved as %1.").replace("%1", str(written))),
                               on_error=self._export_failed, owner=self)

    def _export_failed(self, error: BaseException) -> None:
        from bpa_desktop.atomic_write import FileWriteError

        if isinstance(error, OSError) and not isinstance(error, FileWriteError):
            self.show_message(self.tr("The file could not be written: %1").replace("%1", error.strerror or ""))
        else:
            self.show_message(user_message(error))
