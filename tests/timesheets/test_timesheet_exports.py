"""DST-correct pay, the timesheet PDF's totals, the Visma Lønn and CSV payroll files, the
`bpa export` commands, and the report figures."""

from __future__ import annotations

import io
import json
from dataclasses import replace
from datetime import date, timedelta

import pdfplumber
import pytest

from bpa_desktop import cli
from bpa_desktop.core.model import Absence, AbsenceKind
from bpa_desktop.export.payroll import VISMA_COLUMNS


OCTOBER = date(2026, 10, 1)
SEPTEMBER = date(2026, 9, 1)
NUMERIC_CODES = {"ordinary": "1000", "passive": "1010", "evening-night": "2010", "weekend": "2020",
                 "holiday": "2030", "overtime-50": "3050", "overtime-100": "3100"}


def attest(setup, assistant_id, day):
    ws = setup.ws
    return ws.timesheets.attest_timesheet(ws.timesheets.get_or_create_timesheet(assistant_id, day).id, today=setup.after_all, unconfirmed_reason="på papir")


def pdf_text(path) -> str:
    with pdfplumber.open(io.BytesIO(path.read_bytes())) as document:
        return "\n".join(page.extract_text() for page in document.pages)


def test_a_night_across_the_october_dst_change_pays_11_hours(setup):
    sheet = attest(setup, setup.night_worker, OCTOBER)
    detail = setup.ws.timesheets.timesheet_detail(sheet.id)
    by_day = {row.day: row for row in detail.rows}
    assert sorted(by_day) == [date(2026, 10, d) for d in (3, 10, 17, 24, 31)]  # 31st ends in November
    assert by_day[date(2026, 10, 24)].hours == pytest.approx(11)
    assert by_day[date(2026, 10, 24)].passive_hours == pytest.approx(7)  # 00-06 holds the extra hour
    assert by_day[date(2026, 10, 17)].hours == pytest.approx(10)
    lines = {line.kind: line.hours for line in detail.pay_lines}
    assert lines["ordinary"] == pytest.approx(4 * 10 + 11)
    assert lines["passive"] == pytest.approx(4 * 6 + 7)


def test_timesheet_pdf_holds_the_totals(setup, tmp_path, capsys):
    ws = setup.ws
    sheet = attest(setup, setup.night_worker, OCTOBER)
    detail = ws.timesheets.timesheet_detail(sheet.id)
    out = tmp_path / "oktober.pdf"
    code = cli.main(["export", "timesheet", "--db", str(ws.path), "--assistant", str(setup.night_worker),
                     "--period", "2026-10", "--out", str(out)])
    assert code == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["status"] == "attested" and summary["hours"] == 51
    text = pdf_text(out)
    assert "Periode 01.10.2026 – 31.10.2026" in text
    assert "Status Attestert av arbeidsleder" in text and "arbeidsleder, versjon 1" in text
    assert "KORRIGERT" not in text
    windows = detail.window_totals()
    sum_line = next(line for line in text.splitlines() if line.startswith("Sum "))
    # Timer, then one column per pay line: ordinary, passive, evening/night, weekend
    assert sum_line == f"Sum {windows['total']:.2f} 51.00 {windows['passive']:.2f} 41.00 51.00".replace(".", ",")
    assert sum_line == "Sum 51,00 51,00 31,00 41,00 51,00"
    assert "KS-1000 Timelønn 51,00" in text
    assert "KS-1010 Herav passiv tid (hvilende vakt) 31,00" in text
    assert "lø 24.10 22:0008:00 (+1) 11,00 11,00 7,00 9,00 11,00" in text  # the DST night: 11 h, 7 passive

    # a correction prints KORRIGERT, the reason and the version it replaces
    second = ws.timesheets.correct_timesheet(sheet.id, "Feil sluttid 3. oktober")
    shift = next(s for s in ws.timesheets.list_worked_shifts(setup.arrangement_id, date(2026, 10, 3), date(2026, 10, 3)))
    ws.timesheets.record_worked_shift(setup.arrangement_id, replace(shift, end=shift.end + timedelta(hours=1)), "Ble lenger")
    ws.timesheets.attest_timesheet(second.id, today=setup.after_all, unconfirmed_reason="på papir")
    assert cli.main(["export", "timesheet", "--db", str(ws.path), "--assistant", "502",
                     "--period", "2026-10", "--out", str(out)]) == 0
    text = pdf_text(out)
    assert "KORRIGERT – erstatter versjon 1" in text and "Årsak: Feil sluttid 3. oktober" in text
    assert ", versjon 2" in text and "KS-1000 Timelønn 52,00" in text
    old = tmp_path / "v1.pdf"
    assert cli.main(["export", "timesheet", "--db", str(ws.path), "--assistant", "502",
                     "--period", "2026-10", "--version", "1", "--out", str(old)]) == 0
    assert "KS-1000 Timelønn 51,00" in pdf_text(old)


