""""Skriv ut alle som venter" on the Synk page, without a connection: one PDF with every
waiting timesheet, the rows marked as handed over on paper, and the print preview (whose
Print button asks for the printer) painting every page of it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter

from tests.ui.sync_ui_helpers import column, open_window, show_sync_page
from tests.ui.ui_helpers import press


def test_print_all_that_wait_without_enrolment(qtbot, demo_workspace, demo_arrangement_id, tmp_path, _bokmal):
    waiting = demo_workspace.sync.list_submissions(demo_arrangement_id)
    window = open_window(qtbot, demo_workspace)
    page = show_sync_page(qtbot, window)
    assert page.enrolment is None and page.paper_button.isEnabled()  # paper needs no connection
    path = tmp_path / "papir.pdf"
    page.print_all_waiting(path, preview=False)
    qtbot.waitUntil(lambda: "merket som levert på papir" in page.message.text(), timeout=60000)
    assert f"{len(waiting)} timelister" in page.message.text() and path.exists()
    qtbot.waitUntil(lambda: all("levert på papir" in text for text in column(page, "state")), timeout=15000)
    assert all(s.paper_at is not None for s in demo_workspace.sync.list_submissions(demo_arrangement_id))

    from bpa_desktop.ui.printing import paint_pdf, preview_dialog, print_pdf

    dialog = preview_dialog(page, path)
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    assert paint_pdf(dialog.document, printer) == dialog.document.pageCount() >= len(waiting)
    assert (tmp_path / "printed.pdf").stat().st_size > 10_000
    dialog.deleteLater()

    shown = print_pdf(page, path)  # what the page opens after writing (it crashed: its printer was freed)
    qtbot.waitUntil(shown.isVisible)
    assert page.print_dialog is shown and shown.windowTitle() == "Skriv ut timelister"
    shown.reject()


def test_the_paper_button_is_reachable_by_its_shortcut(qtbot, demo_workspace, monkeypatch, tmp_path, _bokmal):
    window = open_window(qtbot, demo_workspace)
    page = show_sync_page(qtbot, window)
    asked = []
    monkeypatch.setattr(page, "print_all_waiting", lambda *a, **k: asked.append(True))
    page.paper_button.clicked.disconnect()
    page.paper_button.clicked.connect(lambda: page.print_all_waiting())
    page.table.setFocus()
    press(qtbot, Qt.Key.Key_P, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: bool(asked), timeout=5000)
