"""A dialog that asks for a reason (required) and runs one Workspace call with it."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit, QWidget

from bpa_desktop.ui.dialogs.form_dialog import FormDialog
from bpa_desktop.ui.pages.base import paragraph
from bpa_desktop.ui.widgets.accessible import plain
from bpa_desktop.ui.widgets.form import ValidatedForm

translate = QCoreApplication.translate  # tests/i18n reads translate("Context", "text")


class ReasonForm(ValidatedForm):
    def __init__(self, prompt: str, description: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.prompt = text = paragraph(prompt)
        text.setAccessibleName(prompt)
        self.layout_.addRow(text)
        self.reason = self.add_field("reason", self.tr("&Reason"), QLineEdit(), description)

    def value(self) -> str:
        return self.reason.text().strip()

    def check(self, reason: str) -> dict[str, str]:
        return {} if reason else {"reason": self.tr("A reason is required.")}


def reason_dialog(title: str, prompt: str, description: str, button_text: str, save: Callable[[str], object],
                  runner, parent: QWidget | None = None) -> FormDialog:
    form = ReasonForm(prompt, description)
    dialog = FormDialog(title, form, save, runner, parent, check=form.check)
    dialog.save_button.setText(button_text)
    dialog.save_button.setAccessibleName(plain(button_text))
    return dialog


def correction_dialog(ws, timesheet_id: int, name: str, period_label: str, version: int, runner,
                      parent: QWidget | None = None) -> FormDialog:
    prompt = translate(
        "CorrectionDialog",
        "The attested version %1 of %2's timesheet for %3 stays stored unchanged. A correction makes version %4: "
        "a draft you can change and must attest again.",
    ).replace("%1", str(version)).replace("%2", name).replace("%3", period_label).replace("%4", str(version + 1))
    return reason_dialog(
        translate("CorrectionDialog", "Correct the timesheet"), prompt,
        translate("CorrectionDialog", "Why the attested timesheet must be changed"),
        translate("CorrectionDialog", "&Make correction"),
        lambda reason: ws.timesheets.correct_timesheet(timesheet_id, reason), runner, parent,
    )