def test_visma_file_columns_and_decimals(setup, tmp_path, capsys):
    ws, aid = setup.ws, setup.arrangement_id
    ws.timesheets.update_pay_settings(replace(ws.timesheets.pay_settings(aid), codes=NUMERIC_CODES, rates={"evening-night": 56.5}))
    attest(setup, setup.night_worker, OCTOBER)  # the day worker's October stays a draft
    out = tmp_path / "visma.txt"
    code = cli.main(["export", "payroll", "--db", str(ws.path), "--period", "2026-10",
                     "--format", "visma", "--out", str(out)])
    captured = capsys.readouterr()
    assert code == 1  # written, but one timesheet of the period is not attested
    assert "ikke attestert" in captured.err and "501" in captured.err and "Dagny" not in captured.err
    assert json.loads(captured.out)["not_attested"] == ["501"]
    data = out.read_bytes()
    assert data.endswith(b"\r\n")
    lines = data.decode("cp1252").split("\r\n")[:-1]
    fields = [line.split(";") for line in lines]
    assert all(len(f) == len(VISMA_COLUMNS) == 17 for f in fields)
    column = {name: i for i, name in enumerate(VISMA_COLUMNS)}
    rows = {f[column["WgSrt"]]: f for f in fields}
    assert set(rows) == {"1000", "1010", "2010", "2020"}
    ordinary = rows["1000"]
    assert ordinary[column["WgYr"]] == "2026" and ordinary[column["EmpNo"]] == "502"
    assert ordinary[column["Qty"]] == "51.00" and ordinary[column["Rate"]] == "0.00"
    assert rows["2010"][column["Rate"]] == "56.50"
    assert all(f[column["R1"]] == '""' and f[column["DedCd"]] == "0" for f in fields)

    csv_out = tmp_path / "lines.csv"
    attest(setup, setup.day_worker, OCTOBER)
    assert cli.main(["export", "payroll", "--db", str(ws.path), "--period", "2026-10",
                     "--format", "csv", "--out", str(csv_out)]) == 0
    text = csv_out.read_text("utf-8").splitlines()
    assert text[0] == "employee_no,pay_code,description,hours,rate,amount,period_start,period_end"
    assert "501,1000,Timelønn,96.00,,,2026-10-01,2026-10-31" in text[1:]  # Mon-Wed in Oct: 12 days


