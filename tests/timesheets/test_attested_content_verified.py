"""Attested content changed behind the triggers (85 → 95 hours) is refused wherever it would
be used: shown, printed (PDF), exported (payroll), sent (outbox) or bundled, with what
differs; the other timesheets keep working (issue: hardening)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date

import pytest

from bpa_desktop.message import Message
from bpa_desktop.cli import main
from bpa_desktop.storage.errors import AttestedContentChangedError
from bpa_desktop.workspace import Workspace

APRIL = date(2026, 4, 1)


def _behind_the_triggers(path, sql: str, params=()) -> None:
    """Run ``sql`` with the lock triggers dropped, then put them back exactly as they were."""
    connection = sqlite3.connect(path)
    try:
        triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        for name, _ in triggers:
            connection.execute(f'DROP TRIGGER "{name}"')
        connection.execute(sql, params)
        for _, create in triggers:
            connection.execute(create)
        connection.commit()
    finally:
        connection.close()


def tamper_ordinary_hours(path, timesheet_id: int, hours: float) -> float:
    """Set the ``ordinary`` pay line of an attested version's content to ``hours``; returns
    the hours it had (and that its stored pay line rows still have)."""
    connection = sqlite3.connect(path)
    content = connection.execute("SELECT content FROM timesheet_snapshot WHERE timesheet_id = ?",
                                 (timesheet_id,)).fetchone()[0]
    connection.close()
    document = json.loads(content)
    [line] = [line for line in document["pay_lines"] if line["kind"] == "ordinary"]
    before, line["hours"] = line["hours"], hours
    changed = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    _behind_the_triggers(path, "UPDATE timesheet_snapshot SET content = ? WHERE timesheet_id = ?",
                         (changed, timesheet_id))
    return before


@pytest.fixture
def tampered(demo_workspace):
    """The demo with assistant 1's April timesheet's ordinary hours changed to `before` + 10."""
    ws = demo_workspace
    sheet = ws.timesheets.preview_timesheet(1, APRIL).timesheet
    assert sheet is not None and sheet.content_hash and ws.timesheets.verify_timesheet(sheet.id)
    before = tamper_ordinary_hours(ws.path, sheet.id, 0.0)  # read the hours first
    tamper_ordinary_hours(ws.path, sheet.id, before + 10)
    return ws, sheet, before


def _hours(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",")


def test_the_85_to_95_example_is_refused_by_bpa_export_timesheet(demo_workspace, tmp_path, capsys):
    ws = demo_workspace
    sheet = ws.timesheets.preview_timesheet(1, APRIL).timesheet
    tamper_ordinary_hours(ws.path, sheet.id, 85.0)  # first make the attested value 85 h,
    _behind_the_triggers(ws.path, "UPDATE timesheet_pay_line SET hours = 85.0 WHERE timesheet_id = ? "
                         "AND kind = 'ordinary'", (sheet.id,))
    connection = sqlite3.connect(ws.path)
    content = connection.execute("SELECT content FROM timesheet_snapshot WHERE timesheet_id = ?",
                                 (sheet.id,)).fetchone()[0]
    connection.close()
    from bpa_desktop.core.timesheet_content import content_hash

    _behind_the_triggers(ws.path, "UPDATE timesheet SET content_hash = ? WHERE id = ?",
                         (content_hash(content), sheet.id))
    assert ws.timesheets.verify_timesheet(sheet.id)  # ... as if attested with 85 h
    tamper_ordinary_hours(ws.path, sheet.id, 95.0)  # then 85 → 95 behind the triggers
    out = tmp_path / "april.pdf"
    code = main(["export", "timesheet", "--db", str(ws.path), "--assistant", "1", "--period", "2026-04",
                 "--out", str(out)])
    err = capsys.readouterr().err
    assert code == 2 and not out.exists() and list(tmp_path.glob("*.pdf")) == []
    [line] = err.splitlines()
    assert "er endret etter at den ble attestert" in line and "versjon 1" in line
    assert "95 t i det attesterte innholdet, men 85 t i de lagrede lønnslinjene" in line


def test_shown_printed_and_paid_are_refused_with_what_differs(tampered, tmp_path):
    ws, sheet, before = tampered
    tmp_path = tmp_path / "out"
    tmp_path.mkdir()
    expected = f"{_hours(before + 10)} t i det attesterte innholdet, men {_hours(before)} t"
    with pytest.raises(AttestedContentChangedError, match=expected):
        ws.timesheets.timesheet_detail(sheet.id)
    with pytest.raises(AttestedContentChangedError):
        ws.exports.timesheet_pdf(1, APRIL, tmp_path / "x.pdf")
    with pytest.raises(AttestedContentChangedError):
        ws.exports.payroll_file(ws.people.list_arrangements()[0].id, APRIL, tmp_path / "x.csv", visma=False)
    assert not ws.timesheets.verify_timesheet(sheet.id)
    assert list(tmp_path.iterdir()) == []


def test_a_changed_hash_alone_is_refused_too(demo_workspace):
    ws = demo_workspace
    sheet = ws.timesheets.preview_timesheet(1, APRIL).timesheet
    _behind_the_triggers(ws.path, "UPDATE timesheet SET content_hash = ? WHERE id = ?", ("0" * 64, sheet.id))
    with pytest.raises(AttestedContentChangedError, match="men ble attestert med 0000000000000000"):
        ws.timesheets.timesheet_detail(sheet.id)


def test_the_other_timesheets_keep_working(tampered, tmp_path):
    ws, sheet, _ = tampered
    others = [t for t in ws.timesheets.list_timesheets(ws.people.list_arrangements()[0].id)
              if t.content_hash and t.id != sheet.id]
    assert others and all(ws.timesheets.verify_timesheet(t.id) for t in others)
    ws.exports.timesheet_pdf(2, APRIL, tmp_path / "sara.pdf")
    assert (tmp_path / "sara.pdf").stat().st_size > 1000


def test_it_is_not_sent_or_bundled(tampered):
    """Sealing (before every push and bundle), claiming and the bundle's list block the row."""
    from bpa_desktop.sync import signing
    from bpa_desktop.workspace.sync_outbox import CONTENT_CHANGED

    ws, sheet, _ = tampered
    arrangement_id = ws.people.list_arrangements()[0].id
    key = signing.generate_private_key()
    port = ws.sync.outbox
    port.save_enrolment(arrangement_id, receiver_url="https://kommune.invalid", remote_arrangement_id="ref-1",
                        public_key=signing.public_key_raw(key))
    [enrolment] = port.load_enrolments(arrangement_id)
    assert port.seal(enrolment, key) > 0  # the other versions are signed
    rows = {row.timesheet_id: row for row in port.list_rows(arrangement_id)}
    mine = rows[sheet.id]
    assert mine.state == "blocked" and mine.last_error_code == CONTENT_CHANGED and mine.sig is None
    assert "er endret etter at den ble attestert" in Message.from_json(mine.last_error_message).render()
    claimed = {c.id for c in port.claim(arrangement_id, "test", ignore_backoff=True, limit=1000)}
    assert claimed and mine.id not in claimed
    assert mine.id not in {row.id for row in port.exportable(arrangement_id)}


