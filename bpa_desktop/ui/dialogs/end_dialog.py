"""Asks for the date something ends (an assistant's employment, a vedtak)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtWidgets import QWidget

from bpa_desktop.ui.dialogs.form_dialog import FormDialog
from bpa_desktop.ui.formatting import from_qdate
from bpa_desktop.ui.plain import text_label
from bpa_desktop.ui.widgets.date_field import make_date_edit
from bpa_desktop.ui.widgets.form import ValidatedForm
from bpa_desktop.ui.workers import TaskRunner


class EndDateForm(ValidatedForm):
    def __init__(self, field_key: str, prompt: str, label: str, default: date) -> None:
        super().__init__()
        text = text_label(prompt)
        text.setWordWrap(True)
        self.layout_.addRow(text)
        self.end = self.add_field(field_key, label, make_date_edit(default))

    def value(self) -> date:
        return from_qdate(self.end.date())


class EndDateDialog(FormDialog):
    """`save(end_date)` runs in a worker; ValidationError messages show under the date."""

    def __init__(self, title: str, prompt: str, label: str, field_key: str, save: Callable[[date], object],
                 runner: TaskRunner | None, default: date | None = None, parent: QWidget | None = None) -> None:
        form = EndDateForm(field_key, prompt, label, default or date.today())
        super().__init__(title, form, save, runner, parent)
        self.save_button.setText(self.tr("&End"))
        self.save_button.setAccessibleName(self.tr("End"))
