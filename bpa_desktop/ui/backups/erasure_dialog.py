"""Personvern: erase the personal data of an assistant who has left, once the payroll records'
retention time is over (ws.data_rights). Lists the ended assistants with the first day their
data may be erased; the button is live only for those whose day has come."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import (
    QAbstractItemView, QDialog, QHBoxLayout, QLabel, QMessageBox, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget,
)

from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.formatting import format_date
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.widgets.accessible import button


def ended_assistants(ws, arrangement_id: int) -> list[tuple[object, date | None]]:
    """(assistant, erasable from) for each assistant with an end date: runs in a worker."""
    return [(a, ws.data_rights.erasable_from(a.id)) for a in ws.people.list_assistants(arrangement_id)
            if a.end_date is not None]


class ErasureDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.rows: list = []
        self.setWindowTitle(self.tr("Erase personal data"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr(
            "Payroll records must be kept for five years after the end of the year of the last payroll. "
            "After that, an assistant who has left can have the name, employee number and comments erased. "
            "Hours and attested timesheets stay, without the name."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Assistant"), self.tr("Left"), self.tr("Can be erased from")])
        self.table.setAccessibleName(self.tr("Assistants who have left"))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table, 1)
        self.status = QLabel()
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        row = QHBoxLayout()
        self.erase_button = button(self.tr("&Erase the chosen assistant's personal data…"))
        self.erase_button.clicked.connect(self.ask_erase)
        self.close_button = button(self.tr("&Close"))
        self.close_button.clicked.connect(self.reject)
        row.addWidget(self.erase_button)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.resize(760, 380)
        self.reload()

    def reload(self) -> None:
        self.erase_button.setEnabled(False)
        if self.ctx.arrangement_id is None:
            return
        self.ctx.runner.submit(ended_assistants, self.ctx.workspace, self.ctx.arrangement_id, on_done=self._show,
                               on_error=self._failed, owner=self)

    def _show(self, rows) -> None:
        self.rows = rows
        self.table.setRowCount(len(rows))
        for index, (assistant, erasable) in enumerate(rows):
            for column, text in enumerate((assistant.name, format_date(assistant.end_date), format_date(erasable))):
                self.table.setItem(index, column, QTableWidgetItem(text))
        if not rows:
            self.status.setText(self.tr("No assistant has left."))
        else:
            self.table.selectRow(0)

    def chosen(self):
        selected = self.table.selectionModel().selectedRows()
        return self.rows[selected[0].row()] if selected else None

    def _selection_changed(self) -> None:
        chosen = self.chosen()
        self.erase_button.setEnabled(chosen is not None and chosen[1] is not None and chosen[1] <= self.today)

    def ask_erase(self) -> None:
        chosen = self.chosen()
        if chosen is None:
            return
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Erase personal data?"), self.tr(
            "%1's name, employee number and comments are erased for good. This cannot be undone.")
            .replace("%1", chosen[0].name), parent=self)
        go = box.addButton(self.tr("Erase"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is go:
            self.erase(chosen[0].id)

    def erase(self, assistant_id: int) -> None:
        self.ctx.runner.submit(self.ctx.workspace.data_rights.erase_assistant, assistant_id, today=self.today,
                               on_done=self._erased, on_error=self._failed, owner=self)

    def _erased(self, _none) -> None:
        self.status.setText(self.tr("The personal data is erased."))
        self.ctx.broadcast(Changes(assistants=True, timesheets=True))
        self.reload()

    def _failed(self, error: BaseException) -> None:
        self.status.setText(user_message(error))
