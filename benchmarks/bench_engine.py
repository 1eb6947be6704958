"""Benchmark the working-time and pay engine. Prints figures; not run as a test.

Builds a 52-week rota for 12 assistants with 24/7 coverage (about 4,400 shifts: six 8-hour
work periods a day, each period written as two 4-hour shifts, the night with passive time),
writes it as a bpa-shifts/1 file and measures

1. ``bpa check`` on that file against ``bpa check`` on a one-shift file (subprocess, median
   of several runs: start-up dominates, the goal is under 2x);
2. ``bpa pay`` on the big file;
3. in process: parsing and checking the whole year, paying it, and ``check_window`` on one
   edited week (goal: under 5 ms, so the planner can re-check on every keystroke).

Usage: python benchmarks/bench_engine.py [--runs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import ShiftTemplate
from bpa_desktop.core.rota import RotaPattern, roll_out

START = date(2026, 1, 5)  # a Monday
WEEKS = 52
ASSISTANTS = [f"a{i + 1}" for i in range(12)]

# Six work periods a day (each two touching 4-hour shifts): 2 day, 1 middle, 2 late, 1 night.
HALVES = {
    0: (("D1", "07:00", "11:00"), ("D2", "11:00", "15:00")),
    1: (("D1", "07:00", "11:00"), ("D2", "11:00", "15:00")),
    2: (("M1", "10:00", "14:00"), ("M2", "14:00", "18:00")),
    3: (("A1", "15:00", "19:00"), ("A2", "19:00", "23:00")),
    4: (("A1", "15:00", "19:00"), ("A2", "19:00", "23:00")),
    5: (("N1", "23:00", "03:00"), ("N2", "03:00", "07:00")),
}
PASSIVE = {"N1": ("00:00", "03:00"), "N2": ("03:00", "06:00")}


def build_rota():
    templates = {}
    for first, second in HALVES.values():
        for code, start, end in (first, second):
            p_start, p_end = PASSIVE.get(code, (None, None))
            templates[code] = ShiftTemplate(code, code, start, end, p_start, p_end)
    # Assistant a works slot a % 6 every other day; the two groups alternate (2-week pattern).
    cells = ({}, {})
    for index, assistant in enumerate(ASSISTANTS):
        slot, group = index % 6, index // 6
        for day in range(14):
            if day % 2 == group:
                for half in (0, 1):
                    cells[half][(assistant, day // 7, day % 7)] = HALVES[slot][half][0]
    end = START + timedelta(weeks=WEEKS) - timedelta(days=1)
    shifts = []
    for half in (0, 1):
        shifts += roll_out(RotaPattern(2, cells[half]), templates, START, end)
    return sorted(shifts, key=lambda s: (s.start.timestamp(), s.assistant))


def _wall(instant) -> str:
    """Wall-clock time without offset, as people write shift files (no rota time is in the
    autumn repeat, so none is ambiguous)."""
    return instant.astimezone(cal.OSLO).replace(tzinfo=None).isoformat(timespec="minutes")


def shift_file(shifts) -> dict:
    return {
        "format": "bpa-shifts/1",
        "timezone": "Europe/Oslo",
        "agreement": "ks",
        "assistants": [
            {"id": a, "name": f"Assistent {a[1:]}", "employment_percent": 80} for a in ASSISTANTS
        ],
        "vedtak": {"hours_per_week": 336, "from": "2026-01-01"},
        "shifts": [
            {
                "id": s.id,
                "assistant": s.assistant,
                "start": _wall(s.start),
                "end": _wall(s.end),
                **({"passive": [{"start": _wall(p.start), "end": _wall(p.end)} for p in s.passive]}
                   if s.passive else {}),
            }
            for s in shifts
        ],
    }


def _median_run(args: list[str], runs: int) -> tuple[float, int]:
    times, code = [], 0
    for _ in range(runs):
        began = time.perf_counter()
        code = subprocess.run(args, capture_output=True).returncode
        times.append(time.perf_counter() - began)
    return statistics.median(times), code


def _median_call(function, runs: int) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        function()
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="write the files here instead of a temp dir")
    args = parser.parse_args()

    shifts = build_rota()
    big = shift_file(shifts)
    small = {**big, "shifts": big["shifts"][:1]}
    folder = args.keep or Path(tempfile.mkdtemp(prefix="bpa-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    big_path, small_path = folder / "year.json", folder / "one.json"
    big_path.write_text(json.dumps(big), encoding="utf-8")
    small_path.write_text(json.dumps(small), encoding="utf-8")
    print(f"rota: {len(ASSISTANTS)} assistants, {WEEKS} weeks, {len(shifts)} shifts ({big_path})")

    bpa = [sys.executable, "-m", "bpa_desktop.cli"]
    small_time, _ = _median_run(bpa + ["check", str(small_path)], args.runs)
    big_time, big_code = _median_run(bpa + ["check", str(big_path)], args.runs)
    pay_time, _ = _median_run(bpa + ["pay", str(big_path)], args.runs)
    print(f"bpa check, one shift:     {small_time * 1000:7.1f} ms (median of {args.runs})")
    print(f"bpa check, {len(shifts)} shifts: {big_time * 1000:7.1f} ms (exit {big_code})")
    print(f"  ratio: {big_time / small_time:.2f}x (goal < 2x)")
    print(f"bpa pay, {len(shifts)} shifts:   {pay_time * 1000:7.1f} ms")

    from bpa_desktop.core import pay, rules, shiftfile

    parsed = shiftfile.parse(big)
    parse_time = _median_call(lambda: shiftfile.parse(big), 3)
    check_time = _median_call(
        lambda: rules.check(parsed.shifts, parsed.agreement, names=parsed.names,
                            employment_percent=parsed.employment_percent, vedtak=parsed.vedtak), 3
    )
    profile = pay.load_profile("ks")
    pay_lines_time = _median_call(lambda: pay.pay_lines(parsed.shifts, profile), 3)
    findings = rules.check(parsed.shifts, parsed.agreement, vedtak=parsed.vedtak)
    print(f"in process: parse+validate {parse_time * 1000:.1f} ms, check {check_time * 1000:.1f} ms "
          f"({len(findings)} findings), pay_lines {pay_lines_time * 1000:.1f} ms")

    # The planner edits one week: swap it into the index, then re-check the days around it.
    week = START + timedelta(weeks=20)
    last = week + timedelta(days=6)
    index = rules.ShiftIndex(parsed.shifts)
    edited = [s for s in index.between(cal.day_start(week).timestamp(),
                                       cal.day_start(last + timedelta(days=1)).timestamp())]

    def edit_and_check():
        index.replace_days(week, last, edited)
        return rules.check_window(index, week, last, parsed.agreement, names=parsed.names)

    window_time = _median_call(edit_and_check, 50)
    list_time = _median_call(
        lambda: rules.check_window(parsed.shifts, week, last, parsed.agreement, names=parsed.names), 20
    )
    print(f"one edited week (ShiftIndex.replace_days + check_window): {window_time * 1000:.2f} ms "
          f"(median of 50, goal < 5 ms); check_window on a plain list: {list_time * 1000:.2f} ms")


if __name__ == "__main__":
    main()
