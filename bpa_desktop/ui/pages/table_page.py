"""A page with a record table and Add / Edit / End buttons (Assistenter, Vedtak)."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog, QHBoxLayout, QWidget

from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.errors import show_error
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import OpRunner
from bpa_desktop.ui.pages.base import Page, paragraph
from bpa_desktop.ui.reports.table_model import read_only_table
from bpa_desktop.ui.widgets.accessible import button


class TablePage(Page):
    changes: Changes = Changes()  # what this page's dialogs change (their saves are write operations)

    def __init__(self, ctx: AppContext, model: QAbstractTableModel, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.model = model
        self.message = paragraph()
        self.message.hide()
        self.layout_.addWidget(self.message)

        self.table = read_only_table(model, "", self)  # the subclass names it; Tab leaves it for the buttons
        # Enter and double-click both "activate" a row: open it for editing
        self.table.activated.connect(lambda _index: self.edit_selected())

        self.add_button = button(self.add_text(), QKeySequence.StandardKey.New)
        self.edit_button = button(self.edit_text(), "Ctrl+E")
        self.end_button = button(self.end_text(), "Ctrl+Shift+E")
        self.add_button.clicked.connect(self.add_new)
        self.edit_button.clicked.connect(self.edit_selected)
        self.end_button.clicked.connect(self.end_selected)
        self.buttons = QHBoxLayout()
        for each in (self.add_button, self.edit_button, self.end_button):
            self.buttons.addWidget(each)
        self.buttons.addStretch(1)
        self.layout_.addLayout(self.buttons)
        self.layout_.addWidget(self.table, 1)
        self.tab_chain(self.add_button, self.edit_button, self.end_button)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()
        self.dialog: QDialog | None = None  # the open dialog (tests look at it)

    # texts and actions the subclasses give
    def add_text(self) -> str:
        raise NotImplementedError

    def edit_text(self) -> str:
        raise NotImplementedError

    def end_text(self) -> str:
        raise NotImplementedError

    def add_new(self) -> None:
        raise NotImplementedError

    def edit_selected(self) -> None:
        raise NotImplementedError

    def end_selected(self) -> None:
        raise NotImplementedError

    def can_end(self, row: int) -> bool:
        return True

    # shared behaviour
    def selected_row(self) -> int:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index, QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            )

    def _update_buttons(self) -> None:
        has_arrangement = self.ctx.arrangement is not None
        row = self.selected_row()
        self.add_button.setEnabled(has_arrangement)
        self.edit_button.setEnabled(row >= 0)
        self.end_button.setEnabled(row >= 0 and self.can_end(row))

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def load_failed(self, error: BaseException) -> None:
        self.finish_loading()
        show_error(self, error)

    def writes(self) -> OpRunner:
        """What the page's dialogs save through: write operations that report `changes` (this
        page and the others that show them reload)."""
        return OpRunner(self.ctx, self.changes)

    def open_dialog(self, dialog: QDialog) -> None:
        """Open a window-modal dialog; afterwards the keyboard user carries on in the list."""
        open_single(self, dialog, lambda _result: None)  # the focus goes back where it was

    def tab_chain(self, *controls: QWidget) -> None:
        """Tab visits `controls` in this order (reading order: they are above the table), then the
        table. Qt 6 does not move a table (its chain holds its headers and scroll bars) with
        setTabOrder, so the table is put back in its place in the layout, which puts it last in
        the page's focus chain, and the controls are ordered among themselves before it."""
        index = self.layout_.indexOf(self.table)
        stretch = self.layout_.stretch(index)
        self.layout_.removeWidget(self.table)
        self.table.setParent(None)
        self.table.setParent(self)
        self.layout_.insertWidget(index, self.table, stretch)
        self.table.show()
        for before, after in zip(controls, controls[1:]):
            QWidget.setTabOrder(before, after)

    def main_control(self) -> QWidget:
        return self.table

    def after_reset(self, keep_id: int | None) -> None:
        """Select the row that was selected (or the first), update the buttons."""
        row = self.model.row_of(keep_id)  # type: ignore[attr-defined]
        self.select_row(row if row >= 0 else 0)
        self._update_buttons()
