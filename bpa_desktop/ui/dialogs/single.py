"""One window-modal dialog at a time per page or view (a repeated shortcut must not stack them),
and the keyboard focus back where the person was when it closes."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QWidget


def open_single(owner, dialog: QDialog, closed: Callable[[int], None]) -> bool:
    """Open `dialog` as `owner.dialog` (tests look at it) unless one is open already, in which case
    `dialog` is dropped and False returned. When it closes it is forgotten and deleted, the focus
    goes back to the widget that had it (or to `owner`), then `closed(result)` runs (it may move
    the focus on)."""
    if owner.dialog is not None:
        dialog.deleteLater()
        return False
    owner.dialog = dialog
    return_to = QApplication.focusWidget()

    def finished(result: int) -> None:
        owner.dialog = None
        dialog.deleteLater()  # deferred: `closed` may still read the dialog
        restore_focus(return_to, owner)
        closed(result)

    dialog.finished.connect(finished)
    dialog.open()
    return True


def restore_focus(widget: QWidget | None, fallback: QWidget | None = None) -> None:
    """Give the focus back to `widget` if it still exists and can take it, else to `fallback`."""
    for candidate in (widget, fallback):
        if (isinstance(candidate, QWidget) and shiboken6.isValid(candidate) and candidate.isVisible()
                and candidate.isEnabled() and candidate.focusPolicy() != Qt.FocusPolicy.NoFocus):
            candidate.window().activateWindow()
            candidate.setFocus(Qt.FocusReason.OtherFocusReason)
            return
    if isinstance(fallback, QWidget) and shiboken6.isValid(fallback):
        fallback.window().activateWindow()
