"""What encryption at rest costs: opening the database (start-up) and a year's `check` read
from the database, plain against SQLCipher, on copies of the demo arrangement.

    python benchmarks/bench_encryption.py [--runs 7]

"open" is Workspace.open + the arrangement list (what the window does first); "year check" reads
a year of planned shifts from the database (ws.exports.shift_document) and runs core.rules.check
on them. Each figure is a fresh process-free repeat in this process; the key comes from an
in-memory keyring. Prints median and best of each, and the difference.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

import keyring
from bench_sync_push import MemoryKeyring  # the in-memory keyring the sync benchmark uses


def timed(fn, runs: int) -> list[float]:
    out = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        out.append(time.perf_counter() - started)
    return out


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())

    from bpa_desktop.core.rules import check
    from bpa_desktop.core.shiftfile import parse
    from bpa_desktop.demo import build_demo
    from bpa_desktop.storage import encryption
    from bpa_desktop.workspace import Workspace

    if not encryption.available():
        raise SystemExit("sqlcipher3 is not installed: pip install 'bpa-desktop[encryption]'")
    with tempfile.TemporaryDirectory() as tmp:
        plain = Path(tmp) / "plain.sqlite"
        build_demo(plain)
        secret = Path(tmp) / "secret.sqlite"
        shutil.copyfile(plain, secret)
        with Workspace.open(secret) as ws:
            ws.encryption.encrypt()
        print(f"database: {plain.stat().st_size / 1024:.0f} KiB plain, {secret.stat().st_size / 1024:.0f} KiB encrypted")
        results = {}
        for label, path in (("plain", plain), ("encrypted", secret)):
            def open_and_list(path=path):
                with Workspace.open(path) as ws:
                    ws.people.list_arrangements()

            def year_check(path=path):
                with Workspace.open(path) as ws:
                    arrangement = ws.people.list_arrangements()[0]
                    start = date.today().replace(day=1) - timedelta(days=180)
                    document = ws.exports.shift_document(arrangement.id, start, start + timedelta(days=364), None, "none")
                    shifts = parse(document)
                    check(shifts.shifts, shifts.agreement, names=shifts.names,
                          employment_percent=shifts.employment_percent, vedtak=shifts.vedtak,
                          full_time_hours=shifts.full_time_hours)

            year_check()  # warm: imports and the first connection
            results[label] = (timed(open_and_list, args.runs), timed(year_check, args.runs))
        for index, name in ((0, "open + arrangement list"), (1, "a year's check from the database")):
            plain_t, secret_t = results["plain"][index], results["encrypted"][index]
            print(f"{name:<34} plain median {statistics.median(plain_t) * 1000:7.1f} ms (best {min(plain_t) * 1000:6.1f})"
                  f"   encrypted median {statistics.median(secret_t) * 1000:7.1f} ms (best {min(secret_t) * 1000:6.1f})"
                  f"   cost {(statistics.median(secret_t) - statistics.median(plain_t)) * 1000:+6.1f} ms")


if __name__ == "__main__":
    main()
