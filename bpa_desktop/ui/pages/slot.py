"""Where a page sits in the main window's stack: until the page is built (its module imported,
its widgets made), the slot shows the page's heading and says that it is on its way. A page is
built when it is first shown once the database is open, or when code asks for it."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from bpa_desktop.ui.pages.base import Page, heading, paragraph
from bpa_desktop.ui.pages.registry import PageEntry


class PageSlot(QWidget):
    def __init__(self, entry: PageEntry, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry = entry
        self.page: Page | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.frame = QWidget()  # the page's own margins, so that the heading does not move
        inner = QVBoxLayout(self.frame)
        inner.addWidget(heading(entry.title()))
        self.waiting = paragraph(self.tr("Opening the database…"))
        self.waiting.setAccessibleName(self.tr("Opening the database…"))
        inner.addWidget(self.waiting)
        inner.addStretch(1)
        layout.addWidget(self.frame)

    def build(self, ctx) -> Page:
        if self.page is None:
            page = self.entry.page_class()(ctx)
            self.frame.hide()
            self.layout().removeWidget(self.frame)
            self.frame.deleteLater()
            self.layout().addWidget(page)
            self.page = page
        return self.page
