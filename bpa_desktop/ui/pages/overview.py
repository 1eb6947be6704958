"""Oversikt: a few honest figures about the chosen arrangement (more comes with the hour account)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QWidget

from bpa_desktop.core.budget import granted_hours
from bpa_desktop.core.model import Assistant, Vedtak
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.errors import show_error
from bpa_desktop.ui.formatting import format_date, format_number
from bpa_desktop.ui.models.vedtak import vedtak_status
from bpa_desktop.ui.pages.base import Page, paragraph


class OverviewPage(Page):
    page_id = "oversikt"
    topics = ("vedtak", "assistants", "arrangement")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.figures = QFormLayout()
        self.vedtak_value = QLabel()
        self.granted_value = QLabel()
        self.assistants_value = QLabel()
        for label, value in (
            (self.tr("Current vedtak"), self.vedtak_value),
            (self.tr("Hours granted this year"), self.granted_value),
            (self.tr("Active assistants"), self.assistants_value),
        ):
            value.setWordWrap(True)
            self.figures.addRow(QLabel(label), value)
        self.layout_.addLayout(self.figures)
        self.layout_.addSpacing(self.fontMetrics().height())
        self.note = paragraph(self.tr(
            "Coming here: planned and worked hours against the vedtak, the forecast at year end, "
            "rule findings in the rota and timesheets waiting for attestation."
        ))
        self.layout_.addWidget(self.note)
        self.layout_.addStretch(1)

    def title(self) -> str:
        return self.tr("Overview")

    def load(self) -> None:
        arrangement = self.ctx.arrangement
        if arrangement is None:
            self._show(None, [], [])
            return
        workspace = self.ctx.workspace

        def read() -> tuple[list[Vedtak], list[Assistant]]:
            return workspace.list_vedtak(arrangement.id), workspace.list_assistants(arrangement.id)

        self.ctx.runner.submit(read, on_done=lambda data: self._show(arrangement, *data),
                               on_error=self._failed, owner=self)

    def _failed(self, error: BaseException) -> None:
        self.finish_loading()
        show_error(self, error)

    def _show(self, arrangement, vedtak: list[Vedtak], assistants: list[Assistant]) -> None:
        today = date.today()
        if arrangement is None:
            self.heading.setText(self.title())
            self.vedtak_value.setText(self.tr("No arrangement yet. Create one with “New arrangement”."))
            self.granted_value.setText("–")
            self.assistants_value.setText("–")
        else:
            self.heading.setText(self.tr("Overview: %1").replace("%1", arrangement.name))
            current = next((v for v in vedtak if vedtak_status(v, today) == "current"), None)
            if current is None:
                self.vedtak_value.setText(self.tr("No vedtak is valid today."))
            else:
                end = format_date(current.valid_to) if current.valid_to else self.tr("open-ended")
                self.vedtak_value.setText(self.tr("%1 hours per week, %2 – %3").replace(
                    "%1", format_number(current.hours_per_week)).replace(
                    "%2", format_date(current.valid_from)).replace("%3", end))
            granted = granted_hours(vedtak, today.year)
            self.granted_value.setText(self.tr("%1 hours in %2").replace(
                "%1", format_number(round(granted))).replace("%2", str(today.year)))
            active = [a for a in assistants if a.active_on(today)]
            self.assistants_value.setText(str(len(active)))
        for value in (self.vedtak_value, self.granted_value, self.assistants_value):
            value.setAccessibleName(value.text())
        self.heading.setAccessibleName(self.heading.text())
        self.finish_loading()
