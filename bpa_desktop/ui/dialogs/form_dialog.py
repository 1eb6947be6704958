"""A dialog around a ValidatedForm that saves through the Workspace in a worker.

On "Lagre" it builds the record, hands it to `save` (run off the GUI thread when a
TaskRunner is given), shows ValidationError messages next to the fields and stays open,
or closes with `result_value` set.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from bpa_desktop.ui.errors import user_message, validation_errors
from bpa_desktop.ui.widgets.form import ValidatedForm
from bpa_desktop.ui.workers import TaskRunner


class FormDialog(QDialog):
    def __init__(self, title: str, form: ValidatedForm, save: Callable[[Any], Any],
                 runner: TaskRunner | None, parent: QWidget | None = None,
                 check: Callable[[Any], dict[str, str]] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)
        self._save = save
        self._runner = runner
        self._check = check  # the record's own rules, checked before `save` (no disk)
        self.result_value: Any = None
        self.form = form
        form.setParent(self)
        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.save_button.setAccessibleName(self.tr("Save"))
        self.save_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        # wide enough that most messages fit on one line; in text units, so it follows the font
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(self.buttons)

    def build(self) -> Any:
        """The record the form describes; forms raise ValueError for input they cannot read."""
        return self.form.value()

    def _on_save(self) -> None:
        self.form.clear_errors()
        try:
            record = self.build()
        except ValueError as error:  # a field could not be read at all
            self.form.show_errors({}, general=str(error))
            return
        errors = self._check(record) if self._check else {}
        if errors:
            self.form.show_errors(errors)
            return
        if self._runner is None:
            try:
                saved = self._save(record)
            except Exception as error:  # noqa: BLE001 - shown in the form
                self._on_failed(error)
            else:
                self._on_saved(saved)
            return
        self._set_busy(True)
        self._runner.submit(self._save, record, on_done=self._on_saved, on_error=self._on_failed, owner=self)

    def _set_busy(self, busy: bool) -> None:
        self.save_button.setEnabled(not busy)
        self.form.setEnabled(not busy)

    def _on_saved(self, saved: Any) -> None:
        self._set_busy(False)
        self.result_value = saved
        self.accept()

    def _on_failed(self, error: BaseException) -> None:
        self._set_busy(False)
        errors = validation_errors(error)
        if errors is not None:
            self.form.show_errors(errors)
        else:
            self.form.show_errors({}, general=user_message(error))
