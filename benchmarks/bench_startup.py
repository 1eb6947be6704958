"""Start-up time and peak memory of `bpa-desktop --screenshot` beside a bare PySide6 window.

Both are run as fresh processes, offscreen, several times; the script prints the median and
best wall time, the median CPU time (user + system) and the peak resident memory of each (from
wait4's rusage, per process). CPU time stays steady when other work shares the machine.

    python benchmarks/bench_startup.py [--runs 5] [--frozen dist/bpa-desktop]

``--frozen`` also starts the PyInstaller bundle's `bpa-desktop` (packaging/build-linux.sh) on the
same database, so the frozen and the unfrozen start-up stand side by side.
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
import sys
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("bare"))
window.resize(1280, 800)
window.show()
app.processEvents()
window.grab().save(sys.argv[1])
"""


def run_once(argv: list[str], env: dict[str, str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS in MiB of one process."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - started
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(argv)}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def measure(label: str, argv: list[str], env: dict[str, str], runs: int) -> None:
    results = [run_once(argv, env) for _ in range(runs)]
    times = [t for t, _, _ in results]
    cpu = [c for _, c, _ in results]
    peak = max(m for _, _, m in results)
    print(f"{label:<52} median {statistics.median(times):6.3f} s   best {min(times):6.3f} s   "
          f"CPU {statistics.median(cpu):6.3f} s   peak RSS {peak:6.1f} MiB   ({runs} runs)")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--frozen", type=Path, metavar="DIST", help="a built bundle folder to measure too")
    args = parser.parse_args()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    with tempfile.TemporaryDirectory() as tmp:
        env["XDG_DATA_HOME"] = tmp  # the demo database goes here, not into the user's data
        shot = str(Path(tmp) / "shot.png")
        measure("bare PySide6 window + grab", [sys.executable, "-c", BARE_WINDOW, shot], env, args.runs)
        # The same window on a database that already exists: --demo rebuilds its sample data
        # on every start, so the difference between the two is the demo builder.
        existing = str(Path(tmp) / "existing.sqlite")
        subprocess.run([sys.executable, "-m", "bpa_desktop.cli", "demo", "--db", existing],
                       env=env, check=True, stdout=subprocess.DEVNULL)
        measure("bpa-desktop --db EXISTING --page oversikt --screenshot",
                [sys.executable, "-m", "bpa_desktop", "--db", existing, "--page", "oversikt",
                 "--screenshot", shot], env, args.runs)
        if args.frozen is not None:
            frozen = str(args.frozen.resolve() / "bpa-desktop")
            measure("frozen bpa-desktop --db EXISTING --page oversikt --screenshot",
                    [frozen, "--db", existing, "--page", "oversikt", "--screenshot", shot], env, args.runs)
            measure("frozen bpa --version (CLI start)", [str(args.frozen.resolve() / "bpa"), "--version"], env, args.runs)
            measure("bpa --version (CLI start, unfrozen)", [sys.executable, "-m", "bpa_desktop.cli", "--version"],
                    env, args.runs)
        for page in ("oversikt", "assistenter", "turnus"):
            measure(f"bpa-desktop --demo --page {page} --screenshot",
                    [sys.executable, "-m", "bpa_desktop", "--demo", "--page", page,
                     "--screenshot", shot], env, args.runs)


if __name__ == "__main__":
    main()
