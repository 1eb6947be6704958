"""`bpa pay` lists the overtime of each shift and why; `bpa check` explains it; the
employer's full-time week in the shift file."""

import json

import pytest

from bpa_desktop.cli import main


def week(agreement="aml", **extra):
    days = [f"2026-03-{d:02d}" for d in range(30, 32)] + [f"2026-04-{d:02d}" for d in range(1, 4)]
    shifts = [{"assistant": "a1", "start": f"{d}T08:00", "end": f"{d}T17:00"} for d in days]
    shifts[0]["end"] = "2026-03-30T19:00"  # Monday: 2 h past 9
    shifts.append({"assistant": "a1", "start": "2026-04-04T10:00", "end": "2026-04-04T14:00"})  # Saturday
    return {"format": "bpa-shifts/1", "agreement": agreement,
            "assistants": [{"id": "a1", "name": "Kari", "employment_percent": 100}], "shifts": shifts, **extra}


@pytest.fixture
def run(tmp_path, capsys):
    def _run(*argv, data):
        path = tmp_path / "shifts.json"
        path.write_text(json.dumps(data), encoding="utf-8")
        code = main([*argv[:1], str(path), *argv[1:]])
        out, _ = capsys.readouterr()
        return code, json.loads(out)
    return _run


def test_pay_lists_overtime_and_why(run):
    code, result = run("pay", data=week())
    assert code == 0
    monday, *_, friday, saturday = result["shifts"]
    assert monday["overtime"] == [{
        "start": "2026-03-30T17:00:00+02:00", "end": "2026-03-30T19:00:00+02:00", "hours": 2.0,
        "reason": {"why": "day", "limit": 9.0, "first": "2026-03-30", "last": "2026-03-30", "weeks": 1},
        "why": "over 9 t denne dagen",
    }]
    assert monday["codes"] == {"KS-1000": 9.0, "KS-2010": 2.0, "KS-3050": 2.0}
    # 9 h a day Monday-Friday is 45 h of normal-length days: Friday's last 5 h and Saturday.
    assert [o["why"] for o in friday["overtime"]] == ["over 40 t i uke 14"]
    assert friday["overtime"][0]["hours"] == 5.0 and saturday["overtime"][0]["hours"] == 4.0
    assert result["totals"]["a1"]["overtime"] == 11.0
    assert result["totals"]["a1"]["codes"]["KS-1000"] == 40.0


def test_pay_under_an_averaging_agreement_finds_no_overtime_in_one_long_week(run):
    _, result = run("pay", data=week("ks"))
    assert all(s["overtime"] == [] for s in result["shifts"]) and result["totals"]["a1"]["overtime"] == 0.0
    assert "KS-3050" not in result["totals"]["a1"]["codes"]


def test_check_explains_why_the_hours_are_overtime(run):
    code, result = run("check", data=week())
    [finding] = [f for f in result["findings"] if f["rule"] == "overtime"]
    assert code == 1 and finding["severity"] == "error"
    assert finding["message"] == (
        "Kari har 11 t overtid i uke 14 (30. mars–5. april): 2 t over 9 t per dag og 9 t over 40 t "
        "per uke; grensen er 10 t per uke"
    )


def test_check_uses_the_employers_full_week(run):
    shifts = [{"assistant": "a1", "start": f"2026-03-0{d}T08:00", "end": f"2026-03-0{d}T16:00"} for d in (2, 3, 4)]
    part_time = {"format": "bpa-shifts/1", "shifts": shifts,  # 24 h in one week
                 "assistants": [{"id": "a1", "name": "Kari", "employment_percent": 60}]}
    _, result = run("check", data=part_time)
    assert [f["rule"] for f in result["findings"]] == ["contract-hours"]  # 60 % of 37.5 = 22.5
    _, result = run("check", data={**part_time, "employer": {"full_time_hours": 40}})
    assert result["findings"] == []  # 60 % of 40 = 24
