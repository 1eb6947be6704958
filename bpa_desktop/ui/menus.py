"""The menu bar: Fil (backups, export of all data, quit) and Hjelp (keyboard shortcuts on F1,
About). Built on the main window, which keeps its pages and context."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox

from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.pages.registry import PAGES

# the dialogs are imported when opened: the window paints sooner


class Menus(QObject):
    def __init__(self, window: QMainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.dialog = None  # the one open dialog (tests look at it)
        bar = window.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self.backups_action = self._action(self.file_menu, self.tr("&Backups and restore…"), self.open_backups)
        self.encryption_action = self._action(self.file_menu, self.tr("En&cryption…"), self.open_encryption)
        self.export_action = self._action(self.file_menu, self.tr("&Export all data…"), self.export_all)
        self.erasure_action = self._action(self.file_menu, self.tr("E&rase a departed assistant's data…"),
                                           self.open_erasure)
        self.file_menu.addSeparator()
        self.assistant_mode_action = self._action(self.file_menu, self.tr("Assistant at the &table…"),
                                                  self.open_assistant_mode, QKeySequence("Ctrl+Shift+A"))
        self.file_menu.addSeparator()
        self.quit_action = self._action(self.file_menu, self.tr("&Quit"), window.close, QKeySequence("Ctrl+Q"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = self._action(self.help_menu, self.tr("&Keyboard shortcuts"), self.open_shortcuts,
                                             QKeySequence("F1"))  # the brief's key, on every platform
        self.about_action = self._action(self.help_menu, self.tr("&About bpa-desktop"), self.open_about)

    def workspace_actions(self) -> tuple[QAction, ...]:
        """The actions that need the open database (disabled while app start opens it)."""
        return (self.backups_action, self.encryption_action, self.export_action, self.erasure_action,
                self.assistant_mode_action, self.about_action)

    def _action(self, menu, text, slot, shortcut=None) -> QAction:
        action = QAction(text, self.window)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda _checked=False: slot())
        menu.addAction(action)
        self.window.addAction(action)  # its shortcut works whenever the window is active
        return action

    def _open(self, dialog):
        if self.dialog is not None:
            self.dialog.close()
        self.dialog = dialog
        dialog.finished.connect(lambda _result: self._closed(dialog))
        dialog.open()
        return dialog

    def _closed(self, dialog) -> None:
        if self.dialog is dialog:
            self.dialog = None
        dialog.deleteLater()

    # --- Help ------------------------------------------------------------------------------

    def window_shortcuts(self) -> list[tuple[str, str]]:
        from bpa_desktop.ui.help.shortcuts_dialog import NATIVE

        keys = [(f"Ctrl+{number}", entry.title()) for number, entry in enumerate(PAGES, start=1)]
        for action in (self.shortcuts_action, self.assistant_mode_action, self.quit_action):
            keys.append((action.shortcut().toString(NATIVE), action.text().replace("&", "")))
        keys.append(("Alt+F / Alt+H", self.tr("Open the File or Help menu")))
        return keys

    def open_shortcuts(self):
        from bpa_desktop.ui.help.shortcuts_dialog import ShortcutsDialog, page_shortcuts

        page = self.window.current_page
        return self._open(ShortcutsDialog(self.window_shortcuts(), page.title(), page_shortcuts(page), self.window))

    def open_about(self):
        from bpa_desktop.ui.help.about_dialog import AboutDialog

        ws = self.window.ctx.workspace
        return self._open(AboutDialog(Path(ws.path), ws.backups.folder, self.window))

    # --- File ------------------------------------------------------------------------------

    def open_assistant_mode(self, today=None):
        """An assistant at the table: their own month only, the leader's window emptied meanwhile."""
        from bpa_desktop.ui.assistant_mode.dialog import AssistantModeDialog

        if self.window.ctx.arrangement_id is None:
            return None
        return self._open(AssistantModeDialog(self.window.ctx, self.window, today))

    def open_backups(self):
        from bpa_desktop.ui.backups.backups_dialog import BackupsDialog

        return self._open(BackupsDialog(self.window.ctx, self.reload_everything, self.window))

    def open_encryption(self):
        from bpa_desktop.ui.backups.encryption_dialog import EncryptionDialog

        return self._open(EncryptionDialog(self.window.ctx, self.window))

    def open_erasure(self):
        from bpa_desktop.ui.backups.erasure_dialog import ErasureDialog

        return self._open(ErasureDialog(self.window.ctx, self.window))

    def reload_everything(self) -> None:
        """After a restore every page reads anew from the restored file."""
        ctx = self.window.ctx
        ctx.load_arrangements()
        ctx.broadcast(Changes.everything())  # another file's contents: every view reads again

    def export_all(self, path: Path | None = None) -> None:
        window = self.window
        if path is None:
            chosen, _filter = QFileDialog.getSaveFileName(window, self.tr("Export all data"),
                                                          "bpa-desktop-alle-data.zip", self.tr("Zip files (*.zip)"))
            if not chosen:
                return
            path = Path(chosen)
        ctx = window.ctx
        ctx.runner.submit(ctx.workspace.data_rights.export_all, path, owner=window,
                          on_done=lambda result: self._exported(result),
                          on_error=lambda error: self._export_failed(error))

    def _exported(self, result) -> None:
        window = self.window
        QMessageBox.information(window, self.tr("Export all data"), self.tr(
            "All data is in %1: one JSON file per kind of record, with its schema, and the PDFs.")
            .replace("%1", str(result.path)))

    def _export_failed(self, error) -> None:
        from bpa_desktop.ui.errors import show_error

        show_error(self.window, error)
