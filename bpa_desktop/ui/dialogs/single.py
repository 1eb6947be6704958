"""One window-modal dialog at a time per page or view (a repeated shortcut must not stack them)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QDialog


def open_single(owner, dialog: QDialog, closed: Callable[[int], None]) -> bool:
    """Open `dialog` as `owner.dialog` (tests look at it) unless one is open already, in which case
    `dialog` is dropped and False returned. When it closes it is forgotten and deleted, then
    `closed(result)` runs."""
    if owner.dialog is not None:
        dialog.deleteLater()
        return False
    owner.dialog = dialog

    def finished(result: int) -> None:
        owner.dialog = None
        dialog.deleteLater()  # deferred: `closed` may still read the dialog
        closed(result)

    dialog.finished.connect(finished)
    dialog.open()
    return True
