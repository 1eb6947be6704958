"""Helpers for the sync client tests: `bpa` in a subprocess, what the receiver and the client's
outbox hold, and a demo database enrolled at the shared receiver (fixtures in conftest.py)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import uuid
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from bpa_desktop.sync.receiver import database
from bpa_desktop.sync.receiver.store import Arrangement, Submission
from tests.sync.receiver_helpers import LiveReceiver
from tests.sync_client.sync_fault_proxy import FaultProxy

# Not `-m bpa_desktop.cli`: that runs cli.py as __main__, whose CliError is another class than
# the one the commands raise (a traceback instead of one line and exit 2).
BPA = [sys.executable, "-c", "from bpa_desktop.cli import main; raise SystemExit(main())"]


def run_bpa(*args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*BPA, *map(str, args)],
        capture_output=True, text=True, env=env, timeout=timeout,
    )


def run_faulty_bpa(fault: str, *args: str, env: dict[str, str], timeout: float = 60) -> subprocess.CompletedProcess:
    """`bpa` whose transport ends the process at ``fault`` (tests/sync_client/fault_cli.py)."""
    entry = "from tests.sync_client.fault_cli import main; raise SystemExit(main())"
    return subprocess.run(
        [sys.executable, "-c", entry, fault, *map(str, args)],
        capture_output=True, text=True, env=env, timeout=timeout,
    )


def run_json(*args: str, env: dict[str, str], expect: tuple[int, ...] = (0, 1)) -> dict:
    done = run_bpa(*args, env=env)
    assert done.returncode in expect, (done.returncode, done.stdout, done.stderr)
    return json.loads(done.stdout)


def receiver_rows(db_url: str, arrangement: str | None = None) -> list[tuple[str, str]]:
    """(submission id, body sha256) of every row the receiver stored (for one arrangement), on
    either backend."""
    query = select(Submission.submission_id, Submission.body_sha256).order_by(Submission.id)
    if arrangement is not None:
        query = query.join(Arrangement, Arrangement.id == Submission.arrangement_id).where(Arrangement.name == arrangement)
    engine = database.make_engine(db_url)
    try:
        with engine.connect() as connection:
            return [(str(sid), sha) for sid, sha in connection.execute(query)]
    finally:
        engine.dispose()


def outbox_rows(path: Path) -> dict[str, dict]:
    with sqlite3.connect(path) as connection:
        connection.row_factory = sqlite3.Row
        return {row["id"]: dict(row) for row in connection.execute("SELECT * FROM outbox_submission")}


def give_fresh_submission_ids(path: Path) -> None:
    """Copies of the demo share its submission ids; a receiver shared between tests must see
    new ids per copy, as it would from different machines (bodies are not built yet)."""
    with sqlite3.connect(path) as connection:
        (trigger,) = connection.execute(
            "SELECT sql FROM sqlite_master WHERE name = 'outbox_submission_content_locked'"
        ).fetchone()
        connection.execute("DROP TRIGGER outbox_submission_content_locked")
        for (old,) in connection.execute("SELECT id FROM outbox_submission WHERE body IS NULL").fetchall():
            new = str(uuid.uuid4())
            connection.execute("UPDATE outbox_submission SET id = ? WHERE id = ?", (new, old))
            connection.execute("UPDATE outbox_submission SET supersedes_id = ? WHERE supersedes_id = ?", (new, old))
        connection.execute(trigger)
    connection.close()


@dataclass
class Enrolled:
    db: Path
    env: dict[str, str]
    proxy: FaultProxy
    receiver: LiveReceiver
    name: str

    def stored(self) -> list[tuple[str, str]]:
        return receiver_rows(self.receiver.db_url, self.name)

    def push(self, *extra: str, expect=(0, 1)) -> dict:
        return run_json("sync", "push", "--db", self.db, *extra, env=self.env, expect=expect)

    def status(self) -> dict[str, int]:
        """Outbox counts by state, read directly (the CLI's `status` has its own test)."""
        counts: dict[str, int] = {}
        for row in outbox_rows(self.db).values():
            counts[row["state"]] = counts.get(row["state"], 0) + 1
        return counts
