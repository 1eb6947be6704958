"""Start-up of `bpa-desktop --screenshot` beside a bare PySide6 window: first paint, page loaded.

Both run as fresh processes, offscreen, in turn (so that a change in the machine's load
touches both alike), several rounds. Each marks its moments through
BPA_STARTUP_TRACE (bpa_desktop/ui/startup_trace.py): "first_paint" at the main window's first
paintEvent, "loaded <page>" once the shown page has its data on the screen. A mark holds
time.monotonic() (CLOCK_MONOTONIC, the same clock in parent and child) and the child's CPU time
(all threads). The script prints the medians as seconds since the process was started and as
ratios to the bare window's first paint, wall and CPU; CPU stays steadier when other work shares
the machine. It also prints each process's whole run (wall, CPU, peak RSS from wait4).

Bytecode is cached (PYTHONPYCACHEPREFIX in a temporary folder, one warm-up run uncounted), as in
an installed copy: with PYTHONDONTWRITEBYTECODE the project's modules would be compiled anew on
every start.

    python benchmarks/bench_startup.py [--runs 7] [--demo-pages] [--frozen dist/bpa-desktop]

``--frozen`` also starts the PyInstaller bundle's `bpa-desktop` (packaging/build-linux.sh) on the
same database. Targets (issue 16): first paint ≤ 2×, Oversikt loaded ≤ 4× the bare first paint.

The app on an EXISTING database runs twice in each round: "cold" deletes Oversikt's snapshot
beside the database first (bpa_desktop/overview_snapshot.py), so the page waits for the
database as on a first start; its close writes the snapshot, and the "warm" run after it shows
the snapshot before the database is open, as a real second start does (it reads the database
after that and writes the snapshot again at its close). "loaded" is the first time the page has
data on the screen; "loaded (db)" is when it has the data read from the database. The printout
says how many warm runs did use the snapshot.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

BARE_WINDOW = """
import os, sys, time
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

class Window(QMainWindow):
    painted = False

    def paintEvent(self, event):
        super().paintEvent(event)
        if not self.painted and os.environ.get("BPA_STARTUP_TRACE"):
            self.painted = True
            with open(os.environ["BPA_STARTUP_TRACE"], "a") as out:
                out.write(f"first_paint {time.monotonic():.6f} {time.process_time():.6f}\\n")

app = QApplication(sys.argv)
window = Window()
window.setCentralWidget(QLabel("bare"))
window.resize(1280, 800)
window.show()
while not window.painted and os.environ.get("BPA_STARTUP_TRACE"):
    app.processEvents()
