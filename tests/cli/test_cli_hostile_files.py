"""Hostile shift files for `bpa check`, `bpa pay` and `bpa import rota` (issue: hardening).

Every refusal is exit 2 and exactly one line on stderr that says why; nothing is written.
Each case here was a traceback (exit 1, "a rule is broken"), a silent acceptance or a hang.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bpa_desktop.cli import main

SHIFT = {"assistant": "a1", "start": "2026-03-02T08:00", "end": "2026-03-02T16:00"}
BASE = {
    "format": "bpa-shifts/1",
    "agreement": "ks",
    "assistants": [{"id": "a1", "name": "Kari", "employment_percent": 60}],
    "vedtak": {"hours_per_week": 40, "from": "2026-01-01"},
    "shifts": [SHIFT],
}
BPA = [sys.executable, "-m", "bpa_desktop.cli"]


def _refused(capsys, argv) -> str:
    """Run `bpa argv`; assert exit 2 and one line on stderr; return that line."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    assert code == 2, (code, out[:200], err)
    assert out == ""
    lines = err.splitlines()
    assert len(lines) == 1 and err.endswith("\n"), err
    assert lines[0].startswith("bpa: ")
    return lines[0]


@pytest.fixture
def file_with(tmp_path):
    def write(content: str | bytes | dict, name: str = "shifts.json") -> str:
        path = tmp_path / name
        if isinstance(content, dict):
            content = json.dumps(content)
        if isinstance(content, str):
            content = content.encode("utf-8")
        path.write_bytes(content)
        return str(path)

    return write


COMMANDS = (["check"], ["pay"])


@pytest.mark.parametrize("command", COMMANDS)
def test_json_nested_100000_deep_is_refused_by_depth(capsys, file_with, command):
    path = file_with("[" * 100_000 + "]" * 100_000)
    line = _refused(capsys, command + [path])
    assert "nøstet 100000 nivåer" in line


@pytest.mark.parametrize("command", COMMANDS)
def test_integer_longer_than_pythons_4300_digit_limit_in_an_unused_key(capsys, file_with, command):
    text = json.dumps(BASE)[:-1] + ', "unused": ' + "7" * 5000 + "}"
    line = _refused(capsys, command + [file_with(text)])
    assert "heltall med 5000 sifre" in line


@pytest.mark.parametrize("year", ["0001", "1899", "2200", "9999"])
@pytest.mark.parametrize("command", COMMANDS)
def test_a_year_outside_the_calendar_is_refused(capsys, file_with, command, year):
    shift = {**SHIFT, "start": f"{year}-03-02T08:00", "end": f"{year}-03-02T16:00"}
    line = _refused(capsys, command + [file_with({**BASE, "shifts": [shift]})])
    assert f"året {int(year)} er utenfor 1900–2199" in line and "vakt nr. 1" in line


def test_a_year_outside_the_calendar_with_an_offset_is_refused(capsys, file_with):
    shift = {**SHIFT, "start": "9999-12-31T20:00+14:00", "end": "9999-12-31T23:00+14:00"}
    assert "året 9999" in _refused(capsys, ["pay", file_with({**BASE, "shifts": [shift]})])


def test_vedtak_dates_outside_the_calendar_are_refused(capsys, file_with):
    data = {**BASE, "vedtak": {"hours_per_week": 40, "from": "0001-01-01", "to": "9999-12-31"}}
    assert "vedtak nr. 1: året 1 er utenfor" in _refused(capsys, ["check", file_with(data)])


