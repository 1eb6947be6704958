"""Single-occurrence changes of the rolled-out plan: stored with a reason, re-applied when a
new rota version is rolled out, cancelled shifts stay cancelled, attested periods locked."""

from __future__ import annotations

import sqlite3

from dataclasses import replace
from datetime import date, timedelta

import pytest

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import RotaChangeKind, Shift, ShiftKind
from bpa_desktop.workspace import NotFoundError, TimesheetLockedError, ValidationError
from tests.rota.rota_sample import END, START


def on(setup, day: date, employee_no: str, code: str) -> Shift:
    """The planned shift of one assistant with one code on one day."""
    matches = [
        s
        for s in setup.planned(day, day)
        if s.assistant == str(setup.ids[employee_no]) and s.code == code
    ]
    assert len(matches) == 1, matches
    return matches[0]


def summary(shifts):
    """What a person sees of a plan: who, when, which code and kind (ids left out)."""
    return sorted(
        (s.assistant, s.start.timestamp(), s.end.timestamp(), s.code, s.kind.value) for s in shifts
    )


def test_versions_are_numbered_and_current_is_the_latest(setup):
    assert setup.ws.rota.current_rota(setup.arrangement_id) is None
    first = setup.save(name="Versjon en")
    second = setup.save(name="Versjon to")
    current = setup.ws.rota.current_rota(setup.arrangement_id)
    assert (current.id, current.version, current.name) == (second, 2, "Versjon to")
    assert current.cells == setup.cells()
    versions = setup.ws.rota.list_rota_versions(setup.arrangement_id)
    assert [(v.id, v.version) for v in versions] == [(second, 2), (first, 1)]
    assert setup.ws.rota.get_rota(first).version == 1
    assert setup.ws.rota.get_rota(first).cells == setup.cells()
    with pytest.raises(NotFoundError):
        setup.ws.rota.get_rota(9999)


def test_unchanged_shifts_keep_their_ids_in_a_new_version(setup):
    setup.save()
    before = {s.id for s in setup.planned()}
    setup.save()
    assert {s.id for s in setup.planned()} == before


def test_changes_are_reapplied_to_every_new_version(setup):
    ws, aid, ids = setup.ws, setup.arrangement_id, setup.ids
    setup.save()
    monday, tuesday = date(2026, 10, 19), date(2026, 10, 20)
    kari_day = on(setup, tuesday, "101", "D")
    per_day = on(setup, monday, "102", "D")
    swapped = ws.rota.change_planned_shift(
        aid, kari_day.id, kind="swap", other_shift_id=per_day.id, reason="Byttet etter avtale"
    )
    assert {(s.assistant, s.kind) for s in swapped} == {
        (str(ids["102"]), ShiftKind.SWAP), (str(ids["101"]), ShiftKind.SWAP)
    }
    night = on(setup, monday, "103", "N")
    (covered,) = ws.rota.change_planned_shift(
        aid, night.id, kind="substitute", other_assistant_id=ids["104"], reason="Ferie"
    )
    assert covered.assistant == str(ids["104"]) and covered.kind is ShiftKind.SUBSTITUTE
    assert covered.passive == night.passive
    evening = on(setup, date(2026, 10, 21), "101", "A")
    assert ws.rota.change_planned_shift(aid, evening.id, kind="cancel", reason="Bursdag") == []
    late = on(setup, date(2026, 10, 22), "101", "D")
    (moved,) = ws.rota.change_planned_shift(
        aid, late.id, kind="change_times", start=late.start, end=late.end + timedelta(hours=1),
        reason="Legetime",
    )
    assert moved.hours == late.hours + 1
    extra = ws.rota.add_extra_planned_shift(
        aid,
        Shift(str(ids["104"]), cal.local_instant(date(2026, 10, 23), "10:00"),
              cal.local_instant(date(2026, 10, 23), "14:00"), code=None),
        "Tur til byen",
    )
    assert extra.kind is ShiftKind.EXTRA
    plan_v1 = summary(setup.planned())

    setup.save()  # the same pattern again: a new version
    assert summary(setup.planned()) == plan_v1
    changes = ws.rota.list_rota_overrides(aid, START, END)
    assert [c.kind for c in changes] == [
        RotaChangeKind.SWAP, RotaChangeKind.SUBSTITUTE, RotaChangeKind.CANCEL,
        RotaChangeKind.CHANGE_TIMES, RotaChangeKind.EXTRA,
    ]
    assert [c.reason for c in changes][:2] == ["Byttet etter avtale", "Ferie"]
    current_ids = {s.id for s in setup.planned()}
    assert changes[2].shift_ids == ()  # the cancelled one is not in the plan
    assert all(set(c.shift_ids) <= current_ids and c.shift_ids for c in changes if c.kind != "cancel")
    assert changes[1].original_assistant_id == ids["103"]
    assert changes[4].original_assistant_id is None


def test_a_cancelled_shift_never_comes_back(setup):
    ws, aid = setup.ws, setup.arrangement_id
    setup.save()
    day = date(2026, 10, 24)  # the long night of the autumn change (into 25 October)
    night = on(setup, day, "103", "N")
    assert night.hours == 9  # 23:00-07:00 with the extra hour
    ws.rota.change_planned_shift(aid, night.id, kind="cancel", reason="Innlagt på sykehus")
    for _ in range(3):
        setup.save()
        assert [s for s in setup.planned(day, day) if s.code == "N"] == []
    assert len(setup.planned()) == 28 * 3 - 1


