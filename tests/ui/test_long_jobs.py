"""Long work on the one job base: a year of timesheet PDFs shows its progress in the status bar
and reaches 100 %; Ctrl+. then Esc cancels it within a bound and leaves only whole files; a job
that fails says why and writes nothing half."""

from __future__ import annotations

import time

from PySide6.QtCore import Qt

from tests.ui.test_timesheets_page import AFTER_MAY
from tests.ui.timesheet_helpers import open_page
from tests.ui.ui_helpers import focused, press

CTRL = Qt.KeyboardModifier.ControlModifier


def whole_pdfs(folder) -> list:
    files = sorted(folder.iterdir())
    assert not [f for f in files if f.name.startswith(".")], "a temporary file was left behind"
    for f in files:
        data = f.read_bytes()
        assert data.startswith(b"%PDF") and data.rstrip().endswith(b"%%EOF"), f.name
    return files


def start_year(qtbot, window, page, folder):
    seen = []
    page.exports.export_year(folder)
    (job,) = window.ctx.jobs.visible_jobs()
    job.progressed.connect(lambda done, total, text: seen.append((done, total, text)))
    return job, seen


def test_a_year_of_pdfs_shows_progress_and_reaches_100_percent(qtbot, demo_window, tmp_path):
    tmp_path = tmp_path / "pdf"  # the demo's database lives in tmp_path itself
    tmp_path.mkdir()
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    job, seen = start_year(qtbot, demo_window, page, tmp_path)
    progress = demo_window.progress
    qtbot.waitUntil(lambda: progress.isVisible() and job.done >= 1, timeout=20000)
    text = progress.label.text()
    assert text.startswith("Timelister 2026 (PDF): ") and " av " in text
    assert progress.label.accessibleName() == text  # a screen reader hears the same
    assert progress.cancel_button.isVisible() and progress.cancel_button.accessibleName()
    qtbot.waitUntil(lambda: "er lagret i" in page.message.text(), timeout=120000)
    assert not progress.isVisible()
    done, total, _ = seen[-1]
    assert total > 0 and done == total  # 100 %
    assert [d for d, _, _ in seen] == sorted(d for d, _, _ in seen)
    files = whole_pdfs(tmp_path)
    assert files and page.message.text().startswith(f"{len(files)} timelister")


def test_cancel_by_keyboard_stops_soon_and_leaves_whole_files(qtbot, demo_window, tmp_path):
    tmp_path = tmp_path / "pdf"
    tmp_path.mkdir()
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    page.list.setFocus()
    qtbot.waitUntil(lambda: focused() is page.list)
    job, seen = start_year(qtbot, demo_window, page, tmp_path)
    qtbot.waitUntil(lambda: job.done >= 2, timeout=60000)
    press(qtbot, Qt.Key.Key_Period, CTRL)  # to Cancel
    progress = demo_window.progress
    assert focused() is progress.cancel_button
    cancelled_at = time.monotonic()
    press(qtbot, Qt.Key.Key_Escape)  # cancels
    qtbot.waitUntil(lambda: page.message.text().startswith("Avbrutt"), timeout=20000)
    stopped_after = time.monotonic() - cancelled_at
    assert stopped_after < 5.0, f"took {stopped_after:.1f} s to stop"
    assert focused() is page.list  # the keyboard is back where it was
    total = seen[-1][1]
    files = whole_pdfs(tmp_path)
    assert 0 < len(files) < total
    assert page.message.text().startswith(f"Avbrutt: {len(files)} timelister")
    assert not progress.isVisible() and not demo_window.ctx.jobs.busy()


def test_a_failed_job_says_why_and_writes_nothing(qtbot, demo_window, tmp_path):
    tmp_path = tmp_path / "pdf"
    tmp_path.mkdir()
    page = open_page(qtbot, demo_window, "timelister", AFTER_MAY)
    not_a_folder = tmp_path / "fil"
    not_a_folder.write_text("her er en fil")
    page.exports.export_year(not_a_folder)
    # the file that could not be written, and that nothing half-written is left
    qtbot.waitUntil(lambda: "Kan ikke skrive" in page.message.text(), timeout=60000)
    assert str(not_a_folder) in page.message.text() and "ingen halvferdig fil" in page.message.text()
    assert not_a_folder.read_text() == "her er en fil"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fil"]
    assert not demo_window.ctx.jobs.busy()
