"""The timesheet on paper reconciles: for random months (absences of every kind, graded sick
leave, holidays and their eves, overtime, passive nights, shifts that ran late), the printed
figures of every day column add up to the printed total, and that total is the printed hours
of its pay line; every pay line has its column; the "Timer" column adds up to the hours."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bpa_desktop.core.model import Absence, AbsenceKind
from bpa_desktop.core.timesheet import WorkedRecord
from bpa_desktop.export.timesheet_table import day_table, line_hours, pay_line_table
from tests.export import export_sample_data as sample

# months with eves and holidays in them: Easter and Whitsun 2026, May's holidays, Christmas
MONTHS = [date(2026, 3, 1), date(2026, 4, 1), date(2026, 5, 1), date(2026, 12, 1), date(2027, 3, 1)]
TEMPLATES = {t.code: t for t in sample.TEMPLATES}


def _decimal(text: str) -> Decimal:
    return Decimal(text.replace(",", ".")) if text else Decimal(0)


@st.composite
def months(draw):
    start = draw(st.sampled_from(MONTHS))
    end = (start.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    shifts = []
    for offset in range((end - start).days + 1):
        day = start + timedelta(days=offset)
        code = draw(st.sampled_from(["", "D", "K", "N", "L", "L"]))
        if code:
            shifts.append(sample.shift_from_template(str(sample.ASSISTANT_ID), day, TEMPLATES[code], f"p{offset}"))
    worked = []
    for shift in draw(st.lists(st.sampled_from(shifts), unique_by=lambda s: s.id, max_size=6)) if shifts else []:
        later = timedelta(minutes=5 * draw(st.integers(1, 72)))  # ran late (odd minutes): overtime under aml
        worked.append(WorkedRecord(shift.__class__(shift.assistant, shift.start, shift.end + later, shift.passive,
                                                   id=f"w{shift.id}", code=shift.code), "Ble lenger", shift))
    absences = []
    for index in range(draw(st.integers(0, 3))):
        first = start + timedelta(days=draw(st.integers(0, 27)))
        kind = draw(st.sampled_from(list(AbsenceKind)))
        percent = draw(st.sampled_from([100, 100, 50, 33])) if kind is AbsenceKind.SICK_NOTE else 100
        absences.append(Absence(index + 1, sample.ASSISTANT_ID, kind, first,
                                first + timedelta(days=draw(st.integers(0, 20))), percent))
    profile = draw(st.sampled_from(["ks", "virke-bpa"]))
    return start, shifts, worked, absences, profile


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(month=months())
def test_every_printed_column_adds_up_to_its_printed_pay_line(month):
    start, shifts, worked, absences, profile_name = month
    detail, profile = sample.sheet_detail(start, shifts=shifts, worked=worked, absences=absences,
                                          profile_name=profile_name)
    document = sample.timesheet_document(detail=detail, profile=profile)
    columns = document.line_columns()
    table = day_table(document.rows, columns, document.pay_lines)
    printed = {line.kind: _decimal(row[2]) for line, row in zip(document.pay_lines, pay_line_table(document.pay_lines).rows)}
    assert set(printed) == {c.line_id for c in columns}, "a pay line without a column, or a column without a line"
    for index, column in enumerate(columns, start=4):
        cells = sum((_decimal(row[index]) for row in table.rows), Decimal(0))
        assert cells == _decimal(table.total[index]) == printed[column.line_id], column
    hours = sum((_decimal(row[3]) for row in table.rows), Decimal(0))
    assert hours == _decimal(table.total[3]) == Decimal(repr(round(detail.total_hours, 2))).quantize(Decimal("0.01"))
    assert line_hours(document.pay_lines) == printed
    # each sick day paid shows its employer-period day, so the sick lines trace to the calendar
    for row in detail.rows:
        if row.absence_pay and row.absence_pay.paid and row.absence_pay.employer_day:
            assert any(r.day == row.day and f"AGP dag {row.absence_pay.employer_day} av 16" in r.note
                       for r in document.rows)


def test_three_shifts_ten_minutes_late_still_add_up_on_paper():
    """8 h 10 min is 8,1667 h: printed one by one each would be 8,17 and three of them 24,51,
    while the pay line is 24,50. The column's figures are rounded together, so they add up."""
    start = date(2026, 3, 1)
    days = [date(2026, 3, 3), date(2026, 3, 4), date(2026, 3, 5)]
    shifts = [sample.shift_from_template(str(sample.ASSISTANT_ID), day, TEMPLATES["D"], f"p{day.day}") for day in days]
    worked = [WorkedRecord(s.__class__(s.assistant, s.start, s.end + timedelta(minutes=10), id=f"w{s.id}"), "", s)
              for s in shifts]
    detail, profile = sample.sheet_detail(start, shifts=shifts, worked=worked, absences=[])
    document = sample.timesheet_document(detail=detail, profile=profile)
    table = day_table(document.rows, document.line_columns(), document.pay_lines)
    ordinary = [row[4] for row in table.rows if row[4]]
    assert sorted(ordinary) == ["8,16", "8,17", "8,17"] and table.total[4] == "24,50"
    assert pay_line_table(document.pay_lines).rows[0][2] == "24,50"
