"""Oversikt: the year's hour account against the vedtak (chart and the same numbers as text),
a warning before the vedtak runs out, timesheets waiting for confirmation or attestation, and
this month's absence."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QFormLayout, QGridLayout, QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QWidget,
)

from bpa_desktop.core.budget import HourAccount, expiring_vedtak, hour_account
from bpa_desktop.core.model import Absence, Assistant, Timesheet, TimesheetStatus, Vedtak
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.errors import show_error
from bpa_desktop.ui.formatting import format_date, format_number
from bpa_desktop.ui.models.vedtak import vedtak_status
from bpa_desktop.ui.pages.base import Page, paragraph
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


def read_overview(ws, arrangement_id: int, today: date) -> OverviewData:
    """Everything the page shows, read in one go (in a worker)."""
    year_start, year_end = date(today.year, 1, 1), date(today.year, 12, 31)
    month_start = today.replace(day=1)
    month_end = (month_start + timedelta(days=32)).replace(day=1) - timedelta(days=1)
    vedtak = ws.vedtak.list_vedtak(arrangement_id)
    planned = ws.rota.list_planned_shifts(arrangement_id, year_start, year_end)
    worked = ws.timesheets.list_worked_shifts(arrangement_id, year_start, min(today, year_end))
    return OverviewData(
        today=today,
        vedtak=vedtak,
        assistants=ws.people.list_assistants(arrangement_id),
        account=hour_account(vedtak, today.year, planned, worked, today),
        timesheets=ws.timesheets.list_timesheets(arrangement_id),
        absences=ws.timesheets.list_absences(arrangement_id, month_start, month_end),
    )


def waiting(timesheets: list[Timesheet], status: TimesheetStatus) -> list[Timesheet]:
    return sorted((t for t in timesheets if TimesheetStatus(t.status) is status),
                  key=lambda t: (t.period_start, t.assistant_id))


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
            ("planned", self.tr("Planned for the rest of the year")),
            ("remaining", self.tr("Not yet planned")),
            ("forecast", self.tr("Forecast at year end")),
        ):
            value = QLabel()
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.values[key] = value
            self.figures.addRow(QLabel(text), value)
        self.chart = chart_view(self.tr("Chart of the hour account"))
        top = QHBoxLayout()
        top.addLayout(self.figures, 2)
        top.addWidget(self.chart, 3)
        self.layout_.addLayout(top, 3)

        self.to_confirm = self._list(self.tr("Waiting for the assistant to confirm"))
        self.to_attest = self._list(self.tr("Waiting for your attestation"))
        self.absence = self._list(self.tr("Absence this month"))
        lists = QGridLayout()
        for column, (text, widget) in enumerate(((self.tr("Waiting for &confirmation"), self.to_confirm),
                                                 (self.tr("Waiting for &attestation"), self.to_attest),
                                                 (self.tr("A&bsence this month"), self.absence))):
            lists.addWidget(buddy_label(text, widget), 0, column)
            lists.addWidget(widget, 1, column)
        self.layout_.addLayout(lists, 2)
        self.hint = paragraph(self.tr("Enter on a timesheet opens it on the Timesheets page."))
        self.layout_.addWidget(self.hint)

    def _list(self, name: str) -> QListWidget:
        widget = named(QListWidget(), name)
        widget.itemActivated.connect(self._open_timesheet)
        return widget

    def title(self) -> str:
        return self.tr("Overview")

    def load(self) -> None:
        arrangement = self.ctx.arrangement
        if arrangement is None:
            self._show_nothing()
            return
        self.ctx.runner.submit(read_overview, self.ctx.workspace, arrangement.id, self.today,
                               on_done=lambda data: self._show(arrangement, data), on_error=self._failed, owner=self)

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
        for widget in (self.to_confirm, self.to_attest, self.absence):
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
        self._show_account(data.account)
        self._show_warning(data)
        self._show_lists(data)
        self.finish_loading()

    def _show_account(self, account: HourAccount) -> None:
        self._set("granted", self.hours(account.granted))
        self._set("worked", self.hours(account.worked + account.start_balance))
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
            Series(self.tr("Worked"), [0, account.worked + account.start_balance, 0]),
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
        for widget, status in ((self.to_confirm, TimesheetStatus.DRAFT),
                               (self.to_attest, TimesheetStatus.CONFIRMED)):
            widget.clear()
            for sheet in waiting(data.timesheets, status):
                period = PayPeriod(sheet.period_start, sheet.period_end)
                item = QListWidgetItem(f"{names.get(sheet.assistant_id, '')} – {period.label()}")
                item.setData(Qt.ItemDataRole.UserRole, (sheet.period_start.isoformat(), sheet.assistant_id))
                widget.addItem(item)
            if widget.count() == 0:
                widget.addItem(QListWidgetItem(self.tr("None")))
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
        if not found or not hasattr(window, "show_page"):
            return
        page = window.show_page("timelister")
        page.select_period(date.fromisoformat(found[0]), found[1])
        page.list.setFocus(Qt.FocusReason.OtherFocusReason)

