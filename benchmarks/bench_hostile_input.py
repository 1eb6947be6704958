"""Benchmark the shift-file boundary: large valid files and hostile ones. Prints figures.

1. A long valid file: the 24/7 rota of ``bench_engine.py`` (12 assistants, six work periods
   a day written as two touching shifts, nights with passive time) rolled out until it has
   200,000 shifts (about 45 years), written as a ``bpa-shifts/1`` file of about 30 MB.
   ``bpa check`` and ``bpa pay`` run on it as separate processes; for each the wall time,
   the CPU time and the peak memory (maximum resident set size) of the process, median of
   ``--runs``. Goal: each under 5 s.
2. Hostile files, each refused with exit 2 and one line: nested 100,000 deep, an integer of
   5,000 digits, a 100 MB file, a FIFO nobody writes to; the time until the refusal.

Usage: python benchmarks/bench_hostile_input.py [--shifts N] [--runs N] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_engine  # noqa: E402  (the rota and its file format, shared)

BPA = [sys.executable, "-m", "bpa_desktop.cli"]


def long_file(shifts: int) -> dict:
    """The bench_engine rota, rolled out for as many weeks as ``shifts`` need."""
    per_week = len(bench_engine.build_rota()) / bench_engine.WEEKS
    bench_engine.WEEKS = int(shifts / per_week) + 2
    rolled = bench_engine.build_rota()[:shifts]
    document = bench_engine.shift_file(rolled)
    document["vedtak"] = {"hours_per_week": 336, "from": bench_engine.START.isoformat()}
    return document


def run(args: list[str], timeout: float = 600) -> tuple[float, float, float, int | None, bytes]:
    """(wall s, CPU s, peak RSS MB, exit code or None if killed at ``timeout``, stderr)."""
    began = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=errors)
        while True:
            pid, status, usage = os.wait4(process.pid, os.WNOHANG)
            if pid:
                code = os.waitstatus_to_exitcode(status)
                break
            if time.perf_counter() - began > timeout:
                process.kill()
                _, status, usage = os.wait4(process.pid, 0)
                code = None
                break
            time.sleep(0.005)
        process.returncode = -1  # reaped above; keep Popen from waiting again
        wall = time.perf_counter() - began
        errors.seek(0)
        stderr = errors.read()
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, code, stderr


def median_run(args: list[str], runs: int) -> tuple[float, float, float, int]:
    results = [run(args) for _ in range(runs)]
    return (
        statistics.median(r[0] for r in results),
        statistics.median(r[1] for r in results),
        max(r[2] for r in results),
        results[-1][3],
    )


def hostile(folder: Path) -> list[tuple[str, list[str]]]:
    deep = folder / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    digits = folder / "digits.json"
    digits.write_text('{"format": "bpa-shifts/1", "x": ' + "9" * 5000 + ', "shifts": []}', encoding="utf-8")
    large = folder / "large.json"
    with open(large, "wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: 100 MB of NUL bytes
    fifo = folder / "fifo.json"
    if not fifo.exists():
        os.mkfifo(fifo)
    return [
        ("nested 100,000 deep", ["check", str(deep)]),
        ("integer of 5,000 digits", ["check", str(digits)]),
        ("100 MB file", ["pay", str(large)]),
        ("FIFO without a writer", ["check", str(fifo)]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shifts", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="write the files here instead of a temp dir")
    parser.add_argument("--build", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build:
        args.build.write_text(json.dumps(long_file(args.shifts)), encoding="utf-8")
        return

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bpa-bench-hostile-"))
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"shifts-{args.shifts}.json"
    if not path.exists():
        # Built in a process of its own: a child forked from a process that holds the rota
        # would count that memory in its own peak (ru_maxrss includes pages before exec).
        subprocess.run([sys.executable, __file__, "--build", str(path), "--shifts", str(args.shifts)], check=True)
    size_mb = path.stat().st_size / (1024 * 1024)
    print(f"file: {args.shifts} shifts, {size_mb:.1f} MB ({path})")
    for command in ("check", "pay"):
        wall, cpu, peak, code = median_run(BPA + [command, str(path)], args.runs)
        goal = "ok" if wall < 5 else "OVER"
        print(f"bpa {command:5} {args.shifts} shifts: {wall:6.2f} s wall, {cpu:6.2f} s CPU, "
              f"peak {peak:6.0f} MB, exit {code}  (goal < 5 s: {goal}; median of {args.runs})")

    for label, command in hostile(folder):
        wall, _, peak, code, stderr = run(BPA + command, timeout=60)
        lines = stderr.decode("utf-8", "replace").splitlines()
        ended = f"exit {code}" if code is not None else "KILLED (still running)"
        print(f"{label:26}: {ended} after {wall * 1000:6.0f} ms, peak {peak:4.0f} MB, "
              f"{len(lines)} line(s) on stderr: {lines[-1][:100] if lines else ''}")


if __name__ == "__main__":
    main()
