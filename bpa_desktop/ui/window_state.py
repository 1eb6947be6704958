"""Window size and place, and the last page, remembered between starts (QSettings)."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QMainWindow

GEOMETRY_KEY = "window/geometry"
PAGE_KEY = "window/page"


def restore(window: QMainWindow, default_size: tuple[int, int]) -> bool:
    """Put the window back where it was; False (and the default size) the first time."""
    geometry = QSettings().value(GEOMETRY_KEY)
    if geometry is not None and window.restoreGeometry(geometry):
        return True
    window.resize(*default_size)
    return False


def last_page(page_ids: tuple[str, ...]) -> str | None:
    page = QSettings().value(PAGE_KEY)
    return page if page in page_ids else None


def save(window: QMainWindow, page_id: str) -> None:
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(PAGE_KEY, page_id)
