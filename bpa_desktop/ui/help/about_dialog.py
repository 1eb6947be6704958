"""About bpa-desktop: version, licence, where the data lies, and a button that opens that folder."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QVBoxLayout, QWidget

from bpa_desktop import __version__
from bpa_desktop.ui.widgets.accessible import button


def selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                  | Qt.TextInteractionFlag.TextSelectableByKeyboard)
    label.setWordWrap(True)
    label.setAccessibleName(text)
    return label


class AboutDialog(QDialog):
    def __init__(self, database: Path, backups: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About bpa-desktop"))
        self.setAccessibleName(self.windowTitle())
        self.data_folder = Path(database).parent
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("bpa-desktop %1").replace("%1", __version__))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        layout.addWidget(title)
        layout.addWidget(selectable(self.tr(
            "Rota, timesheets and the hour account for BPA arbeidsledere. Works without a network; "
            "your data stays on this machine until you send attested timesheets.")))
        form = QFormLayout()
        form.addRow(self.tr("Version:"), selectable(__version__))
        form.addRow(self.tr("Licence:"), selectable(self.tr("MIT (free software); fonts: DejaVu (Bitstream Vera licence)")))
        form.addRow(self.tr("Database:"), selectable(str(database)))
        form.addRow(self.tr("Backups:"), selectable(str(backups)))
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_button = button(self.tr("&Open the data folder"),
                                  description=self.tr("Shows the folder with the database and its backups"))
        self.open_button.clicked.connect(self.open_folder)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setDefault(True)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("x") * 80)  # relative to the font

    def folder_url(self) -> QUrl:
        return QUrl.fromLocalFile(str(self.data_folder))

    def open_folder(self) -> bool:
        return QDesktopServices.openUrl(self.folder_url())
