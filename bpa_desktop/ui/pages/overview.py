"""Oversikt: the year's hour account against the vedtak (chart and the same numbers as text,
with the opening balance and the planned shifts in the past nobody registered, listed to fix),
a warning before the vedtak runs out, timesheets waiting for the assistant's confirmation
(saying how far it is confirmed) or for attestation (only those that can be attested now), and
this month's absence."""

from __future__ import annotations

from dataclasses import dataclass, fields
from datetime import date, timedelta
from types import SimpleNamespace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from bpa_desktop import overview_snapshot
from bpa_desktop.core.budget import AccountStart, HourAccount, expiring_vedtak
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Absence, Assistant, Shift, Timesheet, TimesheetStatus, Vedtak
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.timesheet_lifecycle import is_attestable
from bpa_desktop.i18n import message
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.errors import show_error
from bpa_desktop.ui.formatting import format_date, format_number
from bpa_desktop.ui.models.vedtak import vedtak_status
from bpa_desktop.ui.pages.base import Page, paragraph
from bpa_desktop.ui.plain import text_label
from bpa_desktop.ui.reports.charts import bar_chart, chart_view, show_chart
from bpa_desktop.ui.reports.report_data import Series, month_names
from bpa_desktop.ui.timesheets.rows import absence_text
from bpa_desktop.ui.widgets.accessible import buddy_label, named

EXPIRY_WARNING_DAYS = 60


@dataclass(frozen=True)
class OverviewData:
    today: date
    vedtak: list[Vedtak]
    assistants: list[Assistant]
    account: HourAccount
    timesheets: list[Timesheet]  # newest version of each
    absences: list[Absence]  # touching this month
    unregistered: tuple[Shift, ...] = ()  # planned in the past, never registered
    start: AccountStart | None = None


