"""The Workspace's behaviour beyond single-field rules: ordering, history, rotas and their
roll-out, planned → worked, the audit log, threads and where the file lives."""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import (
    Arrangement,
    ArrangementSetup,
    Assistant,
    AssistantKind,
    EmployerKind,
    Shift,
    ShiftKind,
    ShiftTemplate,
    Vedtak,
)
from bpa_desktop.workspace import ValidationError, Workspace

ARRANGEMENT = Arrangement(
    None, "Ordningen", "Ola Hansen", "Kari Hansen", EmployerKind.MUNICIPALITY,
    "Lindvik kommune", "974760673", "Lindvik",
)


@pytest.fixture
def arrangement(workspace):
    return workspace.people.create_arrangement(
        ArrangementSetup(
            ARRANGEMENT,
            Vedtak(None, None, 40, date(2026, 1, 1), None),
            (
                Assistant(None, None, "Øystein", "3", 50),
                Assistant(None, None, "Åsa", "4", 50),
                Assistant(None, None, "Ærlend", "5", 50, end_date=date(2020, 1, 1)),
                Assistant(None, None, "anders", "6", 50, AssistantKind.SUBSTITUTE),
                Assistant(None, None, "Zara", "7", 50),
            ),
        )
    )


def test_assistants_are_listed_in_norwegian_alphabetical_order(workspace, arrangement):
    names = [a.name for a in workspace.people.list_assistants(arrangement.id)]
    assert names == ["anders", "Zara", "Ærlend", "Øystein", "Åsa"]
    current = [a.name for a in workspace.people.list_assistants(arrangement.id, include_ended=False)]
    assert current == ["anders", "Zara", "Øystein", "Åsa"]


def test_end_assistant_keeps_the_row(workspace, arrangement):
    zara = next(a for a in workspace.people.list_assistants(arrangement.id) if a.name == "Zara")
    ended = workspace.people.end_assistant(zara.id, date(2021, 6, 30))
    assert ended == replace(zara, end_date=date(2021, 6, 30))
    assert ended in workspace.people.list_assistants(arrangement.id)


def test_vedtak_history_is_newest_first_and_never_deleted(workspace, arrangement):
    workspace.vedtak.add_vedtak(Vedtak(None, arrangement.id, 45, date(2026, 5, 1), None))
    workspace.vedtak.add_vedtak(Vedtak(None, arrangement.id, 50, date(2026, 9, 1), date(2027, 8, 31)))
    history = workspace.vedtak.list_vedtak(arrangement.id)
    assert [(v.hours_per_week, v.valid_from, v.valid_to) for v in history] == [
        (50, date(2026, 9, 1), date(2027, 8, 31)),
        (45, date(2026, 5, 1), date(2026, 8, 31)),
        (40, date(2026, 1, 1), date(2026, 4, 30)),
    ]
    ended = workspace.vedtak.end_vedtak(history[0].id, date(2027, 1, 31))
    assert ended.valid_to == date(2027, 1, 31)
    with pytest.raises(ValidationError):
        workspace.vedtak.end_vedtak(history[0].id, date(2026, 8, 1))  # before it starts


def test_update_arrangement_round_trips_and_audits_field_names_only(workspace, arrangement):
    updated = workspace.people.update_arrangement(replace(arrangement, recipient_name="Ola Berg"))
    assert workspace.people.get_arrangement(arrangement.id) == updated
    entry = workspace.audit.entries(arrangement.id)[0]
    assert (entry.action, entry.entity, entry.detail) == ("update", "arrangement", "recipient_name")


def test_audit_log_is_newest_first_by_role_without_names(workspace, arrangement):
    workspace.vedtak.add_vedtak(Vedtak(None, arrangement.id, 45, date(2026, 5, 1), None))
    log = workspace.audit.entries(arrangement.id)
    assert [(e.action, e.entity) for e in log] == [
        ("create", "vedtak"),
        ("end", "vedtak"),
        ("create", "arrangement"),
    ]
    assert all(e.actor == "arbeidsleder" for e in log)
    assert all(e.at.tzinfo is not None for e in log)
    assert [e.at for e in log] == sorted((e.at for e in log), reverse=True)
    text = " ".join(e.detail for e in workspace.audit.entries())
    for name in ("Ola", "Kari", "Øystein", "Åsa", "Zara"):
        assert name not in text
    assert len(workspace.audit.entries(limit=2)) == 2


