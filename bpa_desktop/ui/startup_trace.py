"""Start-up marks for benchmarks/bench_startup.py: with BPA_STARTUP_TRACE=FILE set, each mark
appends `name monotonic-seconds cpu-seconds` to FILE. CLOCK_MONOTONIC is system-wide on Linux,
so the benchmark compares the marks with the moment it started the process."""

from __future__ import annotations

import os
import time

_FILE = os.environ.get("BPA_STARTUP_TRACE")


def mark(name: str) -> None:
    if _FILE:
        with open(_FILE, "a", encoding="utf-8") as out:
            out.write(f"{name} {time.monotonic():.6f} {time.process_time():.6f}\n")
