"""Rows that cannot be read become a message that names the record, and the rest of the
database keeps working, in the Workspace, the exports and the GUI (issue: hardening).

Each case damages the demo database the way a bad disk, another tool or an attacker would:
an ``assistant.kind`` no version ever wrote, a timestamp that is not one, a bit flipped in
the file that ``quick_check`` does not notice, snapshot content that is not JSON, a table
that is gone. All pass ``PRAGMA quick_check``, so the file opens.
"""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from bpa_desktop.cli import main
from bpa_desktop.storage.errors import (
    AttestedContentChangedError,
    DamagedRecordError,
    DatabaseError,
    MissingTableError,
)
from bpa_desktop.workspace import Workspace

EVER = (date(1900, 1, 1), date(2199, 12, 31))


def _sql(path, *statements) -> None:
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA ignore_check_constraints = ON")
    triggers = connection.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
    for name, _ in triggers:
        connection.execute(f'DROP TRIGGER "{name}"')
    for statement in statements:
        connection.execute(statement)
    for _, create in triggers:
        connection.execute(create)
    connection.commit()
    connection.close()


def _flip_a_byte_in(path, text: str) -> None:
    """Turn the first byte of ``text`` (stored once in the file) into 0xFF: invalid UTF-8."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    connection.close()
    data = bytearray(path.read_bytes())
    at = data.find(text.encode("utf-8"))
    assert at > 0 and data.find(text.encode("utf-8"), at + 1) == -1
    data[at] = 0xFF
    path.write_bytes(bytes(data))
    with sqlite3.connect(path) as connection:
        assert connection.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    connection.close()


@pytest.fixture
def demo(demo_workspace):
    path = demo_workspace.path
    arrangement_id = demo_workspace.people.list_arrangements()[0].id
    demo_workspace.close()
    return path, arrangement_id


def test_an_unknown_assistant_kind_names_the_row(demo):
    path, aid = demo
    _sql(path, "UPDATE assistant SET kind = 'wizard' WHERE id = 3")
    with Workspace.open(path) as ws:
        with pytest.raises(DamagedRecordError) as caught:
            ws.people.list_assistants(aid)
        message = str(caught.value)
        assert "tabellen «assistant», rad 3" in message and "«kind» har verdien «wizard»" in message
        assert "permanent, substitute, on_call" in message and "Resten av databasen kan brukes" in message
        # The rest works: the vedtak, the rota, the timesheets of the period.
        assert ws.vedtak.list_vedtak(aid)
        assert ws.rota.list_planned_shifts(aid, *EVER)


def test_a_garbage_timestamp_names_the_row(demo):
    path, aid = demo
    _sql(path, "UPDATE worked_shift SET start_at = '2026-04-07 kl. åtte' "
               "WHERE id = (SELECT min(id) FROM worked_shift WHERE start_at LIKE '2026-04-07%')")
    with Workspace.open(path) as ws:
        with pytest.raises(DamagedRecordError, match="tabellen «worked_shift», rad [0-9]+: «start_at» har verdien "
                                                     "«2026-04-07 kl. åtte», som ikke er et tidspunkt"):
            ws.timesheets.list_worked_shifts(aid, *EVER)
        assert ws.people.list_assistants(aid)


def test_a_flipped_byte_that_passes_quick_check_names_the_row(demo):
    path, aid = demo
    _flip_a_byte_in(path, "Sara Nilsen")
    with Workspace.open(path) as ws:
        with pytest.raises(DamagedRecordError) as caught:
            ws.people.list_assistants(aid)
        print(str(caught.value))
        assert "«name» har verdien «\\xffara Nilsen», som ikke er tekst" in str(caught.value)
        assert "tabellen «assistant», rad " in str(caught.value)
        assert ws.vedtak.list_vedtak(aid)


def test_snapshot_content_that_is_not_json_names_the_version(demo):
    path, aid = demo
    # the demo attests January to April, five sheets a month: 16 is the first of April's
    _sql(path, "UPDATE timesheet_snapshot SET content = '{not json' WHERE timesheet_id = 16")
    with Workspace.open(path) as ws:
        with pytest.raises(AttestedContentChangedError, match=r"april 2026 \(versjon 1\).*ikke gyldig JSON"):
            ws.timesheets.timesheet_detail(16)
        ws.timesheets.timesheet_detail(17)  # another sheet of the same period is fine


def test_a_missing_table_names_the_table_and_the_rest_works(demo):
    path, aid = demo
    _sql(path, "DROP TABLE need_block")
    with Workspace.open(path) as ws:
        with pytest.raises(MissingTableError, match="mangler tabellen «need_block»"):
            ws.rota.get_need_pattern(aid)
        assert ws.people.list_assistants(aid) and ws.timesheets.timesheet_detail(25)


@pytest.mark.parametrize("damage", ["kind", "timestamp", "flip", "snapshot"])
def test_exports_give_one_line_not_a_traceback(demo, tmp_path, capsys, damage):
    path, _ = demo
    if damage == "kind":
        _sql(path, "UPDATE assistant SET kind = 'wizard' WHERE id = 1")
    elif damage == "timestamp":
        _sql(path, "UPDATE worked_shift SET end_at = '2026-13-45 99:99' WHERE assistant_id = 1")
    elif damage == "flip":
        _flip_a_byte_in(path, "Ingrid Haugland")
    else:
        _sql(path, "UPDATE timesheet_snapshot SET content = 'x' WHERE timesheet_id = 26")
    out = tmp_path / "out"
    out.mkdir()
    for argv in (["export", "timesheet", "--assistant", "1", "--period", "2026-04"],
                 ["export", "payroll", "--period", "2026-04", "--format", "csv"]):
        code = main([*argv, "--db", str(path), "--out", str(out / "file")])
        err = capsys.readouterr().err
        if code == 0:
            continue  # this export does not read the damaged record
        assert code == 2, err
        [line] = err.splitlines()
        assert "Traceback" not in line and ("kan ikke leses" in line or "er endret etter" in line)
    assert list(out.iterdir()) in ([], [out / "file"])


def test_the_gui_says_so_and_other_pages_keep_working(qtbot, demo, _bokmal):
    from PySide6.QtWidgets import QApplication

    from bpa_desktop.ui.context import AppContext
    from bpa_desktop.ui.main_window import MainWindow

    path, _ = demo
    _sql(path, "UPDATE assistant SET kind = 'wizard' WHERE id = 3")
    ws = Workspace.open(path)
    shown: list[str] = []
    import bpa_desktop.ui.errors as ui_errors

    original = ui_errors.user_message

    def spy(error):
        text = original(error)
        shown.append(text)
        return text

    ui_errors.user_message = spy
    try:
        ctx = AppContext(ws)
        window = MainWindow(ctx, offer_first_run=False, start_sync=False)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: ctx.arrangements_loaded, timeout=15000)
        window.show_page("assistenter")
        qtbot.waitUntil(lambda: any("tabellen «assistant», rad 3" in text for text in shown), timeout=15000)
        window.show_page("vedtak")
        qtbot.waitUntil(lambda: window.pages["vedtak"].is_loaded, timeout=15000)
        ctx.runner.wait_for_done()
        window.close()
        QApplication.processEvents()
    finally:
        ui_errors.user_message = original
        ws.close()
    assert all("Something went wrong" not in text and "Traceback" not in text for text in shown)


def test_every_damage_is_a_database_error_with_a_message_for_people():
    for kind in (DamagedRecordError, MissingTableError, AttestedContentChangedError):
        assert issubclass(kind, DatabaseError)
