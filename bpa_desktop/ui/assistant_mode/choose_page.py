"""The first step at the table: the assistant chooses their own name."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from bpa_desktop.ui.pages.base import heading, paragraph
from bpa_desktop.ui.widgets.accessible import buddy_label, button, named


class ChoosePage(QWidget):
    chosen = Signal(object)  # a TableAssistant
    leave = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.assistants: list = []
        self.title = heading(self.tr("Assistant at the table"))
        self.intro = paragraph(self.tr(
            "Choose your name and enter your PIN. You see only your own shifts and your own month; "
            "what you change goes to the arbeidsleder as a proposal."))
        self.names = named(QListWidget(), self.tr("Your name"))
        self.names.setSpacing(4)  # each name an easy target at the table
        self.names.itemActivated.connect(lambda _item: self.choose())
        self.message = paragraph()
        self.message.hide()
        self.continue_button = button(self.tr("&Continue"))
        self.continue_button.clicked.connect(self.choose)
        self.leave_button = button(self.tr("&Leave assistant mode"))
        self.leave_button.clicked.connect(self.leave.emit)
        buttons = QHBoxLayout()
        buttons.addWidget(self.continue_button)
        buttons.addStretch(1)
        buttons.addWidget(self.leave_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addWidget(buddy_label(self.tr("&Who are you?"), self.names))
        layout.addWidget(self.names, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

    def set_assistants(self, assistants: list) -> None:
        self.assistants = list(assistants)
        self.names.clear()
        for assistant in self.assistants:
            item = QListWidgetItem(assistant.display_name)
            item.setData(Qt.ItemDataRole.UserRole, assistant.id)
            self.names.addItem(item)
        if self.assistants:
            self.names.setCurrentRow(0)
        else:
            self.show_message(self.tr("No active assistants in this arrangement."))
        self.continue_button.setEnabled(bool(self.assistants))

    def clear(self) -> None:
        """Until the names are read again: nothing to choose (a stale choice would skip a check)."""
        self.assistants = []
        self.names.clear()
        self.continue_button.setEnabled(False)

    def focus(self) -> None:
        (self.names if self.assistants else self.leave_button).setFocus(Qt.FocusReason.OtherFocusReason)

    def choose(self) -> None:
        row = self.names.currentRow()
        if 0 <= row < len(self.assistants):
            self.chosen.emit(self.assistants[row])

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))