TEMPLATES = (
    ShiftTemplate("D", "Dag", "08:00", "16:00"),
    ShiftTemplate("N", "Natt", "22:00", "08:00", "23:00", "07:00"),
)


@pytest.fixture
def rota_setup(workspace, arrangement):
    for template in TEMPLATES:
        workspace.rota.save_shift_template(arrangement.id, template)
    by_name = {a.name: a.id for a in workspace.people.list_assistants(arrangement.id)}
    return arrangement.id, by_name


def test_save_rota_rolls_out_planned_shifts(workspace, rota_setup):
    arrangement_id, who = rota_setup
    cells = {(who["Zara"], 0, 0): "D", (who["Åsa"], 0, 5): "N", (who["Zara"], 1, 2): "D"}
    # 2026-03-23 is a Monday; the clocks go forward in the night to Sunday 29 March
    workspace.rota.save_rota(arrangement_id, "Vår", 2, date(2026, 3, 23), date(2026, 4, 19), cells)
    shifts = workspace.rota.list_planned_shifts(arrangement_id, date(2026, 3, 23), date(2026, 4, 19))
    days = [(s.start.date(), s.code, s.assistant) for s in shifts]
    assert days == [
        (date(2026, 3, 23), "D", str(who["Zara"])),
        (date(2026, 3, 28), "N", str(who["Åsa"])),
        (date(2026, 4, 1), "D", str(who["Zara"])),
        (date(2026, 4, 6), "D", str(who["Zara"])),
        (date(2026, 4, 11), "N", str(who["Åsa"])),
        (date(2026, 4, 15), "D", str(who["Zara"])),
    ]
    night = shifts[1]
    assert night.hours == 9  # 22-08 across the spring-forward night
    assert [p.hours for p in night.passive] == [7]
    assert all(s.id.startswith("p") and s.kind is ShiftKind.PLANNED for s in shifts)
    assert all(s.start.tzinfo is OSLO for s in shifts)


def test_saving_a_rota_again_replaces_the_plan_in_its_period(workspace, rota_setup):
    arrangement_id, who = rota_setup
    start, end = date(2026, 3, 2), date(2026, 3, 29)
    workspace.rota.save_rota(arrangement_id, "Første", 1, start, end, {(who["Zara"], 0, 0): "D"})
    workspace.rota.save_rota(arrangement_id, "Andre", 1, start, end, {(who["Åsa"], 0, 1): "D"})
    shifts = workspace.rota.list_planned_shifts(arrangement_id, start, end)
    assert {s.assistant for s in shifts} == {str(who["Åsa"])}
    assert len(shifts) == 4


def test_rota_skips_days_outside_employment(workspace, rota_setup):
    arrangement_id, who = rota_setup
    cells = {(who["Ærlend"], 0, 0): "D", (who["Zara"], 0, 0): "D"}
    workspace.rota.save_rota(arrangement_id, "R", 1, date(2026, 3, 2), date(2026, 3, 15), cells)
    shifts = workspace.rota.list_planned_shifts(arrangement_id, date(2026, 3, 1), date(2026, 3, 31))
    assert {s.assistant for s in shifts} == {str(who["Zara"])}


def test_rota_validation(workspace, rota_setup):
    arrangement_id, who = rota_setup
    with pytest.raises(ValidationError) as caught:
        workspace.rota.save_rota(arrangement_id, "", 0, date(2026, 3, 2), date(2026, 3, 1), {})
    assert set(caught.value.errors) == {"name", "weeks", "end"}
    with pytest.raises(ValidationError) as caught:
        workspace.rota.save_rota(
            arrangement_id, "R", 1, date(2026, 3, 2), date(2026, 3, 9), {(who["Zara"], 0, 0): "X"}
        )
    assert "X" in caught.value.errors["cells"]
    with pytest.raises(ValidationError):
        workspace.rota.save_rota(
            arrangement_id, "R", 1, date(2026, 3, 2), date(2026, 3, 9), {(who["Zara"], 1, 0): "D"}
        )


