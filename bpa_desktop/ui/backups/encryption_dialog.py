"""Kryptering: whether the database is encrypted, turning it on or off (in a worker), and the
recovery code, shown large and printable, so the leader can keep it on paper."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase, QTextDocument
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QMessageBox, QVBoxLayout, QWidget

from bpa_desktop.ui.backups import pause_sync, resume_sync
from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.widgets.accessible import button


def two_lines(code: str) -> str:
    """Sixteen groups as two lines of eight: easier to read out and to type back in."""
    groups = code.split("-")
    return "-".join(groups[:8]) + "-\n" + "-".join(groups[8:]) if len(groups) == 16 else code


def recovery_document(code: str, title: str, advice: str) -> QTextDocument:
    """The page that is printed: title, the code in large monospace, what to do with it."""
    document = QTextDocument()
    document.setPlainText(f"{title}\n\n{two_lines(code)}\n\n{advice}")
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setPointSize(14)
    document.setDefaultFont(font)
    return document


class EncryptionDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = ""
        self.setWindowTitle(self.tr("Encryption"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.state = QLabel()
        self.state.setWordWrap(True)
        self.state.setAccessibleName(self.tr("Encryption status"))
        layout.addWidget(self.state)
        self.code_label = QLabel()
        self.code_label.setTextFormat(Qt.TextFormat.PlainText)
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                                | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        fixed.setPointSizeF(self.font().pointSizeF() * 1.3)
        fixed.setWeight(QFont.Weight.Bold)
        self.code_label.setFont(fixed)
        self.code_label.setAccessibleName(self.tr("Recovery code"))
        layout.addWidget(self.code_label)
        row = QHBoxLayout()
        self.encrypt_button = button(self.tr("&Encrypt the database"))
        self.encrypt_button.clicked.connect(self.ask_encrypt)
        self.code_button = button(self.tr("Show the &recovery code"))
        self.code_button.clicked.connect(self.show_code)
        self.print_button = button(self.tr("&Print the code…"))
        self.print_button.clicked.connect(self.print_code)
        self.close_button = button(self.tr("&Close"))
        self.close_button.clicked.connect(self.reject)
        for each in (self.encrypt_button, self.code_button, self.print_button):
            row.addWidget(each)
        row.addStretch(1)
        row.addWidget(self.close_button)
        layout.addLayout(row)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 90)
        self.refresh()

    def refresh(self) -> None:
        self.ctx.runner.submit(self.ctx.workspace.encryption.status, on_done=self._show_status,
                               on_error=self._failed, owner=self)

    def _show_status(self, status) -> None:
        if status.encrypted:
            text = self.tr("The database and its backups are encrypted. The key is in this user's keyring; "
                           "keep the recovery code on paper in case the keyring is lost.")
        elif not status.library:
            text = self.tr("This installation cannot encrypt (the encryption library is not installed).")
        else:
            text = self.tr("The database is not encrypted. Encrypting it makes the file and its backups "
                           "unreadable without the key, which is kept in this user's keyring.")
        self.state.setText(text)
        self.encrypt_button.setEnabled(status.library and not status.encrypted)
        self.code_button.setEnabled(status.key_in_keyring)
        self.print_button.setEnabled(bool(self.code))
        self.adjustSize()  # the text may need more lines than the dialog had

    def ask_encrypt(self) -> None:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Encrypt the database?"), self.tr(
            "The file and every backup copy will be encrypted. Afterwards, print the recovery code and "
            "keep it safe: without it, a new machine cannot open the data."), parent=self)
        go = box.addButton(self.tr("Encrypt"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        if box.clickedButton() is go:
            self.encrypt()

    def encrypt(self) -> None:
        self.encrypt_button.setEnabled(False)
        self.state.setText(self.tr("Encrypting…"))
        pause_sync(self.ctx)
        self.ctx.runner.submit(self.ctx.workspace.encryption.encrypt, owner=self, on_error=self._encrypt_failed,
                               on_done=self._encrypted)

    def _encrypted(self, _copies: int) -> None:
        resume_sync(self.ctx)
        self.refresh()
        self.show_code()

    def _encrypt_failed(self, error: BaseException) -> None:
        resume_sync(self.ctx)
        self._failed(error)

    def show_code(self) -> None:
        self.ctx.runner.submit(self.ctx.workspace.encryption.recovery_code, on_done=self._code, on_error=self._failed,
                               owner=self)

    def _code(self, code: str) -> None:
        self.code = code
        self.code_label.setText(two_lines(code))
        self.print_button.setEnabled(True)
        self.adjustSize()

    def document(self) -> QTextDocument:
        return recovery_document(self.code, self.tr("bpa-desktop: recovery code for the database key"), self.tr(
            "Keep this paper somewhere safe. With it, “bpa db unlock --code …” puts the key back on a new machine."))

    def print_code(self, printer=None) -> bool:
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        if not self.code:
            return False
        if printer is None:
            printer = QPrinter()
            if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
                return False
        self.document().print_(printer)
        return True

    def _failed(self, error: BaseException) -> None:
        self.state.setText(user_message(error))
