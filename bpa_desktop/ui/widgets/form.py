"""A form whose fields show validation messages right below them.

`ValidatedForm.show_errors(errors)` takes `ValidationError.errors` (field name -> message)
from the Workspace. A message for a field the form does not have is shown at the top.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QVBoxLayout, QWidget

from bpa_desktop.ui.plain import text_label, tooltip
from bpa_desktop.ui.theme.apply import text_in_colour
from bpa_desktop.ui.widgets.accessible import buddy_label, plain


def make_error_label(parent: QWidget | None = None, wrap: bool = True) -> QLabel:
    """A hidden label for a message. Field messages do not wrap: a wrapped label in a form
    layout gets too little height and is cut off; the dialog widens instead."""
    label = text_label(parent=parent)
    label.setWordWrap(wrap)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    text_in_colour(label, "error_text")
    label.hide()
    return label


class _Field:
    def __init__(self, widget: QWidget, focus: QWidget, error: QLabel, description: str) -> None:
        self.widget = widget
        self.focus = focus
        self.error = error
        self.description = description


class ValidatedForm(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.general_error = make_error_label(self)
        self.general_error.setAccessibleName(self.tr("Error"))
        outer.addWidget(self.general_error)
        self.layout_ = QFormLayout()
        self.layout_.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        outer.addLayout(self.layout_)
        self._fields: dict[str, _Field] = {}

    def add_field(self, key: str, label_text: str, widget: QWidget, description: str = "",
                  focus: QWidget | None = None) -> QWidget:
        """Add a row; `focus` is the control inside `widget` that takes focus (default: widget)."""
        focus = focus or widget
        label = buddy_label(label_text, focus)
        if not focus.accessibleName():
            focus.setAccessibleName(plain(label_text))
        if description:
            focus.setAccessibleDescription(description)
            focus.setToolTip(tooltip(description))
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(widget)
        error = make_error_label(cell, wrap=False)
        error.setAccessibleName(self.tr("Error for %1").replace("%1", plain(label_text)))
        box.addWidget(error)
        self.layout_.addRow(label, cell)
        self._fields[key] = _Field(widget, focus, error, description)
        return widget

    def has_field(self, key: str) -> bool:
        return key in self._fields

    def field_widget(self, key: str) -> QWidget:
        return self._fields[key].focus

    def clear_errors(self) -> None:
        self.general_error.hide()
        self.general_error.clear()
        for field in self._fields.values():
            field.error.hide()
            field.error.clear()
            field.focus.setAccessibleDescription(field.description)

    def show_errors(self, errors: dict[str, str], general: str | None = None) -> None:
        """Show each message below its field, focus the first field in error."""
        self.clear_errors()
        first: QWidget | None = None
        leftovers = [general] if general else []
        for key, message in errors.items():
            field = self._fields.get(key)
            if field is None:
                leftovers.append(message)
                continue
            field.error.setText(message)
            field.error.show()
            # screen readers read the description when the field gets focus
            field.focus.setAccessibleDescription(message)
        for field in self._fields.values():
            if field.error.text():
                first = field.focus
                break
        if leftovers:
            self.general_error.setText("\n".join(leftovers))
            self.general_error.show()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)
        self._make_room()

    def _make_room(self) -> None:
        """Messages add lines: let a dialog grow so that none is cut off."""
        window = self.window()
        if isinstance(window, QDialog) and window.isVisible():
            if window.layout() is not None:
                window.layout().activate()
            window.resize(window.size().expandedTo(window.sizeHint()))

    def error_text(self, key: str) -> str:
        """The message shown for a field ("" when none); used by tests and the wizard."""
        return self._fields[key].error.text()