window.grab().save(sys.argv[1])
"""
TARGETS = {"first_paint": 2.0, "loaded": 4.0}


class Run:
    def __init__(self, wall: float, cpu: float, rss: float, marks: dict[str, tuple[float, float]]) -> None:
        self.wall, self.cpu, self.rss, self.marks = wall, cpu, rss, marks


def run_once(argv: list[str], env: dict[str, str], trace: Path, before=None) -> Run:
    """One process: its marks as (seconds since it was started, CPU seconds), its whole run.
    `before` runs first (the cold start deletes the snapshot)."""
    if before is not None:
        before()
    trace.unlink(missing_ok=True)
    env = dict(env, BPA_STARTUP_TRACE=str(trace))
    started = time.monotonic()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.monotonic() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    marks: dict[str, tuple[float, float]] = {}
    for line in trace.read_text(encoding="utf-8").splitlines() if trace.exists() else []:
        *name, at, cpu = line.split()
        key = "loaded" if name[0] == "loaded" else name[0]
        if key in marks and key == "loaded":  # a page shown from its snapshot loads again from the database
            marks["loaded_db"] = (float(at) - started, float(cpu))
        marks.setdefault(key, (float(at) - started, float(cpu)))  # the first of each
    if "loaded" in marks:
        marks.setdefault("loaded_db", marks["loaded"])
    return Run(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, marks)


def measure(commands: list[tuple], env: dict[str, str], runs: int, trace: Path) -> dict[str, list[Run]]:
    """Run the commands (label, argv[, before]) in turn, `runs` rounds (so that a change in the
    machine's load touches all of them alike), after one uncounted warm-up each (bytecode
    cache, file cache)."""
    for _label, argv, *before in commands:
        run_once(argv, env, trace, *before)
    results: dict[str, list[Run]] = {command[0]: [] for command in commands}
    for _ in range(runs):
        for label, argv, *before in commands:
            results[label].append(run_once(argv, env, trace, *before))
    return results


def medians(results: list[Run]) -> dict[str, float]:
    found: dict[str, float] = {}
    for mark in ("first_paint", "loaded", "loaded_db"):
        if all(mark in r.marks for r in results):
            found[mark] = statistics.median(r.marks[mark][0] for r in results)
            found[mark + "_cpu"] = statistics.median(r.marks[mark][1] for r in results)
    return found


def report(label: str, results: list[Run], bare: dict[str, float] | None = None) -> dict[str, float]:
    """Print the medians (and the ratios to the bare window's first paint); returns the medians."""
    found = medians(results)
    print(f"{label}  ({len(results)} runs)")
    for mark in ("first_paint", "loaded", "loaded_db"):
        if mark not in found or (mark == "loaded_db" and found[mark] == found.get("loaded")):
            continue
        name = "loaded (db)" if mark == "loaded_db" else mark
        line = f"  {name:<12} {found[mark]:6.3f} s   CPU {found[mark + '_cpu']:6.3f} s"
        if bare is not None:
            wall_ratio = found[mark] / bare["first_paint"]
            cpu_ratio = found[mark + "_cpu"] / bare["first_paint_cpu"]
            line += f"   = {wall_ratio:4.1f}× wall, {cpu_ratio:4.1f}× CPU of the bare first paint"
            if mark in TARGETS:
                verdict = "ok" if cpu_ratio <= TARGETS[mark] else "over"
                line += f" (target ≤ {TARGETS[mark]:g}×: {verdict})"
        print(line)
    from_snapshot = sum(r.marks.get("loaded") != r.marks.get("loaded_db") for r in results)
    if from_snapshot:
        print(f"  shown from the snapshot in {from_snapshot} of {len(results)} runs")
    times = [r.wall for r in results]
    print(f"  whole run    {statistics.median(times):6.3f} s   CPU {statistics.median(r.cpu for r in results):6.3f} s"
          f"   best {min(times):6.3f} s   peak RSS {max(r.rss for r in results):6.1f} MiB")
    return found


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--demo-pages", action="store_true", help="also --demo on three pages (builds the demo)")
    parser.add_argument("--frozen", type=Path, metavar="DIST", help="a built bundle folder to measure too")
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "BPA_STARTUP_TRACE")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_DATA_HOME"] = tmp  # the demo database goes here, not into the user's data
        env["XDG_CONFIG_HOME"] = tmp  # and no saved window state or theme
        env["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        trace = Path(tmp) / "trace.txt"
        shot = str(Path(tmp) / "shot.png")
        print(f"load average {os.getloadavg()[0]:.2f}, {os.cpu_count()} CPUs")
        # The window on a database that already exists: --demo rebuilds its sample data on every
        # start, so the difference between the two is the demo builder.
        existing = str(Path(tmp) / "existing.sqlite")
        subprocess.run([sys.executable, "-m", "bpa_desktop.cli", "demo", "--db", existing],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        bare_label = "bare PySide6 window + grab"
        app_argv = [sys.executable, "-m", "bpa_desktop", "--db", existing, "--page", "oversikt", "--screenshot", shot]
        snapshot = Path(existing + ".overview")  # bpa_desktop/overview_snapshot.py

        def no_snapshot() -> None:
            snapshot.unlink(missing_ok=True)

        def has_snapshot() -> None:
            if not snapshot.exists():
                raise SystemExit("the cold run before did not write the Oversikt snapshot at its close")

        commands = [(bare_label, [sys.executable, "-c", BARE_WINDOW, shot]),
                    ("bpa-desktop --db EXISTING --page oversikt --screenshot, cold (no snapshot)", app_argv,
                     no_snapshot),
                    ("bpa-desktop --db EXISTING --page oversikt --screenshot, warm (snapshot from the last close)",
                     app_argv, has_snapshot)]
        if args.frozen is not None:
            dist = args.frozen.resolve()
            commands += [("frozen bpa-desktop --db EXISTING --page oversikt --screenshot",
                          [str(dist / "bpa-desktop"), "--db", existing, "--page", "oversikt", "--screenshot", shot]),
                         ("frozen bpa --version (CLI start)", [str(dist / "bpa"), "--version"]),
                         ("bpa --version (CLI start, unfrozen)", [sys.executable, "-m", "bpa_desktop.cli", "--version"])]
        if args.demo_pages:
            commands += [(f"bpa-desktop --demo --page {page} --screenshot",
                          [sys.executable, "-m", "bpa_desktop", "--demo", "--page", page, "--screenshot", shot])
                         for page in ("oversikt", "assistenter", "turnus")]
        results = measure(commands, env, args.runs, trace)
        bare = report(bare_label, results[bare_label])
        for label, *_rest in commands[1:]:
            report(label, results[label], bare)
        print(f"load average {os.getloadavg()[0]:.2f}")

if __name__ == "__main__":
    main()
