"""Synk: the connection to the municipality and every attested timesheet on its way there.

Shows the enrolment (receiver address and the key ID to compare out of band), a table of the
outbox (state, the last error in plain words with the next try, receipt, decision and the
rejection reason), "Send nå", "Lag fil for kommunen" (a signed bundle), "Prøv igjen", and after
24 hours without delivery an offer to send the file or print the timesheet instead.
All reading and writing runs in the TaskRunner; sending runs in the sync worker.
"""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from bpa_desktop.i18n import message
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.errors import show_error, user_message
from bpa_desktop.ui.formatting import format_date
from bpa_desktop.ui.pages.base import Page, heading, paragraph
from bpa_desktop.ui.reports.table_model import read_only_table
from bpa_desktop.ui.sync.enrol_dialog import EnrolDialog
from bpa_desktop.ui.sync.model import SubmissionTableModel
from bpa_desktop.ui.sync.wording import open_rejections, period_label
from bpa_desktop.ui.widgets.accessible import button
from bpa_desktop.ui.operations.operation import WriteOp

RETRYABLE = ("blocked", "queued", "paused_auth")


def read_sync_page(workspace, arrangement_id: int):
    """Everything the page shows, read on a worker thread."""
    submissions = workspace.sync.list_submissions(arrangement_id)
    enrolment = workspace.sync.enrolment(arrangement_id)
    names = {a.employee_no: a.name for a in workspace.people.list_assistants(arrangement_id)}
    return submissions, enrolment, names


def grouped_key_id(key_id: str) -> str:
    """'3f2a9c0d11b2e4f5' -> '3f2a 9c0d 11b2 e4f5': easier to read aloud on the phone."""
    return " ".join(key_id[i:i + 4] for i in range(0, len(key_id), 4))


def boxed(*widgets: QWidget) -> tuple[QFrame, QVBoxLayout]:
    box = QFrame()
    box.setFrameShape(QFrame.Shape.StyledPanel)
    inner = QVBoxLayout(box)
    for widget in widgets:
        inner.addWidget(widget)
    return box, inner


