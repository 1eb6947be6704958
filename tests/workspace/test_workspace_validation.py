"""The Workspace refuses input that breaks a rule, says which field and why (in the
chosen language), and writes nothing."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop import i18n
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import (
    Absence,
    AbsenceKind,
    Arrangement,
    ArrangementSetup,
    Assistant,
    EmployerKind,
    Interval,
    Shift,
    ShiftTemplate,
    Vedtak,
)
from bpa_desktop.validation import org_no_check_digit, org_no_is_valid
from bpa_desktop.workspace import NotFoundError, ValidationError

GOOD = Arrangement(
    None, "Ordningen", "Ola", "Kari", EmployerKind.MUNICIPALITY, "Lindvik kommune",
    "974760673", "Lindvik",
)
VEDTAK = Vedtak(None, None, 40, date(2026, 1, 1), date(2026, 12, 31))


@pytest.fixture
def arrangement(workspace):
    return workspace.people.create_arrangement(
        ArrangementSetup(GOOD, VEDTAK, (Assistant(None, None, "Per", "1001", 50),))
    )


@pytest.fixture
def per(workspace, arrangement):
    return workspace.people.list_assistants(arrangement.id)[0]


def errors_of(call, *args):
    with pytest.raises(ValidationError) as caught:
        call(*args)
    return caught.value.errors


@pytest.mark.parametrize(
    "changes, field, text",
    [
        ({"name": "  "}, "name", "Må fylles ut."),
        ({"recipient_name": ""}, "recipient_name", "Må fylles ut."),
        ({"leader_name": ""}, "leader_name", "Må fylles ut."),
        ({"employer_name": ""}, "employer_name", "Må fylles ut."),
        ({"municipality": ""}, "municipality", "Må fylles ut."),
        ({"employer_org_no": "97476067"}, "employer_org_no", "9 sifre"),
        ({"employer_org_no": "97476067a"}, "employer_org_no", "9 sifre"),
        ({"employer_org_no": "974760674"}, "employer_org_no", "kontrollsiffer"),
    ],
)
def test_arrangement_rules(workspace, changes, field, text):
    errors = errors_of(
        workspace.people.create_arrangement, ArrangementSetup(replace(GOOD, **changes), VEDTAK)
    )
    assert list(errors) == [field]
    assert text in errors[field]
    assert workspace.people.list_arrangements() == []


def test_org_no_with_spaces_is_accepted_and_stored_without(workspace):
    created = workspace.people.create_arrangement(
        ArrangementSetup(replace(GOOD, employer_org_no="974 760 673"), VEDTAK)
    )
    assert created.employer_org_no == "974760673"


@given(st.text(alphabet="0123456789", min_size=8, max_size=8))
def test_org_no_check_digit_property(stem):
    digit = org_no_check_digit(stem)
    if digit is None:  # no valid number has this stem
        assert not any(org_no_is_valid(stem + str(d)) for d in range(10))
    else:
        valid = [d for d in range(10) if org_no_is_valid(stem + str(d))]
        assert valid == [digit]


def test_create_arrangement_names_nested_fields(workspace):
    setup = ArrangementSetup(
        GOOD,
        replace(VEDTAK, hours_per_week=0),
        (Assistant(None, None, "A", "1", 50), Assistant(None, None, "B", "1", 120)),
    )
    errors = errors_of(workspace.people.create_arrangement, setup)
    assert set(errors) == {
        "vedtak.hours_per_week",
        "assistants[1].employee_no",
        "assistants[1].employment_percent",
    }
    assert workspace.people.list_arrangements() == []


@pytest.mark.parametrize("hours", [0, -1, 168.01])
def test_vedtak_hours_range(workspace, arrangement, hours):
    vedtak = Vedtak(None, arrangement.id, hours, date(2027, 1, 1), None)
    assert set(errors_of(workspace.vedtak.add_vedtak, vedtak)) == {"hours_per_week"}


def test_vedtak_end_before_start(workspace, arrangement):
    vedtak = Vedtak(None, arrangement.id, 40, date(2027, 2, 1), date(2027, 1, 31))
    assert set(errors_of(workspace.vedtak.add_vedtak, vedtak)) == {"valid_to"}


def test_overlapping_vedtak_is_refused_naming_the_other_period(workspace, arrangement):
    vedtak = Vedtak(None, arrangement.id, 40, date(2026, 12, 1), date(2027, 6, 30))
    errors = errors_of(workspace.vedtak.add_vedtak, vedtak)
    assert "01.01.2026–31.12.2026" in errors["valid_from"]
    i18n.set_language("en")
    try:
        errors = errors_of(workspace.vedtak.add_vedtak, vedtak)
    finally:
        i18n.set_language("nb")
    assert "2026-01-01–2026-12-31" in errors["valid_from"]
    assert "overlaps" in errors["valid_from"]


def test_vedtak_change_ends_the_open_one_the_day_before(workspace, arrangement):
    (first,) = workspace.vedtak.list_vedtak(arrangement.id)
    workspace.vedtak.update_vedtak(replace(first, valid_to=None))
    new = workspace.vedtak.add_vedtak(Vedtak(None, arrangement.id, 50, date(2026, 7, 1), None))
    assert workspace.vedtak.list_vedtak(arrangement.id) == [new, replace(first, valid_to=date(2026, 6, 30))]
    assert workspace.vedtak.current_vedtak(arrangement.id, date(2026, 6, 30)).hours_per_week == 40
    assert workspace.vedtak.current_vedtak(arrangement.id, date(2026, 7, 1)) == new
    assert workspace.vedtak.current_vedtak(arrangement.id, date(2025, 12, 31)) is None


def test_a_write_that_fails_half_way_stores_nothing(workspace, monkeypatch):
    """Every write is one transaction: the arrangement row is not left behind."""
    from bpa_desktop.storage import repository

    real_fill = repository.fill_assistant

    def fail_on_second(row, assistant):
        if assistant.employee_no == "2":
            raise RuntimeError("disk full")
        return real_fill(row, assistant)

    monkeypatch.setattr(repository, "fill_assistant", fail_on_second)
    setup = ArrangementSetup(
        GOOD, VEDTAK, (Assistant(None, None, "A", "1", 50), Assistant(None, None, "B", "2", 50))
    )
    with pytest.raises(RuntimeError):
        workspace.people.create_arrangement(setup)
    assert workspace.people.list_arrangements() == []
    assert workspace.audit.entries() == []


@pytest.mark.parametrize(
    "changes, field",
    [
        ({"name": ""}, "name"),
        ({"employee_no": " "}, "employee_no"),
        ({"employment_percent": 0}, "employment_percent"),
        ({"employment_percent": 100.5}, "employment_percent"),
        ({"start_date": date(2026, 2, 1), "end_date": date(2026, 1, 31)}, "end_date"),
    ],
)
def test_assistant_rules(workspace, arrangement, changes, field):
    assistant = replace(Assistant(None, arrangement.id, "Liv", "2002", 50), **changes)
    assert list(errors_of(workspace.people.add_assistant, assistant)) == [field]


def test_employee_number_unique_within_arrangement_only(workspace, arrangement, per):
    errors = errors_of(workspace.people.add_assistant, Assistant(None, arrangement.id, "Liv", " 1001 ", 50))
    assert "1001" in errors["employee_no"]
    other = workspace.people.create_arrangement(ArrangementSetup(replace(GOOD, name="Annen"), VEDTAK))
    assert workspace.people.add_assistant(Assistant(None, other.id, "Liv", "1001", 50)).employee_no == "1001"
    # an assistant keeps their own number when edited
    assert workspace.people.update_assistant(replace(per, name="Per Olsen")).employee_no == "1001"


def test_template_rules(workspace, arrangement):
    errors = errors_of(
        workspace.rota.save_shift_template,
        arrangement.id,
        ShiftTemplate("", "Dag", "8:00", "16:00", passive_start="23:00"),
    )
    assert set(errors) == {"code", "start", "passive_end"}
    workspace.rota.save_shift_template(arrangement.id, ShiftTemplate("D", "Dag", "08:00", "16:00"))
    errors = errors_of(
        workspace.rota.save_shift_template, arrangement.id, ShiftTemplate("D", "Dag 2", "09:00", "17:00")
    )
    assert "D" in errors["code"]


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 3, day, hour, minute, tzinfo=OSLO)


def test_shift_must_end_after_start_and_last_at_most_seven_days(workspace, arrangement, per):
    record = lambda s: workspace.timesheets.record_worked_shift(arrangement.id, s)  # noqa: E731
    assert errors_of(record, Shift(str(per.id), at(2, 10), at(2, 10)))["end"].startswith("Vakten må")
    assert "7 døgn" in errors_of(record, Shift(str(per.id), at(2, 10), at(9, 10, 1)))["end"]
    assert record(Shift(str(per.id), at(2, 10), at(9, 10))).hours == 168


def test_naive_times_and_passive_outside_are_refused(workspace, arrangement, per):
    record = lambda s: workspace.timesheets.record_worked_shift(arrangement.id, s)  # noqa: E731
    naive = Shift(str(per.id), datetime(2026, 3, 2, 8), datetime(2026, 3, 2, 16))
    assert set(errors_of(record, naive)) == {"start"}
    outside = Shift(str(per.id), at(2, 22), at(3, 8), (Interval(at(3, 7), at(3, 9)),))
    assert set(errors_of(record, outside)) == {"passive"}


def test_overlap_with_own_worked_shift_is_refused_but_touching_is_fine(workspace, arrangement, per):
    record = lambda s: workspace.timesheets.record_worked_shift(arrangement.id, s)  # noqa: E731
    first = record(Shift(str(per.id), at(2, 8), at(2, 16)))
    errors = errors_of(record, Shift(str(per.id), at(2, 15), at(2, 20)))
    assert "02.03.2026 08:00–16:00" in errors["start"]
    record(Shift(str(per.id), at(2, 16), at(2, 20)))  # starts as the other ends
    # another assistant may work at the same time
    liv = workspace.people.add_assistant(Assistant(None, arrangement.id, "Liv", "2002", 50))
    record(Shift(str(liv.id), at(2, 8), at(2, 16)))
    # editing a shift does not collide with itself
    assert record(replace(first, end=at(2, 15))).end == at(2, 15)


def test_batch_with_overlap_inside_stores_nothing(workspace, arrangement, per):
    from bpa_desktop.workspace import WorkedEntry

    entries = [
        WorkedEntry(Shift(str(per.id), at(d, 8), at(d, 16))) for d in (2, 3, 4)
    ] + [WorkedEntry(Shift(str(per.id), at(3, 12), at(3, 18)))]
    with pytest.raises(ValidationError):
        workspace.timesheets.record_worked_shifts(arrangement.id, entries)
    assert workspace.timesheets.list_worked_shifts(arrangement.id, date(2026, 3, 1), date(2026, 3, 31)) == []


@settings(deadline=None, max_examples=40)
@given(
    offsets=st.lists(st.integers(min_value=0, max_value=72), min_size=2, max_size=6),
    length=st.integers(min_value=1, max_value=10),
)
def test_stored_worked_shifts_never_overlap(tmp_path_factory, empty_database, offsets, length):
    """Whatever order shifts arrive in, what is stored has no overlap for one assistant."""
    import shutil

    from bpa_desktop.workspace import Workspace

    path = tmp_path_factory.mktemp("overlap") / "bpa.sqlite"
    shutil.copyfile(empty_database, path)
    with Workspace.open(path) as ws:
        arrangement = ws.people.create_arrangement(
            ArrangementSetup(GOOD, VEDTAK, (Assistant(None, None, "Per", "1", 50),))
        )
        per = ws.people.list_assistants(arrangement.id)[0]
        for offset in offsets:
            start = at(2, 0) + timedelta(hours=offset)
            try:
                ws.timesheets.record_worked_shift(
                    arrangement.id, Shift(str(per.id), start, start + timedelta(hours=length))
                )
            except ValidationError:
                pass
        stored = ws.timesheets.list_worked_shifts(arrangement.id, date(2026, 3, 1), date(2026, 3, 31))
    spans = sorted((s.start.timestamp(), s.end.timestamp()) for s in stored)
    assert all(a_end <= b_start for (_, a_end), (b_start, _) in zip(spans, spans[1:]))
    assert len(stored) >= 1


def test_shift_for_assistant_of_another_arrangement_is_refused(workspace, arrangement, per):
    other = workspace.people.create_arrangement(ArrangementSetup(replace(GOOD, name="Annen"), VEDTAK))
    errors = errors_of(
        workspace.timesheets.record_worked_shift, other.id, Shift(str(per.id), at(2, 8), at(2, 16))
    )
    assert set(errors) == {"assistant"}


def test_absence_rules(workspace, per):
    bad = Absence(None, per.id, AbsenceKind.HOLIDAY, date(2026, 7, 10), date(2026, 7, 1), 0)
    assert set(errors_of(workspace.timesheets.add_absence, bad)) == {"end", "percent"}


def test_unknown_ids_give_a_readable_not_found(workspace):
    with pytest.raises(NotFoundError) as caught:
        workspace.people.get_arrangement(42)
    assert "42" in str(caught.value)
    with pytest.raises(NotFoundError):
        workspace.people.end_assistant(42, date(2026, 1, 1))


def test_validation_error_message_lists_fields_in_english(workspace):
    i18n.set_language("en")
    try:
        with pytest.raises(ValidationError) as caught:
            workspace.people.create_arrangement(ArrangementSetup(replace(GOOD, name=""), VEDTAK))
    finally:
        i18n.set_language("nb")
    assert str(caught.value) == "Some fields need correcting: name."
    assert caught.value.errors == {"name": "Required."}
