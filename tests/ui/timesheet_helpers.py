"""Helpers for the Timelister, Oversikt and Rapporter tests (their `demo_window` fixture is in
conftest.py): opening a page as if on a given day."""

from __future__ import annotations

from datetime import date


def open_page(qtbot, window, page_id: str, today: date):
    """Show a page as it looks on `today`, focus in its first control, data loaded."""
    page = window.pages[page_id]
    qtbot.waitUntil(lambda: not window.ctx.runner.busy, timeout=15000)  # no read for another day on its way
    page.today = today
    window.show_page(page_id, focus=True)
    page.reload()
    qtbot.waitUntil(lambda: page.is_loaded and not window.ctx.runner.busy, timeout=15000)
    return page