def test_a_change_whose_occurrence_is_gone_waits_and_returns(setup):
    ws, aid, ids = setup.ws, setup.arrangement_id, setup.ids
    setup.save()
    night = on(setup, date(2026, 10, 14), "103", "N")
    ws.rota.change_planned_shift(aid, night.id, kind="substitute", other_assistant_id=ids["104"], reason="Kurs")
    without_nights = {k: v for k, v in setup.cells().items() if v != "N"}
    setup.save(without_nights)
    assert not [s for s in setup.planned() if s.code == "N"]
    assert ws.rota.list_rota_overrides(aid, START, END)[0].shift_ids == ()
    setup.save()  # the nights come back, and the substitute with them
    again = [s for s in setup.planned(date(2026, 10, 14), date(2026, 10, 14)) if s.code == "N"]
    assert [(s.assistant, s.kind) for s in again] == [(str(ids["104"]), ShiftKind.SUBSTITUTE)]


def test_changes_need_a_reason_and_sensible_input(setup):
    ws, aid, ids = setup.ws, setup.arrangement_id, setup.ids
    setup.save()
    shift = on(setup, date(2026, 10, 13), "101", "A")
    with pytest.raises(ValidationError) as error:
        ws.rota.change_planned_shift(aid, shift.id, kind="cancel", reason="  ")
    assert "reason" in error.value.errors
    with pytest.raises(ValidationError) as error:
        ws.rota.change_planned_shift(aid, shift.id, kind="teleport", reason="x")
    assert "kind" in error.value.errors
    with pytest.raises(ValidationError) as error:
        ws.rota.change_planned_shift(aid, shift.id, kind="substitute", other_assistant_id=ids["101"], reason="x")
    assert "other_assistant_id" in error.value.errors
    same = on(setup, date(2026, 10, 15), "101", "A")
    with pytest.raises(ValidationError):
        ws.rota.change_planned_shift(aid, shift.id, kind="swap", other_shift_id=same.id, reason="x")
    with pytest.raises(ValidationError) as error:
        ws.rota.change_planned_shift(
            aid, shift.id, kind="change_times", start=shift.end, end=shift.start, reason="x"
        )
    assert "end" in error.value.errors
    with pytest.raises(NotFoundError):
        ws.rota.change_planned_shift(aid, "p999999", kind="cancel", reason="x")
    assert ws.rota.list_rota_overrides(aid, START, END) == []


def test_changes_are_refused_in_an_attested_period(setup):
    ws, aid, ids = setup.ws, setup.arrangement_id, setup.ids
    setup.save()
    day = date(2026, 10, 14)
    shift = on(setup, day, "101", "D")
    timesheet = ws.timesheets.get_or_create_timesheet(ids["101"], date(2026, 10, 1))
    ws.timesheets.confirm_timesheet(timesheet.id, today=date(2026, 11, 2))
    ws.timesheets.attest_timesheet(timesheet.id, today=date(2026, 11, 2))
    locked_plan = summary(setup.planned(date(2026, 10, 12), date(2026, 10, 31)))
    with pytest.raises(TimesheetLockedError) as error:
        ws.rota.change_planned_shift(aid, shift.id, kind="cancel", reason="For sent")
    assert "attestert" in str(error.value)
    with pytest.raises(TimesheetLockedError):
        ws.rota.add_extra_planned_shift(aid, replace(shift, id=None, start=shift.start + timedelta(hours=10),
                                                end=shift.end + timedelta(hours=10)), "Ekstra")
    # A new version leaves the attested days of that assistant as they were.
    other = {k: ("A" if v == "D" else "D" if v == "A" else v) for k, v in setup.cells().items()}
    setup.save(other)
    kari = str(ids["101"])
    after = summary(setup.planned(date(2026, 10, 12), date(2026, 10, 31)))
    assert [s for s in after if s[0] == kari] == [s for s in locked_plan if s[0] == kari]
    assert [s for s in after if s[0] != kari] != [s for s in locked_plan if s[0] != kari]
    assert any(s[0] == kari for s in summary(setup.planned(date(2026, 11, 1), END)))


def test_rows_from_before_the_occurrence_column_are_found_by_their_own_key(setup):
    """Planned shifts written before revision 0003 have no stored occurrence key."""
    ws, aid, ids = setup.ws, setup.arrangement_id, setup.ids
    setup.save()
    _forget_occurrences(ws.path)
    before = {s.id for s in setup.planned()}
    setup.save()
    assert {s.id for s in setup.planned()} == before  # matched, nothing rewritten
    night = on(setup, date(2026, 10, 16), "103", "N")
    _forget_occurrences(ws.path)
    ws.rota.change_planned_shift(aid, night.id, kind="substitute", other_assistant_id=ids["104"], reason="Kurs")
    setup.save()
    assert on(setup, date(2026, 10, 16), "104", "N").kind is ShiftKind.SUBSTITUTE


def test_a_shift_registered_as_worked_is_kept_and_not_changed(setup):
    ws, aid = setup.ws, setup.arrangement_id
    setup.save()
    shift = on(setup, date(2026, 10, 13), "102", "D")
    ws.timesheets.record_worked_shift(aid, shift, "")  # "p<n>": worked as planned, linked
    with pytest.raises(ValidationError) as error:
        ws.rota.change_planned_shift(aid, shift.id, kind="cancel", reason="Avlyst")
    assert "shift" in error.value.errors
    swapped = {k: ("A" if v == "D" else "D" if v == "A" else v) for k, v in setup.cells().items()}
    setup.save(swapped)
    kept = [s for s in setup.planned(date(2026, 10, 13), date(2026, 10, 13)) if s.id == shift.id]
    assert kept == [shift]


def _forget_occurrences(path) -> None:
    """As a database from before revision 0003 has them: no stored occurrence keys."""
    connection = sqlite3.connect(path)
    with connection:
        connection.execute("UPDATE planned_shift SET occurrence = NULL")
    connection.close()
