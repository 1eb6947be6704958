"""Date input with the app's date format and an optional variant for open-ended periods."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from bpa_desktop.ui.formatting import date_format, from_qdate, to_qdate


def make_date_edit(value: date | None = None, parent: QWidget | None = None) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat(date_format())
    edit.setDate(to_qdate(value or date.today()))
    return edit


class OptionalDateEdit(QWidget):
    """A check box ("has an end date") that enables a date edit."""

    changed = Signal()

    def __init__(self, check_text: str, date_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.check = QCheckBox(check_text, self)
        self.check.setAccessibleName(check_text.replace("&", ""))
        self.edit = make_date_edit(parent=self)
        self.edit.setAccessibleName(date_name)
        self.edit.setEnabled(False)
        layout.addWidget(self.check)
        layout.addWidget(self.edit, 1)
        self.check.toggled.connect(self.edit.setEnabled)
        self.check.toggled.connect(self.changed)
        self.edit.dateChanged.connect(self.changed)
        self.setFocusProxy(self.check)

    def value(self) -> date | None:
        return from_qdate(self.edit.date()) if self.check.isChecked() else None

    def set_value(self, value: date | None, default: date | None = None) -> None:
        self.check.setChecked(value is not None)
        self.edit.setDate(to_qdate(value or default or date.today()))
