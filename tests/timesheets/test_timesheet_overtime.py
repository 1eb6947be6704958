"""Overtime nobody marked, found in the worked record: on the timesheet, in its PDF with
why, in the attested content, across a week that spans two pay periods, in the Visma file."""

from __future__ import annotations

import io
from dataclasses import replace
from datetime import date, datetime, timedelta

import pdfplumber
import pytest

from bpa_desktop import cli
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Agreement, Shift
from bpa_desktop.core.normal_time import Why
from bpa_desktop.export.payroll import VISMA_COLUMNS

SEPTEMBER = date(2026, 9, 1)
OCTOBER = date(2026, 10, 1)
NUMERIC_CODES = {"ordinary": "1000", "passive": "1010", "evening-night": "2010", "weekend": "2020",
                 "holiday": "2030", "overtime-50": "3050", "overtime-100": "3100"}


@pytest.fixture
def aml(setup):
    """The shared arrangement, under the Act (no averaging agreement)."""
    ws = setup.ws
    ws.people.update_arrangement(replace(ws.people.get_arrangement(setup.arrangement_id), agreement=Agreement.AML))
    return setup


def stay_longer(setup, day: date, hours: int) -> None:
    ws, aid = setup.ws, setup.arrangement_id
    planned = next(s for s in ws.rota.list_planned_shifts(aid, day, day) if s.assistant == str(setup.day_worker))
    ws.timesheets.record_worked_shift(aid, replace(planned, end=planned.end + timedelta(hours=hours)), "Avløser kom sent")


def attest(setup, assistant_id, day):
    ws = setup.ws
    return ws.timesheets.attest_timesheet(ws.timesheets.get_or_create_timesheet(assistant_id, day).id, today=setup.after_all, unconfirmed_reason="på papir")


def lines_of(detail):
    return {line.kind: round(line.hours, 6) for line in detail.pay_lines}


def test_staying_3_hours_past_an_8_hour_day_is_2_hours_overtime(aml, tmp_path):
    ws = aml.ws
    stay_longer(aml, date(2026, 9, 9), 3)  # Wednesday 08:00-19:00
    sheet = attest(aml, aml.day_worker, SEPTEMBER)
    detail = ws.timesheets.timesheet_detail(sheet.id)
    assert detail.stored
    lines = lines_of(detail)
    assert lines["overtime-50"] == 2.0 and lines["ordinary"] == 14 * 8 + 3 - 2
    [note] = detail.overtime
    assert note.day == date(2026, 9, 9) and note.reason.why is Why.DAY and note.hours == pytest.approx(2)
    assert (note.start.hour, note.end.hour) == (17, 19)

    out = tmp_path / "september.pdf"
    assert cli.main(["export", "timesheet", "--db", str(ws.path), "--assistant", str(aml.day_worker),
                     "--period", "2026-09", "--out", str(out)]) == 0
    with pdfplumber.open(io.BytesIO(out.read_bytes())) as pdf:
        text = "\n".join(page.extract_text() for page in pdf.pages)
    assert "Overtid og hvorfor" in text
    assert "on 09.09 17:00–19:00 2,00 over 9 t denne dagen" in text
    assert "KS-3050 Overtid 50 % 2,00" in text and "KS-1000 Timelønn 113,00" in text


def test_a_week_across_two_pay_periods_counts_the_days_before(aml, tmp_path, capsys):
    ws, aid = aml.ws, aml.arrangement_id
    worker = str(aml.day_worker)
    ws.timesheets.update_pay_settings(replace(ws.timesheets.pay_settings(aid), codes=NUMERIC_CODES))  # Visma needs numbers
    # Week 40: Monday-Wednesday 28-30 September as planned (24 h), then three extra days.
    for day in (date(2026, 10, 1), date(2026, 10, 2), date(2026, 10, 3)):
        start = datetime(day.year, day.month, day.day, 8, tzinfo=OSLO)
        ws.timesheets.record_worked_shift(aid, Shift(worker, start, start + timedelta(hours=8)), "Ekstravakt")
    september = ws.timesheets.timesheet_detail(attest(aml, aml.day_worker, SEPTEMBER).id)
    assert "overtime-50" not in lines_of(september) and september.overtime == ()
    october = ws.timesheets.timesheet_detail(attest(aml, aml.day_worker, OCTOBER).id)
    # 24 + 16 = 40 h by Friday: Saturday's 8 h are overtime, at 100 % (weekend).
    assert lines_of(october)["overtime-100"] == 8.0
    [note] = october.overtime
    assert note.day == date(2026, 10, 3) and note.reason.why is Why.WEEK and note.reason.first == date(2026, 9, 28)

    out = tmp_path / "visma.txt"
    cli.main(["export", "payroll", "--db", str(ws.path), "--period", "2026-10", "--format", "visma",
              "--out", str(out)])
    capsys.readouterr()
    column = {name: i for i, name in enumerate(VISMA_COLUMNS)}
    rows = [line.split(";") for line in out.read_bytes().decode("cp1252").split("\r\n")[:-1]]
    overtime = [r for r in rows if r[column["WgSrt"]] == "3100" and r[column["EmpNo"]] == "501"]
    assert [r[column["Qty"]] for r in overtime] == ["8.00"]


def test_under_the_tariff_preset_the_long_day_is_normal_time(setup):
    stay_longer(setup, date(2026, 9, 9), 3)  # the fixture's arrangement averages over 26 weeks
    detail = setup.ws.timesheets.timesheet_detail(attest(setup, setup.day_worker, SEPTEMBER).id)
    assert "overtime-50" not in lines_of(detail) and detail.overtime == ()


def test_under_individual_averaging_the_window_runs_across_pay_periods(setup):
    ws, aid = setup.ws, setup.arrangement_id
    ws.people.update_arrangement(replace(ws.people.get_arrangement(aid), agreement=Agreement.INDIVIDUAL))
    worker = str(setup.day_worker)
    # The 8-week window from Monday 31 August (the first shift) to Sunday 25 October: 24 h
    # planned a week plus Thursday and Friday extras, 320 h; then 4 h more on 10 October.
    monday = date(2026, 8, 31)
    extras = [(monday + timedelta(weeks=w, days=d), 8, 16) for w in range(8) for d in (3, 4)]
    extras.append((date(2026, 10, 10), 10, 14))
    for day, start, end in extras:
        begin = datetime(day.year, day.month, day.day, start, tzinfo=OSLO)
        ws.timesheets.record_worked_shift(aid, Shift(worker, begin, begin + timedelta(hours=end - start)), "Ekstravakt")
    september = ws.timesheets.timesheet_detail(attest(setup, setup.day_worker, SEPTEMBER).id)
    assert september.overtime == () and "overtime-50" not in lines_of(september)
    october = ws.timesheets.timesheet_detail(attest(setup, setup.day_worker, OCTOBER).id)
    # The hours past 320 are the window's last: Friday 23 October 12:00-16:00.
    [note] = october.overtime
    assert (note.day, note.start.hour, note.end.hour) == (date(2026, 10, 23), 12, 16)
    assert note.reason.why is Why.AVERAGE and note.reason.first == monday and note.reason.weeks == 8
    assert lines_of(october)["overtime-50"] == 4.0
