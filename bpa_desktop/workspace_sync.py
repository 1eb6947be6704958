"""Sync methods of the Workspace (mixed into ``Workspace``): thin calls into bpa_desktop.sync.

The outbox itself is filled by ``attest_timesheet`` in its own transaction; these methods
read it, enrol the machine, push one pass and write bundles. Secrets stay in
``sync/credentials.py`` (keyring). Errors the user can act on are ``WorkspaceError`` with a
plain Norwegian message.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any


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
    last_error_text: str | None
    receipt: dict | None
    decision: str | None
    decision_reason: str | None
    decided_at: datetime | None
    exported_at: datetime | None
    created_at: datetime
    body_sha256: str | None
    stuck: bool  # not at the receiver 24 h after attestation: offer the bundle and the PDF
    timesheet_id: int | None = None  # the attested timesheet version (for the PDF)


@dataclass(frozen=True)
class EnrolmentInfo:
    arrangement_id: int
    receiver_url: str
    remote_arrangement_id: str
    key_id: str  # also the fingerprint printed on the PDF
    decisions_cursor: int
    enrolled_at: datetime


def _enrolment_info(row) -> EnrolmentInfo:
    return EnrolmentInfo(row.arrangement_id, row.receiver_url, row.remote_arrangement_id, row.key_id,
                         row.decisions_cursor, row.enrolled_at)


class SyncMixin:
    """Needs ``self._engine`` (the Workspace's engine)."""

    _engine: Any

    def sync_status(self, arrangement_id: int | None = None) -> dict[str, int]:
        """Number of submissions in each outbox state."""
        from bpa_desktop.sync import outbox

        return outbox.counts(self._engine, arrangement_id)

    def list_submissions(self, arrangement_id: int | None = None, states=None) -> list[SubmissionInfo]:
        from bpa_desktop.sync import outbox

        now = outbox.utc_now()
        return [
            SubmissionInfo(
                id=row.id, arrangement_id=row.arrangement_id, employee_no=row.employee_no, period=row.period,
                version=row.version, kind=row.kind, state=row.state, attempts=row.attempts,
                next_attempt_at=row.next_attempt_at, last_error_text=row.last_error_text,
                receipt=json.loads(row.receipt) if row.receipt else None, decision=row.decision,
                decision_reason=row.decision_reason, decided_at=row.decided_at, exported_at=row.exported_at,
                created_at=row.created_at, body_sha256=row.body_sha256,
                stuck=row.state in outbox.NOT_YET_STORED and now - row.created_at > outbox.STUCK_AFTER,
                timesheet_id=row.timesheet_id,
            )
            for row in outbox.list_rows(self._engine, arrangement_id, states)
        ]

    def sync_enrolment(self, arrangement_id: int) -> EnrolmentInfo | None:
        from bpa_desktop.sync import outbox

        rows = outbox.load_enrolments(self._engine, arrangement_id)
        return _enrolment_info(rows[0]) if rows else None

    def sync_enrol(self, arrangement_id: int, url: str, code: str, **client_options) -> EnrolmentInfo:
        """Enrol this arrangement at the municipality's receiver with a one-time code."""
        from bpa_desktop.storage.schema import ArrangementRow
        from bpa_desktop.sync.client import SyncClient, SyncError
        from bpa_desktop.workspace import NotFoundError, WorkspaceError

        with self._read() as session:  # type: ignore[attr-defined]
            if session.get(ArrangementRow, arrangement_id) is None:
                raise NotFoundError("ordning", arrangement_id)
        try:
            return _enrolment_info(SyncClient(self._engine, **client_options).enrol(arrangement_id, url, code))
        except SyncError as error:
            raise WorkspaceError(str(error)) from None

    def sync_push(self, arrangement_id: int | None = None, *, ignore_backoff: bool = False, **client_options):
        """One pass of the sync worker; returns a ``PushSummary``."""
        from bpa_desktop.sync.client import SyncClient

        return SyncClient(self._engine, **client_options).push_once(arrangement_id, ignore_backoff=ignore_backoff)

    def sync_bundle(self, arrangement_id: int, path: Path) -> int:
        """Write the unconfirmed submissions as a signed bundle file; returns how many."""
        from bpa_desktop.sync.bundle_export import export_bundle
        from bpa_desktop.sync.client import SyncError
        from bpa_desktop.workspace import WorkspaceError

        try:
            return export_bundle(self._engine, arrangement_id, Path(path))
        except SyncError as error:
            raise WorkspaceError(str(error)) from None

    def retry_submission(self, submission_id: str) -> bool:
        """Queue a blocked submission again ("Prøv igjen"); False if it is not blocked."""
        from bpa_desktop.sync import outbox

        return outbox.requeue(self._engine, submission_id)
