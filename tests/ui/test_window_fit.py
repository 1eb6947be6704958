"""The window fits small screens (issue 16 item 10): 1366×768 at 100 % and 1920×1080 at 200 %
(960×540 logical) on every page; it never opens larger than the screen's available area, also
with a size remembered from a bigger screen; at 1280 px the timesheet tables show every column
without a horizontal scroll bar, dates and numbers whole and free text wrapped (not cut)."""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize
from PySide6.QtGui import QGuiApplication

from bpa_desktop.ui import window_state
from bpa_desktop.ui.main_window import PAGE_IDS
from bpa_desktop.ui.pages.timesheets import LIST_WRAPPING
from bpa_desktop.ui.timesheets.detail_view import DAY_WRAPPING
from tests.ui.timesheet_helpers import open_page

SMALLEST = QSize(960, 540)  # 1920×1080 at 200 %; 1366×768 at 100 % is larger


def test_every_page_fits_960_by_540(qtbot, demo_window, demo_today):
    for page_id in PAGE_IDS:
        open_page(qtbot, demo_window, page_id, demo_today)
        hint = demo_window.minimumSizeHint()
        assert hint.width() <= SMALLEST.width() and hint.height() <= SMALLEST.height(), (page_id, hint)
        assert demo_window.minimumSize().width() <= SMALLEST.width()
    demo_window.resize(SMALLEST)  # and it can be made that small
    qtbot.waitUntil(lambda: demo_window.size() == SMALLEST)
    assert demo_window.statusBar().geometry().bottom() < SMALLEST.height()


def test_the_window_opens_inside_the_screen(qtbot, demo_window):
    available = QGuiApplication.primaryScreen().availableGeometry()
    demo_window.resize(2560, 1600)  # remembered from a 2560×1600 screen
    QSettings().setValue(window_state.GEOMETRY_KEY, demo_window.saveGeometry())
    for default in ((2560, 1600), (1280, 800)):
        QSettings().remove(window_state.GEOMETRY_KEY) if default == (1280, 800) else None
        window_state.restore(demo_window, default)
        place, least = demo_window.geometry(), demo_window.minimumSizeHint()
        # the offscreen screen (800×800) is narrower than the window's least width (<= 960)
        assert place.width() <= max(available.width(), least.width()), (default, place, available)
        assert place.left() >= available.left() and place.top() >= available.top()
        assert place.height() + window_state.frame_allowance(demo_window).height() <= available.height()
        if least.width() <= available.width():
            assert available.contains(place)


def longest_word(table, column: int) -> int:
    model, metrics = table.model(), table.fontMetrics()
    words = [word for row in range(model.rowCount()) for word in (model.data(model.index(row, column)) or "").split()]
    return max((metrics.horizontalAdvance(word) for word in words), default=0)


def assert_all_readable(table, wrapping: tuple[int, ...]) -> None:
    header = table.horizontalHeader()
    assert header.length() <= table.viewport().width(), "a column hides behind the scroll bar"
    for column in range(table.model().columnCount()):
        if column in wrapping:  # wraps at spaces: every word fits, the row is as tall as its text
            assert header.sectionSize(column) >= longest_word(table, column), column
        else:
            assert header.sectionSize(column) >= table.sizeHintForColumn(column), column
    if any(header.sectionSize(c) < table.sizeHintForColumn(c) for c in wrapping):
        assert table.wordWrap()
        for row in range(table.model().rowCount()):
            assert table.rowHeight(row) >= table.sizeHintForRow(row)


def test_timesheet_columns_are_whole_at_1280(qtbot, demo_window, demo_today):
    demo_window.resize(1280, 720)
    qtbot.waitUntil(lambda: demo_window.width() == 1280)
    page = open_page(qtbot, demo_window, "timelister", demo_today)
    for row in range(page.list_model.rowCount()):
        page.select_assistant(page.data.entries[row].assistant.id)
        qtbot.waitUntil(lambda: page.view is not None and page.is_loaded and not demo_window.ctx.runner.busy,
                        timeout=15000)
        qtbot.wait(10)
        for table, wrapping in ((page.list, LIST_WRAPPING), (page.detail.days, DAY_WRAPPING)):
            assert_all_readable(table, wrapping)
