"""The PIN step: set it twice on first use, or enter it (a wrong PIN says how many tries are
left; a locked PIN says to ask the arbeidsleder). The check itself runs in the dialog's worker."""

from __future__ import annotations

from PySide6.QtCore import QRegularExpression, Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from bpa_desktop.ui.pages.base import heading, paragraph
from bpa_desktop.ui.widgets.accessible import buddy_label, button, named

PIN_MIN, PIN_MAX = 4, 8


def _pin_field(name: str) -> QLineEdit:
    field = named(QLineEdit(), name)
    field.setEchoMode(QLineEdit.EchoMode.Password)
    field.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,8}"), field))
    field.setMaxLength(PIN_MAX)
    field.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly | Qt.InputMethodHint.ImhSensitiveData)
    return field


class PinPage(QWidget):
    set_pin = Signal(str)  # first use: the new PIN, typed twice alike
    check_pin = Signal(str)
    back = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.first_use = False
        self.title = heading("")
        self.intro = paragraph()
        self.pin = _pin_field(self.tr("PIN"))
        self.again = _pin_field(self.tr("PIN again"))
        self.again_label = buddy_label(self.tr("PIN &again"), self.again)
        self.pin.returnPressed.connect(self._pin_entered)
        self.again.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&PIN"), self.pin), self.pin)
        form.addRow(self.again_label, self.again)
        self.message = paragraph()
        self.message.hide()
        self.ok_button = button(self.tr("&OK"))
        self.ok_button.clicked.connect(self.submit)
        self.back_button = button(self.tr("&Back"))
        self.back_button.clicked.connect(self.back.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.ok_button)
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        layout.addLayout(buttons)

    def start(self, name: str, first_use: bool) -> None:
        self.first_use = first_use
        self.pin.clear()
        self.again.clear()
        self.pin.setEnabled(True)
        self.ok_button.setEnabled(True)
        self.show_message("")
        self._set(self.title, self.tr("Hello, %1").replace("%1", name))
        if first_use:
            self._set(self.intro, self.tr(
                "Choose a PIN of 4 to 8 digits that only you know, and type it twice. You enter it each time "
                "you use the app at the table."))
        else:
            self._set(self.intro, self.tr("Enter your PIN."))
        self.again.setVisible(first_use)
        self.again_label.setVisible(first_use)
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def _pin_entered(self) -> None:
        if self.first_use:
            self.again.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            self.submit()

    def submit(self) -> None:
        pin = self.pin.text()
        if not PIN_MIN <= len(pin) <= PIN_MAX or not pin.isdigit():
            self.show_message(self.tr("A PIN has 4 to 8 digits."))
            self.pin.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        if self.first_use:
            if self.again.text() != pin:
                self.show_message(self.tr("The two PINs are not the same. Type it twice alike."))
                self.again.clear()
                self.again.setFocus(Qt.FocusReason.OtherFocusReason)
                return
            self.set_busy(True)
            self.set_pin.emit(pin)
        else:
            self.set_busy(True)
            self.check_pin.emit(pin)

    def set_busy(self, busy: bool) -> None:
        self.ok_button.setEnabled(not busy)

    def wrong(self, tries_left: int | None) -> None:
        self.set_busy(False)
        self.pin.clear()
        if tries_left is None:
            self.show_message(self.tr("Wrong PIN."))
        elif tries_left == 1:
            self.show_message(self.tr("Wrong PIN. 1 try left before it is locked."))
        else:
            self.show_message(self.tr("Wrong PIN. %1 tries left before it is locked.").replace("%1", str(tries_left)))
        self.pin.setFocus(Qt.FocusReason.OtherFocusReason)

    def locked(self) -> None:
        self.set_busy(False)
        self.pin.clear()
        self.pin.setEnabled(False)
        self.ok_button.setEnabled(False)
        self.show_message(self.tr("Your PIN is locked after too many wrong tries. Ask the arbeidsleder to reset it."))
        self.back_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_message(self, text: str) -> None:
        self._set(self.message, text)

    @staticmethod
    def _set(label, text: str) -> None:
        label.setText(text)
        label.setAccessibleName(text)
        label.setVisible(bool(text))
