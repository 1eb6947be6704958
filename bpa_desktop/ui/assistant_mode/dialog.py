"""Assistent ved bordet: a modal dialog over the whole window. The leader's window behind it is
emptied while it is open (no leader data visible), and comes back when the assistant leaves.

Choose your name → set your PIN (first use) or enter it → your own month (ws.participants.
month_view): propose what happened on a shift, confirm the month you see (bound to the hash of
that view). Every Workspace call runs off the GUI thread as an operation (ui/operations)."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from bpa_desktop.sync.protocol_v2 import view_hash
from bpa_desktop.ui.assistant_mode.choose_page import ChoosePage
from bpa_desktop.workspace.errors import PinAlreadySetError, PinLockedError, StaleViewError, WrongPinError
from bpa_desktop.ui.assistant_mode.month_page import MonthPage, hours
from bpa_desktop.ui.assistant_mode.pin_page import PinPage
from bpa_desktop.ui.dialogs.single import open_single
from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.operation import QueryOp, WriteOp
from bpa_desktop.ui.plain import message_box

PERIODS_SHOWN = 3  # this pay period and the two before it


def read_periods(ws, arrangement_id: int, today: date) -> list:
    periods = [ws.timesheets.pay_period_for(arrangement_id, today)]
    while len(periods) < PERIODS_SHOWN:
        periods.append(ws.timesheets.pay_period_for(arrangement_id, periods[-1].start - timedelta(days=1)))
    return periods


class AssistantModeDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None, today: date | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.today = today or date.today()
        self.arrangement_id = ctx.arrangement_id
        self.assistant = None  # the TableAssistant signed in, None until the PIN is right
        self.periods: list = []
        self.period = None
        self.dialog = None  # the confirmation question (tests look at it)
        self._hidden: list[QWidget] = []
        self.setWindowTitle(self.tr("Assistant at the table"))
        self.setAccessibleName(self.tr("Assistant at the table"))
        self.setModal(True)
        font = self.font()  # larger: read at arm's length at the table
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 1.25)
        elif font.pixelSize() > 0:
            font.setPixelSize(round(font.pixelSize() * 1.25))
        self.setFont(font)
        self.choose_page, self.pin_page, self.month_page = ChoosePage(), PinPage(), MonthPage()
        self.stack = QStackedWidget()
        for page in (self.choose_page, self.pin_page, self.month_page):
            self.stack.addWidget(page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.choose_page.chosen.connect(self._chosen)
        self.choose_page.leave.connect(self.leave)
        self.pin_page.set_pin.connect(self._set_pin)
        self.pin_page.check_pin.connect(self._check_pin)
        self.pin_page.back.connect(self.sign_out)
        self.month_page.period_chosen.connect(self._period_chosen)
        self.month_page.propose.connect(self._propose)
        self.month_page.confirm.connect(self.ask_confirm)
        self.month_page.switch_person.connect(self.sign_out)
        self.month_page.leave.connect(self.leave)
        self.finished.connect(lambda _result: self._show_leader())
        for each in self.findChildren(QPushButton):  # Enter in a PIN field or a list never presses a button
            each.setAutoDefault(False)

    # --- the leader's window hidden behind ------------------------------------------------------
    def open(self) -> None:
        window = self.parentWidget()
        if window is not None and hasattr(window, "centralWidget"):
            for widget in (window.centralWidget(), window.statusBar(), window.menuBar()):
                if widget is not None and widget.isVisible():
                    widget.hide()
                    self._hidden.append(widget)
            self.resize(window.size())
        super().open()
        self.setWindowState(self.windowState() | Qt.WindowState.WindowMaximized)
        self.load_names()

    def reject(self) -> None:
        """Escape goes back to the names (a slip of the hand shows nobody's data); on the names it
        leaves the mode."""
        if self.stack.currentWidget() is self.choose_page:
            self.leave()
        else:
            self.sign_out()

    def leave(self) -> None:
        """Back to the leader's window."""
        super().reject()

    def _show_leader(self) -> None:
        self.assistant = None
        self.month_page.clear()
        for widget in self._hidden:
            widget.show()
        self._hidden.clear()

    # --- choose, PIN -------------------------------------------------------------------------------
    def load_names(self) -> None:
        today, arrangement_id = self.today, self.arrangement_id
        QueryOp(self.ctx, self, lambda ws: ws.participants.table_assistants(today, arrangement_id),
                self._names_loaded) \
            .failure(lambda error: self.choose_page.show_message(user_message(error))).run()

    def _names_loaded(self, assistants: list) -> None:
        if not self.isVisible():
            return  # left meanwhile: the keyboard stays with the leader's window
        self.choose_page.set_assistants(assistants)
        self.stack.setCurrentWidget(self.choose_page)
        self.choose_page.focus()

    def _chosen(self, assistant) -> None:
        if self.stack.currentWidget() is not self.choose_page:
            return  # Enter on the list and the Continue button: one choice
        if assistant.locked:
            self.choose_page.show_message(self.tr(
                "%1's PIN is locked after too many wrong tries. Ask the arbeidsleder to reset it.").replace(
                "%1", assistant.display_name))
            return
        self.choose_page.show_message("")
        self.assistant = assistant
        self._signed_in = False
        self.stack.setCurrentWidget(self.pin_page)
        self.pin_page.start(assistant.display_name, first_use=not assistant.has_pin)

    def _set_pin(self, pin: str) -> None:
        aid = self.assistant.id
        WriteOp(self.ctx, self, lambda ws: ws.participants.set_pin(aid, pin), Changes(participants=True)) \
            .success(lambda _r: self._pin_right()).failure(self._pin_failed).run()

    def _check_pin(self, pin: str) -> None:
        aid = self.assistant.id
        WriteOp(self.ctx, self, lambda ws: ws.participants.check_pin(aid, pin), Changes(participants=True)) \
            .success(lambda _r: self._pin_right()).failure(self._pin_failed).run()

    def _pin_failed(self, error: BaseException) -> None:
        if isinstance(error, WrongPinError):
            self.pin_page.wrong(error.tries_left)
        elif isinstance(error, PinLockedError):
            self.pin_page.locked()
        elif isinstance(error, PinAlreadySetError):
            self.pin_page.start(self.assistant.display_name, first_use=False)
            self.pin_page.show_message(self.tr("You already have a PIN. Enter it."))
        else:
            self.pin_page.set_busy(False)
            self.pin_page.show_message(user_message(error))

    def _pin_right(self) -> None:
        self.pin_page.pin.clear()
        self.pin_page.again.clear()
        self._signed_in = True
        self.load_month(None)

    def sign_out(self) -> None:
        """Back to the names: nothing of the person who was signed in stays on screen."""
        self.assistant = None
        self._signed_in = False
        self.month_page.clear()
        self.pin_page.pin.clear()
        self.choose_page.clear()
        self.stack.setCurrentWidget(self.choose_page)
        self.load_names()

    # --- the month ---------------------------------------------------------------------------------
    def load_month(self, period_start: date | None, then=None) -> None:
        if self.assistant is None or not self._signed_in:
            return
        aid, arrangement_id, today = self.assistant.id, self.arrangement_id, self.today

        def read(ws):
            periods = read_periods(ws, arrangement_id, today)
            period = next((p for p in periods if p.start == period_start), periods[0])
            return periods, period, ws.participants.month_view(aid, period.start)

        QueryOp(self.ctx, self, read, lambda found: self._month_loaded(*found, then)) \
            .failure(lambda error: self.month_page.show_message(user_message(error))).run()

    def _month_loaded(self, periods: list, period, view, then) -> None:
        if self.assistant is None or not self.isVisible():
            return  # signed out or left meanwhile
        self.periods, self.period = periods, period
        self.month_page.set_periods(periods, period)
        self.month_page.show_view(view, self.today)
        if self.stack.currentWidget() is not self.month_page:
            self.stack.setCurrentWidget(self.month_page)
            self.month_page.show_message("")
            self.month_page.focus()
        if then is not None:
            then()

    def _period_chosen(self, start: date) -> None:
        self.month_page.show_message("")
        self.load_month(start)

    def _propose(self, values: dict) -> None:
        if self.assistant is None or self.period is None:
            return
        aid, start = self.assistant.id, self.period.start
        WriteOp(self.ctx, self, lambda ws: ws.participants.propose(aid, start, channel="table", **values),
                Changes(participants=True)) \
            .success(lambda _proposal: self._proposed()) \
            .failure(lambda error: self.month_page.show_message(user_message(error))).run()

    def _proposed(self) -> None:
        self.month_page.form.clear()
        self.month_page.show_message(self.tr(
            "Your proposal is sent to the arbeidsleder, who accepts or declines it. The hours change when it is "
            "accepted."))

    def ask_confirm(self) -> None:
        view = self.month_page.view
        if view is None or self.assistant is None:
            return
        seen = view_hash(view)
        box = message_box(QMessageBox.Icon.Question, self.tr("Confirm the month"), self.tr(
            "You confirm that these %1 shifts, %2 hours in all, are right for %3.\n\nWhat you confirm is exactly "
            "what is shown now (check code %4). If the arbeidsleder changes it later, you are asked again.")
            .replace("%1", str(len(view.shifts))).replace("%2", hours(view.total_minutes))
            .replace("%3", self.period.label() if self.period else view.period).replace("%4", seen[:8]),
            QMessageBox.StandardButton.NoButton, self)
        confirm = box.addButton(self.tr("Confirm"), QMessageBox.ButtonRole.AcceptRole)
        confirm.setAccessibleName(self.tr("Confirm"))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        box.setDefaultButton(confirm)
        box.setAccessibleName(box.windowTitle())

        def closed(_result: int) -> None:
            if box.clickedButton() is confirm:
                self._confirm(seen)

        open_single(self, box, closed)

    def _confirm(self, seen: str) -> None:
        aid, start, today = self.assistant.id, self.period.start, self.today
        WriteOp(self.ctx, self, lambda ws: ws.participants.confirm_by_assistant(aid, start, seen, channel="table",
                                                                               today=today),
                Changes(participants=True, timesheets=True)) \
            .success(lambda _r: self.month_page.show_message(self.tr(
                "Thank you: the month is confirmed. The arbeidsleder sees that you confirmed it."))) \
            .failure(self._confirm_failed).run()

    def _confirm_failed(self, error: BaseException) -> None:
        if isinstance(error, StaleViewError):
            said = self.tr("The month changed after it was shown, so nothing was confirmed. Here it is as it is "
                           "now: look it over and confirm again.")
            self.load_month(self.period.start, then=lambda: self.month_page.show_message(said))
        else:
            self.month_page.show_message(user_message(error))
