"""A widget's contents inside a scroll area, so that a tall part scrolls on a small screen
(1366×768, or 1920×1080 at 200 %) instead of setting the window's minimum height."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QLayout, QScrollArea, QVBoxLayout, QWidget


def scroll_body(outer: QLayout) -> QVBoxLayout:
    """Add a frameless, resizable scroll area to `outer`; returns the layout to fill inside it."""
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # not a stop of its own on Tab: the controls inside are, and focusing one scrolls it into view
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    body = QWidget()
    layout = QVBoxLayout(body)
    layout.setContentsMargins(0, 0, 0, 0)
    area.setWidget(body)
    outer.addWidget(area)
    return layout
