"""The assistants' open proposals (made at the table or by link): who, which shift, what change,
their comment and where it came from; Accept changes the worked record (the proposal is the
reason), Decline asks the leader why. Reached from Timelister (Ctrl+Shift+F)."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QHBoxLayout, QVBoxLayout, QWidget

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.formatting import format_date
from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import OpRunner, QueryOp, WriteOp
from bpa_desktop.ui.pages.base import paragraph
from bpa_desktop.ui.reports.table_model import TextTableModel, read_only_table
from bpa_desktop.ui.timesheets.labels import channel_labels
from bpa_desktop.ui.timesheets.reason_dialog import reason_dialog
from bpa_desktop.ui.widgets.accessible import button

DECIDED = Changes(participants=True, timesheets=True, calendar=True)


def _clock(moment: datetime | None, day: datetime | None = None) -> str:
    """HH:MM, with "(+1)" when it is the day after `day`."""
    if not isinstance(moment, datetime):
        return ""
    local = moment.astimezone(OSLO)
    later = day is not None and local.date() > day.astimezone(OSLO).date()
    return f"{local:%H:%M}" + (" (+1)" if later else "")


def shift_text(row) -> str:
    """"04.05.2026 08:00–15:30", and the times the proposal would give ("→ 08:00–16:30")."""
    start, end = row.shift_start, row.shift_end
    if start is None:
        return ""
    text = f"{format_date(start.astimezone(OSLO).date())} {_clock(start)}–{_clock(end, start)}"
    if row.proposed_start is not None and (row.proposed_start, row.proposed_end) != (start, end):
        text += f" → {_clock(row.proposed_start, start)}–{_clock(row.proposed_end, start)}"
    return text


class ProposalsDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dialog = None  # the decline reason (tests look at it)
        self.result_value = None
        self.rows: list = []
        self.setWindowTitle(self.tr("Assistants' proposals"))
        self.setAccessibleName(self.tr("Assistants' proposals"))
        self.setModal(True)
        self.intro = paragraph(self.tr(
            "What the assistants proposed at the table or by their link. Accepting changes the worked hours, with "
            "the proposal as the reason; declining keeps them and tells the assistant why."))
        self.model = TextTableModel(self)
        self.table = read_only_table(self.model, self.tr("Open proposals"))
        self.message = paragraph()
        self.message.hide()
        self.accept_button = button(self.tr("&Accept"), "Ctrl+Return")
        self.accept_button.clicked.connect(self.accept_current)
        self.decline_button = button(self.tr("&Decline…"))
        self.decline_button.clicked.connect(self.decline_current)
        self.close_button = button(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.decline_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        for each in (self.accept_button, self.decline_button, self.close_button):
            each.setAutoDefault(False)  # Enter in the list accepts nothing by accident
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumSize(self.fontMetrics().averageCharWidth() * 110, self.fontMetrics().height() * 24)
        self.loaded = False
        self.reload()

    def reload(self) -> None:
        self.loaded = False
        arrangement_id = self.ctx.arrangement_id
        QueryOp(self.ctx, self, lambda ws: ws.participants.open_proposals(arrangement_id), self._loaded) \
            .failure(lambda error: self.show_message(user_message(error))).run()

    def _loaded(self, rows: list) -> None:
        keep = self.table.currentIndex().row()
        self.rows = list(rows)
        channels = channel_labels()
        self.model.set_table(
            [self.tr("Assistant"), self.tr("Shift"), self.tr("Change"), self.tr("Comment"), self.tr("Channel")],
            [[row.display_name, shift_text(row), row.text, row.proposal.comment,
              channels.get(row.proposal.channel, row.proposal.channel)] for row in self.rows],
            objects=self.rows)
        self.table.resizeColumnsToContents()
        if self.rows:
            self.table.selectRow(max(0, min(keep, len(self.rows) - 1)))
        has = bool(self.rows)
        self.accept_button.setEnabled(has)
        self.decline_button.setEnabled(has)
        if not has and not self.message.text():
            self.show_message(self.tr("No open proposals."))
        (self.table if has else self.close_button).setFocus(Qt.FocusReason.OtherFocusReason)
        self.loaded = True

    def current(self):
        index = self.table.currentIndex()
        return self.model.row_object(index.row()) if index.isValid() else None

    def accept_current(self) -> None:
        row = self.current()
        if row is None:
            return
        proposal_id = row.id
        WriteOp(self.ctx, self, lambda ws: ws.participants.accept_proposal(proposal_id), DECIDED) \
            .success(lambda _r: self._decided(self.tr("Accepted: the worked hours are changed."))) \
            .failure(lambda error: self.show_message(user_message(error))).run()

    def decline_current(self) -> None:
        row = self.current()
        if row is None or self.dialog is not None:
            return
        proposal_id, ws = row.id, self.ctx.workspace
        dialog = reason_dialog(
            self.tr("Decline the proposal"),
            self.tr("Decline %1's proposal (%2)? The worked hours stay as they are. Say why; the assistant sees it.")
            .replace("%1", row.display_name).replace("%2", row.text),
            self.tr("Why the proposal is declined"), self.tr("&Decline"),
            lambda reason: ws.participants.decline_proposal(proposal_id, reason) or True,
            OpRunner(self.ctx, DECIDED), self)

        def closed(_result: int) -> None:
            if dialog.result_value is not None:
                self._decided(self.tr("Declined: the worked hours stay as they were."))

        open_single(self, dialog, closed)

    def _decided(self, text: str) -> None:
        self.result_value = True
        self.show_message(text)
        self.reload()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))
