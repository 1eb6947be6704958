"""Assistenter: the arrangement's assistants, with add, edit and end."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QCheckBox, QMessageBox, QWidget

from bpa_desktop.core.model import Assistant
from bpa_desktop.ui.context import AppContext
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.dialogs.end_dialog import EndDateDialog
from bpa_desktop.ui.dialogs.form_dialog import FormDialog
from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.models.assistants import AssistantTableModel
from bpa_desktop.ui.operations.operation import WriteOp
from bpa_desktop.ui.pages.table_page import TablePage
from bpa_desktop.ui.plain import message_box
from bpa_desktop.ui.widgets.accessible import button
from bpa_desktop.ui.widgets.record_forms import AssistantForm


class AssistantsPage(TablePage):
    page_id = "assistenter"
    listens = Changes.of("assistants")
    changes = Changes.of("assistants")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, AssistantTableModel(), parent)
        self.table.setAccessibleName(self.tr("Assistants"))
        self.show_ended = QCheckBox(self.tr("&Show ended"))
        self.show_ended.setAccessibleName(self.tr("Show ended assistants"))
        self.show_ended.setChecked(True)
        self.show_ended.toggled.connect(lambda _checked: self.reload())
        self.reset_pin_button = button(self.tr("Reset PI&N…"), description=self.tr(
            "The chosen assistant's PIN for the table: reset it so they choose a new one (also unlocks it)"))
        self.reset_pin_button.clicked.connect(self.ask_reset_pin)
        self.buttons.insertWidget(self.buttons.indexOf(self.end_button) + 1, self.reset_pin_button)
        self.buttons.addWidget(self.show_ended)
        self.tab_chain(self.add_button, self.edit_button, self.end_button, self.reset_pin_button, self.show_ended)

    def title(self) -> str:
        return self.tr("Assistants")

    def add_text(self) -> str:
        return self.tr("&Add assistant")

    def edit_text(self) -> str:
        return self.tr("Ed&it")

    def end_text(self) -> str:
        return self.tr("En&d employment")

    def can_end(self, row: int) -> bool:
        return self.model.assistant(row).end_date is None

    def _update_buttons(self) -> None:
        super()._update_buttons()
        if hasattr(self, "reset_pin_button"):
            self.reset_pin_button.setEnabled(self.selected_row() >= 0)

    def ask_reset_pin(self) -> None:
        """Reset the chosen assistant's table PIN, after a question (audited by the Workspace)."""
        row = self.selected_row()
        if row < 0 or self.dialog is not None:
            return
        assistant = self.model.assistant(row)
        box = message_box(QMessageBox.Icon.Question, self.tr("Reset the PIN"), self.tr(
            "Reset %1's PIN? %1 then chooses a new PIN the next time at the table. A locked PIN is unlocked.")
            .replace("%1", assistant.name), QMessageBox.StandardButton.NoButton, self)
        reset = box.addButton(self.tr("Reset the PIN"), QMessageBox.ButtonRole.AcceptRole)
        reset.setAccessibleName(self.tr("Reset the PIN"))
        cancel = box.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setAccessibleName(self.tr("Cancel"))
        box.setDefaultButton(reset)
        box.setAccessibleName(box.windowTitle())

        def closed(_result: int) -> None:
            if box.clickedButton() is reset:
                self.reset_pin(assistant)

        from bpa_desktop.ui.dialogs.single import open_single

        open_single(self, box, closed)

    def reset_pin(self, assistant: Assistant) -> None:
        assistant_id, name = assistant.id, assistant.name
        WriteOp(self.ctx, self, lambda ws: ws.participants.reset_pin(assistant_id), Changes(participants=True)) \
            .success(lambda _r: self.show_message(self.tr(
                "%1's PIN is reset: %1 chooses a new one the next time at the table.").replace("%1", name))) \
            .failure(lambda error: self.show_message(user_message(error))).run()

    def load(self) -> None:
        arrangement_id = self.ctx.arrangement_id
        if arrangement_id is None:
            self.model.set_assistants([])
            self.show_message(self.tr("No arrangement yet. Create one with “New arrangement”."))
            self.after_reset(None)
            self.finish_loading()
            return
        selected = self.selected_row()
        keep = self.model.assistant(selected).id if selected >= 0 else None
        self.ctx.runner.submit(
            self.ctx.workspace.people.list_assistants, arrangement_id, include_ended=self.show_ended.isChecked(),
            on_done=lambda rows: self._loaded(rows, keep), on_error=self.load_failed, owner=self,
        )

    def _loaded(self, rows: list[Assistant], keep: int | None) -> None:
        self.model.set_assistants(rows, date.today())
        self.show_message("" if rows else self.tr("No assistants yet. Add one with “Add assistant” (Ctrl+N)."))
        self.after_reset(keep)
        self.finish_loading()

    def add_new(self) -> None:
        if self.ctx.arrangement_id is None:
            return
        form = AssistantForm(show_end=False)
        form.arrangement_id = self.ctx.arrangement_id
        self.open_dialog(FormDialog(self.tr("New assistant"), form, self.ctx.workspace.people.add_assistant,
                              self.writes(), self))

    def edit_selected(self) -> None:
        row = self.selected_row()
        if row < 0:
            return
        form = AssistantForm()
        form.set_value(self.model.assistant(row))
        self.open_dialog(FormDialog(self.tr("Edit assistant"), form, self.ctx.workspace.people.update_assistant,
                              self.writes(), self))

    def end_selected(self) -> None:
        row = self.selected_row()
        if row < 0 or not self.can_end(row):
            return
        assistant = self.model.assistant(row)
        self.open_dialog(EndDateDialog(
            self.tr("End employment"),
            self.tr("The assistant is kept in the history, timesheets and reports. "
                    "Choose the last day of employment."),
            self.tr("&Last day"), "end_date",
            lambda end: self.ctx.workspace.people.end_assistant(assistant.id, end),
            self.writes(), parent=self,
        ))
