"""Rows map to the core dataclasses and back without loss; the database enforces what
the schema promises (foreign keys, checks, locked attested timesheets)."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import (
    Absence,
    AbsenceKind,
    Agreement,
    Arrangement,
    ArrangementSetup,
    Assistant,
    AssistantKind,
    EmployerKind,
    Interval,
    Shift,
    ShiftKind,
    ShiftTemplate,
    Timesheet,
    TimesheetStatus,
    Vedtak,
)
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage.connection import make_engine
from bpa_desktop.storage.schema import AssistantRow, TimesheetRow

ARRANGEMENT = Arrangement(
    id=None,
    name="Ordningen til Ola",
    recipient_name="Ola Nordmann",
    leader_name="Kari Nordmann",
    employer_kind=EmployerKind.PRIVATE_PROVIDER,
    employer_name="Assistansehuset AS",
    employer_org_no="974760673",
    municipality="Bærum",
    agreement=Agreement.TARIFF,
    pay_profile="virke-bpa",
)


@pytest.fixture
def arrangement(workspace):
    return workspace.people.create_arrangement(
        ArrangementSetup(
            ARRANGEMENT,
            Vedtak(None, None, 37.5, date(2026, 1, 1), date(2026, 12, 31), "2025/123", "egenomsorg"),
            (
                Assistant(
                    None, None, "Åse Ødegård", "A-17", 62.5, AssistantKind.ON_CALL,
                    date(2026, 1, 5), date(2026, 8, 31), "#ff0000",
                ),
            ),
        )
    )


def test_arrangement_vedtak_and_assistant_round_trip(workspace, arrangement):
    assert arrangement == workspace.people.get_arrangement(arrangement.id)
    assert arrangement == ARRANGEMENT.__class__(**{**ARRANGEMENT.__dict__, "id": arrangement.id})
    assert isinstance(arrangement.employer_kind, EmployerKind)
    (vedtak,) = workspace.vedtak.list_vedtak(arrangement.id)
    assert (vedtak.hours_per_week, vedtak.valid_from, vedtak.valid_to) == (
        37.5, date(2026, 1, 1), date(2026, 12, 31),
    )
    assert (vedtak.reference, vedtak.services) == ("2025/123", "egenomsorg")
    (assistant,) = workspace.people.list_assistants(arrangement.id)
    assert assistant == Assistant(
        assistant.id, arrangement.id, "Åse Ødegård", "A-17", 62.5, AssistantKind.ON_CALL,
        date(2026, 1, 5), date(2026, 8, 31), "#ff0000",
    )


def test_shift_template_round_trip(workspace, arrangement):
    night = ShiftTemplate("N", "Natt", "22:00", "08:00", "23:00", "07:00", "#123456")
    saved = workspace.rota.save_shift_template(arrangement.id, night)
    assert saved == ShiftTemplate(**{**night.__dict__, "id": saved.id})
    assert workspace.rota.list_shift_templates(arrangement.id) == [saved]
    renamed = workspace.rota.save_shift_template(arrangement.id, ShiftTemplate(
        "N", "Nattevakt", "22:00", "08:00", None, None, "#123456", id=saved.id))
    assert workspace.rota.list_shift_templates(arrangement.id) == [renamed]
    assert renamed.passive_start is None


def test_worked_shift_with_passive_time_across_dst_round_trips(workspace, arrangement):
    (assistant,) = workspace.people.list_assistants(arrangement.id)
    start = datetime(2026, 10, 24, 22, 0, tzinfo=OSLO)
    end = datetime(2026, 10, 25, 8, 0, tzinfo=OSLO)  # 11 h elapsed: the clocks go back
    passive = Interval(
        datetime(2026, 10, 24, 23, 0, tzinfo=OSLO), datetime(2026, 10, 25, 7, 0, tzinfo=OSLO)
    )
    shift = Shift(str(assistant.id), start, end, (passive,), code="N", kind=ShiftKind.EXTRA)
    saved = workspace.timesheets.record_worked_shift(arrangement.id, shift, "ekstra natt")
    (back,) = workspace.timesheets.list_worked_shifts(arrangement.id, date(2026, 10, 24), date(2026, 10, 24))
    assert back == saved
    assert back.id.startswith("w")
    assert (back.start, back.end, back.passive, back.code, back.kind) == (
        start, end, (passive,), "N", ShiftKind.EXTRA,
    )
    assert back.hours == 11
    assert back.passive[0].hours == 9
    # the day a shift starts on decides which list it is in
    assert workspace.timesheets.list_worked_shifts(arrangement.id, date(2026, 10, 25), date(2026, 10, 31)) == []


def test_absence_round_trip(workspace, arrangement):
    (assistant,) = workspace.people.list_assistants(arrangement.id)
    absence = Absence(None, assistant.id, AbsenceKind.SICK_NOTE, date(2026, 3, 2), date(2026, 3, 15), 50, "gradert")
    saved = workspace.timesheets.add_absence(absence)
    assert saved == Absence(saved.id, *list(absence.__dict__.values())[1:])
    assert workspace.timesheets.list_absences(arrangement.id, date(2026, 3, 15), date(2026, 3, 20)) == [saved]
    assert workspace.timesheets.list_absences(arrangement.id, date(2026, 3, 16), date(2026, 3, 20)) == []


def _timesheet_session(workspace):
    engine = make_engine(workspace.path)
    return engine, Session(engine)


def test_timesheet_round_trip_and_attested_lock(workspace, arrangement):
    (assistant,) = workspace.people.list_assistants(arrangement.id)
    engine, session = _timesheet_session(workspace)
    with session, session.begin():
        row = TimesheetRow(created_at=repo.utc_now())
        draft = Timesheet(None, assistant.id, date(2026, 3, 1), date(2026, 3, 31), content_hash="ab" * 32)
        repo.fill_timesheet(row, draft)
        session.add(row)
        session.flush()
        assert repo.timesheet_to_core(row) == Timesheet(row.id, *list(draft.__dict__.values())[1:])
        row.status = TimesheetStatus.ATTESTED
        row.attested_at = repo.utc_now()
        row.attested_by = "arbeidsleder"
        timesheet_id = row.id
    with Session(engine) as session:
        row = session.get(TimesheetRow, timesheet_id)
        assert row.status is TimesheetStatus.ATTESTED
        row.content_hash = "cd" * 32
        with pytest.raises(IntegrityError, match="locked"):
            session.commit()
        session.rollback()
        session.delete(session.get(TimesheetRow, timesheet_id))
        with pytest.raises(IntegrityError, match="locked"):
            session.commit()
        session.rollback()
        row = session.get(TimesheetRow, timesheet_id)
        row.status = TimesheetStatus.SUBMITTED  # moving on is allowed
        session.commit()
        row.status = TimesheetStatus.DRAFT  # moving back is not
        with pytest.raises(IntegrityError, match="locked"):
            session.commit()
    engine.dispose()


def test_foreign_keys_and_checks_are_enforced(workspace, arrangement):
    engine = make_engine(workspace.path)
    with Session(engine) as session:
        session.add(AssistantRow(arrangement_id=9999, name="x", employee_no="1",
                                 employment_percent=50, kind=AssistantKind.PERMANENT, colour="#000"))
        with pytest.raises(IntegrityError, match="FOREIGN KEY"):
            session.commit()
        session.rollback()
        session.add(AssistantRow(arrangement_id=arrangement.id, name="x", employee_no="2",
                                 employment_percent=150, kind=AssistantKind.PERMANENT, colour="#000"))
        with pytest.raises(IntegrityError, match="CHECK"):
            session.commit()
    engine.dispose()