def test_a_shift_after_2100_is_paid_with_its_holidays(capsys, file_with):
    # Easter Monday 2150 is 13 April (a shift after 2100 raised KeyError: "Første påskedag").
    shifts = [{"assistant": "a1", "start": "2150-04-13T08:00", "end": "2150-04-13T16:00"},
              {"assistant": "a1", "start": "2199-12-25T08:00", "end": "2199-12-25T16:00"}]
    data = {**BASE, "vedtak": {"hours_per_week": 40, "from": "2150-01-01"}, "shifts": shifts}
    assert main(["pay", file_with(data)]) == 0
    paid = json.loads(capsys.readouterr().out)["shifts"]
    assert [s["hours"]["holiday"] for s in paid] == [8.0, 8.0]
    assert main(["check", file_with(data)]) == 0


@pytest.mark.parametrize("field", ["employment_percent", "hours_per_week"])
@pytest.mark.parametrize("constant", ["NaN", "Infinity", "-Infinity", "1e999"])
@pytest.mark.parametrize("command", COMMANDS)
def test_nan_and_infinity_are_refused(capsys, file_with, command, field, constant):
    text = json.dumps(BASE).replace('"employment_percent": 60' if field == "employment_percent"
                                    else '"hours_per_week": 40', f'"{field}": {constant}')
    assert constant in text
    _refused(capsys, command + [file_with(text)])


def test_a_key_twice_in_one_object_is_refused(capsys, file_with):
    text = json.dumps(BASE)[:-1] + ', "agreement": "aml"}'
    assert "«agreement» står to ganger" in _refused(capsys, ["check", file_with(text)])


@pytest.mark.parametrize("command", COMMANDS)
def test_a_lone_surrogate_in_a_name_is_refused(capsys, file_with, command):
    text = json.dumps(BASE).replace('"Kari"', '"Kari \\ud800"')
    assert "enslig surrogat" in _refused(capsys, command + [file_with(text)])


def test_a_proper_surrogate_pair_is_a_character(capsys, file_with):
    text = json.dumps(BASE).replace('"Kari"', '"Kari \\ud83d\\ude00"')
    assert main(["check", file_with(text)]) == 0


def test_a_10000_character_timezone_is_refused_in_a_short_line(capsys, file_with):
    line = _refused(capsys, ["check", file_with({**BASE, "timezone": "Europe/" + "x" * 10_000})])
    assert "ukjent tidssone" in line and len(line) < 200


@pytest.mark.parametrize("zone", ["../../etc/passwd", "Europe/Nowhere", "/etc/localtime", "Europe\x00Oslo"])
def test_strange_timezone_names_are_refused(capsys, file_with, zone):
    assert "ukjent tidssone" in _refused(capsys, ["check", file_with({**BASE, "timezone": zone})])


@pytest.mark.parametrize("value", ["2026-03-02T08:00\n", "2026-03-02T08:00\r\nX", "2026-03-02\u202808:00"])
def test_a_time_with_a_line_break_gives_one_line(capsys, file_with, value):
    line = _refused(capsys, ["check", file_with({**BASE, "shifts": [{**SHIFT, "start": value}]})])
    assert "vakt nr. 1" in line


def test_invalid_utf8_on_standard_input_is_refused():
    data = json.dumps(BASE).replace("Kari", "Kari \udcff", 1).encode("utf-8", "surrogateescape")
    result = subprocess.run(BPA + ["check", "-"], input=data, capture_output=True, timeout=60)
    assert result.returncode == 2 and result.stdout == b""
    position = data.index(b"\xff") + 1
    assert result.stderr.decode().splitlines() == [
        f"bpa: standard inn er ikke gyldig UTF-8-tekst (byte {position}, linje 1)"
    ]


def test_invalid_utf8_in_a_file_is_refused(capsys, file_with):
    path = file_with(json.dumps(BASE).encode().replace(b"Kari", b"Kari \xc3\x28"))
    assert "er ikke gyldig UTF-8-tekst" in _refused(capsys, ["pay", path])


def test_a_fifo_is_refused_at_once_and_does_not_block(tmp_path):
    fifo = tmp_path / "shifts.json"
    os.mkfifo(fifo)
    began = time.monotonic()
    result = subprocess.run(BPA + ["check", str(fifo)], capture_output=True, timeout=30)
    assert time.monotonic() - began < 30
    assert result.returncode == 2
    [line] = result.stderr.decode().splitlines()
    assert "er ikke en vanlig fil" in line


