"""Fixtures for the Timelister, Oversikt and Rapporter tests: the main window over the demo
arrangement (built for a fixed day), and opening a page as if on a given day."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture
def demo_ctx(demo_workspace, _bokmal):
    from bpa_desktop.ui.context import AppContext

    context = AppContext(demo_workspace)
    yield context
    context.runner.wait_for_done()


@pytest.fixture
def demo_window(demo_ctx, qtbot):
    from bpa_desktop.ui.main_window import MainWindow

    win = MainWindow(demo_ctx, offer_first_run=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.waitUntil(lambda: demo_ctx.arrangements_loaded)
    yield win
    demo_ctx.runner.wait_for_done()


def open_page(qtbot, window, page_id: str, today: date):
    """Show a page as it looks on `today`, focus in its first control, data loaded."""
    page = window.pages[page_id]
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=15000)  # no read for another day on its way
    page.today = today
    window.show_page(page_id, focus=True)
    page.reload()
    qtbot.waitUntil(lambda: page.is_loaded and not window.ctx.runner.busy, timeout=15000)
    return page
