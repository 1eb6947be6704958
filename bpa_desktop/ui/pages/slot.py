"""What stands in a page's place in the main window's stack until the page is built (its module
imported, its widgets made): the page's heading, and that it is on its way. A page is built
when it is first shown once the database is open, or when code asks for it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from bpa_desktop.ui.pages.base import Page, heading, paragraph
from bpa_desktop.ui.pages.registry import PageEntry


class PageSlot(QWidget):
    def __init__(self, entry: PageEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.page: Page | None = None
        inner = QVBoxLayout(self)  # a page's own margins: the heading does not move
        inner.addWidget(heading(entry.title()))
        self.waiting = paragraph(self.tr("Opening the database…"))
        self.waiting.setAccessibleName(self.tr("Opening the database…"))
        inner.addWidget(self.waiting)
        inner.addStretch(1)

    def build(self, ctx) -> Page:
        """The page itself; the window puts it in the slot's place (a page inside a container
        widget lost its flow layouts' items: Qt deleted them under the Python layout)."""
        if self.page is None:
            self.page = self.entry.page_class()(ctx)
        return self.page
