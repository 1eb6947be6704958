"""``ws.sync``: attested hours to the municipality (bpa-sync/1; docs/protocol.md).

The one door for sync, for the CLI (`bpa sync …`) and the GUI's worker alike: read the
outbox, enrol this machine, push one pass, write a bundle, retry a blocked row, probe the
receiver. ``ws.sync.outbox`` is the outbox the ``SyncClient`` drives (``workspace/sync_outbox.py``);
the outbox is filled by the attestation in its own transaction. Secrets stay in
``sync/credentials.py`` (keyring). Errors the user can act on are ``WorkspaceError`` with a
plain Norwegian message. Reading the outbox needs no network code: httpx and the keyring load
with the first call that talks to the receiver, so the status line costs nothing at start-up.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

from bpa_desktop.storage import outbox_repository as outbox_repo
from bpa_desktop.message import Message
from bpa_desktop.storage.outbox_repository import Enrolment
from bpa_desktop.storage.sync_schema import NOT_YET_STORED, is_stuck
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.workspace.checks import arrangement as arrangement_row
from bpa_desktop.workspace.errors import WorkspaceError
from bpa_desktop.workspace.timesheets import Timesheets

if TYPE_CHECKING:
    from bpa_desktop.sync.client import PushSummary, SyncClient
    from bpa_desktop.workspace.sharing import Sharing
    from bpa_desktop.workspace.sync_outbox import SyncOutbox


def _no_participants():
    raise WorkspaceError("ws.participants is not available")


@dataclass(frozen=True)
class SubmissionInfo:
    """One submission in the outbox, as the Synk page and `bpa sync status` show it."""

    id: str
    arrangement_id: int
    employee_no: str
    period: str
    version: int
    kind: str
    state: str
    attempts: int
    next_attempt_at: datetime
    last_error: Message | None  # why it waits or stopped, rendered when shown
    receipt: dict | None
    decision: str | None
    decision_reason: str | None
    decided_at: datetime | None
    exported_at: datetime | None
    created_at: datetime
    body_sha256: str | None
    stuck: bool  # not at the receiver 24 h after attestation: offer the bundle and the PDF
    timesheet_id: int | None = None  # the attested timesheet version (for the PDF)
    last_error_code: str | None = None  # the machine-readable reason (``invalid_pay_code`` …)
    paper_at: datetime | None = None  # handed over on paper ("Skriv ut alle som venter")
    waiting: bool = False  # the receiver does not hold it yet

    @property
    def last_error_text(self) -> str | None:
        """The error in the current language."""
        return self.last_error.render() if self.last_error is not None else None


class Sync:
    def __init__(self, db: Database, timesheets: Timesheets, participants=None) -> None:
        self._db = db
        self._timesheets = timesheets
        self._participants = participants  # () -> ws.participants (the events apply through it)
        self._outbox: SyncOutbox | None = None
        self._sharing: Sharing | None = None

    @property
    def sharing(self) -> Sharing:
        """bpa-sync/2: publications, links and the events that come back (workspace/sharing.py)."""
        if self._sharing is None:
            from bpa_desktop.workspace.sharing import Sharing

            self._sharing = Sharing(self._db, self._participants or _no_participants)
        return self._sharing

    @property
    def outbox(self) -> SyncOutbox:
        """Made on first use: it brings the protocol's models (pydantic) and the signing keys,
        which reading counts and lists does not need (they stay out of the start-up)."""
        if self._outbox is None:
            from bpa_desktop.workspace.sync_outbox import SyncOutbox

            self._outbox = SyncOutbox(self._db, self._timesheets)
        return self._outbox

    def client(self, **options) -> SyncClient:
        """A client over this database's outbox (``transport``, ``timeout``, ``lease_seconds``)."""
        from bpa_desktop.sync.client import (
            SyncClient,  # httpx loads when sync talks, not at start-up
        )

        options.setdefault("sharing", self.sharing)
        return SyncClient(self.outbox, **options)

    def status(self, arrangement_id: int | None = None) -> dict[str, int]:
        """Number of submissions in each outbox state."""
        with self._db.read() as uow:
            return outbox_repo.counts(uow.session, arrangement_id)

    def list_submissions(self, arrangement_id: int | None = None, states=None) -> list[SubmissionInfo]:
        now = datetime.now(timezone.utc)
        with self._db.read() as uow:
            rows = outbox_repo.submissions(uow.session, arrangement_id, states)
        return [
            SubmissionInfo(
                id=row.id, arrangement_id=row.arrangement_id, employee_no=row.employee_no, period=row.period,
                version=row.version, kind=row.kind, state=row.state, attempts=row.attempts,
                next_attempt_at=row.next_attempt_at,
                last_error=Message.from_json(row.last_error_message) if row.last_error_message else None,
                receipt=json.loads(row.receipt) if row.receipt else None, decision=row.decision,
                decision_reason=row.decision_reason, decided_at=row.decided_at, exported_at=row.exported_at,
                created_at=row.created_at, body_sha256=row.body_sha256, stuck=is_stuck(row, now),
                timesheet_id=row.timesheet_id, last_error_code=row.last_error_code,
                paper_at=row.paper_at, waiting=row.state in NOT_YET_STORED,
            )
            for row in rows
        ]

    def enrolment(self, arrangement_id: int) -> Enrolment | None:
        enrolments = self.enrolled_arrangements(arrangement_id)
        return enrolments[0] if enrolments else None

    def enrolled_arrangements(self, arrangement_id: int | None = None) -> list[Enrolment]:
        with self._db.read() as uow:
            return outbox_repo.enrolments(uow.session, arrangement_id)

    def enrol(self, arrangement_id: int, url: str, code: str, **client_options) -> Enrolment:
        """Enrol this arrangement at the municipality's receiver with a one-time code."""
        from bpa_desktop.sync.client import SyncError

        with self._db.read() as uow:
            arrangement_row(uow, arrangement_id)
        try:
            return self.client(**client_options).enrol(arrangement_id, url, code)
        except SyncError as error:
            raise WorkspaceError(str(error)) from None

    def push(self, arrangement_id: int | None = None, *, ignore_backoff: bool = False,
             should_stop=None, on_sent=None, **client_options) -> PushSummary:
        """One pass of the sync worker: send what is due, fetch decisions. ``should_stop`` (asked
        before each batch) ends a pass early; ``on_sent(summary)`` hears after each batch."""
        return self.client(**client_options).push_once(arrangement_id, ignore_backoff=ignore_backoff,
                                                       should_stop=should_stop, on_sent=on_sent)

    def probe(self, **client_options) -> bool:
        """True when some enrolled receiver answers /v1/health: the only proof of being online."""
        client = self.client(**client_options)
        return any(client.probe(url) for url in {e.receiver_url for e in self.enrolled_arrangements()})

    def write_bundle(self, arrangement_id: int, path: Path) -> int:
        """Write the unconfirmed submissions as a signed bundle file; returns how many."""
        from bpa_desktop.sync.bundle_export import export_bundle
        from bpa_desktop.sync.client import SyncError

        try:
            return export_bundle(self.outbox, arrangement_id, Path(path))
        except SyncError as error:
            raise WorkspaceError(str(error)) from None

    def mark_paper(self, arrangement_id: int, submission_ids) -> int:
        """Record that these submissions were handed over on paper (one audit entry each), in
        one transaction; returns how many. They stay in the outbox: sending, the bundle and a
        later import store each id once at the receiver."""
        from bpa_desktop.sync import outbox

        with self._db.write() as uow:
            arrangement_row(uow, arrangement_id)
            marked = outbox_repo.mark_paper(uow.session, arrangement_id, submission_ids, outbox.utc_now())
            for submission_id in marked:
                uow.audit("paper", "outbox_submission", None, arrangement_id, f"submission={submission_id}")
            return len(marked)

    def retry_submission(self, submission_id: str) -> bool:
        """Queue a blocked submission again ("Prøv igjen"); False if it is not blocked."""
        return self.outbox.requeue(submission_id)
