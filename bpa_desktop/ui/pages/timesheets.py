"""Timelister: each assistant's timesheet per pay period, its days, pay lines and history, and the
flow draft -> confirmed -> attested (locked) -> correction. Parts live in bpa_desktop/ui/timesheets/."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox, QDialog, QHBoxLayout, QMessageBox, QSplitter, QVBoxLayout, QWidget,
)

from bpa_desktop.core.timesheet_lifecycle import (
    attestable_from, can_confirm, confirmable_through, is_confirmable, period_is_over,
)
from bpa_desktop.i18n import message
from bpa_desktop.core.model import TimesheetStatus
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.operations.operation import OpRunner, WriteOp
from bpa_desktop.ui.formatting import format_date
from bpa_desktop.ui.pages.base import Page, paragraph
from bpa_desktop.ui.reports.table_model import TextTableModel, fit_columns, keep_fitted, read_only_table
from bpa_desktop.ui.timesheets import data
from bpa_desktop.ui.timesheets.data import PeriodSheets, SheetEntry, SheetView
from bpa_desktop.ui.timesheets.detail_view import DetailView, fill
from bpa_desktop.ui.timesheets.exports import SheetExports
from bpa_desktop.ui.timesheets.labels import status_label
from bpa_desktop.ui.timesheets.rows import sheet_list
from bpa_desktop.ui.widgets.accessible import buddy_label, button, named, plain
from bpa_desktop.ui.widgets.flow_layout import FlowLayout

SHORTCUTS = {
    "register": "Ctrl+R", "deviation": "Ctrl+D", "sick_cover": "Ctrl+Shift+D", "confirm": "Ctrl+B", "attest": "Ctrl+T",
    "correct": "Ctrl+K", "print": "Ctrl+P", "pdf": "Ctrl+S", "payroll": "Ctrl+L", "year": "Ctrl+Shift+P",
    "proposals": "Ctrl+Shift+F",
}

LIST_WRAPPING = (0, 1, 4)  # Assistant, Status, Correction (rows.sheet_list) wrap at spaces when narrow


class TimesheetsPage(Page):
    page_id = "timelister"
    listens = Changes.of("timesheets", "calendar", "rota", "assistants", "arrangements", "pay_settings", "sync",
                         "participants")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = date.today()
        self.data: PeriodSheets | None = None
        self.view: SheetView | None = None
        self.dialog: QDialog | QMessageBox | None = None  # the open dialog (tests look at it)
        self.print_dialog = None  # the open print preview (tests look at it)
        self.exports = SheetExports(self)
        self._wanted_day: date | None = None
        self._wanted_assistant: int | None = None
        self._wanted_row_day: date | None = None  # a day row to select once the sheet is shown
        self._loading = False
        self._quiet = False

        self.period = named(QComboBox(), self.tr("Pay period"))
        self.period.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.period.activated.connect(self._period_chosen)
        period_label = buddy_label(self.tr("&Period"), self.period)
        self.register_button = self._action_button(self.tr("Register &today's shift…"), "register",
                                                   self.open_register)
        self.pay_codes_button = button(self.tr("Pay &codes…"), description=self.tr(
            "The employer's pay codes and rates, and the pay period"))
        self.pay_codes_button.clicked.connect(self.open_pay_codes)
        self.payroll_button = self._action_button(self.tr("E&xport payroll file…"), "payroll",
                                                  self.exports.choose_payroll_file)
        self.year_button = self._action_button(self.tr("All PDFs of the year…"), "year", self.exports.choose_year_folder)
        self.proposals_button = self._action_button(self.tr("Assistants' pr&oposals…"), "proposals",
                                                    self.open_proposals)
        period_row = QWidget()  # the label stays beside its field when the row wraps
        period_layout = QHBoxLayout(period_row)
        period_layout.setContentsMargins(0, 0, 0, 0)
        period_layout.addWidget(period_label)
        period_layout.addWidget(self.period)
        top = FlowLayout()  # wraps on a narrow window instead of widening it
        top.addWidget(period_row)
        top.addWidget(self.register_button)
        top.addWidget(self.pay_codes_button)
        top.addWidget(self.payroll_button)
        top.addWidget(self.year_button)
        top.addWidget(self.proposals_button)
        self.layout_.addLayout(top)
        self.message = paragraph()
        self.message.hide()
        self.layout_.addWidget(self.message)

        self.list_model = TextTableModel(self)
        self.list = read_only_table(self.list_model, self.tr("Timesheets in the period"))
        keep_fitted(self.list, LIST_WRAPPING)
        self.list.selectionModel().currentRowChanged.connect(self._current_row_changed)
        self.detail = DetailView()
        self.detail.version_chosen.connect(self._version_chosen)

        self.deviation_button = self._action_button(self.tr("Register &deviation…"), "deviation",
                                                    self.open_deviation)
        self.sick_cover_button = self._action_button(message("ui_sick_cover_button"), "sick_cover",
                                                     self.open_sick_cover)
        self.confirm_button = self._action_button(self.tr("Co&nfirm on paper"), "confirm", self.confirm)
        self.attest_button = self._action_button(self.tr("&Attest…"), "attest", self.ask_attest)
        self.correct_button = self._action_button(self.tr("Co&rrect…"), "correct", self.open_correction)
        self.print_button = self._action_button(self.tr("Print…"), "print", self.exports.print_pdf)
        self.pdf_button = self._action_button(self.tr("Save as PDF…"), "pdf", self.exports.choose_pdf_file)
        actions = FlowLayout()
        for each in (self.deviation_button, self.sick_cover_button, self.confirm_button, self.attest_button,
                     self.correct_button, self.print_button, self.pdf_button):
            actions.addWidget(each)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(actions)
        right_layout.addWidget(self.detail, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.layout_.addWidget(self.splitter, 1)

        order = [self.period, self.register_button, self.pay_codes_button, self.payroll_button, self.year_button,
                 self.proposals_button, self.list, self.deviation_button, self.sick_cover_button, self.confirm_button, self.attest_button,
                 self.correct_button, self.print_button, self.pdf_button]
        for first, second in zip(order, order[1:]):
            self.setTabOrder(first, second)
        self._update_buttons()

    def title(self) -> str:
        return self.tr("Timesheets")

    def _action_button(self, text: str, key: str, action):
        """A button whose shortcut is the page's (it works, and explains, when the button is disabled)."""
        sequence = QKeySequence(SHORTCUTS[key])
        result = button(text, description=f"{text.replace('&', '').rstrip('… ')} "
                                          f"({sequence.toString(QKeySequence.SequenceFormat.NativeText)})")
        result.clicked.connect(action)
        QShortcut(sequence, self, action)
        return result

    # --- loading ----------------------------------------------------------------------------
    def load(self) -> None:
        arrangement_id = self.ctx.arrangement_id
        self.setEnabled(arrangement_id is not None)
        if arrangement_id is None:
            self.data = None
            self.list_model.set_table([], [])
            self.detail.clear(self.tr("No arrangement yet. Create one with “New arrangement”."))
            self.finish_loading()
            return
        self._loading = True
        self.ctx.runner.submit(data.read_period, self.ctx.workspace, arrangement_id,
                               self._wanted_day or self.today, self.today,
                               on_done=self._show_period, on_error=self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self._loading = False
        self.show_message(user_message(error))
        self._update_buttons()
        self.finish_loading()

    def _show_period(self, sheets: PeriodSheets) -> None:
        self.data = sheets
        waiting = self.tr("Assistants' pr&oposals (%1)…").replace("%1", str(sheets.open_proposals))
        self.proposals_button.setText(waiting if sheets.open_proposals else self.tr("Assistants' pr&oposals…"))
        self.proposals_button.setAccessibleName(plain(self.proposals_button.text()))
        self.period.blockSignals(True)
        self.period.clear()
        for period in sheets.periods:
            self.period.addItem(period.label(), period.start.isoformat())  # Qt keeps strings as they are
        self.period.setCurrentIndex(max(0, self.period.findData(sheets.period.start.isoformat())))
        self.period.blockSignals(False)
        fill(self.list_model, sheet_list(sheets.entries))
        self._fit_list()
        row = next((i for i, e in enumerate(sheets.entries) if e.assistant.id == self._wanted_assistant), 0)
        if sheets.entries:
            self._quiet = True  # one read below, also when the row number did not change
            self.list.selectionModel().setCurrentIndex(
                self.list_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
            self._quiet = False
            self._entry_chosen(row)
        else:
            self.detail.clear(self.tr("No assistants are employed in %1.").replace("%1", sheets.period.label()))
            self._done_loading()

    def _fit_list(self) -> None:
        """Give the list the width its columns need (at most a third of the page, so that the
        days beside it fit at 1280 px); a status too long for it wraps (keep_fitted)."""
        header = self.list.horizontalHeader()
        columns = sum(max(self.list.sizeHintForColumn(c), header.sectionSizeHint(c))
                      for c in range(self.list_model.columnCount()))
        wanted = columns + 2 * self.list.frameWidth() + self.list.verticalScrollBar().sizeHint().width()
        total = max(self.splitter.width(), self.width(), 600)
        wanted = min(wanted, total // 3)
        self.splitter.setSizes([wanted, total - wanted])
        fit_columns(self.list, LIST_WRAPPING)

    def _done_loading(self) -> None:
        self._update_buttons()
        if self._loading:
            self._loading = False
            self.finish_loading()

    def _current_row_changed(self, current, _previous) -> None:
        if not self._quiet:
            self._entry_chosen(current.row())

    def _entry_chosen(self, row: int, timesheet_id: int | None = None) -> None:
        entry = self.entry_at(row)
        if entry is None:
            return
        if entry.assistant.id != self._wanted_assistant:
            self.show_message("")  # what was said about the other assistant's sheet no longer applies
        self._wanted_assistant = entry.assistant.id
        if entry.problem:  # nothing of it is shown: say why, plainly
            self.view = None
            self.detail.clear(entry.problem)
            self.show_message(entry.problem)
            self._done_loading()
            return
        self.ctx.runner.submit(data.read_sheet, self.ctx.workspace, self.ctx.arrangement_id, entry.assistant.id,
                               entry.detail.period.start, timesheet_id,
                               on_done=lambda view: self._show_sheet(entry, view), on_error=self._failed, owner=self)

    def _show_sheet(self, entry: SheetEntry, view: SheetView) -> None:
        if self.current_entry() is not entry:
            return  # the choice moved on meanwhile
        self.view = view
        self.detail.show_view(entry.assistant.name, view)
        wanted = self._wanted_row_day
        if wanted is not None and view.detail.period.contains(wanted) and entry.assistant.id == self._wanted_assistant:
            self.detail.select_day(wanted)
            self._wanted_row_day = None
        self._done_loading()

    def _version_chosen(self, timesheet_id: int) -> None:
        self._entry_chosen(self.selected_row(), timesheet_id)

    def _period_chosen(self, _index: int) -> None:
        chosen = self.period.currentData()
        if chosen is not None:
            self.select_period(date.fromisoformat(chosen))

    def select_period(self, day: date, assistant_id: int | None = None, *, row_day: date | None = None) -> None:
        """Show the period that holds `day` (and that assistant's sheet, when given; and its
        row of `row_day`, focused, when given)."""
        self._wanted_day = day
        self._wanted_row_day = row_day
        if assistant_id is not None:
            self._wanted_assistant = assistant_id
        self.reload()

    # --- the selection ------------------------------------------------------------------------
    def selected_row(self) -> int:
        rows = self.list.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def entry_at(self, row: int) -> SheetEntry | None:
        entry = self.list_model.row_object(row)
        return entry if isinstance(entry, SheetEntry) else None

    def current_entry(self) -> SheetEntry | None:
        return self.entry_at(self.selected_row())

    def select_assistant(self, assistant_id: int) -> None:
        if self.data is None:
            return
        for row, entry in enumerate(self.data.entries):
            if entry.assistant.id == assistant_id:
                self.list.selectionModel().setCurrentIndex(
                    self.list_model.index(row, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
                return

    def _viewing_newest(self) -> bool:
        entry = self.current_entry()
        if entry is None or self.view is None:
            return False
        shown = self.view.detail.timesheet
        return entry.timesheet is None or (shown is not None and shown.id == entry.timesheet.id)

    def _update_buttons(self) -> None:
        entry = self.current_entry()
        has = entry is not None
        newest = self._viewing_newest()
        status = entry.status if entry else None
        self.deviation_button.setEnabled(has and newest and not entry.locked)
        self.sick_cover_button.setEnabled(has and newest and not entry.locked)
        self.confirm_button.setEnabled(has and newest and can_confirm(
            status, entry.detail.period, self.today, entry.timesheet.confirmed_through if entry.timesheet else None))
        self.attest_button.setEnabled(has and newest and not entry.locked)
        self.correct_button.setEnabled(has and newest and entry.locked)
        self.print_button.setEnabled(has)
        self.pdf_button.setEnabled(has)
        self.payroll_button.setEnabled(self.data is not None)
        self.year_button.setEnabled(self.data is not None)
        self.proposals_button.setEnabled(self.ctx.arrangement_id is not None)
        self.register_button.setEnabled(self.ctx.arrangement_id is not None)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def _write(self, call, text: str, *, changes: Changes = Changes(timesheets=True)) -> WriteOp:
        """A change of the shown timesheet as a write operation; afterwards the page says `text`
        (the operation tells every page that shows timesheets, this one included)."""
        return WriteOp(self.ctx, self, call, changes).success(lambda _result: self.show_message(text)) \
            .failure(self._action_failed)

    # --- checks that explain why an action cannot be done -----------------------------------
    def _usable_entry(self, action: str) -> SheetEntry | None:
        entry = self.current_entry()
        if entry is None:
            self.show_message(self.tr("Choose a timesheet in the list first."))
            return None
        if not self._viewing_newest() and action != "pdf":
            self.show_message(self.tr("You are looking at an older version. Choose the newest version to act "
                                      "on the timesheet."))
            return None
        return entry

    def _locked_text(self, entry: SheetEntry) -> str:
        return self.tr("%1's timesheet for %2 is %3 and locked: nothing was changed. To change it, make a "
                       "correction first (Ctrl+K).").replace("%1", entry.assistant.name).replace(
            "%2", entry.detail.period.label()).replace("%3", status_label(entry.status).lower())

    # --- actions --------------------------------------------------------------------------------
    def open_deviation(self, kind: str | None = None) -> None:
        from bpa_desktop.ui.timesheets.deviation_dialog import DeviationDialog, undo_text

        entry = self._usable_entry("deviation")
        if entry is None or self.dialog is not None:
            return
        if entry.locked:
            self.show_message(self._locked_text(entry))
            return
        # the people who could cover: everyone of the arrangement but this assistant
        others = [a for a in self._assistants() if a.id != entry.assistant.id]
        day = self.detail.current_day()
        if day is None and kind is not None:
            day = max(entry.detail.period.start, min(self.today, entry.detail.period.end))
        writer = OpRunner(self.ctx, Changes.of("timesheets", "calendar"),
                          undo_text=lambda request: undo_text(request, entry.assistant, others))
        self.open_dialog(DeviationDialog(self.ctx.workspace, self.ctx.arrangement_id, entry.detail, entry.assistant,
                                         others, writer, self, kind=kind, day=day),
                         self.tr("The deviation is registered."))

    def open_sick_cover(self) -> None:
        """"X is sick, Y covers" for the day row the user is on: one dialog, one transaction."""
        from bpa_desktop.ui.timesheets.deviation_dialog import SICK_COVER

        self.open_deviation(SICK_COVER)

    def _assistants(self) -> list:
        return [e.assistant for e in self.data.entries] if self.data else []

    def confirm(self) -> None:
        entry = self._usable_entry("confirm")
        if entry is None:
            return
        if not is_confirmable(entry.status):
            self.show_message(self.tr("%1's timesheet is already %2.").replace("%1", entry.assistant.name).replace(
                "%2", status_label(entry.status).lower()))
            return
        assistant_id, period, today = entry.assistant.id, entry.detail.period, self.today
        if confirmable_through(period, today) is None:
            self.show_message(message("timesheet_confirm_none_over", period=period.label()))
            return

        def said(done) -> None:
            sheet = done.timesheet
            if sheet.status is TimesheetStatus.CONFIRMED:
                self.show_message(self.tr("Confirmed on paper: %1, %2.").replace(
                    "%1", entry.assistant.name).replace("%2", period.label()))
            else:
                self.show_message(message("ui_confirmed_through", name=entry.assistant.name,
                                          day=format_date(sheet.confirmed_through),
                                          rest=format_date(attestable_from(period))))

        WriteOp(self.ctx, self, lambda ws: ws.undoable.confirm_period(assistant_id, period.start, today=today),
                Changes(timesheets=True)) \
            .undoable(self.tr("Confirmation of %1's timesheet, %2").replace("%1", entry.assistant.name).replace(
                "%2", period.label())) \
            .success(said).failure(self._action_failed).run()

    def ask_attest(self) -> None:
        from bpa_desktop.ui.timesheets import attest_flow

        entry = self._usable_entry("attest")
        if entry is None or self.dialog is not None:
            return
        period = entry.detail.period
        if entry.locked:
            self.show_message(self.tr("%1's timesheet for %2 is already attested.").replace(
                "%1", entry.assistant.name).replace("%2", period.label()))
            return
        if not period_is_over(period, self.today):
            self.show_message(self.tr("%1 is not over yet: the timesheet can be attested from %2.").replace(
                "%1", period.label()).replace("%2", format_date(attestable_from(period))))
            return
        attest_flow.ask_attest(self, entry)

    def open_proposals(self) -> None:
        """The assistants' open proposals (at the table and by link): accept or decline each."""
        from bpa_desktop.ui.timesheets.proposals_dialog import ProposalsDialog

        if self.ctx.arrangement_id is None or self.dialog is not None:
            return
        self.open_dialog(ProposalsDialog(self.ctx, self), None)

    def open_correction(self) -> None:
        from bpa_desktop.ui.timesheets.reason_dialog import correction_dialog

        entry = self._usable_entry("correct")
        if entry is None:
            return
        if not entry.locked:
            self.show_message(self.tr("Only an attested timesheet needs a correction; this one can be changed "
                                      "directly with “Register deviation”."))
            return
        sheet = entry.timesheet
        self.open_dialog(correction_dialog(self.ctx.workspace, sheet.id, entry.assistant.name,
                                           entry.detail.period.label(), sheet.version,
                                           OpRunner(self.ctx, Changes(timesheets=True)), self),
                         self.tr("Correction made: version %1 is a draft until it is attested again.").replace(
                             "%1", str(sheet.version + 1)))

    def open_register(self) -> None:
        from bpa_desktop.ui.timesheets.register_dialog import RegisterShiftDialog, registration_text

        if self.ctx.arrangement_id is None:
            return
        names = {e.assistant.id: e.assistant.name for e in (self.data.entries if self.data else ())}
        writer = OpRunner(self.ctx, Changes(timesheets=True),
                          undo_text=lambda _ws, _arrangement_id, item: registration_text(names, item))
        dialog = RegisterShiftDialog(self.ctx.workspace, self.ctx.arrangement_id, self.today, names,
                                     self.ctx.runner, writer, self)
        self.open_dialog(dialog, None)

    def open_pay_codes(self) -> None:
        from bpa_desktop.ui.timesheets.pay_codes_dialog import PayCodesDialog

        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is None or self.dialog is not None:
            return
        ws = self.ctx.workspace

        def opened(found) -> None:
            profile, settings = found
            self.open_dialog(PayCodesDialog(ws, profile, settings, OpRunner(self.ctx, Changes(pay_settings=True)), self),
                             self.tr("Pay codes and rates are saved."))

        self.ctx.runner.submit(lambda: (ws.timesheets.pay_profile(arrangement_id), ws.timesheets.pay_settings(arrangement_id)),
                               on_done=opened, on_error=self._action_failed, owner=self)

    def open_dialog(self, dialog: QDialog, saved_text: str | None) -> None:
        """The dialog's saves are write operations (they tell the pages); afterwards the page says
        `saved_text` and the keyboard is back where it was (ui/dialogs/focus_return.py)."""
        def closed(_result: int) -> None:
            if getattr(dialog, "result_value", None) is not None and saved_text:
                self.show_message(saved_text)

        open_single(self, dialog, closed)

    def _action_failed(self, error: BaseException) -> None:
        self.show_message(user_message(error))
