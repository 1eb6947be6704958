"""Deling og godkjenning: who has seen and approved which rota version (assistants,
employer, union representative) with dates, and exports of the plan (PDF, iCal, JSON) that
run in a worker after a file dialog; printing the rota PDF through the print preview (Ctrl+P
on the Turnus page)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import ApprovalRole, RotaApproval
from bpa_desktop.ui.errors import show_error, user_message, validation_errors
from bpa_desktop.ui.formatting import format_date, from_qdate
from bpa_desktop.ui.plain import text_label
from bpa_desktop.ui.widgets.scroll_body import scroll_body
from bpa_desktop.ui.widgets.accessible import buddy_label, button, named
from bpa_desktop.ui.widgets.date_field import make_date_edit
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import WriteOp
from bpa_desktop.ui.timesheets.labels import channel_labels
from bpa_desktop.workspace.errors import NotFoundError
from bpa_desktop.workspace.participant_records import Approval


def read_approvals(ws, rota_id: int) -> list[Approval]:
    """Who answered for this rota version: role, who, channel (table, link, staff page, paper),
    approved or a comment, and when (ws.participants.approvals); none for a version that an undo
    has just taken away: the page's reload of the versions follows."""
    try:
        return ws.participants.approvals(rota_id)
    except NotFoundError:
        return []


