"""Chooses which arrangement (ordning) the window shows; a leader may have several."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QSizePolicy, QWidget

from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.widgets.accessible import buddy_label, button

if TYPE_CHECKING:
    from bpa_desktop.core.model import Arrangement


class ArrangementSwitcher(QWidget):
    new_requested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.combo = QComboBox()
        self.combo.setAccessibleName(self.tr("Arrangement"))
        self.combo.setAccessibleDescription(self.tr("Which arrangement the pages show"))
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMinimumContentsLength(16)
        self.combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        label = buddy_label(self.tr("Arran&gement:"), self.combo)
        self.new_button = button(self.tr("Ne&w arrangement…"), "Ctrl+Shift+N",
                                 self.tr("Set up another arrangement with its vedtak and assistants"))
        self.new_button.clicked.connect(self.new_requested)
        layout.addWidget(label)
        layout.addWidget(self.combo)
        layout.addWidget(self.new_button)
        layout.addStretch(1)
        self._filling = False
        self.combo.currentIndexChanged.connect(self._chosen)
        ctx.arrangements_changed.connect(self._fill)
        ctx.arrangement_changed.connect(self._show_current)

    def _fill(self, arrangements: list[Arrangement]) -> None:
        self._filling = True
        self.combo.clear()
        for arrangement in arrangements:
            self.combo.addItem(arrangement.name, arrangement.id)
        self.combo.setEnabled(bool(arrangements))
        self._filling = False
        self._show_current(self.ctx.arrangement)

    def _show_current(self, arrangement: Arrangement | None) -> None:
        self._filling = True
        self.combo.setCurrentIndex(self.combo.findData(arrangement.id) if arrangement else -1)
        self._filling = False

    def _chosen(self, index: int) -> None:
        if not self._filling and index >= 0:
            self.ctx.select_arrangement_id(self.combo.itemData(index))
