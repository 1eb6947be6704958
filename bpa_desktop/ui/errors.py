"""Turning exceptions from the Workspace into what a person reads."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

from bpa_desktop.ui.plain import message_box

log = logging.getLogger(__name__)


def validation_errors(error: BaseException) -> dict[str, str] | None:
    """The field -> message map of a ValidationError, else None."""
    from bpa_desktop.workspace import ValidationError

    if isinstance(error, ValidationError):
        return dict(error.errors)
    return None


def user_message(error: BaseException) -> str:
    """The text of an error that has one for people (the Workspace's, a database problem, a
    file that could not be written; a ValidationError's field messages where no form shows
    them by their fields); anything else is a generic sentence."""
    from bpa_desktop.atomic_write import FileWriteError
    from bpa_desktop.workspace import ValidationError, WorkspaceError
    from bpa_desktop.workspace.errors import DatabaseError

    if isinstance(error, ValidationError) and error.errors:
        log.warning("%s shown to the user", type(error).__name__)  # its text may name people
        return " ".join(dict.fromkeys(error.errors.values()))
    if isinstance(error, (WorkspaceError, DatabaseError, FileWriteError)):
        log.warning("%s shown to the user", type(error).__name__)  # its text may name people
        return str(error)
    # never put the exception text in front of the user: it may hold SQL or personal data
    log.error("Unexpected error", exc_info=error)
    return QCoreApplication.translate(
        "Errors", "Something went wrong. The change was not saved. Details are in the log file."
    )


def show_error(parent: QWidget | None, error: BaseException) -> None:
    box = message_box(QMessageBox.Icon.Warning, QCoreApplication.translate("Errors", "Could not complete"),
                      user_message(error), QMessageBox.StandardButton.Ok, parent)
    box.setAccessibleName(box.windowTitle())
    box.open()
