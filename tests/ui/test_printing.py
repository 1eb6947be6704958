"""Printing from Timelister and Turnus, by keyboard only: Ctrl+P makes the PDF in a worker into a
temporary folder and opens the print preview; Ctrl+P in the preview asks for the printer, Enter
prints (here to a PDF file, read back page by page), Esc closes; the temporary folder is gone
afterwards. A PDF that cannot be made gets a sentence on the page, and no preview."""

from __future__ import annotations

import errno
import tempfile
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QPageLayout
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from bpa_desktop.ui.help.shortcuts_dialog import page_shortcuts
from bpa_desktop.ui.printing import PdfPrint
from bpa_desktop.ui.translation import tr_index
from tests.ui.test_timesheets_page import AFTER_MAY, go_to_list_and_find, go_to_previous_period
from tests.ui.timesheet_helpers import open_page
from tests.ui.ui_helpers import focused, press

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def temp_dir(tmp_path, monkeypatch):
    """Temporary files of this test only, so that leftovers can be counted."""
    folder = tmp_path / "tmp"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def page_count(path: Path) -> int:
    document = QPdfDocument()
    assert document.load(str(path)) == QPdfDocument.Error.None_, path
    count = document.pageCount()
    document.close()
    return count


def preview_opened(qtbot, owner):
    qtbot.waitUntil(lambda: owner.print_dialog is not None and owner.print_dialog.isVisible(), timeout=30000)
    dialog = owner.print_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def print_to_file(qtbot, owner, dialog, target: Path) -> int:
    """In the preview: Ctrl+P, then Enter in the printer dialog; the pages go to ``target``.
    Returns the number of pages the preview showed."""
    shown = dialog.document.pageCount()
    printer = dialog.printer()
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)  # "Print to file (PDF)" in the printer dialog
    printer.setOutputFileName(str(target))
    press(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: dialog.print_chooser is not None and dialog.print_chooser.isVisible(), timeout=10000)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog.print_chooser)
    press(qtbot, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: owner.print_dialog is None and target.exists(), timeout=30000)
    return shown


def test_ctrl_p_prints_the_chosen_timesheet(qtbot, demo_window, temp_dir, tmp_path):
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page, steps=2)
    go_to_list_and_find(qtbot, page, "Amir Karimi")
    press(qtbot, Qt.Key.Key_P, CTRL)
    press(qtbot, Qt.Key.Key_P, CTRL)  # pressed twice while the PDF is made: still one print
    dialog = preview_opened(qtbot, page)
    assert dialog.windowTitle() == "Skriv ut timelisten" == dialog.accessibleName()
    qtbot.waitUntil(lambda: not page.ctx.runner.busy)
    assert len([p for p in page.findChildren(PdfPrint) if p.busy]) == 1
    toolbar = {action.text() for action in dialog.findChildren(QAction)}
    assert {"Skriv ut", "Neste side", "Sideoppsett", "Liggende"} <= toolbar  # Qt's own words, in bokmål
    (made,) = list(temp_dir.glob("bpa-print-*/*.pdf"))  # the PDF the export writes, made for printing
    assert made.name.startswith("timeliste-") and made.read_bytes().startswith(b"%PDF")
    assert "Ingen skriver er satt opp" in page.message.text()  # the test machine has no printer

    printed = tmp_path / "printed.pdf"
    shown = print_to_file(qtbot, page, dialog, printed)
    assert shown >= 1 and page_count(printed) == shown == page_count_of_export(qtbot, page, tmp_path)
    assert list(temp_dir.iterdir()) == []  # the temporary PDF and its folder are gone
    qtbot.waitUntil(lambda: QApplication.focusWidget() is page.list)  # the keyboard is back where it was


def page_count_of_export(qtbot, page, tmp_path) -> int:
    """The same timesheet saved as a PDF (Ctrl+S's export): as many pages as were printed."""
    saved = tmp_path / "saved.pdf"
    page.exports.export_pdf(saved)
    qtbot.waitUntil(lambda: saved.exists(), timeout=15000)
    return page_count(saved)


