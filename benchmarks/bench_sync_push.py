"""Push a year of attested timesheets for 8 assistants (96 submissions) to a loopback receiver.

Builds a client database with one arrangement and 8 assistants, attests 12 monthly timesheets
each through the outbox's own capture step (``queue_submission``, as the attestation does), starts
`bpa receiver serve` (uvicorn) on 127.0.0.1:<free port> with a fresh SQLite database, enrols,
and times one `push_once` pass (seal = sign 96 bodies, claim, POST, decisions) and a second,
empty pass. Keys live in an in-process memory keyring.

    python benchmarks/bench_sync_push.py [--assistants 8] [--months 12]
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timezone
from pathlib import Path

import httpx
import keyring
import keyring.backend


class MemoryKeyring(keyring.backend.KeyringBackend):
    priority = 1

    def __init__(self):
        super().__init__()
        self.items = {}

    def get_password(self, service, username):
        return self.items.get((service, username))

    def set_password(self, service, username, password):
        self.items[(service, username)] = password

    def delete_password(self, service, username):
        self.items.pop((service, username), None)


def build_client(path: Path, assistants: int, months: int) -> int:
    from bpa_desktop.core.model import (
        Arrangement, ArrangementSetup, Assistant, AttestedTimesheet, EmployerKind, PayLine, TimesheetStatus, Vedtak,
    )
    from bpa_desktop.storage.schema import TimesheetRow
    from bpa_desktop.storage.unit_of_work import Database
    from bpa_desktop.workspace import Workspace
    from bpa_desktop.workspace.outbox_capture import queue_submission

    with Workspace.open(path) as ws:
        arrangement = ws.people.create_arrangement(ArrangementSetup(
            Arrangement(None, "Benk", "Mottaker", "Leder", EmployerKind.MUNICIPALITY, "Lindvik kommune",
                        "937465181", "Lindvik"),
            Vedtak(None, None, 70.0, date(2025, 1, 1), None),
            tuple(Assistant(None, None, f"Assistent {n}", f"{20000 + n}", 50.0) for n in range(assistants)),
        ))
        numbers = {a.id: a.employee_no for a in ws.people.list_assistants(arrangement.id)}
    db = Database.open(path)
    try:
        with db.write() as uow:
            session = uow.session
            for assistant_id, employee_no in numbers.items():
                for month in range(1, months + 1):
                    end = date(2025, month + 1, 1) if month < 12 else date(2026, 1, 1)
                    row = TimesheetRow(
                        assistant_id=assistant_id, period_start=date(2025, month, 1),
                        period_end=date.fromordinal(end.toordinal() - 1), status=TimesheetStatus.ATTESTED,
                        version=1, correction_reason="", attested_at=datetime.now(timezone.utc),
                        attested_by="arbeidsleder", created_at=datetime.now(timezone.utc),
                    )
                    session.add(row)
                    session.flush()
                    lines = [PayLine(str(assistant_id), "KS-1000", "ordinary", "Timelønn", 80 + month),
                             PayLine(str(assistant_id), "KS-2010", "evening-night", "Kveld", 12.5),
                             PayLine(str(assistant_id), "KS-2020", "weekend", "Helg", 16.0)]
                    attested = AttestedTimesheet(row.id, arrangement.id, employee_no, row.period_end,
                                                 row.attested_at, tuple(lines))
                    queue_submission(uow, attested, row.attested_at)
    finally:
        db.close()
    return arrangement.id


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--assistants", type=int, default=8)
    parser.add_argument("--months", type=int, default=12)
    args = parser.parse_args()

    from bpa_desktop.sync.receiver import database, enrolment
    from bpa_desktop.workspace import Workspace

    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as folder:
        folder = Path(folder)
        client_db, receiver_db = folder / "client.sqlite", f"sqlite:///{folder / 'receiver.db'}"
        arrangement_id = build_client(client_db, args.assistants, args.months)
        database.migrate(receiver_db)
        engine = database.make_engine(receiver_db)
        with database.write_session(engine) as session:
            code = enrolment.create_enrol_code(session, "Benk", actor="bench").code
        engine.dispose()
        port = free_port()
        server = subprocess.Popen(
            [sys.executable, "-m", "bpa_desktop.cli", "receiver", "serve", "--db", receiver_db, "--port", str(port)],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 30
            while True:
                try:
                    if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("receiver did not start")
                time.sleep(0.1)
            with Workspace.open(client_db) as ws:
                ws.sync.enrol(arrangement_id, url, code)
                started = time.perf_counter()
                summary = ws.sync.push()
                elapsed = time.perf_counter() - started
                started = time.perf_counter()
                empty = ws.sync.push()
                idle = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=10)
    total = args.assistants * args.months
    print(f"submissions: {total}, delivered: {summary.delivered}, waiting after: {summary.waiting}")
    print(f"push pass: {elapsed:.2f} s ({1000 * elapsed / max(1, summary.delivered):.1f} ms per submission)")
    print(f"empty pass (nothing due, decisions checked): {1000 * idle:.0f} ms, sent {empty.sent}")


if __name__ == "__main__":
    main()
