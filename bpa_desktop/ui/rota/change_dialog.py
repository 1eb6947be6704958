"""Asks why a single shift is changed (swap, substitute, extra, cancel) and, where needed,
who takes it or which shift code. The reason is required."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from bpa_desktop.ui.plain import text_label
from bpa_desktop.ui.widgets.form import ValidatedForm


class ChangeForm(ValidatedForm):
    def __init__(self, prompt: str, choice_label: str | None, choices: list[tuple[str, object]]) -> None:
        super().__init__()
        text = text_label(prompt)
        text.setWordWrap(True)
        self.layout_.addRow(text)
        self.choice: QComboBox | None = None
        if choice_label:
            self.choice = QComboBox()
            for label, value in choices:
                self.choice.addItem(label, value)
            self.add_field("choice", choice_label, self.choice)
        self.reason = self.add_field("reason", self.tr("&Reason"), QLineEdit(),
                                     self.tr("Shown in the calendar and kept with the change"))


class ChangeDialog(QDialog):
    """`value()` -> (choice or None, reason) after accept."""

    def __init__(self, title: str, prompt: str, choice_label: str | None = None,
                 choices: list[tuple[str, object]] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.form = ChangeForm(prompt, choice_label, choices or [])
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setAccessibleName(self.tr("OK"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def _accept(self) -> None:
        if not self.form.reason.text().strip():
            self.form.show_errors({"reason": self.tr("Say why the shift is changed.")})
            return
        self.accept()

    def value(self) -> tuple[object, str]:
        choice = self.form.choice.currentData() if self.form.choice is not None else None
        return choice, self.form.reason.text().strip()
