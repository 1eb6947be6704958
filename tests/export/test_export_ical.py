"""iCalendar export, read back with a second, independent parser (vobject)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import icalendar
import vobject
from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core.model import Interval, Shift, ShiftKind
from bpa_desktop.export import formats as fmt
from bpa_desktop.export import ical
from bpa_desktop.export.ical import render_ical, shift_uid
from tests.export import export_sample_data as sample

STAMP = datetime(2026, 2, 1, 12, tzinfo=timezone.utc)
NIGHT = sample.TEMPLATES[2]


def parse(data: bytes):
    return vobject.readOne(data.decode("utf-8"))


def utc(value: datetime) -> datetime:
    return value.astimezone(timezone.utc)


def test_one_event_per_own_shift_and_nothing_of_others():
    document = sample.rota_document(weeks=4)
    data = render_ical("a2", document.shifts, document.templates, generated_at=STAMP)
    own = [s for s in document.shifts if s.assistant == "a2"]
    events = parse(data).vevent_list
    assert len(events) == len(own) > 10
    assert {e.uid.value for e in events} == {f"{s.id}@bpa-desktop" for s in own}
    assert b"s-a1-" not in data and b"s-a3-" not in data
    for assistant in document.assistants:
        assert assistant.name.encode() not in data


def test_summary_and_description_name_code_template_and_passive_time():
    shift = sample.shift_from_template("a1", date(2026, 5, 4), NIGHT, "n-1")
    event = parse(render_ical("a1", [shift], sample.TEMPLATES, generated_at=STAMP)).vevent
    assert event.summary.value == "N – Nattevakt"
    assert "Vakt 22:00–08:00, 10,00 timer." in event.description.value
    assert "Passiv tid: 00:00–06:00 (6,00 timer)." in event.description.value
    day = sample.shift_from_template("a1", date(2026, 5, 5), sample.TEMPLATES[0], "d-1")
    extra = Shift("a1", day.start, day.end, id="e-1", code="D", kind=ShiftKind.EXTRA)
    events = parse(render_ical("a1", [day, extra], sample.TEMPLATES, generated_at=STAMP)).vevent_list
    assert [e.description.value.splitlines()[1:] for e in events] == [
        ["Passiv tid: ingen."],
        ["Passiv tid: ingen.", "Ekstravakt."],
    ]


def test_nights_over_both_dst_changes_keep_their_elapsed_length():
    spring = sample.shift_from_template("a1", date(2026, 3, 28), NIGHT, "spring")
    autumn = sample.shift_from_template("a1", date(2026, 10, 24), NIGHT, "autumn")
    data = render_ical("a1", [spring, autumn], sample.TEMPLATES, generated_at=STAMP)
    assert b"DTSTART;TZID=Europe/Oslo:20260328T220000" in data
    assert b"DTEND;TZID=Europe/Oslo:20261025T080000" in data
    events = {e.uid.value: e for e in parse(data).vevent_list}
    for shift, hours in ((spring, 9), (autumn, 11)):
        event = events[shift_uid(shift)]
        assert utc(event.dtstart.value) == utc(shift.start)
        assert utc(event.dtend.value) == utc(shift.end)
        assert utc(event.dtend.value) - utc(event.dtstart.value) == timedelta(hours=hours)


def test_vtimezone_agrees_with_tzdata_around_the_changes_and_through_the_year():
    shift = sample.shift_from_template("a1", date(2026, 1, 5), sample.TEMPLATES[0], "x")
    zone = parse(render_ical("a1", [shift], [], generated_at=STAMP)).vtimezone.gettzinfo()
    instants = [datetime(2026, 1, 1, tzinfo=timezone.utc) + timedelta(hours=h) for h in range(0, 365 * 24, 5)]
    for day in (date(2026, 3, 29), date(2026, 10, 25), date(2027, 3, 28), date(2027, 10, 31)):
        start = datetime.combine(day, time(0), timezone.utc) - timedelta(hours=3)
        instants += [start + timedelta(minutes=15 * q) for q in range(6 * 4)]
    for instant in instants:
        wall = fmt.local(instant)
        assert zone.utcoffset(wall.replace(tzinfo=None)) == wall.utcoffset(), wall


def test_second_occurrence_of_the_autumn_hour_is_written_in_utc():
    start = datetime(2026, 10, 25, 2, 30, tzinfo=fmt.OSLO, fold=1)  # 01:30 UTC, after the change
    shift = Shift("a1", start, datetime(2026, 10, 25, 6, 0, tzinfo=fmt.OSLO), id="fold")
    data = render_ical("a1", [shift], [], generated_at=STAMP)
    assert b"DTSTART:20261025T013000Z" in data
    event = parse(data).vevent
    assert utc(event.dtstart.value) == utc(start)
    assert utc(event.dtend.value) - utc(event.dtstart.value) == timedelta(hours=3, minutes=30)


def test_uids_are_stable_between_exports():
    shifts = sample.rota_shifts(date(2026, 3, 2), 1)
    with_ids = [replace_id(s, None) for s in shifts[:3]] + shifts[3:]
    first = render_ical("a1", with_ids, sample.TEMPLATES, generated_at=STAMP)
    second = render_ical("a1", list(reversed(with_ids)), sample.TEMPLATES, generated_at=STAMP + timedelta(days=3))
    uids = lambda data: sorted(e.uid.value for e in parse(data).vevent_list)  # noqa: E731
    assert uids(first) == uids(second)
    assert any(u.startswith("noid-") for u in uids(first))
    assert len(set(uids(first))) == len(uids(first))


def replace_id(shift: Shift, new_id):
    return Shift(shift.assistant, shift.start, shift.end, shift.passive, new_id, shift.code, shift.kind)


def test_falls_back_to_icalendars_own_zone_when_the_eu_rule_does_not_hold(monkeypatch):
    monkeypatch.setattr(ical, "_eu_rule_holds", lambda years: False)
    shift = sample.shift_from_template("a1", date(2026, 6, 1), sample.TEMPLATES[0], "x")
    data = render_ical("a1", [shift], [], generated_at=STAMP)
    parsed = icalendar.Calendar.from_ical(data)
    assert [z["TZID"] for z in parsed.walk("VTIMEZONE")] == ["Europe/Oslo"]
    assert b"RDATE" in data  # icalendar's form, not ours
    assert utc(parsed.walk("VEVENT")[0].decoded("dtstart")) == utc(shift.start)


@settings(max_examples=60, deadline=None)
@given(
    start=st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31)),
    minutes=st.integers(30, 16 * 60),
    passive=st.booleans(),
)
def test_any_shift_reads_back_to_the_same_instants(start, minutes, passive):
    # Shifts are kept to the minute; iCalendar has no fractions of a second.
    begin = fmt.local(start.replace(second=0, microsecond=0, tzinfo=fmt.OSLO))
    begin = fmt.local(utc(begin))  # normalise a wall time in the spring gap
    end = begin + timedelta(minutes=minutes)
    intervals = (Interval(begin + timedelta(minutes=10), end - timedelta(minutes=10)),) if passive else ()
    shift = Shift("a1", begin, end, intervals, id="p")
    event = parse(render_ical("a1", [shift], [], generated_at=STAMP)).vevent
    assert utc(event.dtstart.value) == utc(begin)
    assert utc(event.dtend.value) == utc(end)