class SyncPage(Page):
    page_id = "synk"
    listens = Changes.of("sync", "assistants")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.enrolment = None
        self.dialog: EnrolDialog | None = None

        # connection to the municipality
        self.enrolment_title = heading(self.tr("Connection to the municipality"), scale=1.15)
        self.enrolment_text = paragraph()
        self.enrolment_text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.enrol_button = button(self.tr("&Connect to the municipality…"), "Ctrl+Shift+K")
        self.enrol_button.clicked.connect(self.open_enrol_dialog)
        self.enrolment_box, inner = boxed(self.enrolment_title, self.enrolment_text)
        row = QHBoxLayout()
        row.addWidget(self.enrol_button)
        row.addStretch(1)
        inner.addLayout(row)
        self.layout_.addWidget(self.enrolment_box)

        # after 24 h without delivery: the file or paper instead
        self.stuck_text = paragraph()
        self.stuck_bundle_button = button(self.tr("Send as &file…"))
        self.stuck_print_button = button(self.tr("&Print the timesheet (PDF)…"))
        self.stuck_bundle_button.clicked.connect(lambda: self.make_bundle())
        self.stuck_print_button.clicked.connect(lambda: self.print_submission())
        self.stuck_box, inner = boxed(self.stuck_text)
        row = QHBoxLayout()
        row.addWidget(self.stuck_bundle_button)
        row.addWidget(self.stuck_print_button)
        row.addStretch(1)
        inner.addLayout(row)
        self.stuck_box.hide()
        self.layout_.addWidget(self.stuck_box)

        self.message = paragraph()
        self.message.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.message.hide()
        self.layout_.addWidget(self.message)

        self.send_button = button(self.tr("&Send now"), "Ctrl+Return",
                                  self.tr("Send what waits to the municipality now, without waiting for the next try"))
        self.bundle_button = button(self.tr("&Make file for the municipality…"), "Ctrl+Shift+S",
                                    self.tr("Save the timesheets not yet received as a signed file"))
        self.retry_button = button(self.tr("&Try again"), "Ctrl+R")
        self.paper_button = button(message("ui_paper_button"), "Ctrl+Shift+P", message("ui_paper_button_help"))
        self.send_button.clicked.connect(self.send_now)
        self.bundle_button.clicked.connect(lambda: self.make_bundle())
        self.retry_button.clicked.connect(self.retry_selected)
        self.paper_button.clicked.connect(lambda: self.print_all_waiting())
        # bpa-sync/2: the assistants' and approvers' links, and their answers by file
        self.sharing_button = button(self.tr("Shari&ng…"), None,
                                     self.tr("Publish months and the rota, and make links for assistants and approvers"))
        self.import_events_button = button(self.tr("Import &answers from a file…"))
        self.sharing_button.clicked.connect(self.open_sharing_dialog)
        self.import_events_button.clicked.connect(lambda: self.import_events())
        buttons = QHBoxLayout()
        for each in (self.send_button, self.bundle_button, self.paper_button, self.retry_button,
                     self.sharing_button, self.import_events_button):
            buttons.addWidget(each)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)

        self.model = SubmissionTableModel(self)
        self.table = read_only_table(self.model, self.tr("Timesheets sent to the municipality"), self)
        header = self.table.horizontalHeader()
        for wide in ("message", "reason"):  # the long texts share the room that is left
            header.setSectionResizeMode(SubmissionTableModel.COLUMNS.index(wide), QHeaderView.ResizeMode.Stretch)
        self.layout_.addWidget(self.table, 1)

        # the whole text of the chosen row (the table cuts long messages)
        self.detail = paragraph()
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.layout_.addWidget(self.detail)

        self.setTabOrder(self.enrol_button, self.stuck_bundle_button)
        self.setTabOrder(self.stuck_bundle_button, self.stuck_print_button)
        self.setTabOrder(self.stuck_print_button, self.send_button)
        self.setTabOrder(self.send_button, self.bundle_button)
        self.setTabOrder(self.bundle_button, self.paper_button)
        self.setTabOrder(self.paper_button, self.retry_button)
        self.setTabOrder(self.retry_button, self.sharing_button)
        self.setTabOrder(self.sharing_button, self.import_events_button)
        self.setTabOrder(self.import_events_button, self.table)
        self.table.selectionModel().selectionChanged.connect(self._selection_changed)

        controller = getattr(ctx, "sync", None)
        if controller is not None:
            controller.outbox_changed.connect(self._invalidate)
            controller.busy_changed.connect(self._busy_changed)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Sync")

    # loading
    def load(self) -> None:
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is None:
            self._show([], None, {})
            self.finish_loading()
            return
        self.ctx.runner.submit(read_sync_page, self.ctx.workspace, arrangement_id,
                               on_done=self._loaded, on_error=self._load_failed, owner=self)

    def _loaded(self, data) -> None:
        self._show(*data)
        self.finish_loading()

    def _load_failed(self, error: BaseException) -> None:
        self.finish_loading()
        show_error(self, error)

    def _show(self, submissions: list, enrolment, names: dict[str, str]) -> None:
        selected = self.selected()
        self.enrolment = enrolment
        self.model.set_submissions(submissions, names, datetime.now(timezone.utc))
        self._show_enrolment(enrolment)
        self._show_stuck([s for s in submissions if s.stuck])
        row = self.model.row_of(selected.id if selected else None)
        if row < 0 and self.model.rowCount():
            rejected = open_rejections(self.model.submissions())
            row = self.model.row_of(rejected[0].id) if rejected else 0
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self._selection_changed()

    def _show_enrolment(self, enrolment) -> None:
        if self.ctx.arrangement_id is None:
            text = self.tr("No arrangement yet. Create one with “New arrangement”.")
        elif enrolment is None:
            text = self.tr(
                "Not connected. Ask the municipality for the receiver's address and a one-time code, then "
                "choose “Connect to the municipality”. Attested timesheets wait here until then; nothing is lost.")
        else:
            text = self.tr("Connected to %1 since %2.\nKey ID (fingerprint): %3 – compare it with the key ID "
                           "the municipality sees, by phone or on the printed timesheet.")
            text = text.replace("%1", enrolment.receiver_url).replace(
                "%2", format_date(enrolment.enrolled_at.date())).replace("%3", grouped_key_id(enrolment.key_id))
        self.enrolment_text.setText(text)
        self.enrolment_box.setAccessibleName(self.tr("Connection to the municipality") + ": " + text)
        self.enrol_button.setText(self.tr("&Connect again…") if enrolment else self.tr("&Connect to the municipality…"))
        self.enrol_button.setAccessibleName(self.enrol_button.text().replace("&", ""))

    def _show_stuck(self, stuck: list) -> None:
        if not stuck:
            self.stuck_box.hide()
            return
        if len(stuck) == 1:
            text = self.tr("The municipality has not received the timesheet of %1 for %2 after more than 24 hours.")
            text = text.replace("%1", self.model.text(stuck[0], "assistant")).replace("%2", period_label(stuck[0].period))
        else:
            text = self.tr("The municipality has not received %1 timesheets after more than 24 hours.")
            text = text.replace("%1", str(len(stuck)))
        text += " " + self.tr("Send them as a file, or print the timesheet and hand it in. "
                              "Sending over the network goes on trying meanwhile.")
        self.stuck_text.setText(text)
        self.stuck_box.setAccessibleName(text)
        self.stuck_box.show()

    # selection
    def selected(self):
        rows = self.table.selectionModel().selectedRows() if self.table.selectionModel() else []
        return self.model.submission(rows[0].row()) if rows else None

    def select_submission(self, submission_id: str) -> None:
        row = self.model.row_of(submission_id)
        if row >= 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)

    def _selection_changed(self, *_args) -> None:
        info = self.selected()
        self.detail.setText(self.detail_text(info) if info else "")
        self.detail.setAccessibleName(self.detail.text())
        self._update_buttons()

    def detail_text(self, info) -> str:
        lines = [f"{self.model.text(info, 'assistant')} · {period_label(info.period)} · "
                 + self.tr("version %1").replace("%1", str(info.version)) + f" · {self.model.text(info, 'state')}"]
        if info.state == "rejected":
            lines.append(self.tr("Rejected by the municipality: %1").replace("%1", info.decision_reason or "–"))
        if info.state == "rejected" or info.state == "needs_correction" or (
                info.state == "blocked" and info.last_error_code == "invalid_pay_code"):
            # A correction supersedes what the municipality holds, so it can always be sent.
            lines.append(self.tr("Correct the timesheet on the Timesheets page and attest it again; "
                                 "the new version is sent by itself."))
        if info.last_error_text:
            lines.append(info.last_error_text)
        if info.exported_at is not None:
            lines.append(self.tr("Saved in a file for the municipality on %1.").replace(
                "%1", format_date(info.exported_at.date())))
        if info.paper_at is not None:
            lines.append(message("ui_paper_detail", day=format_date(info.paper_at.date())))
        return "\n".join(lines)

    def _update_buttons(self) -> None:
        info = self.selected()
        has_arrangement = self.ctx.arrangement_id is not None
        self.enrol_button.setEnabled(has_arrangement)
        self.send_button.setEnabled(self.enrolment is not None)
        self.bundle_button.setEnabled(self.enrolment is not None)
        self.stuck_bundle_button.setEnabled(self.enrolment is not None)
        self.retry_button.setEnabled(info is not None and info.state in RETRYABLE
                                     and (info.state != "queued" or self.enrolment is not None))
        self.stuck_print_button.setEnabled(any(s.timesheet_id for s in self.model.submissions() if s.stuck))
        self.paper_button.setEnabled(bool(self.waiting_on_paper()))  # with or without a connection
        self.sharing_button.setEnabled(self.enrolment is not None)
        self.import_events_button.setEnabled(self.enrolment is not None)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    # actions
    def open_enrol_dialog(self) -> EnrolDialog | None:
        if self.ctx.arrangement_id is None or self.dialog is not None:
            return None
        url = self.enrolment.receiver_url if self.enrolment else ""
        dialog = EnrolDialog(self.ctx, self.ctx.arrangement_id, url, self)
        open_single(self, dialog, lambda _result: self._enrol_closed(dialog))
        return dialog

    def _enrol_closed(self, dialog: EnrolDialog) -> None:
        if dialog.result_value is not None:
            self.show_message(self.tr("Connected. Timesheets that waited are being sent now."))
            if self.ctx.sync is not None:
                self.ctx.sync.enrolled()
        self.enrol_button.setFocus(Qt.FocusReason.OtherFocusReason)

    def open_sharing_dialog(self):
        from bpa_desktop.ui.sync.sharing_dialog import SharingDialog

        if self.ctx.arrangement_id is None or self.dialog is not None:
            return None
        dialog = SharingDialog(self.ctx, self.ctx.arrangement_id, self)
        open_single(self, dialog, lambda _result: self.sharing_button.setFocus(Qt.FocusReason.OtherFocusReason))
        return dialog

    def import_events(self, path: Path | str | None = None) -> None:
        """'Importer svar fra fil': answers from the links, in a file from the receiver."""
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is None:
            return
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(self, self.tr("Import answers from a file"), str(Path.home()),
                                                        self.tr("Answer file (*.json)"))
            if not path:
                return
        target = Path(path)
        WriteOp(self.ctx, self, lambda ws: ws.sync.sharing.import_events(target, arrangement_id),
                Changes(sync=True, timesheets=True, approvals=True)) \
            .success(self._events_imported).failure(self._action_failed).run()

    def _events_imported(self, result) -> None:
        self.show_message(self.tr("%1 answers imported, %2 could not be applied (see Sharing), %3 were already here.")
                          .replace("%1", str(result.applied)).replace("%2", str(result.refused))
                          .replace("%3", str(result.skipped)))

    def send_now(self) -> None:
        controller = self.ctx.sync
        if self.enrolment is None:
            self.show_message(self.tr("Connect to the municipality first."))
        elif controller is None or not controller.send_now():
            self.show_message(self.tr("Another bpa-desktop window on this computer sends these timesheets."))
        else:
            self.show_message(self.tr("Sending…"))

    def _busy_changed(self, busy: bool) -> None:
        if not busy and self.message.text() == self.tr("Sending…"):
            self.show_message(self.tr("Sending finished. See the status of each timesheet below."))

    def make_bundle(self, path: Path | str | None = None) -> None:
        """'Lag fil for kommunen': a signed file with every timesheet not yet received."""
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is None:
            return
        if path is None:
            stamp = datetime.now().strftime("%Y-%m-%d")
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Make file for the municipality"), str(Path.home() / f"timelister-{stamp}.bpa.json"),
                self.tr("Timesheet file (*.json)"))
            if not chosen:
                return
            path = chosen
        self.show_message(self.tr("Making the file…"))
        target = Path(path)
        WriteOp(self.ctx, self, lambda ws: ws.sync.write_bundle(arrangement_id, target), Changes(sync=True)) \
            .success(lambda count: self._bundle_written(count, target)).failure(self._action_failed).run()

    def _bundle_written(self, count: int, path: Path) -> None:
        if count:
            text = self.tr("%1 timesheets saved in %2. Send the file to the municipality (e-mail or memory stick); "
                           "they are marked as received once the municipality has read it in.")
            self.show_message(text.replace("%1", str(count)).replace("%2", str(path)))
        else:
            self.show_message(self.tr("Nothing to put in the file: the municipality has received everything."))

    def print_submission(self, path: Path | str | None = None) -> None:
        """The paper fallback for the chosen (or the oldest stuck) submission."""
        info = self.selected()
        if info is None or info.timesheet_id is None or not info.stuck:
            info = next((s for s in reversed(self.model.submissions()) if s.stuck and s.timesheet_id), info)
        if info is None or info.timesheet_id is None:
            return
        if path is None:
            name = f"timeliste-{info.employee_no}-{info.period}-v{info.version}.pdf"
            chosen, _filter = QFileDialog.getSaveFileName(
                self, self.tr("Print the timesheet (PDF)"), str(Path.home() / name), self.tr("PDF (*.pdf)"))
            if not chosen:
                return
            path = chosen
        workspace = self.ctx.workspace  # ReportLab loads in the worker, with the first PDF
        self.ctx.runner.submit(lambda: workspace.exports.submission_pdf(info, Path(path)).path,
                               on_done=lambda written: self.show_message(
                                   self.tr("The timesheet is saved as %1. Print it and hand it in.").replace(
                                       "%1", str(written))),
                               on_error=self._action_failed, owner=self)

    def waiting_on_paper(self) -> list:
        """The attested timesheets the municipality has not received (what paper would carry)."""
        return [s for s in self.model.submissions() if s.waiting and s.timesheet_id]

    def print_all_waiting(self, path: Path | str | None = None, *, preview: bool = True) -> None:
        """'Skriv ut alle som venter': one PDF with every waiting timesheet, saved, marked as
        handed over on paper, then shown in the print preview (its Print button asks for the
        printer). Works without a connection: paper is a channel of its own."""
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is None or not self.waiting_on_paper():
            self.show_message(message("paper_nothing_waiting"))
            return
        if path is None:
            stamp = datetime.now().strftime("%Y-%m-%d")
            chosen, _filter = QFileDialog.getSaveFileName(
                self, message("ui_paper_save_title"), str(Path.home() / f"timelister-papir-{stamp}.pdf"),
                self.tr("PDF (*.pdf)"))
            if not chosen:
                return
            path = chosen
        self.show_message(message("ui_paper_writing"))
        # a write (the sheets are marked as handed over on paper): on the write queue
        WriteOp(self.ctx, self, lambda ws: ws.exports.paper_copies(arrangement_id, Path(path)), Changes(sync=True)) \
            .success(lambda copies: self._paper_written(copies, preview)).failure(self._action_failed).run()

    def _paper_written(self, copies, preview: bool) -> None:
        self.show_message(message("ui_paper_done", count=len(copies.submission_ids), path=str(copies.path)))
        if preview:
            from bpa_desktop.ui.printing import print_pdf

            print_pdf(self, copies.path)

    def retry_selected(self) -> None:
        info = self.selected()
        if info is None or info.state not in RETRYABLE:
            return
        if info.state == "paused_auth":
            self.open_enrol_dialog()  # only a new connection lets these go
        elif info.state == "queued":
            self.send_now()
        else:
            submission_id = info.id
            WriteOp(self.ctx, self, lambda ws: ws.sync.retry_submission(submission_id), Changes(sync=True)) \
                .success(self._retried).failure(self._action_failed).run()

    def _retried(self, requeued: bool) -> None:
        if requeued:
            self.show_message(self.tr("Queued again."))
            if self.ctx.sync is not None:
                self.ctx.sync.send_now()
        else:
            self.show_message(self.tr("This one cannot simply be sent again: follow the advice in its message."))

    def _action_failed(self, error: BaseException) -> None:
        self.show_message(user_message(error))
