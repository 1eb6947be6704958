"""Text from outside is shown as written (issue: hardening). HTML goes in through a database
value (names, codes, the rota's name, a vedtak reference), the receiver's answers (a
rejection reason, an error title) and an error message; every label, tooltip, table tooltip
and message box that shows it must show the tags literally: no red "GODKJENT" heading on a
rejected timesheet, no image loaded from a local file, no live link."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

import pytest
from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import Qt as GuiQt  # mightBeRichText lives in QtGui's Qt namespace
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QLabel,
    QMessageBox,
    QWidget,
)

from bpa_desktop.message import Message
from bpa_desktop.ui.plain import tooltip

HOSTILE = '<h1 style="color:red">GODKJENT</h1><img src="file:///etc/hostname"><a href="https://x.invalid/">klikk</a>'
MARK = "GODKJENT"


def _shown_as_tooltip(html_text: str) -> str:
    """What Qt shows for a tooltip: rich text when it looks like it, else the text itself."""
    if not GuiQt.mightBeRichText(html_text):
        return html_text
    document = QTextDocument()
    document.setHtml(html_text)
    return document.toPlainText()


def _assert_literal_tooltip(text: str, where: str) -> None:
    assert HOSTILE in _shown_as_tooltip(text), f"{where}: tooltip not shown literally: {text[:200]}"


def test_the_tooltip_helper_shows_any_text_literally(qapp):
    for text in (HOSTILE, "a < b & c > d", "linje 1\nlinje 2 <b>x</b>", "<qt>rå</qt>"):
        assert _shown_as_tooltip(tooltip(text)).strip() == text.strip()
    assert tooltip("") == "" and tooltip(None) == ""


@pytest.fixture
def hostile_demo(demo_workspace):
    """The demo with HTML in what the database and the municipality hand the UI."""
    path = demo_workspace.path
    demo_workspace.close()
    connection = sqlite3.connect(path)
    now = datetime.now(timezone.utc).replace(tzinfo=None) - timedelta(minutes=5)
    connection.execute("UPDATE assistant SET name = ? WHERE id = 2", (f"Sara {HOSTILE}",))
    connection.execute("UPDATE arrangement SET name = ?", (f"Emils ordning {HOSTILE}",))
    connection.execute("UPDATE vedtak SET reference = ?", (HOSTILE,))
    connection.execute("UPDATE rota SET name = ?", (f"Turnus {HOSTILE}",))
    rows = [r[0] for r in connection.execute("SELECT id FROM outbox_submission ORDER BY created_at DESC LIMIT 2")]
    connection.execute("UPDATE outbox_submission SET state = 'rejected', decision = 'rejected', "
                       "decision_reason = ?, decided_at = ? WHERE id = ?", (HOSTILE, now, rows[0]))
    connection.execute("UPDATE outbox_submission SET state = 'queued', attempts = 3, last_error_code = 'internal', "
                       "last_error_message = ?, next_attempt_at = ? WHERE id = ?",
                       (Message.plain(HOSTILE).to_json(), now, rows[1]))  # the receiver's own words
    connection.commit()
    connection.close()
    from bpa_desktop.workspace import Workspace

    ws = Workspace.open(path)
    yield ws
    ws.close()


def _walk(window: QWidget):
    yield window
    yield from window.findChildren(QWidget)


def _check_everything_shown(window) -> int:
    """Every label, tooltip and table tooltip in the window that holds the mark: literal."""
    seen = 0
    for widget in _walk(window):
        if isinstance(widget, QLabel) and MARK in widget.text():
            seen += 1
            assert widget.textFormat() == Qt.TextFormat.PlainText, f"label: {widget.text()[:80]}"
        if MARK in widget.toolTip():
            seen += 1
            _assert_literal_tooltip(widget.toolTip(), type(widget).__name__)
        if isinstance(widget, QAbstractItemView) and widget.model() is not None:
            model = widget.model()
            columns = model.columnCount(QModelIndex()) if not isinstance(model, QAbstractListModel) else 1
            for row in range(min(model.rowCount(QModelIndex()), 400)):
                for column in range(columns):
                    index = model.index(row, column)
                    tip = model.data(index, Qt.ItemDataRole.ToolTipRole)
                    if isinstance(tip, str) and MARK in tip:
                        seen += 1
                        _assert_literal_tooltip(tip, f"{type(model).__name__}[{row},{column}]")
    return seen


def test_every_page_shows_hostile_text_literally(qtbot, hostile_demo, _bokmal):
    from bpa_desktop.ui.pages.registry import PAGE_IDS
    from bpa_desktop.ui.context import AppContext
    from bpa_desktop.ui.main_window import MainWindow

    ctx = AppContext(hostile_demo)
    window = MainWindow(ctx, offer_first_run=False, start_sync=False)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitUntil(lambda: ctx.arrangements_loaded, timeout=15000)
    seen = {}
    for name in PAGE_IDS:
        window.show_page(name)
        page = window.pages[name]
        qtbot.waitUntil(lambda: page.is_loaded and not ctx.runner.busy, timeout=20000)
        QApplication.processEvents()
        seen[name] = _check_everything_shown(window)
    window.sync_status.refresh()
    qtbot.waitUntil(lambda: MARK in window.sync_status.toolTip() or not ctx.runner.busy, timeout=15000)
    seen["status line"] = _check_everything_shown(window)
    # The places the issue names, and the database's own: all met with the mark in them.
    assert seen["synk"] >= 3, seen  # the reason and the last error in the table, the detail line
    assert seen["status line"] >= 1 and seen["assistenter"] >= 1 and seen["turnus"] >= 1, seen
    ctx.runner.wait_for_done()
    window.close()


def test_an_error_message_box_shows_its_text_literally(qtbot, _bokmal):
    from bpa_desktop.ui.errors import show_error
    from bpa_desktop.workspace import WorkspaceError

    parent = QWidget()
    qtbot.addWidget(parent)
    show_error(parent, WorkspaceError(f"Kunne ikke lagre: {HOSTILE}"))
    [box] = [w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and MARK in w.text()]
    assert box.textFormat() == Qt.TextFormat.PlainText
    box.close()