class ApprovalsPanel(QWidget):
    message = Signal(str)  # what printing says, for the page's message line (seen on every tab)

    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.versions: list = []
        self.assistants: list = []
        self.period: tuple[date, date] | None = None
        self.save_path = None  # tests set a path instead of the file dialog
        self.print_dialog = None  # the open print preview (tests look at it)

        self.version = named(QComboBox(), self.tr("Rota version"))
        self.version.currentIndexChanged.connect(self._version_chosen)
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels([self.tr("Role"), self.tr("Who"), self.tr("Channel"),
                                              self.tr("Answer"), self.tr("When")])
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        named(self.table, self.tr("Seen and approved by"))

        form_box = QGroupBox(self.tr("Record that someone has seen or approved this version"))
        form = QFormLayout(form_box)
        self.role = named(QComboBox(), self.tr("Role"))
        for text, role in ((self.tr("Assistant"), ApprovalRole.ASSISTANT), (self.tr("Employer"), ApprovalRole.EMPLOYER),
                           (self.tr("Union representative"), ApprovalRole.UNION_REP)):
            self.role.addItem(text, role.value)
        self.role.currentIndexChanged.connect(self._role_chosen)
        self.assistant = named(QComboBox(), self.tr("Assistant"))
        self.who = named(QLineEdit(), self.tr("Name or initials"))
        self.seen_on = named(make_date_edit(date.today()), self.tr("Seen on"))
        self.approved = QCheckBox(self.tr("Approved on the same da&y"))
        self.approved.setAccessibleName(self.tr("Approved on the same day"))
        self.record_button = button(self.tr("Record"), "Ctrl+Shift+G")
        self.record_button.clicked.connect(self.record)
        self.form_message = text_label()
        self.form_message.setWordWrap(True)
        for label, widget in ((self.tr("Role"), self.role), (self.tr("Assistant"), self.assistant),
                              (self.tr("Who"), self.who), (self.tr("Seen on"), self.seen_on)):
            form.addRow(buddy_label(label, widget), widget)
        form.addRow(self.approved)
        form.addRow(self.record_button, self.form_message)

        export_box = QGroupBox(self.tr("Share the planned shifts of the roll-out period"))
        exports = QHBoxLayout(export_box)
        self.print_button = button(self.tr("Print…"), description=self.tr(
            "Print the planned shifts of the roll-out period (Ctrl+P)"))
        self.pdf_button = button(self.tr("PDF…"))
        self.ics_button = button(self.tr("iCal for &the chosen assistant…"))
        self.json_button = button(self.tr("&JSON file…"))
        self.print_button.clicked.connect(self.print_rota)
        self.pdf_button.clicked.connect(self.export_pdf)
        self.ics_button.clicked.connect(self.export_ics)
        self.json_button.clicked.connect(self.export_json)
        self.export_message = text_label()
        self.export_message.setWordWrap(True)
        for widget in (self.print_button, self.pdf_button, self.ics_button, self.json_button):
            exports.addWidget(widget)
        exports.addWidget(self.export_message, 1)

        top = QHBoxLayout()
        top.addWidget(buddy_label(self.tr("&Version"), self.version))
        top.addWidget(self.version, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        layout = scroll_body(outer)  # scrolls on a small screen rather than widening the window's minimum
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(form_box)
        layout.addWidget(export_box)
        self._role_chosen()

    # --- versions and approvals -------------------------------------------------------------
    def set_context(self, assistants: list, period: tuple[date, date]) -> None:
        self.assistants = [a for a in assistants if a.end_date is None or a.end_date >= date.today()]
        self.period = period
        self.assistant.clear()
        for a in self.assistants:
            self.assistant.addItem(a.name, a.id)

    def reload(self) -> None:
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is None:
            return
        self.ctx.runner.submit(self.ctx.workspace.rota.list_rota_versions, arrangement_id,
                               on_done=self._versions_loaded, on_error=lambda e: show_error(self, e), owner=self)

    def _versions_loaded(self, versions: list) -> None:
        self.versions = versions
        self.version.blockSignals(True)
        self.version.clear()
        for plan in versions:
            saved = format_date(plan.saved_at.date()) if plan.saved_at else ""
            self.version.addItem(self.tr("Version %1 “%2”, saved %3, %4 – %5").replace("%1", str(plan.version))
                                 .replace("%2", plan.name).replace("%3", saved)
                                 .replace("%4", format_date(plan.start)).replace("%5", format_date(plan.end)), plan.id)
        self.version.blockSignals(False)
        self.record_button.setEnabled(bool(versions))
        if not versions:
            self.version.addItem(self.tr("Not rolled out yet"), None)
        self._version_chosen()

    def rota_id(self) -> int | None:
        return self.version.currentData()

    def _version_chosen(self) -> None:
        rota_id = self.rota_id()
        if rota_id is None:
            self._show_approvals([])
            return
        self.ctx.runner.submit(read_approvals, self.ctx.workspace, rota_id,
                               on_done=self._show_approvals, on_error=lambda e: show_error(self, e), owner=self)

    def _show_approvals(self, approvals: list[Approval]) -> None:
        roles = {r.value: self.role.itemText(self.role.findData(r.value)) for r in ApprovalRole}
        roles[ApprovalRole.MUNICIPALITY.value] = self.tr("Municipality")
        names = {a.id: a.name for a in self.assistants}
        channels = channel_labels()
        self.approvals = approvals
        self.table.setRowCount(len(approvals))
        for row, approval in enumerate(approvals):
            who = names.get(approval.assistant_id, approval.who) if approval.assistant_id else approval.who
            texts = (roles.get(approval.role.value, approval.role.value), who, channels.get(approval.channel, ""),
                     self._answer(approval), self._when(approval))
            for column, text in enumerate(texts):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()

    def _answer(self, approval: Approval) -> str:
        if approval.approved:
            text = self.tr("Approved")
        elif approval.comment:
            text = self.tr("Asks for changes")
        else:
            return self.tr("Seen")
        return f"{text}: {approval.comment}" if approval.comment else text

    @staticmethod
    def _when(approval: Approval) -> str:
        if approval.at is not None:
            local = approval.at.astimezone(OSLO) if approval.at.tzinfo else approval.at
            return f"{format_date(local.date())} {local:%H:%M}"
        day = approval.approved_on or approval.seen_on  # paper approvals from before 0007 carry days only
        return format_date(day) if day else ""

    def _role_chosen(self) -> None:
        assistant = self.role.currentData() == ApprovalRole.ASSISTANT.value
        self.assistant.setEnabled(assistant)
        self.who.setEnabled(not assistant)

    def record(self) -> None:
        rota_id = self.rota_id()
        if rota_id is None:
            return
        role = ApprovalRole(self.role.currentData())
        seen = from_qdate(self.seen_on.date())
        approval = RotaApproval(
            id=None, rota_id=rota_id, role=role,
            who=self.assistant.currentText() if role is ApprovalRole.ASSISTANT else self.who.text().strip(),
            seen_on=seen, approved_on=seen if self.approved.isChecked() else None,
            assistant_id=self.assistant.currentData() if role is ApprovalRole.ASSISTANT else None,
        )
        WriteOp(self.ctx, self, lambda ws: ws.rota.record_rota_approval(approval), Changes(approvals=True)) \
            .success(lambda _approval: self._recorded()).failure(self._record_failed).run()

    def _recorded(self) -> None:
        self.form_message.setText(self.tr("Recorded."))
        self._version_chosen()

    def _record_failed(self, error: BaseException) -> None:
        errors = validation_errors(error)
        self.form_message.setText("\n".join(errors.values()) if errors else user_message(error))

    # --- exports ----------------------------------------------------------------------------
    def _ask_path(self, title: str, suggested: str, filter_text: str) -> Path | None:
        if self.save_path is not None:
            return Path(self.save_path)
        path, _ = QFileDialog.getSaveFileName(self, title, suggested, filter_text)
        return Path(path) if path else None

    def _export(self, title: str, suggested: str, filter_text: str, render) -> None:
        if self.ctx.arrangement_id is None or self.period is None:
            return
        path = self._ask_path(title, suggested, filter_text)
        if path is None:
            return
        self.export_message.setText(self.tr("Writing…"))
        self.ctx.runner.submit(render, path, on_done=lambda _r: self._exported(path),
                               on_error=self._export_failed, owner=self)

    def _exported(self, path: Path) -> None:
        self.export_message.setText(self.tr("Saved %1").replace("%1", str(path)))

    def _export_failed(self, error: BaseException) -> None:
        self.export_message.setText(str(error) if isinstance(error, ValueError) else user_message(error))

    def export_pdf(self) -> None:
        ws, aid, (start, end) = self.ctx.workspace, self.ctx.arrangement_id, self.period or (None, None)
        self._export(self.tr("Save the rota as PDF"), "turnus.pdf", self.tr("PDF files (*.pdf)"),
                     lambda path: ws.exports.rota_pdf(aid, start, end, path))

    def print_rota(self) -> object | None:  # a PdfPrint
        """The rota PDF of the roll-out period (the one "PDF…" saves) in the print preview, made in
        a worker into a temporary file that goes when the preview closes."""
        from bpa_desktop.ui.printing import PdfPrint  # Qt's print modules load when first printing

        if self.ctx.arrangement_id is None or self.period is None:
            return None
        ws, aid, (start, end) = self.ctx.workspace, self.ctx.arrangement_id, self.period
        return PdfPrint(self, self.ctx.runner, lambda path: ws.exports.rota_pdf(aid, start, end, path),
                        f"turnus-{start.isoformat()}-{end.isoformat()}.pdf", self.tr("Print the rota"),
                        self._print_message).start()

    def _print_message(self, text: str) -> None:
        self.export_message.setText(text)
        self.message.emit(text)

    def export_ics(self) -> None:
        assistant_id = self.assistant.currentData()
        if assistant_id is None:
            return
        ws, aid, (start, end) = self.ctx.workspace, self.ctx.arrangement_id, self.period or (None, None)
        self._export(self.tr("Save the assistant's shifts as iCalendar"), "vakter.ics",
                     self.tr("iCalendar files (*.ics)"),
                     lambda path: ws.exports.rota_ics(aid, assistant_id, start, end, path))

    def export_json(self) -> None:
        ws, aid, (start, end) = self.ctx.workspace, self.ctx.arrangement_id, self.period or (None, None)
        self._export(self.tr("Save the planned shifts as a shift file"), "vakter.json",
                     self.tr("Shift files (*.json)"),
                     lambda path: ws.exports.rota_json(aid, start, end, path))
