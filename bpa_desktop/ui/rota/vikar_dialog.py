"""«Finn vikar»: who can take a shift (someone is sick) or a gap in the need (a cancelled
shift), best first: no new error, the warnings each would add, their hours that week against
their contract. Enter gives the shift to the chosen one with the reason (``ws.planner``:
one stored change, as every vikar cover is). The search runs in a worker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox, QDialog, QDialogButtonBox, QLabel, QLineEdit, QTreeWidget, QTreeWidgetItem, QVBoxLayout,
    QWidget,
)

from bpa_desktop.core.model import Shift
from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.formatting import format_number
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import WriteOp
from bpa_desktop.ui.widgets.accessible import buddy_label, named


class VikarDialog(QDialog):
    """``gaps``: the shifts to fill (one planned shift, or the need gaps of a day);
    ``describe(shift)`` says which one in words. ``given`` is the saved shift after Enter."""

    def __init__(self, ctx, gaps: list, describe, reason: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.describe = describe
        self.gaps = list(gaps)
        self.search = None
        self.given = None
        self.setWindowTitle(self.tr("Find a substitute"))
        self.setAccessibleName(self.tr("Find a substitute"))
        self.which = named(QComboBox(), self.tr("Shift to fill"))
        for gap in self.gaps:
            self.which.addItem(describe(gap))
        self.which.currentIndexChanged.connect(self._search)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.candidates = QTreeWidget()
        self.candidates.setRootIsDecorated(False)
        self.candidates.setHeaderLabels([self.tr("Assistant"), self.tr("Hours that week"), self.tr("New warnings")])
        named(self.candidates, self.tr("Who can take it"),
              self.tr("Best first: no new error, fewest new warnings, most room in the contract. Enter gives the shift"))
        self.candidates.itemActivated.connect(lambda *_: self.give())
        self.refused = named(QTreeWidget(), self.tr("Who cannot take it"))
        self.refused.setRootIsDecorated(False)
        self.refused.setHeaderLabels([self.tr("Assistant"), self.tr("Why not")])
        # a line is too narrow for the sentences: the chosen one's are spelled out below its list
        self.details = QLabel()
        self.details.setWordWrap(True)
        self.refused_details = QLabel()
        self.refused_details.setWordWrap(True)
        self.candidates.currentItemChanged.connect(lambda item, _: self._detail(self.details, self.candidates, item, 2))
        self.refused.currentItemChanged.connect(lambda item, _: self._detail(self.refused_details, self.refused, item, 1))
        self.reason = named(QLineEdit(reason), self.tr("Reason"), self.tr("Kept with the change"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.give_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.give_button.setText(self.tr("&Give the shift"))
        self.give_button.setAccessibleName(self.tr("Give the shift"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setAccessibleName(self.tr("Cancel"))
        buttons.accepted.connect(self.give)
        buttons.rejected.connect(self.reject)
        self.give_button.setEnabled(False)
        layout = QVBoxLayout(self)
        if len(self.gaps) > 1:
            layout.addWidget(buddy_label(self.tr("&Shift to fill"), self.which))
            layout.addWidget(self.which)
        else:
            self.which.hide()
            layout.addWidget(QLabel(describe(self.gaps[0])))
        layout.addWidget(self.status)
        layout.addWidget(buddy_label(self.tr("&Who can take it"), self.candidates))
        layout.addWidget(self.candidates, 2)
        layout.addWidget(self.details)
        layout.addWidget(buddy_label(self.tr("Who ca&nnot"), self.refused))
        layout.addWidget(self.refused, 1)
        layout.addWidget(self.refused_details)
        layout.addWidget(buddy_label(self.tr("&Reason"), self.reason))
        layout.addWidget(self.reason)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(self.fontMetrics().averageCharWidth() * 130, self.fontMetrics().height() * 34)
        self._search()

    @property
    def gap(self):
        return self.gaps[max(self.which.currentIndex(), 0)]

    @staticmethod
    def _detail(label: QLabel, tree: QTreeWidget, item, column: int) -> None:
        text = f"{item.text(0)} – {tree.headerItem().text(column).lower()}: {item.text(column)}" if item else ""
        label.setText(text)
        label.setAccessibleName(text)

    def _say(self, text: str) -> None:
        self.status.setText(text)
        self.status.setAccessibleName(text)

    def _search(self) -> None:
        self.search = None
        self.candidates.clear()
        self.refused.clear()
        self.details.clear()
        self.refused_details.clear()
        self.give_button.setEnabled(False)
        self._say(self.tr("Looking for who can take it…"))
        self.ctx.runner.submit(self.ctx.workspace.planner.find_vikar, self.ctx.arrangement_id, self.gap,
                               on_done=lambda found, gap=self.gap: self._found(gap, found),
                               on_error=lambda error: self._say(user_message(error)), owner=self)

    def _found(self, gap, search) -> None:
        if gap is not self.gap:
            return
        self.search = search
        for candidate in search.candidates:
            warnings = "; ".join(sorted({f.message for f in candidate.new_warnings})) or self.tr("none")
            hours = self.tr("%1 of %2").replace("%1", format_number(candidate.week_hours)).replace(
                "%2", format_number(candidate.contract_hours))
            item = QTreeWidgetItem([candidate.name, hours, warnings])
            item.setData(0, Qt.ItemDataRole.AccessibleTextRole, self.tr(
                "%1: new warnings: %2; %3 hours that week, contract %4").replace("%1", candidate.name).replace(
                "%2", warnings).replace("%3", format_number(candidate.week_hours)).replace(
                "%4", format_number(candidate.contract_hours)))
            item.setToolTip(2, warnings)
            self.candidates.addTopLevelItem(item)
        for refusal in search.refused:
            why = refusal.reason.text() if refusal.reason is not None else "; ".join(
                sorted({f.message for f in refusal.new_errors}))
            refused = QTreeWidgetItem([refusal.name, why])
            refused.setToolTip(1, why)
            self.refused.addTopLevelItem(refused)
        for tree in (self.candidates, self.refused):
            for column in range(tree.columnCount() - 1):  # the last one, the sentences, takes the rest
                tree.resizeColumnToContents(column)
        if search.candidates:
            self._say(self.tr("%1 can take it with no new error; the best first.").replace(
                "%1", str(len(search.candidates))))
            self.candidates.setCurrentItem(self.candidates.topLevelItem(0))
            self.give_button.setEnabled(True)
            self.candidates.setFocus()
        else:
            self._say(self.tr("Nobody can take it without breaking a working-time rule."))
            self.refused.setFocus()

    def give(self) -> None:
        """Give the shift to the chosen candidate (Enter in the list, or the button)."""
        row = self.candidates.indexOfTopLevelItem(self.candidates.currentItem()) if self.candidates.currentItem() else -1
        if not self.give_button.isEnabled():  # Enter in the list also reaches the default button
            return
        if self.search is None or not 0 <= row < len(self.search.candidates):
            return
        reason = self.reason.text().strip()
        if not reason:
            self.error.setText(self.tr("Say why the shift is given to someone else."))
            self.reason.setFocus()
            return
        candidate = self.search.candidates[row]
        self.give_button.setEnabled(False)
        arrangement_id, gap, who = self.ctx.arrangement_id, self.gap, int(candidate.assistant)

        def give(ws):  # the same use case as ws.planner.give_to_vikar, with its receipt for Undo
            if gap.id and gap.assistant:
                return ws.undoable.change_shift(arrangement_id, gap.id, kind="substitute", reason=reason,
                                                other_assistant_id=who)
            shift = Shift(str(who), gap.start, gap.end, passive=gap.passive, code=gap.code)
            return ws.undoable.add_extra_shift(arrangement_id, shift, reason)

        undo = self.tr("%1 covers %2").replace("%1", candidate.name).replace("%2", self.describe(gap))
        WriteOp(self.ctx, self, give, Changes.of("calendar", "timesheets")).undoable(undo) \
            .success(self._given).failure(self._failed).run()

    def _given(self, done) -> None:
        self.given = done.value[0] if done.value else None
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.give_button.setEnabled(True)
        self.error.setText(user_message(error))
