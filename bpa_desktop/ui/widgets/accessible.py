"""Small helpers so that every control gets an accessible name and a keyboard path."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QLabel, QPushButton, QTabWidget, QWidget

from bpa_desktop.ui.plain import text_label, tooltip


def plain(text: str) -> str:
    """Label text without the mnemonic ampersand ("&Legg til" -> "Legg til")."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def named(widget: QWidget, name: str, description: str | None = None) -> QWidget:
    widget.setAccessibleName(plain(name))
    if description:
        widget.setAccessibleDescription(description)
    return widget


def named_tabs(tabs: QTabWidget, name: str) -> QTabWidget:
    """A tab widget and its tab bar named alike: the bar is what takes the focus and what a
    screen reader announces ("Rota views, page tab list")."""
    named(tabs, name)
    named(tabs.tabBar(), name)
    return tabs


def button(text: str, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
           description: str | None = None, parent: QWidget | None = None) -> QPushButton:
    """A push button with a mnemonic in `text`, an optional shortcut shown in the tooltip."""
    result = QPushButton(text, parent)
    result.setAccessibleName(plain(text))
    tip = description or plain(text)
    if shortcut is not None:
        # a separate QShortcut keeps the Alt+letter mnemonic working too; it is only
        # live while the button is visible and enabled (Qt checks the parent widget)
        sequence = QKeySequence(shortcut)
        QShortcut(sequence, result, result.animateClick)
        tip = f"{tip} ({sequence.toString(QKeySequence.SequenceFormat.NativeText)})"
    result.setToolTip(tooltip(tip))
    if description:
        result.setAccessibleDescription(description)
    return result


def buddy_label(text: str, widget: QWidget) -> QLabel:
    """A label whose mnemonic in `text` (Alt+letter) moves the focus to `widget`."""
    label = text_label(text)
    label.setBuddy(widget)
    return label
