"""Vedtak: the municipality's decisions for the arrangement, newest first; the current one stands out."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFrame, QVBoxLayout, QWidget

from bpa_desktop.core.budget import AccountStart, expiring_vedtak
from bpa_desktop.core.model import Vedtak
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.dialogs.end_dialog import EndDateDialog
from bpa_desktop.ui.dialogs.form_dialog import FormDialog
from bpa_desktop.ui.formatting import format_date, format_number
from bpa_desktop.ui.models.vedtak import VedtakTableModel, vedtak_status
from bpa_desktop.ui.pages.base import heading, paragraph
from bpa_desktop.ui.pages.table_page import TablePage
from bpa_desktop.i18n import message
from bpa_desktop.ui.widgets.accessible import button
from bpa_desktop.ui.widgets.record_forms import AccountStartForm, VedtakForm


def period_text(vedtak: Vedtak, open_ended: str) -> str:
    end = format_date(vedtak.valid_to) if vedtak.valid_to else open_ended
    return f"{format_date(vedtak.valid_from)} – {end}"


class VedtakPage(TablePage):
    page_id = "vedtak"
    listens = Changes.of("vedtak")
    changes = Changes.of("vedtak")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, VedtakTableModel(), parent)
        self.table.setAccessibleName(self.tr("Vedtak history"))
        # the current vedtak, above the buttons and the history
        self.current_box = QFrame()
        self.current_box.setFrameShape(QFrame.Shape.StyledPanel)
        box = self.current_box
        inner = QVBoxLayout(box)
        self.current_title = heading(self.tr("Current vedtak"), scale=1.15)
        self.current_text = paragraph()
        inner.addWidget(self.current_title)
        inner.addWidget(self.current_text)
        self.layout_.insertWidget(1, box)
        # where the hour account begins (an opening balance when starting mid-year)
        self.account_start = None
        self.account_text = paragraph()
        self.account_button = button(message("ui_account_button"), "Ctrl+Shift+T",
                                     message("ui_account_button_help"))
        self.account_button.clicked.connect(self.edit_account_start)
        inner.addWidget(self.account_text)
        inner.addWidget(self.account_button)
        self.tab_chain(self.account_button, self.add_button, self.edit_button, self.end_button)

    def title(self) -> str:
        return self.tr("Vedtak")

    def add_text(self) -> str:
        return self.tr("&New vedtak")

    def edit_text(self) -> str:
        return self.tr("Ed&it")

    def end_text(self) -> str:
        return self.tr("En&d vedtak")

    def can_end(self, row: int) -> bool:
        return vedtak_status(self.model.vedtak(row), date.today()) != "ended"

    def load(self) -> None:
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is None:
            self.model.set_vedtak([])
            self._show_current(None, [])
            self._show_account_start(None)
            self.after_reset(None)
            self.finish_loading()
            return
        selected = self.selected_row()
        keep = self.model.vedtak(selected).id if selected >= 0 else None
        ws = self.ctx.workspace
        self.ctx.runner.submit(
            lambda: (ws.vedtak.list_vedtak(arrangement_id), ws.vedtak.account_start(arrangement_id)),
            on_done=lambda found: self._loaded(*found, keep), on_error=self.load_failed, owner=self,
        )

    def _loaded(self, rows: list[Vedtak], start: AccountStart | None, keep: int | None) -> None:
        today = date.today()
        self._show_account_start(start)
        self.model.set_vedtak(rows, today)
        current = next((v for v in rows if vedtak_status(v, today) == "current"), None)
        self._show_current(current, rows)
        self.after_reset(keep if keep is not None else (current.id if current else None))
        self.finish_loading()

    def _show_current(self, current: Vedtak | None, rows: list[Vedtak]) -> None:
        if self.ctx.arrangement_id is None:
            text = self.tr("No arrangement yet. Create one with “New arrangement”.")
        elif current is None:
            text = self.tr("No vedtak is valid today. Add the new vedtak with “New vedtak” (Ctrl+N).")
        else:
            text = self.tr("%1 hours per week, %2. Reference: %3").replace(
                "%1", format_number(current.hours_per_week)).replace(
                "%2", period_text(current, self.tr("open-ended"))).replace(
                "%3", current.reference or self.tr("none"))
            if current in expiring_vedtak(rows, date.today()):  # and no later vedtak takes over
                days_left = (current.valid_to - date.today()).days
                warning = self.tr("Expires in %1 days: ask the municipality for a new vedtak in good time.")
                text += "\n" + warning.replace("%1", str(days_left))
        self.current_text.setText(text)
        self.current_box.setAccessibleName(self.tr("Current vedtak") + ": " + text)

    def _show_account_start(self, start: AccountStart | None) -> None:
        self.account_start = start
        if start is None:
            text = message("ui_account_none")
        else:
            text = message("ui_account_value", day=format_date(start.start_date),
                           hours=format_number(start.opening_hours), year=start.start_date.year)
        self.account_text.setText(text)
        self.account_text.setAccessibleName(text)
        self.account_button.setEnabled(self.ctx.arrangement_id is not None)

    def edit_account_start(self) -> None:
        if self.ctx.arrangement_id is None or self.dialog is not None:
            return
        form = AccountStartForm(self.ctx.arrangement_id)
        if self.account_start is not None:
            form.set_value(self.account_start)
        # the hour account's start is a vedtak change: this page, the Oversikt and Turnus hear it
        self.open_dialog(FormDialog(message("ui_account_title"), form, self.ctx.workspace.vedtak.set_account_start,
                                    self.writes(), self))

    def add_new(self) -> None:
        if self.ctx.arrangement_id is None:
            return
        form = VedtakForm()
        form.arrangement_id = self.ctx.arrangement_id
        self.open_dialog(FormDialog(self.tr("New vedtak"), form, self.ctx.workspace.vedtak.add_vedtak,
                                    self.writes(), self))

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        form = VedtakForm()
        form.set_value(self.model.vedtak(row))
        self.open_dialog(FormDialog(self.tr("Edit vedtak"), form, self.ctx.workspace.vedtak.update_vedtak,
                                    self.writes(), self))

    def end_selected(self) -> None:
        row = self.selected_row()
        if row < 0 or not self.can_end(row):
            return
        vedtak = self.model.vedtak(row)
        self.open_dialog(EndDateDialog(
            self.tr("End vedtak"),
            self.tr("The vedtak is kept in the history. Choose its last valid day."),
            self.tr("&Last day"), "valid_to",
            lambda end: self.ctx.workspace.vedtak.end_vedtak(vedtak.id, end),
            self.writes(), parent=self,
        ))