def test_ctrl_p_prints_the_rota_from_any_tab_and_esc_closes(qtbot, demo_window, temp_dir, tmp_path):
    page = demo_window.show_page("turnus", focus=True)
    qtbot.waitUntil(lambda: page.is_loaded and page.approvals.period is not None, timeout=20000)
    assert page.tabs.currentIndex() == 0  # the Pattern tab: the print button is on another tab
    came_from = focused()
    press(qtbot, Qt.Key.Key_P, CTRL)
    dialog = preview_opened(qtbot, page.approvals)
    assert dialog.windowTitle() == "Skriv ut turnusen"
    assert len(list(temp_dir.glob("bpa-print-*/turnus-*.pdf"))) == 1
    assert "Ingen skriver" in page.message.text()  # said on the page's own line, seen on every tab
    press(qtbot, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.approvals.print_dialog is None, timeout=10000)
    assert list(temp_dir.iterdir()) == []
    qtbot.waitUntil(lambda: QApplication.focusWidget() is came_from)  # the keyboard is back where it was

    press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.AltModifier)  # "D&eling og godkjenning"
    qtbot.waitUntil(lambda: page.tabs.currentWidget() is page.approvals)
    for _ in range(40):  # Tab on to the button itself
        if focused() is page.approvals.print_button:
            break
        press(qtbot, Qt.Key.Key_Tab)
    assert focused() is page.approvals.print_button
    press(qtbot, Qt.Key.Key_Space)
    dialog = preview_opened(qtbot, page.approvals)
    assert dialog.printer().pageLayout().orientation() == QPageLayout.Orientation.Landscape  # as the rota PDF
    printed = tmp_path / "rota.pdf"
    shown = print_to_file(qtbot, page.approvals, dialog, printed)
    assert shown >= 1 and page_count(printed) == shown
    document = QPdfDocument()
    document.load(str(printed))
    size = document.pagePointSize(0)
    assert size.width() > size.height()  # on landscape paper, not shrunk onto a portrait sheet
    document.close()
    assert list(temp_dir.iterdir()) == []


def test_a_pdf_that_cannot_be_made_is_said_and_leaves_nothing(qtbot, demo_window, demo_workspace, temp_dir,
                                                              monkeypatch):
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    go_to_previous_period(qtbot, page, steps=2)
    go_to_list_and_find(qtbot, page, "Amir Karimi")

    def disk_full(*_args, **_kwargs):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(demo_workspace.exports, "timesheet_pdf", disk_full)
    press(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: "kunne ikke lages" in page.message.text(), timeout=15000)
    assert page.message.text() == ("PDF-en for utskrift kunne ikke lages (No space left on device), "
                                   "så ingenting ble skrevet ut.")
    assert page.print_dialog is None and list(temp_dir.iterdir()) == []
    assert not page.findChildren(PdfPrint) or all(p.dialog is None for p in page.findChildren(PdfPrint))

    # no temporary folder can be made at all (the temporary place is a file): said, nothing opens
    monkeypatch.undo()
    blocked = temp_dir / "not-a-folder"
    blocked.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(blocked))
    press(qtbot, Qt.Key.Key_P, CTRL)
    qtbot.waitUntil(lambda: "kunne ikke lages (" in page.message.text() and "No space" not in page.message.text(),
                    timeout=5000)
    assert page.print_dialog is None


def test_print_and_save_have_their_own_keys_and_texts_in_both_languages(qtbot, demo_window):
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    assert page.print_button.text() == "Skriv ut …" and "(Ctrl+P)" in page.print_button.toolTip()
    assert page.pdf_button.text() == "Lagre som PDF …" and "(Ctrl+S)" in page.pdf_button.toolTip()
    assert page.print_button.accessibleName() == "Skriv ut …"
    keys = dict(page_shortcuts(page))  # what F1 lists for the page
    assert keys["Ctrl+P"] == "Skriv ut …" and keys["Ctrl+S"] == "Lagre som PDF …"
    assert keys["Ctrl+Shift+P"] == "Alle PDF-er for året …"
    rota = demo_window.pages["turnus"].approvals
    assert rota.print_button.text() == "Skriv ut …" and "(Ctrl+P)" in rota.print_button.toolTip()
    english, bokmal = tr_index("en"), tr_index("nb")
    for context, source, nb in (("TimesheetsPage", "Print…", "Skriv ut …"),
                                ("TimesheetsPage", "Save as PDF…", "Lagre som PDF …"),
                                ("ApprovalsPanel", "Print…", "Skriv ut …"),
                                ("SheetExports", "Print the timesheet", "Skriv ut timelisten"),
                                ("ApprovalsPanel", "Print the rota", "Skriv ut turnusen")):
        assert english[(context, source)] == source and bokmal[(context, source)] == nb