def test_the_gui_shows_the_problem_and_the_rest_of_the_period(qtbot, tampered, _bokmal):
    from PySide6.QtWidgets import QApplication

    from bpa_desktop.ui.context import AppContext
    from bpa_desktop.ui.main_window import MainWindow
    from tests.ui.timesheet_helpers import open_page

    ws, sheet, before = tampered
    ctx = AppContext(ws)
    window = MainWindow(ctx, offer_first_run=False, start_sync=False)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: ctx.arrangements_loaded, timeout=15000)
    page = open_page(qtbot, window, "timelister", date(2026, 5, 20))
    page.select_period(APRIL, assistant_id=1)
    qtbot.waitUntil(lambda: page.is_loaded and not ctx.runner.busy, timeout=15000)
    entries = page.data.entries
    broken = [e for e in entries if e.assistant.id == 1]
    assert broken and "er endret etter at den ble attestert" in broken[0].problem
    assert [e for e in entries if e.assistant.id != 1 and not e.problem]  # the others still show
    assert page.message.isVisible() and "er endret etter at den ble attestert" in page.message.text()
    assert page.list_model.text(entries.index(broken[0]), 1) == "Kan ikke leses"
    ctx.runner.wait_for_done()
    window.close()
    QApplication.processEvents()


def test_a_fresh_workspace_open_checks_nothing_it_does_not_read(tampered):
    """Opening the file is not refused: only the changed version is (the rest is usable)."""
    ws, _, _ = tampered
    Workspace.open(ws.path).close()
