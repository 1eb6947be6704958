"""The menu bar by keyboard: Hjelp (F1 → keyboard shortcuts, About with the data folder),
Fil → backups (restore by keyboard; the open database is copied first), window state."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtWidgets import QApplication

from bpa_desktop import __version__


def test_help_menu_has_mnemonics_and_f1_opens_the_shortcuts(demo_window, qtbot):
    from tests.ui.ui_helpers import press

    window = demo_window
    titles = [action.text() for action in window.menuBar().actions()]
    assert titles == ["&Fil", "&Rediger", "&Hjelp"]
    press(qtbot, Qt.Key.Key_F1)
    dialog = window.menus.dialog
    assert dialog is not None and dialog.windowTitle() == "Hurtigtaster"
    rows = dict(dialog.rows())
    assert rows["Ctrl+1"] == window.pages["oversikt"].title() and rows["F1"] == "Hurtigtaster"
    dialog.reject()


def test_shortcuts_list_the_open_pages_own_keys(demo_window, qtbot):
    window = demo_window
    window.show_page("timelister")
    dialog = window.menus.open_shortcuts()
    keys = dict(dialog.rows())
    assert "Ctrl+T" in keys  # Attester… on the Timelister page
    dialog.reject()


def test_about_shows_version_licence_and_opens_the_data_folder(demo_window, monkeypatch):
    window = demo_window
    opened = []
    monkeypatch.setattr("bpa_desktop.ui.help.about_dialog.QDesktopServices.openUrl",
                        lambda url: opened.append(url) or True)
    dialog = window.menus.open_about()
    from PySide6.QtWidgets import QLabel

    texts = " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert __version__ in texts and "MIT" in texts and str(window.ctx.workspace.path) in texts
    dialog.open_button.click()
    assert opened == [QUrl.fromLocalFile(str(window.ctx.workspace.path.parent))]
    dialog.reject()


def test_restore_by_keyboard_copies_the_open_database_first(demo_ctx, qtbot, monkeypatch):
    from bpa_desktop.core.model import Assistant
    from bpa_desktop.ui.main_window import MainWindow

    ws = demo_ctx.workspace
    copy = ws.backups.create("manual").copy
    arrangement = ws.people.list_arrangements()[0]
    before = len(ws.people.list_assistants(arrangement.id))
    ws.people.add_assistant(Assistant(None, arrangement.id, "Ny Assistent", "N1", 40.0))
    win = MainWindow(demo_ctx, offer_first_run=False, start_sync=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: demo_ctx.arrangements_loaded)
    dialog = win.menus.open_backups()
    qtbot.waitUntil(lambda: dialog.table.rowCount() == 1)
    assert dialog.table.item(0, 2).text() != "ingen"  # the last attested month is shown
    _accept_next_question(monkeypatch)
    qtbot.keyClick(dialog.restore_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Hentet tilbake" in dialog.status.text(), timeout=10000)
    assert len(ws.people.list_assistants(arrangement.id)) == before
    reasons = sorted(c.reason for c in ws.backups.list())
    assert reasons == ["before-restore", "manual"]
    dialog.reject()
    demo_ctx.runner.wait_for_done()


def test_window_place_and_last_page_are_remembered(ctx, qtbot):
    from bpa_desktop.ui import window_state
    from bpa_desktop.ui.main_window import PAGE_IDS, MainWindow

    first = MainWindow(ctx, offer_first_run=False, start_sync=False)
    qtbot.addWidget(first)
    first.remember_state = True
    first.resize(700, 500)
    first.show()
    first.show_page("vedtak")
    saved = first.saveGeometry()
    first.close()
    assert window_state.last_page(PAGE_IDS) == "vedtak"
    second = MainWindow(ctx, offer_first_run=False, start_sync=False)
    qtbot.addWidget(second)
    from PySide6.QtCore import QSettings

    assert QSettings().value(window_state.GEOMETRY_KEY) == saved
    assert window_state.restore(second, (1280, 800))  # Qt accepted the saved place and size
    QApplication.processEvents()


def _accept_next_question(monkeypatch):
    """The next QMessageBox answers with its button that does not cancel."""
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "exec", lambda box: 0)
    monkeypatch.setattr(QMessageBox, "clickedButton", lambda box: next(
        b for b in box.buttons() if box.buttonRole(b) != QMessageBox.ButtonRole.RejectRole))


def test_encrypt_by_keyboard_then_print_the_recovery_code(demo_window, qtbot, monkeypatch, memory_keyring, tmp_path):
    import pdfplumber
    from PySide6.QtPrintSupport import QPrinter

    from bpa_desktop.storage import encryption

    pytest = __import__("pytest")
    if not encryption.available():
        pytest.skip("sqlcipher3 is not installed")
    dialog = demo_window.menus.open_encryption()
    qtbot.waitUntil(lambda: dialog.encrypt_button.isEnabled())
    _accept_next_question(monkeypatch)
    qtbot.keyClick(dialog.encrypt_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.code_label.text().count("-") == 15, timeout=15000)
    assert encryption.key_from_recovery_code(dialog.code_label.text()) is not None  # typed back as shown
    assert encryption.is_encrypted(demo_window.ctx.workspace.path)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "code.pdf"))
    assert dialog.print_code(printer)
    with pdfplumber.open(tmp_path / "code.pdf") as pdf:
        text = pdf.pages[0].extract_text()
    assert dialog.code in text.replace("\n", "")  # both lines of the code on the page
    dialog.reject()
    demo_window.ctx.runner.wait_for_done()


def test_erase_a_departed_assistant_by_keyboard_after_the_retention(demo_window, qtbot, monkeypatch):
    from dataclasses import replace
    from datetime import date

    from bpa_desktop.ui.backups.erasure_dialog import ErasureDialog

    ws = demo_window.ctx.workspace
    arrangement = ws.people.list_arrangements()[0]
    assistant = ws.people.list_assistants(arrangement.id)[0]
    ws.people.update_assistant(replace(assistant, end_date=date(2026, 4, 30)))
    early = ErasureDialog(demo_window.ctx, demo_window, today=date(2031, 6, 1))
    qtbot.addWidget(early)
    qtbot.waitUntil(lambda: early.table.rowCount() == 1)
    assert early.table.item(0, 2).text() == "01.01.2032" and not early.erase_button.isEnabled()
    late = ErasureDialog(demo_window.ctx, demo_window, today=date(2032, 1, 2))
    qtbot.addWidget(late)
    late.open()
    qtbot.waitUntil(lambda: late.erase_button.isEnabled())
    _accept_next_question(monkeypatch)
    qtbot.keyClick(late.erase_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "slettet" in late.status.text(), timeout=10000)
    erased = next(a for a in ws.people.list_assistants(arrangement.id) if a.id == assistant.id)
    assert erased.name.startswith("Slettet assistent")
    demo_window.ctx.runner.wait_for_done()
