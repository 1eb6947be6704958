"""Text from outside (a file, the database, the municipality's receiver) shown as text.

Qt guesses: a QLabel, a QMessageBox and every tooltip render their text as rich text when
it "might be" (``Qt.mightBeRichText``: a tag near the start). A municipality's rejection
reason ``<h1 style="color:red">GODKJENT</h1><img src="file:///…">`` then showed a red heading,
a local image and a live link on a rejected timesheet. So every label here is made with
``Qt.PlainText``, message boxes too, and tooltips (which have no format of their own) are
always rich text whose text is escaped: what was written is what is shown.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def text_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A QLabel that shows ``text`` as written."""
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def tooltip(text: str | None) -> str:
    """``text`` as a tooltip that shows it literally (line breaks kept, long lines wrapped)."""
    if not text:
        return ""
    return '<p style="white-space:pre-wrap">' + html.escape(text, quote=False) + "</p>"


def message_box(icon: QMessageBox.Icon, title: str, text: str,
                buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.NoButton,
                parent: QWidget | None = None) -> QMessageBox:
    """A QMessageBox that shows ``text`` as written."""
    box = QMessageBox(icon, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box
