"""Vaktkoder: the arrangement's shift templates (code, name, times, passive part, colour)."""

from __future__ import annotations

from PySide6.QtCore import QTime, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox, QColorDialog, QDialog, QDialogButtonBox, QHBoxLayout, QLineEdit, QListWidget, QListWidgetItem,
    QPushButton, QTimeEdit, QVBoxLayout, QWidget,
)

from bpa_desktop.core.model import ShiftTemplate
from bpa_desktop.ui.errors import user_message, validation_errors
from bpa_desktop.ui.rota.pattern_model import template_label
from bpa_desktop.ui.theme.apply import text_on
from bpa_desktop.ui.widgets.accessible import button
from bpa_desktop.ui.widgets.form import ValidatedForm



def _time_edit() -> QTimeEdit:
    edit = QTimeEdit()
    edit.setDisplayFormat("HH:mm")
    return edit


def _hhmm(edit: QTimeEdit) -> str:
    return edit.time().toString("HH:mm")


class TemplateForm(ValidatedForm):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._id: int | None = None
        self.code = self.add_field("code", self.tr("&Code"), QLineEdit(),
                                   self.tr("What you type in the rota, for example D or N"))
        self.code.setMaxLength(6)
        self.name = self.add_field("name", self.tr("&Name"), QLineEdit())
        self.start = self.add_field("start", self.tr("&Starts"), _time_edit())
        self.end = self.add_field("end", self.tr("E&nds"), _time_edit(),
                                  self.tr("An end at or before the start is the next day"))
        self.has_passive = QCheckBox(self.tr("Has &passive time (asleep or on standby)"))
        self.has_passive.setAccessibleName(self.tr("Has passive time"))
        self.layout_.addRow(self.has_passive)
        self.passive_start = self.add_field("passive_start", self.tr("Passive &from"), _time_edit())
        self.passive_end = self.add_field("passive_end", self.tr("Passive &until"), _time_edit())
        self.has_passive.toggled.connect(self._passive_toggled)
        colour_row = QWidget()
        row = QHBoxLayout(colour_row)
        row.setContentsMargins(0, 0, 0, 0)
        self.colour = QLineEdit()
        self.colour.setAccessibleName(self.tr("Colour"))
        self.colour.textChanged.connect(self._show_colour)
        self.colour_button = QPushButton(self.tr("Choose…"))
        self.colour_button.setAccessibleName(self.tr("Choose colour"))
        self.colour_button.clicked.connect(self._choose_colour)
        row.addWidget(self.colour, 1)
        row.addWidget(self.colour_button)
        self.add_field("colour", self.tr("Co&lour"), colour_row, focus=self.colour)
        self.set_value(None)

    def _passive_toggled(self, on: bool) -> None:
        self.passive_start.setEnabled(on)
        self.passive_end.setEnabled(on)

    def _show_colour(self, text: str) -> None:
        colour = QColor(text)
        if colour.isValid():
            self.colour_button.setStyleSheet(
                f"background-color: {colour.name()}; color: {text_on(colour).name()}")

    def _choose_colour(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour.text()), self, self.tr("Colour of the shift code"))
        if chosen.isValid():
            self.colour.setText(chosen.name())

    def set_value(self, template: ShiftTemplate | None) -> None:
        template = template or ShiftTemplate("", "", "08:00", "16:00")  # the model's default colour
        self._id = template.id
        self.code.setText(template.code)
        self.name.setText(template.name)
        self.start.setTime(QTime.fromString(template.start, "HH:mm"))
        self.end.setTime(QTime.fromString(template.end, "HH:mm"))
        passive = template.passive_start is not None
        self.has_passive.setChecked(passive)
        self._passive_toggled(passive)
        self.passive_start.setTime(QTime.fromString(template.passive_start or "23:00", "HH:mm"))
        self.passive_end.setTime(QTime.fromString(template.passive_end or "07:00", "HH:mm"))
        self.colour.setText(template.colour)
        self.clear_errors()

    def value(self) -> ShiftTemplate:
        passive = self.has_passive.isChecked()
        colour = QColor(self.colour.text().strip())
        if not colour.isValid():
            raise ValueError(self.tr("The colour is not a colour (use for example #59a14f)."))
        return ShiftTemplate(
            code=self.code.text().strip(), name=self.name.text().strip(),
            start=_hhmm(self.start), end=_hhmm(self.end),
            passive_start=_hhmm(self.passive_start) if passive else None,
            passive_end=_hhmm(self.passive_end) if passive else None,
            colour=colour.name(), id=self._id,
        )


class TemplatesDialog(QDialog):
    """Edits templates one at a time; `result_value` is the last saved template (None if none)."""

    def __init__(self, workspace, arrangement_id: int, templates: list[ShiftTemplate], runner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Shift codes"))
        self.setAccessibleName(self.tr("Shift codes"))
        self.workspace, self.arrangement_id, self.runner = workspace, arrangement_id, runner
        self.templates = list(templates)
        self.result_value: ShiftTemplate | None = None
        self.list = QListWidget()
        self.list.setAccessibleName(self.tr("Shift codes"))
        self.list.currentRowChanged.connect(self._row_changed)
        self.new_button = button(self.tr("&New code"), "Ctrl+N")
        self.new_button.clicked.connect(self._new)
        self.form = TemplateForm()
        self.save_button = button(self.tr("&Save code"), "Ctrl+S")
        self.save_button.clicked.connect(self._save)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setAccessibleName(self.tr("Close"))
        close.rejected.connect(self.reject)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addWidget(self.new_button)
        right = QVBoxLayout()
        right.addWidget(self.form)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        right.addStretch(1)
        body = QHBoxLayout()
        body.addLayout(left, 1)
        body.addLayout(right, 2)
        outer = QVBoxLayout(self)
        outer.addLayout(body, 1)
        outer.addWidget(close)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 90)
        self._fill(select=0)

    def _fill(self, select: int) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for template in self.templates:
            item = QListWidgetItem(template_label(template))
            item.setBackground(QColor(template.colour))
            item.setForeground(text_on(QColor(template.colour)))
            self.list.addItem(item)
        self.list.blockSignals(False)
        if self.templates:
            self.list.setCurrentRow(max(0, min(select, len(self.templates) - 1)))
            self._row_changed(self.list.currentRow())
        else:
            self._new()

    def _row_changed(self, row: int) -> None:
        if 0 <= row < len(self.templates):
            self.form.set_value(self.templates[row])

    def _new(self) -> None:
        self.list.clearSelection()
        self.form.set_value(None)
        self.form.code.setFocus()

    def _save(self) -> None:
        try:
            template = self.form.value()
        except ValueError as error:
            self.form.show_errors({}, general=str(error))
            return
        self.save_button.setEnabled(False)
        self.runner.submit(self.workspace.rota.save_shift_template, self.arrangement_id, template,
                           on_done=self._saved, on_error=self._failed, owner=self)

    def _saved(self, template: ShiftTemplate) -> None:
        self.save_button.setEnabled(True)
        self.result_value = template
        others = [t for t in self.templates if t.id != template.id]
        self.templates = sorted(others + [template], key=lambda t: (t.start, t.code))
        self._fill(select=self.templates.index(template))

    def _failed(self, error: BaseException) -> None:
        self.save_button.setEnabled(True)
        errors = validation_errors(error)
        self.form.show_errors(errors or {}, general=None if errors is not None else user_message(error))