def test_export_commands_refuse_unreadable_input(setup, tmp_path, capsys):
    db = str(setup.ws.path)
    cases = [
        (["timesheet", "--db", str(tmp_path / "none.sqlite"), "--assistant", "1", "--period", "2026-10"], "fant ikke databasen"),
        (["timesheet", "--db", db, "--assistant", "999", "--period", "2026-10"], "fant ingen assistent"),
        (["timesheet", "--db", db, "--assistant", "501", "--period", "2026-13"], "ikke en periode"),
        (["timesheet", "--db", db, "--assistant", "501", "--period", "2025-01"], "ingen timeliste"),
        (["payroll", "--db", db, "--period", "oktober", "--format", "csv"], "ikke en periode"),
        (["payroll", "--db", db, "--period", "2026-10", "--format", "csv", "--arrangement", "77"], "ingen ordning"),
    ]
    for args, expected in cases:
        out = tmp_path / "out.file"
        assert cli.main(["export", *args, "--out", str(out)]) == 2
        err = capsys.readouterr().err
        assert expected in err and err.count("\n") == 1
        assert not out.exists()
    # Visma needs whole-number codes: the profile's placeholders are refused, nothing written
    attest(setup, setup.night_worker, OCTOBER)
    out = tmp_path / "visma.txt"
    assert cli.main(["export", "payroll", "--db", db, "--period", "2026-10", "--format", "visma", "--out", str(out)]) == 2
    assert "KS-1000" in capsys.readouterr().err and not out.exists()


def test_report_figures(setup):
    ws, aid = setup.ws, setup.arrangement_id
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.SICK_NOTE, date(2026, 9, 14), date(2026, 9, 16)))
    ws.timesheets.add_absence(Absence(None, setup.day_worker, AbsenceKind.SICK_NOTE, date(2026, 9, 21), date(2026, 9, 23), percent=50))
    ws.timesheets.add_absence(Absence(None, setup.night_worker, AbsenceKind.CHILD_SICK, date(2026, 9, 12), date(2026, 9, 12)))
    for worker in (setup.day_worker, setup.night_worker):
        attest(setup, worker, SEPTEMBER)

    absence = {(a.assistant_id, a.month): a for a in ws.reports.absence(aid, 2026)}
    day = absence[(setup.day_worker, 9)]
    assert day.planned_hours == pytest.approx(14 * 8)
    assert day.sick_hours == pytest.approx(3 * 8 + 3 * 8 * 0.5)
    assert day.sick_leave_percent == pytest.approx(100 * 36 / 112)
    assert day.days == {"sykmelding": pytest.approx(4.5)}
    night = absence[(setup.night_worker, 9)]
    assert night.lost_hours == {"sykt_barn": pytest.approx(10)} and night.sick_leave_percent == 0
    assert absence[(setup.day_worker, 1)].sick_leave_percent is None  # nothing planned

    hours = {m.month: m for m in ws.reports.hours(aid, 2026)}
    # September: 14 day shifts and 4 nights planned; 3 days and 1 night not worked (graded
    # leave keeps the planned shift until shorter times are registered); 20 h/week granted
    assert hours[9].planned == pytest.approx(14 * 8 + 4 * 10)
    assert hours[9].worked == pytest.approx(11 * 8 + 3 * 10)
    assert hours[9].granted == pytest.approx(20 / 7 * 30)

    assert ws.reports.monthly_cost(aid, 2026)[8].method == "none"
    ws.timesheets.update_pay_settings(replace(ws.timesheets.pay_settings(aid), hourly_rate=200.0, social_cost_percent=20.0))
    september = ws.reports.monthly_cost(aid, 2026)[8]
    # attested content keeps the rates it was attested with: none then, so price by hours
    assert september.method == "hourly" and september.attested
    assert september.hours == pytest.approx(118)
    assert september.wages == pytest.approx(118 * 200) and september.total == pytest.approx(118 * 240)
    october = ws.reports.monthly_cost(aid, 2026)[9]
    assert not october.attested and october.hours == pytest.approx(12 * 8 + 51)

    ws.timesheets.update_pay_settings(replace(ws.timesheets.pay_settings(aid), rates={"evening-night": 50.0}))
    october = ws.reports.monthly_cost(aid, 2026)[9]
    assert october.method == "lines"
    # ordinary at the hourly rate + 22-06 (9 h on the DST night) at the evening/night rate;
    # the weekend line (every night is Saturday-Sunday) has no rate
    assert october.wages == pytest.approx((12 * 8 + 51) * 200 + (4 * 8 + 9) * 50)
    assert october.unpriced_hours == pytest.approx(51)
    assert october.social_costs == pytest.approx(0.2 * october.wages)
