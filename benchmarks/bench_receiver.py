"""Load on a loopback receiver: 1,000 signed submissions from 20 concurrent clients.

Starts `bpa receiver serve` (uvicorn) in a subprocess on 127.0.0.1:<free port> with a fresh
SQLite database, enrols 20 devices (one arrangement each), and lets each client POST its share;
every client also re-sends 10 % of its items (a lost-response retry) to exercise dedup. Prints
wall time, throughput, stored rows, and duplicates by id and by natural key (both must be 0).

    /work/venv/bin/python benchmarks/bench_receiver.py [--total 1000] [--clients 20] [--db URL]
"""

from __future__ import annotations

import argparse
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timezone
from pathlib import Path

import httpx

from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol import SubmissionBody
from bpa_desktop.sync.receiver import database, enrolment


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _wait_ready(base_url: str, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit("receiver exited during start-up")
        try:
            if httpx.get(f"{base_url}/v1/health", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.1)
    raise SystemExit("receiver did not start in 30 s")


def _enrol(http: httpx.Client, db_url: str, name: str):
    import base64

    engine = database.make_engine(db_url)
    with database.write_session(engine) as session:
        code = enrolment.create_enrol_code(session, name, actor="bench").code
    engine.dispose()
    key = signing.generate_private_key()
    public_raw = signing.public_key_raw(key)
    response = http.post("/v1/enrol", json={
        "code": code, "public_key": base64.b64encode(public_raw).decode(), "key_id": signing.key_id(public_raw),
    })
    response.raise_for_status()
    return key, response.json()


def _client_run(base_url: str, key, enrolled: dict, count: int) -> Counter:
    import uuid

    outcomes: Counter = Counter()
    bodies = [
        SubmissionBody(
            submission_id=uuid.uuid4(), arrangement_id=enrolled["arrangement_id"], employee_no=str(1000 + n),
            period="2026-03", version=1, supersedes=None, kind="attestation", lines={"100": 9000, "210": 600},
            attested_by_role="arbeidsleder", attested_at=datetime.now(timezone.utc), app_version="bench",
        )
        for n in range(count)
    ]
    retries = bodies[: max(1, count // 10)]
    with httpx.Client(base_url=base_url, timeout=30) as http:
        for body in bodies + retries:
            signed = signing.sign_submission(key, body)
            while True:
                response = http.post(
                    "/v1/submissions", json=signed.model_dump(mode="json"),
                    headers={"Authorization": f"Bearer {enrolled['token']}", "Idempotency-Key": str(body.submission_id)},
                )
                if response.status_code != 503:  # busy: back off and retry like the outbox would
                    break
                time.sleep(float(response.headers.get("Retry-After", "1")))
            outcomes[response.status_code] += 1
    return outcomes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--total", type=int, default=1000)
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--db", help="empty receiver database URL (default: a fresh SQLite file)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        db_url = args.db or f"sqlite:///{Path(tmp) / 'bench.db'}"
        port = _free_port()
        base_url = f"http://127.0.0.1:{port}"
        process = subprocess.Popen(
            [sys.executable, "-m", "bpa_desktop.cli", "receiver", "serve", "--db", db_url, "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy(),
        )
        try:
            _wait_ready(base_url, process)
            with httpx.Client(base_url=base_url, timeout=30) as http:
                devices = [_enrol(http, db_url, f"Ordning {n}") for n in range(args.clients)]
            share = [args.total // args.clients + (1 if n < args.total % args.clients else 0) for n in range(args.clients)]
            started = time.perf_counter()
            with ThreadPoolExecutor(args.clients) as pool:
                results = list(pool.map(lambda n: _client_run(base_url, *devices[n], share[n]), range(args.clients)))
            elapsed = time.perf_counter() - started
        finally:
            process.terminate()
            process.wait(timeout=10)

        outcomes = sum(results, Counter())
        listed = subprocess.run(
            [sys.executable, "-m", "bpa_desktop.cli", "receiver", "list", "--db", db_url],
            capture_output=True, check=True,
        )
        rows = json.loads(listed.stdout)["submissions"]
        by_id = Counter(row["id"] for row in rows)
        by_natural_key = Counter((row["arrangement_id"], row["employee_no"], row["period"], row["version"]) for row in rows)
        requests = sum(outcomes.values())
        print(json.dumps({
            "submissions": args.total,
            "clients": args.clients,
            "requests": requests,
            "seconds": round(elapsed, 2),
            "requests_per_second": round(requests / elapsed, 1),
            "responses": dict(sorted(outcomes.items())),
            "stored": len(rows),
            "duplicates_by_id": sum(n - 1 for n in by_id.values()),
            "duplicates_by_natural_key": sum(n - 1 for n in by_natural_key.values()),
            "lost": args.total - len(by_id),
        }, indent=1))
        ok = len(rows) == args.total and len(by_id) == args.total and len(by_natural_key) == args.total
        return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
