"""Turning exceptions from the Workspace into what a person reads."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def validation_errors(error: BaseException) -> dict[str, str] | None:
    """The field -> message map of a ValidationError, else None."""
    from bpa_desktop.workspace import ValidationError

    if isinstance(error, ValidationError):
        return dict(error.errors)
    return None


def user_message(error: BaseException) -> str:
    """A WorkspaceError's own (translated) text (a ValidationError's field messages, where no
    form shows them by their fields); anything else is a generic sentence."""
    from bpa_desktop.workspace import ValidationError, WorkspaceError

    if isinstance(error, ValidationError) and error.errors:
        return " ".join(dict.fromkeys(error.errors.values()))
    if isinstance(error, WorkspaceError):
        return str(error)
    # never put the exception text in front of the user: it may hold SQL or personal data
    log.error("Unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "Errors", "Something went wrong. The change was not saved. Details are in the log file."
    )


def show_error(parent: QWidget | None, error: BaseException) -> None:
    box = QMessageBox(QMessageBox.Icon.Warning, QCoreApplication.translate("Errors", "Could not complete"),
                      user_message(error), QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(box.windowTitle())
    box.open()