def read_overview(ws, arrangement_id: int, today: date) -> OverviewData:
    """Everything the page shows, read in one go (in a worker)."""
    month_start = today.replace(day=1)
    month_end = (month_start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    reading = ws.reports.hour_account(arrangement_id, today)
    return OverviewData(
        today=today,
        vedtak=ws.vedtak.list_vedtak(arrangement_id),
        assistants=ws.people.list_assistants(arrangement_id),
        account=reading.account,
        timesheets=ws.timesheets.list_timesheets(arrangement_id),
        absences=ws.timesheets.list_absences(arrangement_id, month_start, month_end),
        unregistered=reading.unregistered,
        start=reading.start,
    )


def read_and_identify(ws, arrangement_id: int, today: date) -> tuple[OverviewData, tuple | None]:
    """The page's data and the database file's identity taken before the read: a snapshot is
    written only if the file is still so afterwards (no write came in between)."""
    path = getattr(ws, "path", None)
    identity = overview_snapshot.db_identity(path) if path is not None else None
    return read_overview(ws, arrangement_id, today), identity


def save_snapshot(db_path, identity: tuple | None, arrangement, data: OverviewData) -> bool:
    return overview_snapshot.save(db_path, identity, arrangement.id, arrangement.name, data.today,
                                  {f.name: getattr(data, f.name) for f in fields(OverviewData)})


def snapshot_data(snapshot: overview_snapshot.Snapshot) -> OverviewData | None:
    """The snapshot's fields as the page's data, or None when they are not what the page reads."""
    try:
        data = OverviewData(**snapshot.fields)
    except TypeError:
        return None
    lists = (data.vedtak, data.assistants, data.timesheets, data.absences)
    if (data.today != snapshot.today or not isinstance(data.account, HourAccount)
            or not all(isinstance(items, list) for items in lists) or not isinstance(data.unregistered, tuple)
            or not isinstance(data.start, (AccountStart, type(None)))):
        return None
    return data


def waiting_for_confirmation(timesheets: list[Timesheet]) -> list[Timesheet]:
    """Drafts: the assistant has days left to confirm (now or when they are over)."""
    return sorted((t for t in timesheets if TimesheetStatus(t.status) is TimesheetStatus.DRAFT),
                  key=lambda t: (t.period_start, t.assistant_id))


def waiting_for_attestation(timesheets: list[Timesheet], today: date) -> list[Timesheet]:
    """Only sheets that can be attested now: not locked, and the period is over."""
    return sorted((t for t in timesheets
                   if is_attestable(t.status, PayPeriod(t.period_start, t.period_end), today)),
                  key=lambda t: (TimesheetStatus(t.status) is not TimesheetStatus.CONFIRMED, t.period_start,
                                 t.assistant_id))


def confirmation_text(sheet: Timesheet) -> str:
    if TimesheetStatus(sheet.status) is TimesheetStatus.CONFIRMED:
        return message("ui_overview_confirmed")
    if sheet.confirmed_through is not None:
        return message("ui_confirmed_partly", day=format_date(sheet.confirmed_through))
    return message("ui_overview_not_confirmed")


class OverviewPage(Page):
    page_id = "oversikt"
    listens = Changes.of("vedtak", "assistants", "arrangements", "timesheets", "calendar", "rota", "sync")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.today = date.today()
        self.data: OverviewData | None = None
        self.warning = paragraph()
        font = self.warning.font()
        font.setBold(True)
        self.warning.setFont(font)
        self.warning.hide()
        self.layout_.addWidget(self.warning)

        self.figures = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for key, text in (
            ("vedtak", self.tr("Current vedtak")),
            ("assistants", self.tr("Active assistants")),
            ("granted", self.tr("Hours granted this year")),
            ("worked", self.tr("Worked so far")),
            ("start", message("ui_overview_start")),
            ("unregistered", message("ui_overview_unregistered")),
            ("planned", self.tr("Planned for the rest of the year")),
            ("remaining", self.tr("Not yet planned")),
            ("forecast", self.tr("Forecast at year end")),
        ):
            value = text_label()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.figures.addRow(text_label(text), value)
        self.chart = chart_view(self.tr("Chart of the hour account"))
        top = QHBoxLayout()
        top.addLayout(self.figures, 2)
        top.addWidget(self.chart, 3)
        self.layout_.addLayout(top, 3)

        self.to_confirm = self._list(self.tr("Waiting for the assistant to confirm"))
        self.to_attest = self._list(self.tr("Waiting for your attestation"))
        self.absence = self._list(self.tr("Absence this month"))
        self.to_register = self._list(message("ui_overview_unregistered_list"))
        lists = QGridLayout()
        for column, (text, widget) in enumerate(((self.tr("Waiting for &confirmation"), self.to_confirm),
                                                 (self.tr("Waiting for &attestation"), self.to_attest),
                                                 (message("ui_overview_unregistered_label"), self.to_register),
                                                 (self.tr("A&bsence this month"), self.absence))):
            lists.addWidget(buddy_label(text, widget), 0, column)
            lists.addWidget(widget, 1, column)
        self.layout_.addLayout(lists, 2)
        self.hint = paragraph(self.tr("Enter on a timesheet opens it on the Timesheets page."))
        self.layout_.addWidget(self.hint)

    def _list(self, name: str) -> QListWidget:
        widget = named(QListWidget(), name)
        # Four lists share the width: a long line wraps instead of hiding behind a scroll bar.
        widget.setWordWrap(True)
        widget.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        widget.setResizeMode(QListWidget.ResizeMode.Adjust)
        widget.itemActivated.connect(self._open_timesheet)
        return widget

    def title(self) -> str:
        return self.tr("Overview")

    def load(self) -> None:
        arrangement = self.ctx.arrangement
        if arrangement is None:
            self._show_nothing()
            return
        self.ctx.runner.submit(read_and_identify, self.ctx.workspace, arrangement.id, self.today,
                               on_done=lambda found: self._read(arrangement, *found), on_error=self._failed,
                               owner=self)

    def _read(self, arrangement, data: OverviewData, identity: tuple | None) -> None:
        self._show(arrangement, data)
        # the next start shows the first arrangement: a snapshot of another would never be used
        if identity is not None and self.ctx.arrangements and self.ctx.arrangements[0].id == arrangement.id:
            self.ctx.runner.submit(save_snapshot, self.ctx.workspace.path, identity, arrangement, data,
                                   on_error=lambda _error: None, owner=self)

    def show_snapshot(self, snapshot: overview_snapshot.Snapshot) -> bool:
        """At start, before the database is open: the last figures read from it (app.py checked
        that nothing changed since). The page reads again once the database is open."""
        data = snapshot_data(snapshot)
        if data is None:
            return False
        self.today = data.today
        self._show(SimpleNamespace(id=snapshot.arrangement_id, name=snapshot.arrangement_name), data)
        return True

    def _failed(self, error: BaseException) -> None:
        self.finish_loading()
        show_error(self, error)

    def _set(self, key: str, text: str) -> None:
        label = self.values[key]
        label.setText(text)
        label.setAccessibleName(f"{self.figures.labelForField(label).text()}: {text}")

    def _show_nothing(self) -> None:
        self.data = None
        self.heading.setText(self.title())
        self._set("vedtak", self.tr("No arrangement yet. Create one with “New arrangement”."))
        for key in self.values:
            if key != "vedtak":
                self._set(key, "–")
        self.warning.hide()
        for widget in (self.to_confirm, self.to_attest, self.absence, self.to_register):
            widget.clear()
        show_chart(self.chart, bar_chart("", [], []))
        self.finish_loading()

    def hours(self, value: float) -> str:
        return self.tr("%1 h").replace("%1", format_number(round(value)))

    def _show(self, arrangement, data: OverviewData) -> None:
        self.data = data
        today = data.today
        self.heading.setText(self.tr("Overview: %1").replace("%1", arrangement.name))
        self.heading.setAccessibleName(self.heading.text())
        current = next((v for v in data.vedtak if vedtak_status(v, today) == "current"), None)
        if current is None:
            self._set("vedtak", self.tr("No vedtak is valid today."))
        else:
            end = format_date(current.valid_to) if current.valid_to else self.tr("open-ended")
            self._set("vedtak", self.tr("%1 hours per week, %2 – %3").replace(
                "%1", format_number(current.hours_per_week)).replace(
                "%2", format_date(current.valid_from)).replace("%3", end))
        self._set("assistants", str(len([a for a in data.assistants if a.active_on(today)])))
        self._show_account(data.account, data.start)
        self._show_warning(data)
        self._show_lists(data)
        self.finish_loading()

    def _show_account(self, account: HourAccount, start: AccountStart | None = None) -> None:
        self._set("granted", self.hours(account.granted))
        self._set("worked", self.hours(account.worked))
        if start is not None and start.start_date.year == account.year:
            self._set("start", message("ui_overview_start_value", hours=self.hours(account.start_balance),
                                       day=format_date(start.start_date)))
        else:
            self._set("start", message("ui_overview_start_none"))
        self._set("unregistered", self.hours(account.unregistered))
        self._set("planned", self.hours(account.planned))
        self._set("remaining", self.hours(account.remaining))
        left = account.forecast_remaining
        verdict = (self.tr("%1 h left unused").replace("%1", format_number(round(left))) if left >= 0 else
                   self.tr("%1 h over the vedtak").replace("%1", format_number(round(-left))))
        self._set("forecast", f"{self.hours(account.forecast)} ({verdict})")
        granted, used, forecast = self.tr("Granted"), self.tr("Worked and planned"), self.tr("Forecast")
        # a horizontal chart draws its first category at the bottom
        series = [
            Series(granted, [0, 0, account.granted]),
            Series(self.tr("Worked"), [0, account.worked + account.start_balance + account.unregistered, 0]),
            Series(self.tr("Planned"), [0, account.planned, 0]),
            Series(forecast, [account.forecast, 0, 0]),
        ]
        chart = bar_chart(self.tr("Hour account %1").replace("%1", str(account.year)), [forecast, used, granted],
                          series, horizontal=True, unit=self.tr("hours"))
        show_chart(self.chart, chart, self.tr("The same figures are in the list to the left."))

    def _show_warning(self, data: OverviewData) -> None:
        ending = expiring_vedtak(data.vedtak, data.today, EXPIRY_WARNING_DAYS)
        if ending:
            days = (ending[0].valid_to - data.today).days
            text = self.tr("The vedtak ends on %1 (in %2 days) and no new vedtak follows. Apply for a new one "
                           "in time.").replace("%1", format_date(ending[0].valid_to)).replace("%2", str(days))
            self.warning.setText(text)
            self.warning.setAccessibleName(text)
        self.warning.setVisible(bool(ending))

    def _show_lists(self, data: OverviewData) -> None:
        names = {a.id: a.name for a in data.assistants}
        for widget, sheets in ((self.to_confirm, waiting_for_confirmation(data.timesheets)),
                               (self.to_attest, waiting_for_attestation(data.timesheets, data.today))):
            widget.clear()
            for sheet in sheets:
                period = PayPeriod(sheet.period_start, sheet.period_end)
                item = QListWidgetItem(f"{names.get(sheet.assistant_id, '')} – {period.label()} "
                                       f"({confirmation_text(sheet)})")
                item.setData(Qt.ItemDataRole.UserRole, (sheet.period_start.isoformat(), sheet.assistant_id, None))
                widget.addItem(item)
            if widget.count() == 0:
                widget.addItem(QListWidgetItem(self.tr("None")))
        self.to_register.clear()
        for shift in data.unregistered:
            start, end = shift.start.astimezone(OSLO), shift.end.astimezone(OSLO)
            item = QListWidgetItem(f"{names.get(int(shift.assistant), '')} – {format_date(start.date())} "
                                   f"{shift.code or ''} {start:%H:%M}–{end:%H:%M}".replace("  ", " "))
            item.setData(Qt.ItemDataRole.UserRole, (start.date().isoformat(), int(shift.assistant),
                                                    start.date().isoformat()))
            self.to_register.addItem(item)
        if self.to_register.count() == 0:
            self.to_register.addItem(QListWidgetItem(self.tr("None")))
        self.absence.clear()
        for absence in sorted(data.absences, key=lambda a: (a.start, names.get(a.assistant_id, ""))):
            self.absence.addItem(QListWidgetItem(self.tr("%1: %2, %3 – %4").replace(
                "%1", names.get(absence.assistant_id, "")).replace("%2", absence_text(absence)).replace(
                "%3", format_date(absence.start)).replace("%4", format_date(absence.end))))
        if self.absence.count() == 0:
            self.absence.addItem(QListWidgetItem(self.tr("No absence registered in %1.").replace(
                "%1", month_names()[data.today.month - 1])))

    def _open_timesheet(self, item: QListWidgetItem) -> None:
        """Show the timesheet on the Timelister page (the main window knows the pages)."""
        found = item.data(Qt.ItemDataRole.UserRole)
        window = self.window()
        if not found or not hasattr(window, "show_page") or self.ctx.workspace is None:  # a snapshot
            return
        page = window.show_page("timelister")
        row_day = date.fromisoformat(found[2]) if len(found) > 2 and found[2] else None
        page.select_period(date.fromisoformat(found[0]), found[1], row_day=row_day)
        if row_day is None:  # else the page focuses that day's row once it is shown
            page.list.setFocus(Qt.FocusReason.OtherFocusReason)

