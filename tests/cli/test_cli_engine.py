"""`bpa check` and `bpa pay`: JSON on stdout, exit codes 0/1/2, one line on stderr."""

import json
import subprocess
import sys

import pytest

from bpa_desktop.cli import main

EXAMPLE = {
    "format": "bpa-shifts/1",
    "timezone": "Europe/Oslo",
    "agreement": "ks",
    "assistants": [{"id": "a1", "name": "Kari", "employment_percent": 60}],
    "vedtak": {"hours_per_week": 40, "from": "2026-01-01", "to": "2026-12-31"},
    "shifts": [
        {"assistant": "a1", "start": "2026-03-28T22:00", "end": "2026-03-29T08:00",
         "passive": [{"start": "2026-03-29T00:00", "end": "2026-03-29T06:00"}]}
    ],
}


@pytest.fixture
def write(tmp_path):
    def _write(data, name="shifts.json"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        return str(path)
    return _write


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_check_clean_file_exits_0(capsys, write):
    code, out, _ = run(capsys, "check", write(EXAMPLE))
    assert code == 0 and json.loads(out) == {"findings": []}


def test_check_rule_error_exits_1_with_contract_fields(capsys, write):
    data = {**EXAMPLE, "agreement": "aml", "shifts": [
        {"assistant": "a1", "start": "2026-03-02T14:00", "end": "2026-03-02T22:00"},
        {"assistant": "a1", "start": "2026-03-03T07:00", "end": "2026-03-03T15:00"},
    ]}
    code, out, _ = run(capsys, "check", write(data))
    findings = json.loads(out)["findings"]
    assert code == 1
    [rest] = [f for f in findings if f["rule"] == "daily-rest"]
    assert set(rest) == {"rule", "severity", "assistant", "start", "end", "message", "reference"}
    assert rest["severity"] == "error" and rest["assistant"] == "a1"
    assert rest["message"] == "Kari har 9 t hvile mellom vaktene 2. og 3. mars; loven krever 11 t"
    assert rest["start"] == "2026-03-02T22:00:00+01:00" and rest["end"] == "2026-03-03T07:00:00+01:00"


def test_check_warnings_only_exit_0(capsys, write):
    data = {**EXAMPLE, "shifts": [{"assistant": "a1", "start": "2026-03-02T06:00", "end": "2026-03-02T16:00"}]}
    code, out, _ = run(capsys, "check", write(data))
    assert code == 0 and [f["severity"] for f in json.loads(out)["findings"]] == ["warning"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("not json", "ikke gyldig JSON"),
        ({**EXAMPLE, "format": "bpa-shifts/9"}, "bpa-shifts/1"),
        ({**EXAMPLE, "shifts": [{"assistant": "b7", "start": "2026-03-02T08:00", "end": "2026-03-02T10:00"}]},
         "vakt nr. 1 (shifts[0], assistent «b7»)"),
        ({**EXAMPLE, "agreement": "tull"}, "ukjent avtale"),
        ({**EXAMPLE, "shifts": [{"assistant": "a1", "start": "2026-03-02T10:00", "end": "2026-03-02T08:00"}]},
         "ikke etter starten"),
        ({**EXAMPLE, "shifts": [{"assistant": "a1", "start": "2026-03-29T02:15", "end": "2026-03-29T08:00"}]},
         "finnes ikke"),
        ({**EXAMPLE, "shifts": [{"assistant": "a1", "start": "2026-03-01T08:00", "end": "2026-03-09T08:00"}]},
         "7 døgn"),
    ],
)
@pytest.mark.parametrize("command", ["check", "pay"])
def test_unreadable_input_exits_2_with_one_line(capsys, write, command, content, expected):
    code, out, err = run(capsys, command, write(content))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err


def test_missing_file_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "check", str(tmp_path / "nope.json"))
    assert code == 2 and "finner ikke" in err


def test_pay_hours_codes_and_totals(capsys, write):
    code, out, _ = run(capsys, "pay", write(EXAMPLE))
    result = json.loads(out)
    assert code == 0 and result["profile"] == "ks"
    [shift] = result["shifts"]
    assert shift["hours"] == {"total": 9.0, "passive": 5.0, "evening": 0.0, "night": 7.0,
                              "saturday": 2.0, "sunday": 7.0, "holiday": 0.0}
    assert shift["codes"]["KS-1000"] == 9.0
    assert result["totals"]["a1"]["hours"]["total"] == 9.0
    assert result["totals"]["a1"]["codes"] == shift["codes"]


def test_pay_profile_choice_and_nominal(capsys, write):
    path = write(EXAMPLE)
    _, out, _ = run(capsys, "pay", path, "--profile", "virke-bpa")
    codes = json.loads(out)["shifts"][0]["codes"]
    assert codes["VB-1000"] == pytest.approx(4 + 5 / 3, abs=1e-4)
    _, out, _ = run(capsys, "pay", path, "--nominal")
    assert json.loads(out)["shifts"][0]["hours"]["total"] == 10.0
    code, _, err = run(capsys, "pay", path, "--profile", "ukjent")
    assert code == 2 and "ukjent lønnsprofil" in err


def test_console_script_exit_code(write):
    data = {**EXAMPLE, "agreement": "aml", "shifts": [
        {"assistant": "a1", "start": "2026-03-01T10:00", "end": "2026-03-01T16:00"},
        {"assistant": "a1", "start": "2026-03-08T10:00", "end": "2026-03-08T16:00"},
    ]}
    result = subprocess.run([sys.executable, "-m", "bpa_desktop.cli", "check", write(data)],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert [f["rule"] for f in json.loads(result.stdout)["findings"]] == ["sunday-work"]
