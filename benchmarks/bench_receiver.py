"""Load on the receiver as deployed: N workers (1, 2, 4) on PostgreSQL, C concurrent clients
(20, 100), each pushing its share of T signed submissions and re-sending 10 % of them, first
straight to the receiver on loopback, then through nginx ending TLS (packaging/receiver's site
file, self-signed certificate). Prints, per run, throughput, p50/p99 latency, the answers, and
lost / duplicated counted in the database by id and by natural key (both must be 0).

    .venv/bin/python benchmarks/bench_receiver.py [--workers 1 2 4] [--clients 20 100] [--total 1000]
        [--postgres-admin URL]  # default BPA_TEST_POSTGRES_URL; without it SQLite (not the advice)

Bounded: every run has a fixed number of requests and a 10-minute deadline; loopback only.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.sync import receiver_helpers  # noqa: E402
from tests.sync.receiver_load import run_load  # noqa: E402
from tests.sync.receiver_stack import running_stack  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--clients", type=int, nargs="+", default=[20, 100])
    parser.add_argument("--total", type=int, default=1000)
    parser.add_argument("--postgres-admin", default=os.environ.get("BPA_TEST_POSTGRES_URL"))
    args = parser.parse_args()
    receiver_helpers.POSTGRES_ADMIN_URL = args.postgres_admin
    backend = "postgresql" if args.postgres_admin else "sqlite"

    failed = False
    print(f"{'workers':>7} {'clients':>7} {'path':<12} {'req/s':>7} {'p50 ms':>7} {'p99 ms':>7} "
          f"{'stored':>6} {'lost':>4} {'dup':>4}  answers")
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as folder, \
                receiver_helpers.backend_database(backend, Path(folder)) as db_url, \
                running_stack(db_url, Path(folder), workers=workers) as stack:
            for clients in args.clients:
                for path, url, verify in (("direct", stack.direct_url, True),
                                          ("nginx+TLS", stack.base_url, str(stack.ca_file))):
                    result = run_load(url, db_url, clients=clients, total=args.total, verify=verify)
                    dup = result.duplicated_by_id + result.duplicated_by_natural_key
                    print(f"{workers:>7} {clients:>7} {path:<12} {result.requests_per_second:>7.1f} "
                          f"{result.p50_ms:>7.1f} {result.p99_ms:>7.1f} {result.stored:>6} {result.lost:>4} {dup:>4}  "
                          f"{json.dumps(result.statuses)}", flush=True)
                    failed |= result.lost != 0 or dup != 0 or result.stored != args.total
    print(f"backend: {backend}; {os.cpu_count()} CPU(s); load average {os.getloadavg()[0]:.1f} at the end")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