def test_a_folder_is_refused(capsys, tmp_path):
    assert "er en mappe" in _refused(capsys, ["check", str(tmp_path)])


def test_a_missing_file_is_refused(capsys, tmp_path):
    assert "finner ikke filen" in _refused(capsys, ["pay", str(tmp_path / "nope.json")])


def test_a_file_over_the_size_limit_is_refused_before_reading(capsys, tmp_path):
    path = tmp_path / "huge.json"
    with open(path, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: no 100 MB written to the test disk
    began = time.monotonic()
    line = _refused(capsys, ["pay", str(path)])
    assert "er 100 MB; bpa leser høyst 64 MB" in line
    assert time.monotonic() - began < 5  # refused by its size, not parsed


def test_broken_pipe_ends_quietly(tmp_path):
    # `bpa check FILE | head -c 10`: the reader goes away after 10 bytes.
    shifts = [{"assistant": "a1", "start": f"2026-03-{d:02d}T06:00", "end": f"2026-03-{d:02d}T23:00"}
              for d in range(1, 29)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps({**BASE, "shifts": shifts * 40}), encoding="utf-8")
    process = subprocess.Popen(BPA + ["check", str(path)], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    first = process.stdout.read(10)
    process.stdout.close()
    stderr = process.stderr.read()
    process.wait(timeout=60)
    assert first == b'{"findings'
    assert b"Traceback" not in stderr and b"BrokenPipe" not in stderr, stderr.decode()
    assert process.returncode == 141


def test_long_values_are_cut_in_the_message(capsys, file_with):
    shift = {**SHIFT, "kind": "x" * 5000}
    line = _refused(capsys, ["check", file_with({**BASE, "shifts": [shift]})])
    assert len(line) < 400 and "…" in line


# --- bpa import rota ------------------------------------------------------------------------


@pytest.fixture
def demo_db(demo_workspace, tmp_path, capsys):
    """The demo database and a valid rota file exported from it."""
    path = Path(demo_workspace.path)
    demo_workspace.close()
    out = tmp_path / "rota.json"
    assert main(["export", "rota", "--db", str(path), "--format", "json", "--out", str(out)]) == 0
    capsys.readouterr()
    return path, json.loads(out.read_text(encoding="utf-8"))


def _import_refused(capsys, db: Path, path: str) -> str:
    before = db.read_bytes()
    line = _refused(capsys, ["import", "rota", "--db", str(db), path])
    assert db.read_bytes() == before
    return line


def test_import_period_0001_to_9999_is_refused(capsys, demo_db, file_with):
    db, document = demo_db
    document["period"] = {"from": "0001-01-01", "to": "9999-12-31"}
    line = _import_refused(capsys, db, file_with(document))
    assert "period.from" in line and "året 1 er utenfor 1900–2199" in line


@pytest.mark.parametrize("constant", ["NaN", "Infinity"])
def test_import_refuses_nan_employment_percent(capsys, demo_db, file_with, constant):
    db, document = demo_db
    text = json.dumps(document)
    number = json.dumps(document["assistants"][0]["employment_percent"])
    text = text.replace(f'"employment_percent": {number}', f'"employment_percent": {constant}', 1)
    assert constant in text
    _import_refused(capsys, db, file_with(text))


def test_import_refuses_deep_json_and_a_fifo(capsys, demo_db, file_with, tmp_path):
    db, _ = demo_db
    assert "nøstet" in _import_refused(capsys, db, file_with("[" * 100_000 + "]" * 100_000))
    fifo = tmp_path / "rota-fifo.json"
    os.mkfifo(fifo)
    assert "er ikke en vanlig fil" in _import_refused(capsys, db, str(fifo))
