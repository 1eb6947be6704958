"""`bpa plan`: a bpa-plan/1 file (or a database) in, bpa-shifts/1 out; exit 0/1/2.

The contract that matters most: `bpa check` on the roll-out of any answer with exit 0 finds
no error."""

import json
from pathlib import Path

import pytest

from bpa_desktop.cli import main

TEMPLATES = [
    {"code": "D", "name": "Dag", "start": "07:00", "end": "15:00"},
    {"code": "A", "name": "Kveld", "start": "15:00", "end": "23:00"},
    {"code": "N", "name": "Natt", "start": "23:00", "end": "07:00", "passive": {"start": "23:30", "end": "06:30"}},
]
PLAN = {
    "format": "bpa-plan/1",
    "agreement": "ks",
    "weeks": 2,
    "period": {"from": "2026-03-02", "to": "2026-05-03"},
    "vedtak": {"hours_per_week": 168, "from": "2026-01-01", "to": "2026-12-31"},
    "templates": TEMPLATES,
    "need": [
        {"weekdays": [0, 1, 2, 3, 4, 5, 6], "start": "07:00", "end": "23:00"},
        {"weekdays": [0, 1, 2, 3, 4, 5, 6], "start": "23:00", "end": "07:00", "passive": True},
    ],
    "assistants": [
        {"id": "kari", "name": "Kari", "employment_percent": 100, "unavailable_weekdays": [5, 6]},
        {"id": "per", "name": "Per", "employment_percent": 90, "cannot": ["N"]},
        {"id": "ali", "name": "Ali", "employment_percent": 80, "prefers": ["N"],
         "unavailable_dates": [{"from": "2026-04-06", "to": "2026-04-12"}]},
        {"id": "eva", "name": "Eva", "employment_percent": 80},
        {"id": "ida", "name": "Ida", "employment_percent": 70},
        {"id": "ola", "name": "Ola", "employment_percent": 60},
        {"id": "siv", "name": "Siv", "employment_percent": 60},
        {"id": "tom", "name": "Tom", "employment_percent": 40, "kind": "on_call"},
    ],
    "locked": [{"assistant": "eva", "week": 0, "weekday": 0, "code": "D"}],
}


@pytest.fixture
def write(tmp_path):
    def _write(data, name="plan.json"):
        path = tmp_path / name
        path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
        return str(path)
    return _write


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def check_answer(capsys, write, out):
    code, checked, _ = run(capsys, "check", write(out, "answer.json"))
    findings = json.loads(checked)["findings"]
    assert [f for f in findings if f["severity"] == "error"] == []
    assert code == 0
    return findings


@pytest.mark.parametrize("mode", [["--first"], ["--time-limit", "4"]])
def test_answer_is_a_shift_file_bpa_check_finds_no_error_in(capsys, write, mode):
    code, out, err = run(capsys, "plan", write(PLAN), *mode)
    assert code == 0, err
    answer = json.loads(out)
    assert answer["format"] == "bpa-shifts/1" and answer["plan"]["status"] == "legal"
    assert answer["pattern"]["weeks"] == 2 and answer["pattern"]["anchor"] == "2026-03-02"
    assert {"assistant": "eva", "week": 0, "weekday": 0, "code": "D"} in answer["pattern"]["cells"]
    shifts = answer["shifts"]
    assert not [s for s in shifts if s["assistant"] == "kari" and s["start"][:10] in ("2026-03-07", "2026-03-08")]
    assert not [s for s in shifts if s["assistant"] == "ali" and "2026-04-06" <= s["start"][:10] <= "2026-04-12"]
    assert not [c for c in answer["pattern"]["cells"] if c["assistant"] == "tom"]
    findings = check_answer(capsys, write, out)
    assert answer["plan"]["warnings"] == len(findings)


def test_no_legal_rota_exits_1_with_the_reasons(capsys, write):
    few = {**PLAN, "assistants": PLAN["assistants"][:5], "locked": []}
    code, out, _ = run(capsys, "plan", write(few), "--first", "--lang", "en")
    assert code == 1
    answer = json.loads(out)
    assert answer["status"] == "no-legal-rota"
    explanation = answer["explanation"]
    assert explanation["reasons"] and all(set(r) == {"key", "params", "message"} for r in explanation["reasons"])
    assert any("contract" in r["message"] or "need" in r["message"] for r in explanation["reasons"])
    assert any(h["key"] in ("plan_help_extra", "plan_help_extras") for h in explanation["helps"])


@pytest.mark.parametrize("data, expected", [
    ("{not json", "ikke gyldig JSON"),
    ({**PLAN, "format": "bpa-plan/2"}, "bpa-plan/1"),
    ({k: v for k, v in PLAN.items() if k != "templates"}, "«templates»"),
    ({**PLAN, "weeks": 9}, "feltet «weeks»"),
    ({**PLAN, "agreement": "nordic"}, "ukjent avtale"),
    ({**PLAN, "assistants": [{"id": "x", "employment_percent": 50, "cannot": ["Q"]}]}, "ukjent vaktkode Q"),
    ({**PLAN, "locked": [{"assistant": "nobody", "week": 0, "weekday": 0, "code": "D"}]}, "ukjent assistent"),
    ({**PLAN, "templates": [{"code": "D", "start": "25:00", "end": "07:00"}]}, "feltet «templates.0.start»"),
])
def test_unreadable_input_exits_2_with_one_line(capsys, write, data, expected):
    code, out, err = run(capsys, "plan", write(data))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and expected in err, err


def test_file_or_database_not_both(capsys, write, tmp_path):
    code, _, err = run(capsys, "plan", write(PLAN), "--db", str(tmp_path / "x.sqlite"))
    assert code == 2 and "enten" in err


def test_plans_the_demo_database(capsys, write, demo_workspace, demo_today):
    path = Path(demo_workspace.path) if hasattr(demo_workspace, "path") else None
    assert path is not None
    demo_workspace.close()
    code, out, err = run(capsys, "plan", "--db", str(path), "--from", "2026-06-01", "--first")
    assert code == 0, err
    answer = json.loads(out)
    assert answer["pattern"]["weeks"] == 4  # the demo rota's length
    assert answer["period"]["from"] == "2026-06-01"
    check_answer(capsys, write, out)


def test_missing_file_or_database_exits_2(capsys, tmp_path):
    code, _, err = run(capsys, "plan", str(tmp_path / "nowhere.json"))
    assert code == 2 and "finner ikke filen" in err
    code, _, err = run(capsys, "plan", "--db", str(tmp_path / "nowhere.sqlite"))
    assert code == 2 and "fant ikke databasen" in err
