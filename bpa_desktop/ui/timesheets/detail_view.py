"""The selected timesheet: status and lock, its days, pay lines and history (read-only)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QComboBox, QFrame, QHBoxLayout, QLabel, QTabWidget, QVBoxLayout, QWidget

from bpa_desktop.ui.formatting import format_number
from bpa_desktop.ui.pages.base import heading, paragraph
from bpa_desktop.ui.reports.table_model import TextTableModel, keep_fitted, read_only_table
from bpa_desktop.ui.timesheets.data import SheetView, is_locked
from bpa_desktop.ui.timesheets.labels import confirmation_text, status_label
from bpa_desktop.ui.timesheets.rows import Table, corrected_marker, day_table, history_table, hours_text, pay_line_table

DAY_WRAPPING = (7, 9, 10)  # Supplement hours, Absence, Comment (rows.day_table)
from bpa_desktop.ui.widgets.accessible import buddy_label, named, named_tabs


def fill(model: TextTableModel, table: Table) -> None:
    model.set_table(table.headers, table.rows, numeric=table.numeric, objects=table.objects,
                    strong=table.strong, muted=table.muted)


class LockBanner(QFrame):
    """A framed notice that the sheet is attested and locked (text, not colour alone)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.Box)
        self.setLineWidth(2)
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, palette.color(QPalette.ColorRole.AlternateBase))
        self.setPalette(palette)
        self.label = paragraph()
        font = self.label.font()
        font.setBold(True)
        self.label.setFont(font)
        layout = QHBoxLayout(self)
        layout.addWidget(self.label, 1)

    def set_text(self, text: str) -> None:
        self.label.setText(text)
        self.label.setAccessibleName(text)
        self.setAccessibleName(text)


class DetailView(QWidget):
    version_chosen = Signal(int)  # a timesheet id of this period

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view: SheetView | None = None
        self.title = heading("", 1.2)
        self.state = paragraph()
        self.banner = LockBanner()
        self.banner.hide()
        self.version = named(QComboBox(), self.tr("Version"))
        self.version_label = buddy_label(self.tr("Show &version"), self.version)
        self.version.activated.connect(self._version_activated)

        self.days_model, self.lines_model, self.history_model = TextTableModel(self), TextTableModel(self), \
            TextTableModel(self)
        self.days = read_only_table(self.days_model, self.tr("Days of the timesheet"))
        self.lines = read_only_table(self.lines_model, self.tr("Pay lines"))
        self.history = read_only_table(self.history_model, self.tr("Status history"))
        # planned times, supplement hours, absence and comment wrap; dates and hours show whole
        keep_fitted(self.days, DAY_WRAPPING)
        self.lines_total = paragraph()
        lines_tab = QWidget()
        lines_layout = QVBoxLayout(lines_tab)
        lines_layout.addWidget(self.lines, 1)
        lines_layout.addWidget(self.lines_total)
        self.tabs = named_tabs(QTabWidget(), self.tr("Timesheet details"))
        self.tabs.addTab(self.days, self.tr("Da&ys"))
        self.tabs.addTab(lines_tab, self.tr("Pay &lines"))
        self.tabs.addTab(self.history, self.tr("H&istory"))

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.version_label)
        top.addWidget(self.version)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.banner)
        layout.addWidget(self.tabs, 1)
        self.clear("")

    @property
    def locked(self) -> bool:
        sheet = self.view.detail.timesheet if self.view else None
        return sheet is not None and is_locked(sheet.status)

    def clear(self, text: str) -> None:
        self.view = None
        self._set_label(self.title, text)
        self._set_label(self.state, "")
        self.banner.hide()
        self.version_label.hide()
        self.version.hide()
        for model in (self.days_model, self.lines_model, self.history_model):
            model.set_table([], [])
        self.lines_total.clear()

    def show_view(self, name: str, view: SheetView) -> None:
        self.view = view
        detail = view.detail
        sheet = detail.timesheet
        self._set_label(self.title, self.tr("%1 – %2").replace("%1", name).replace("%2", detail.period.label()))
        parts = [self.tr("Status: %1").replace("%1", status_label(sheet.status if sheet else None))]
        if sheet is None:
            parts.append(self.tr("nothing stored yet: the planned shifts count until something is registered"))
        else:
            parts.append(self.tr("version %1").replace("%1", str(sheet.version)))
        if detail.replaces_version is not None:
            parts.append(self.tr("%1: replaces version %2 (%3)").replace("%1", corrected_marker()).replace(
                "%2", str(detail.replaces_version)).replace("%3", sheet.correction_reason))
        if view.confirmation is not None:
            parts.append(confirmation_text(view.confirmation))
        parts.append(self.tr("%1 hours, of which %2 passive").replace("%1", hours_text(detail.total_hours)).replace(
            "%2", hours_text(detail.passive_hours)))
        self._set_label(self.state, " · ".join(parts))
        if self.locked:
            text = self.tr("Locked: this timesheet is attested and cannot be changed. To change it, make a "
                           "correction (Ctrl+K): a new version that is attested again.")
            if view.verified is False:
                text += " " + self.tr("Warning: the stored content no longer matches its checksum.")
            self.banner.set_text(text)
            self.banner.show()
        else:
            self.banner.hide()
        self._show_versions(view)
        fill(self.days_model, day_table(detail, view.names, view.absence_lines))
        fill(self.lines_model, pay_line_table(detail.pay_lines))
        fill(self.history_model, history_table(view.history, detail))
        amounts = [line.hours * line.rate for line in detail.pay_lines if line.rate is not None]
        total = self.tr("Sum of priced lines: %1 kr").replace("%1", format_number(round(sum(amounts), 2), 2)) \
            if amounts else self.tr("No rates entered: amounts are not calculated.")
        self._set_label(self.lines_total, total)

    def current_day(self):
        """The day of the day row the user is on (None when the days table has no current row)."""
        index = self.days.currentIndex()
        if not index.isValid() or not self.view:
            return None
        row = self.days_model.row_object(index.row())  # a row, or the date of a day of absence only
        return getattr(row, "day", row)

    def select_day(self, day) -> None:
        """Make the first row of ``day`` the current one and focus the days table."""
        for index in range(self.days_model.rowCount()):
            row = self.days_model.row_object(index)
            if getattr(row, "day", row) == day:
                self.tabs.setCurrentWidget(self.days)
                self.days.selectRow(index)
                self.days.setFocus(Qt.FocusReason.OtherFocusReason)
                return

    def _show_versions(self, view: SheetView) -> None:
        versions = view.detail.versions
        self.version.blockSignals(True)
        self.version.clear()
        for sheet in reversed(versions):
            self.version.addItem(self.tr("Version %1 (%2)").replace("%1", str(sheet.version)).replace(
                "%2", status_label(sheet.status)), sheet.id)
        current = view.detail.timesheet
        if current is not None:
            self.version.setCurrentIndex(max(0, self.version.findData(current.id)))
        self.version.blockSignals(False)
        several = len(versions) > 1
        self.version.setVisible(several)
        self.version_label.setVisible(several)

    def _version_activated(self, _index: int) -> None:
        chosen = self.version.currentData()
        if chosen is not None:
            self.version_chosen.emit(int(chosen))

    @staticmethod
    def _set_label(label: QLabel, text: str) -> None:
        label.setText(text)
        label.setAccessibleName(text)
        label.setVisible(bool(text))
