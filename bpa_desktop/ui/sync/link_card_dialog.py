"""A new share link, shown once: the QR code, the address and the code, to scan from the screen
or print as a card (the app's print preview, ui/printing.py). The code is not stored, so when
this dialog closes it cannot be shown again; the person makes a new link instead."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from bpa_desktop.ui.pages.base import paragraph
from bpa_desktop.ui.widgets.accessible import buddy_label, named


def qr_pixmap(text: str, scale: int = 6) -> QPixmap:
    import io

    import segno

    buffer = io.BytesIO()
    segno.make_qr(text, error="m").save(buffer, kind="png", scale=scale, border=4)
    pixmap = QPixmap()
    pixmap.loadFromData(buffer.getvalue(), "PNG")
    return pixmap


class LinkCardDialog(QDialog):
    def __init__(self, ctx, link, card, parent: QWidget | None = None) -> None:
        """``link``: ws.sync.sharing's NewLink; ``card``: export.link_card.LinkCard."""
        super().__init__(parent)
        self.ctx, self.link, self.card = ctx, link, card
        self.dialog = None
        self.print_dialog = None
        title = self.tr("Link for %1").replace("%1", card.label)
        self.setWindowTitle(title)
        self.setAccessibleName(title)
        self.setModal(True)

        intro = paragraph(self.tr("Let %1 scan the code with the phone's camera, or print the card. The code is "
                                  "shown only now: it is not stored on this computer.").replace("%1", card.label))
        intro.setAccessibleName(intro.text())
        self.qr = QLabel()
        self.qr.setPixmap(qr_pixmap(link.url))
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        named(self.qr, self.tr("QR code of the link"))
        self.url_field = QLineEdit(link.url)
        self.url_field.setReadOnly(True)
        named(self.url_field, self.tr("Address"))
        self.code_field = QLineEdit(link.code)
        self.code_field.setReadOnly(True)
        named(self.code_field, self.tr("Code"))
        form = QFormLayout()
        form.addRow(buddy_label(self.tr("&Address"), self.url_field), self.url_field)
        form.addRow(buddy_label(self.tr("C&ode"), self.code_field), self.code_field)

        self.message = paragraph()
        self.message.hide()

        self.buttons = QDialogButtonBox(self)
        self.copy_button = self.buttons.addButton(self.tr("&Copy address"), QDialogButtonBox.ButtonRole.ActionRole)
        self.print_button = self.buttons.addButton(self.tr("&Print card…"), QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self.buttons.addButton(self.tr("Close"), QDialogButtonBox.ButtonRole.RejectRole)
        for each in (self.copy_button, self.print_button, self.close_button):
            each.setAccessibleName(each.text().replace("&", ""))
        self.copy_button.clicked.connect(self.copy_address)
        self.print_button.clicked.connect(self.print_card)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.qr)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 72)
        self.print_button.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setAccessibleName(text)
        self.message.setVisible(bool(text))

    def copy_address(self) -> None:
        QGuiApplication.clipboard().setText(self.link.url)
        self.show_message(self.tr("The address is copied."))

    def print_card(self):
        from bpa_desktop.export.link_card import write_link_card
        from bpa_desktop.ui.printing import PdfPrint

        card = self.card
        return PdfPrint(self, self.ctx.runner, lambda path: write_link_card(card, path), "lenkekort.pdf",
                        self.windowTitle(), self.show_message).start()
