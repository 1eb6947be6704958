"""Tab on every page of the demo window: from the page's first control the focus chain visits the
controls in reading order (top to bottom, left to right; a column to the right starts again at the
top; a tab widget's page after its tab bar) and reaches every enabled control that takes Tab."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QAbstractSpinBox, QApplication, QComboBox, QWidget

from bpa_desktop.ui.main_window import PAGE_IDS
from tests.ui.ui_helpers import press


def rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def tab_stops(page: QWidget) -> list[QWidget]:
    """The controls of the page a person can reach with Tab (a combo's or spin box's inner edit is theirs)."""
    stops = []
    for widget in page.findChildren(QWidget):
        if not (widget.isVisible() and widget.isEnabled() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus):
            continue
        if widget.focusProxy() is not None:
            continue
        parent = widget.parentWidget()
        if isinstance(parent, (QComboBox, QAbstractSpinBox)):
            continue
        stops.append(widget)
    return stops


def walk(qtbot, page) -> list[QWidget]:
    from bpa_desktop.ui.main_window import focus_first_control

    assert focus_first_control(page)
    seen = [QApplication.focusWidget()]
    for _ in range(200):
        press(qtbot, Qt.Key.Key_Tab)
        widget = QApplication.focusWidget()
        if widget is None or not page.isAncestorOf(widget) or widget is seen[0]:
            break
        seen.append(widget)
    return seen


def out_of_order(seen: list[QWidget]) -> list[str]:
    wrong = []
    for before, after in zip(seen, seen[1:]):
        a, b = rect(before), rect(after)
        if a.contains(b) or b.contains(a):
            continue  # a control inside another (a tab widget's page, a scroll area)
        new_column = b.left() >= a.right() - 4
        above = b.bottom() <= a.top() + 4
        same_row = not (b.top() >= a.bottom() - 4 or b.bottom() <= a.top() + 4)
        left_on_row = same_row and b.right() <= a.left() + 4
        if (above and not new_column) or left_on_row:
            wrong.append(f"{name(before)} {a.getCoords()} -> {name(after)} {b.getCoords()}")
    return wrong


def name(widget: QWidget) -> str:
    return f"{type(widget).__name__}({widget.accessibleName() or widget.objectName()!r})"


@pytest.mark.parametrize("page_id", PAGE_IDS)
def test_tab_follows_reading_order_and_reaches_every_control(qtbot, demo_window, page_id):
    page = demo_window.show_page(page_id, focus=True)
    qtbot.waitUntil(lambda: page.is_loaded and not demo_window.ctx.runner.busy, timeout=15000)
    seen = walk(qtbot, page)
    missed = [name(w) for w in tab_stops(page) if w not in seen]
    wrong = out_of_order(seen)
    assert not missed and not wrong, f"{page_id}: not reached {missed}; out of reading order {wrong}"