def test_planned_shift_recorded_as_worked_is_linked_and_editable(workspace, rota_setup):
    arrangement_id, who = rota_setup
    workspace.rota.save_rota(
        arrangement_id, "R", 1, date(2026, 3, 2), date(2026, 3, 8), {(who["Zara"], 0, 0): "D"}
    )
    (planned,) = workspace.rota.list_planned_shifts(arrangement_id, date(2026, 3, 2), date(2026, 3, 8))
    worked = workspace.timesheets.record_worked_shift(arrangement_id, planned)
    assert worked.id.startswith("w") and (worked.start, worked.end) == (planned.start, planned.end)
    later = workspace.timesheets.record_worked_shift(
        arrangement_id, replace(worked, end=worked.end + timedelta(hours=1), kind=ShiftKind.OVERTIME),
        "ventet på avløser",
    )
    assert later.id == worked.id
    (stored,) = workspace.timesheets.list_worked_shifts(arrangement_id, date(2026, 3, 2), date(2026, 3, 2))
    assert stored == later and stored.hours == 9
    with sqlite3.connect(workspace.path) as connection:
        row = connection.execute("SELECT planned_shift_id, reason FROM worked_shift").fetchone()
    assert row == (int(planned.id[1:]), "ventet på avløser")


def test_workspace_is_safe_to_use_from_threads(workspace, arrangement):
    """Concurrent writers wait for each other (BEGIN IMMEDIATE + busy timeout)."""
    assistants = workspace.people.list_assistants(arrangement.id)
    failures: list[BaseException] = []

    def work(assistant, offset):
        try:
            for day in range(1, 11):
                start = datetime(2026, 4, day, 8, tzinfo=OSLO) + timedelta(minutes=offset)
                workspace.timesheets.record_worked_shift(
                    arrangement.id, Shift(str(assistant.id), start, start + timedelta(hours=6))
                )
                workspace.timesheets.list_worked_shifts(arrangement.id, date(2026, 4, 1), date(2026, 4, 30))
        except BaseException as error:  # noqa: BLE001 - reported below
            failures.append(error)

    threads = [threading.Thread(target=work, args=(a, i)) for i, a in enumerate(assistants)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    stored = workspace.timesheets.list_worked_shifts(arrangement.id, date(2026, 4, 1), date(2026, 4, 30))
    assert len(stored) == 10 * len(assistants)


def test_default_path_is_under_the_user_data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    with Workspace.open() as ws:
        assert ws.path == tmp_path / "data" / "bpa-desktop" / "bpa.sqlite"
        assert ws.path.exists()


def test_reopening_an_up_to_date_database_does_not_run_alembic(tmp_path, monkeypatch):
    path = tmp_path / "bpa.sqlite"
    Workspace.open(path).close()
    from alembic import command

    def refuse(*args, **kwargs):
        raise AssertionError("alembic ran on an up-to-date database")

    monkeypatch.setattr(command, "upgrade", refuse)
    with Workspace.open(path) as ws:
        assert ws.people.list_arrangements() == []


def test_a_worked_shift_cannot_link_another_arrangements_plan(workspace, rota_setup):
    from bpa_desktop.workspace import NotFoundError

    arrangement_id, who = rota_setup
    workspace.rota.save_rota(
        arrangement_id, "R", 1, date(2026, 3, 2), date(2026, 3, 8), {(who["Zara"], 0, 0): "D"}
    )
    (planned,) = workspace.rota.list_planned_shifts(arrangement_id, date(2026, 3, 2), date(2026, 3, 8))
    other = workspace.people.create_arrangement(
        ArrangementSetup(replace(ARRANGEMENT, name="Annen"), Vedtak(None, None, 40, date(2026, 1, 1), None),
                         (Assistant(None, None, "Bo", "1", 50),))
    )
    bo = workspace.people.list_assistants(other.id)[0]
    with pytest.raises(NotFoundError):
        workspace.timesheets.record_worked_shift(other.id, replace(planned, assistant=str(bo.id)))
    assert workspace.timesheets.list_worked_shifts(other.id, date(2026, 3, 1), date(2026, 3, 31)) == []
