"""Window size and place, and the last page, remembered between starts (QSettings).

The window never opens larger than the screen's available area (`fit_to_screen`): a size
remembered on a bigger screen, or the default 1280×800 on 1366×768 or 1920×1080 at 200 %
(960×540 logical), is cut down so that the title and the status bar stay on the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtGui import QGuiApplication, QScreen
from PySide6.QtWidgets import QApplication, QMainWindow, QStyle

GEOMETRY_KEY = "window/geometry"
PAGE_KEY = "window/page"


def restore(window: QMainWindow, default_size: tuple[int, int]) -> bool:
    """Put the window back where it was; False (and the default size) the first time."""
    geometry = QSettings().value(GEOMETRY_KEY)
    restored = geometry is not None and window.restoreGeometry(geometry)
    if not restored:
        window.resize(*default_size)
    fit_to_screen(window)
    return restored


def screen_of(window: QMainWindow) -> QScreen | None:
    return window.screen() or QGuiApplication.primaryScreen()


def frame_allowance(window: QMainWindow) -> QSize:
    """What the window manager adds around the window (known once shown; else the title bar)."""
    frame, inner = window.frameGeometry(), window.geometry()
    if window.isVisible() and frame.height() > inner.height():
        return QSize(frame.width() - inner.width(), frame.height() - inner.height())
    style = QApplication.style()
    title = style.pixelMetric(QStyle.PixelMetric.PM_TitleBarHeight) if style is not None else 30
    return QSize(0, max(title, 0))


def fit_to_screen(window: QMainWindow) -> QRect | None:
    """Shrink and move the window into its screen's available geometry; the area it fits in."""
    screen = screen_of(window)
    if screen is None or window.isMaximized() or window.isFullScreen():
        return None
    available = screen.availableGeometry()
    room = available.size() - frame_allowance(window)
    size = window.size().boundedTo(room).expandedTo(window.minimumSize().boundedTo(room))
    if size != window.size():
        window.resize(size)
    place = window.geometry()
    left = min(max(place.x(), available.x()), available.x() + available.width() - size.width())
    top = min(max(place.y(), available.y() + frame_allowance(window).height()),
              available.y() + available.height() - size.height())
    if (left, top) != (place.x(), place.y()):
        window.setGeometry(left, top, size.width(), size.height())  # move() would place the frame there
    return available


def last_page(page_ids: tuple[str, ...]) -> str | None:
    page = QSettings().value(PAGE_KEY)
    return page if page in page_ids else None


def save(window: QMainWindow, page_id: str) -> None:
    settings = QSettings()
    settings.setValue(GEOMETRY_KEY, window.saveGeometry())
    settings.setValue(PAGE_KEY, page_id)
