"""Fuzz: the shift-file reader and `bpa check` / `bpa pay` on hostile files.

Whatever the bytes, the reader either gives a ShiftFile or refuses with a ShiftFileError of
one line; a file it accepts can be checked and paid; the commands exit 0, 1 or 2, with JSON
on stdout for 0 and 1 and one line on stderr for 2."""

from __future__ import annotations

import io
import json
import tempfile
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from bpa_desktop.cli import main
from bpa_desktop.core import pay, rules, shiftfile
from tests.fuzz.conftest import FUZZ, example
from tests.fuzz.corpus import hostile_file_bytes, structured_text

FOLDER = Path(tempfile.mkdtemp(prefix="bpa-fuzz-"))


def _one_line(message: str) -> None:
    assert message and "\n" not in message and "\r" not in message and len(message) < 1500, message
    message.encode("utf-8")  # printable as it is: no lone surrogate reaches the terminal


@FUZZ
@given(structured_text())
def test_the_reader_accepts_or_refuses_in_one_line(text):
    with example("shift-file reader (structured)"):
        try:
            read = shiftfile.loads(text)
        except shiftfile.ShiftFileError as error:
            _one_line(str(error))
            return
        # What it accepts, the engine can use.
        findings = rules.check(read.shifts, read.agreement, names=read.names,
                               employment_percent=read.employment_percent, vedtak=read.vedtak,
                               full_time_hours=read.full_time_hours)
        json.dumps([f.to_json() for f in findings], ensure_ascii=False).encode("utf-8")
        pay.record_line_hours(read.shifts, pay.load_profile("ks"), agreement=read.agreement)
        [pay.window_hours(shift) for shift in read.shifts]


@FUZZ
@given(hostile_file_bytes())
def test_the_reader_on_bytes_from_a_file(data):
    with example("shift-file reader (bytes)"):
        path = FOLDER / "reader.json"
        path.write_bytes(data)
        try:
            shiftfile.load(path)
        except shiftfile.ShiftFileError as error:
            _one_line(str(error))


def _run(argv) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@FUZZ
@given(hostile_file_bytes(), st.sampled_from(["check", "pay"]))
def test_bpa_check_and_pay_exit_0_1_or_2(data, command):
    with example(f"bpa {command}"):
        path = FOLDER / f"{command}.json"
        path.write_bytes(data)
        code, out, err = _run([command, str(path)])
        assert code in (0, 1, 2)
        if code == 2:
            assert out == ""
            [line] = err.splitlines()
            assert line.startswith("bpa: ")
            _one_line(line)
        else:
            document = json.loads(out, parse_constant=lambda name: (_ for _ in ()).throw(ValueError(name)))
            assert ("findings" in document) if command == "check" else ("shifts" in document)
            assert out == json.dumps(document, ensure_ascii=False) + "\n"
