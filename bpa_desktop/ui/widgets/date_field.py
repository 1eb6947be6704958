"""Date input with the app's date format and an optional variant for open-ended periods."""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from bpa_desktop.ui.formatting import date_format, from_qdate, to_qdate

_SEPARATORS = frozenset("./-")
_LEAVE_KEYS = (Qt.Key.Key_Tab, Qt.Key.Key_Backtab)
_FROM_KEYBOARD = (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                  Qt.FocusReason.ShortcutFocusReason)


class DateEdit(QDateEdit):
    """A QDateEdit a person can type a whole date into, "02.11.2026", as written.

    Qt's own moves to the next section when one is full and then takes the typed "." as a move
    to the one after (02.11.2026 became 02.12.1120), and clamps a day the month in between
    cannot have (29.02.2028 typed over December became 28.02.). Here a separator right after
    such a move is swallowed, and what was typed, read whole when typing ends, is the date.
    Tab leaves the field at once (Qt's walks its three sections first). ``committed``
    says the date is chosen: when typing ends (Tab, Enter, focus leaves) or at once for a pick in
    the calendar or a value set by the program, so a field that corrects its date (a Monday) never
    rewrites what is being typed."""

    committed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._typing = False
        self._just_moved = False
        self._typed: str | None = ""  # the digits and separators typed; None once other keys edit
        self.dateChanged.connect(self._changed)
        self.editingFinished.connect(self._finished)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt's name)
        if event.key() in _LEAVE_KEYS and not event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.interpretText()
            forward = event.key() == Qt.Key.Key_Tab and not event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            QWidget.focusNextPrevChild(self, forward)
            return
        if event.text() in _SEPARATORS and event.text() and self._just_moved:
            self._just_moved = False
            return
        section = self.currentSectionIndex()
        if event.key() not in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Escape):
            self._typing = True
            text = event.text()
            if self._typed is not None and text and (text.isdigit() or text in _SEPARATORS):
                self._typed += text
            elif event.key() != Qt.Key.Key_Shift:
                self._typed = None
        super().keyPressEvent(event)
        self._just_moved = event.text().isdigit() and self.currentSectionIndex() != section

    def _changed(self) -> None:
        if not self._typing:
            self.committed.emit()

    def focusInEvent(self, event) -> None:  # noqa: N802 (Qt's name)
        self._typed = ""
        super().focusInEvent(event)
        if event.reason() in _FROM_KEYBOARD:  # typing starts at the first part, whichever way in
            self.setCurrentSectionIndex(0)
            self.setSelectedSection(self.sectionAt(0))

    def _finished(self) -> None:
        if self._typing:
            typed = self.typed_date()
            if typed is not None and typed != self.date():
                self.setDate(typed)  # still typing: dateChanged, but no second commit
            self._typing = False
            self._just_moved = False
            self._typed = ""
            self.committed.emit()

    def typed_date(self) -> QDate | None:
        """The date typed since the field got focus, read in the display format's order
        (day.month.year or year-month-day, with separators or as 8 digits); None if it is none."""
        if not self._typed:
            return None
        order = sorted("dMy", key=self.displayFormat().find)
        parts = [p for p in re.split(r"[./-]", self._typed) if p]
        if len(parts) == 1 and len(parts[0]) == 8:
            widths = [4 if field == "y" else 2 for field in order]
            digits, parts = parts[0], []
            for width in widths:
                parts.append(digits[:width])
                digits = digits[width:]
        if len(parts) != 3:
            return None
        values = dict(zip(order, (int(p) for p in parts)))
        if values["y"] < 1000:
            return None
        typed = QDate(values["y"], values["M"], values["d"])
        return typed if typed.isValid() else None


def make_date_edit(value: date | None = None, parent: QWidget | None = None) -> DateEdit:
    edit = DateEdit(parent)
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
