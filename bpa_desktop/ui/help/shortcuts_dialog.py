"""Keyboard shortcuts (F1): the window's own, then those of the page that is open, read from
the widgets themselves so the list cannot drift from what the keys do."""

from __future__ import annotations

from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QDialog, QDialogButtonBox, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from bpa_desktop.ui.widgets.accessible import plain

NATIVE = QKeySequence.SequenceFormat.NativeText


def page_shortcuts(page: QWidget) -> list[tuple[str, str]]:
    """(keys, what they do) for the visible buttons and actions with a shortcut on ``page``."""
    found: dict[str, str] = {}
    buttons = [b for b in page.findChildren(QAbstractButton) if b.isVisibleTo(page)]
    for shortcut in page.findChildren(QShortcut):
        keys = shortcut.key().toString(NATIVE)
        parent = shortcut.parent()
        if not keys:
            continue
        if isinstance(parent, QAbstractButton):
            if parent.isVisibleTo(page):
                found.setdefault(keys, plain(parent.text()) or parent.accessibleName())
            continue
        # a page-wide shortcut names its button in the button's tooltip or description: "… (Ctrl+T)"
        for each in buttons:
            if f"({keys})" in each.toolTip() or f"({keys})" in each.accessibleDescription():
                found.setdefault(keys, plain(each.text()))
                break
    for action in page.findChildren(QAction):
        if action.shortcut().toString() and action.text():
            found.setdefault(action.shortcut().toString(NATIVE), plain(action.text()))
    return sorted(found.items())


class ShortcutsDialog(QDialog):
    def __init__(self, window_keys: list[tuple[str, str]], page_title: str, page_keys: list[tuple[str, str]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.setAccessibleName(self.windowTitle())
        layout = QVBoxLayout(self)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Keys"), self.tr("What they do")])
        self.tree.setAccessibleName(self.tr("Keyboard shortcuts"))
        self.tree.setRootIsDecorated(False)
        for heading, rows in ((self.tr("Everywhere"), window_keys),
                              (self.tr("On the page %1").replace("%1", page_title), page_keys)):
            group = QTreeWidgetItem(self.tree, [heading])
            group.setFirstColumnSpanned(True)
            for keys, text in rows:
                QTreeWidgetItem(group, [keys, text])
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        layout.addWidget(self.tree)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 480)

    def rows(self) -> list[tuple[str, str]]:
        out = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            out += [(group.child(j).text(0), group.child(j).text(1)) for j in range(group.childCount())]
        return out
