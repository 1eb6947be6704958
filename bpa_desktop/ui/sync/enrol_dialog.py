"""'Koble til kommunen': the receiver's address and the one-time code from the municipality.

The enrolment runs in a worker (``Workspace.sync.enrol``: it talks to the receiver and the
keyring). A failure (no keyring, wrong code, no answer) is shown in the dialog in plain words
and the fields keep what was typed, so nothing is lost and the person can try again.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QVBoxLayout, QWidget

from bpa_desktop.ui.errors import user_message
from bpa_desktop.ui.pages.base import paragraph
from bpa_desktop.ui.widgets.accessible import buddy_label, named
from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.jobs import SYNC
from bpa_desktop.ui.operations.operation import WriteOp


class EnrolDialog(QDialog):
    def __init__(self, ctx, arrangement_id: int, url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.arrangement_id = arrangement_id
        self.result_value = None  # EnrolmentInfo after a successful enrolment
        title = self.tr("Connect to the municipality")
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)

        intro = paragraph(self.tr(
            "The municipality gives you the address of its receiver and a one-time code. This computer "
            "makes its own signing key; compare the key ID shown afterwards with the one the municipality sees."))
        intro.setAccessibleName(intro.text())
        self.url_field = QLineEdit(url)
        self.url_field.setPlaceholderText("https://mottak.kommune.no")
        named(self.url_field, self.tr("Receiver address"))
        self.code_field = QLineEdit()
        named(self.code_field, self.tr("One-time code"))
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Receiver address"), self.url_field), self.url_field)
        form.addRow(buddy_label(self.tr("One-time &code"), self.code_field), self.code_field)

        self.error_label = paragraph()
        self.error_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.error_label.hide()

        self.buttons = QDialogButtonBox(self)
        self.connect_button = self.buttons.addButton(self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.connect_button.setAccessibleName(self.tr("Connect"))
        self.connect_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(self.tr("Cancel"), QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.setAccessibleName(self.tr("Cancel"))
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addStretch(1)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 70)
        (self.code_field if url else self.url_field).setFocus()

    def show_error(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setAccessibleName(text)
        self.error_label.setVisible(bool(text))

    def submit(self) -> None:
        url = self.url_field.text().strip()
        code = self.code_field.text().strip()
        if not url.startswith(("http://", "https://")):
            self.show_error(self.tr("Write the receiver's address, starting with https://"))
            self.url_field.setFocus()
            return
        if not code:
            self.show_error(self.tr("Write the one-time code from the municipality."))
            self.code_field.setFocus()
            return
        self.show_error(self.tr("Connecting…"))
        self.buttons.setEnabled(False)
        arrangement_id = self.arrangement_id
        WriteOp(self.ctx, self, lambda ws: ws.sync.enrol(arrangement_id, url, code), Changes(sync=True)) \
            .on_lane(SYNC).success(self._enrolled).failure(self._failed).run()

    def _enrolled(self, info) -> None:
        self.buttons.setEnabled(True)
        self.result_value = info
        self.accept()

    def _failed(self, error: BaseException) -> None:
        self.buttons.setEnabled(True)
        self.show_error(user_message(error))  # a WorkspaceError carries the plain Norwegian reason
        self.code_field.setFocus()
