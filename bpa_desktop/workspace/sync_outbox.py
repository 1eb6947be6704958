"""The outbox as the sync client drives it (``sync.outbox.OutboxPort``): each step one short
unit of work over ``storage/outbox_repository.py``. A receipt or a decision moves the
attested timesheet on through ``ws.timesheets`` in the same transaction as the outbox row;
the outbox itself never writes the timesheet table.
The capture step (an attestation adds its row) is ``workspace/outbox_capture.py``.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bpa_desktop.message import Message
from bpa_desktop.core.timesheet_lifecycle import TimesheetEvent
from bpa_desktop.storage import attested
from bpa_desktop.storage import outbox_repository as outbox_repo
from bpa_desktop.storage.errors import AttestedContentChangedError, DamagedRecordError
from bpa_desktop.storage.outbox_repository import Claimed, Enrolment, Submission
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.sync import outbox, signing, texts
from bpa_desktop.sync.protocol import Decision
from bpa_desktop.workspace.timesheets import Timesheets

#: ``last_error_code`` of a row held back because its timesheet changed after attesting.
CONTENT_CHANGED = "content_changed"


class SyncOutbox:
    """``OutboxPort`` over the Workspace's database."""

    def __init__(self, db: Database, timesheets: Timesheets) -> None:
        self._db = db
        self._timesheets = timesheets

    # --- enrolment ------------------------------------------------------------------------

    def load_enrolments(self, arrangement_id: int | None = None) -> list[Enrolment]:
        with self._db.read() as uow:
            return outbox_repo.enrolments(uow.session, arrangement_id)

    def save_enrolment(self, arrangement_id: int, *, receiver_url: str, remote_arrangement_id: str,
                       public_key: bytes, now: datetime | None = None) -> None:
        """Record the enrolment and let everything that waited for it go (one transaction)."""
        with self._db.write() as uow:
            outbox_repo.save_enrolment(
                uow.session, arrangement_id, receiver_url=receiver_url, remote_arrangement_id=remote_arrangement_id,
                public_key=public_key, key_id=signing.key_id(public_key), now=now or outbox.utc_now(),
            )

    # --- sealing and claiming ---------------------------------------------------------------

    def seal(self, enrolment: Enrolment, key: Ed25519PrivateKey, *, chain: bool = False) -> int:
        """Build missing bodies and sign unsigned ones for this arrangement; returns how many
        rows were signed. A signature by an older key is replaced (the bytes stay the same).
        A body names what the receiver holds (``outbox.receiver_head``): a version whose
        earlier one is still on its way waits, unless ``chain`` (a bundle) puts both in one
        file, the earlier first."""
        current_key_id = signing.key_id(signing.public_key_raw(key))
        signed = 0
        with self._db.write() as uow:
            waiting = outbox_repo.needing_signature(uow.session, enrolment.arrangement_id, current_key_id)
            # Earlier versions first: a later one's body names what the earlier one became.
            for row in sorted(waiting, key=lambda r: (r.employee_no, r.period, r.version)):
                if not _as_attested(uow.session, row):
                    continue
                body = row.body
                if body is None:
                    earlier = outbox_repo.earlier_versions(uow.session, row.arrangement_id, row.employee_no,
                                                           row.period, row.version)
                    head = outbox.receiver_head(earlier, chain=chain)
                    if head is None:
                        continue  # an earlier version is on its way; its answer decides the head
                    outbox_repo.retire(uow.session, outbox.unsent_predecessors(earlier),
                                       texts.replaced(row.version))
                    built = outbox.body_values(outbox.content_of(row, head), enrolment.remote_arrangement_id)
                    if "body" not in built:
                        outbox_repo.block(uow.session, row.id, built["last_error_code"],
                                         Message.from_json(built["last_error_message"]))
                        continue
                    body = built["body"]
                    outbox_repo.store_body(uow.session, row.id, body, built["body_sha256"])
                outbox_repo.store_signature(uow.session, row.id, signing.sign_bytes(key, body), current_key_id)
                signed += 1
        return signed

    def claim(self, arrangement_id: int, owner: str, *, now: datetime | None = None,
              lease_seconds: float = outbox.LEASE_SECONDS, limit: int = 20, ignore_backoff: bool = False,
              exclude: Iterable[str] = ()) -> list[Claimed]:
        """Take up to ``limit`` due rows for sending, under a lease, in one BEGIN IMMEDIATE:
        two processes never claim one row (the second sees the first's lease)."""
        with self._db.write() as uow:
            claimed = outbox_repo.claim(uow.session, arrangement_id, owner, now=now or outbox.utc_now(),
                                        lease_seconds=lease_seconds, limit=limit, ignore_backoff=ignore_backoff,
                                        exclude=exclude)
            return [c for c in claimed if _as_attested(uow.session, outbox_repo.get(uow.session, c.id))]

    # --- results (each in its own short transaction) -------------------------------------------

    def mark_delivered(self, submission_id: str, receipt: dict, *, now: datetime | None = None) -> bool:
        """The receiver holds the submission: keep its receipt (whoever holds the lease) and
        move the timesheet on to submitted."""
        with self._db.write() as uow:
            delivered = outbox_repo.mark_delivered(uow.session, submission_id, receipt, now or outbox.utc_now())
            if delivered:
                row = outbox_repo.get(uow.session, submission_id)
                self._timesheets.record_receiver_event(uow, row.timesheet_id, TimesheetEvent.DELIVERED)
            return delivered

    def mark_retry(self, submission_id: str, owner: str, *, code: str, reason: Message, retry_after: float | None = None,
                   delay: float | None = None, now: datetime | None = None,
                   rng: random.Random | None = None) -> datetime | None:
        """Back to ``queued`` with the next try time and why; returns that time."""
        now = now or outbox.utc_now()
        with self._db.write() as uow:
            row = outbox_repo.get(uow.session, submission_id)
            if row is None or row.state != "sending" or row.lease_owner != owner:
                return None  # someone else took it over after our lease ran out
            wait = max(delay if delay is not None else outbox.backoff_delay(row.attempts, rng), retry_after or 0.0)
            next_at = now + timedelta(seconds=wait)
            outbox_repo.requeue_after(uow.session, submission_id, next_attempt_at=next_at, code=code,
                                      text=texts.retry(reason, next_at), now=now)
            return next_at

    def release(self, submission_ids: Sequence[str], owner: str, *, code: str, reason: Message,
                retry_after: float | None = None, now: datetime | None = None,
                rng: random.Random | None = None) -> None:
        """Give claimed rows back (the receiver cannot be reached now), each with its backoff."""
        for submission_id in submission_ids:
            self.mark_retry(submission_id, owner, code=code, reason=reason, retry_after=retry_after, now=now, rng=rng)

    def mark_state(self, submission_id: str, owner: str, state: str, *, code: str, text: Message,
                   answer: dict | None = None, now: datetime | None = None) -> bool:
        """A final answer for this version (blocked, needs_correction): kept and shown; a
        version conflict's ``answer`` (the receiver's head) is what a correction supersedes."""
        with self._db.write() as uow:
            return outbox_repo.mark_state(uow.session, submission_id, owner, state, code=code, text=text,
                                          now=now or outbox.utc_now(), answer=answer)

    def pause_auth(self, arrangement_id: int, *, code: str, text: Message) -> int:
        """Token refused: everything of the arrangement waits for re-enrolment; nothing is lost."""
        with self._db.write() as uow:
            return outbox_repo.pause_auth(uow.session, arrangement_id, code=code, text=text)

    def note_error(self, arrangement_id: int, *, code: str, text: Message) -> None:
        """Explain why queued rows are not moving (no keyring, not enrolled) without changing state."""
        with self._db.write() as uow:
            outbox_repo.note_error(uow.session, arrangement_id, code=code, text=text)

    def requeue(self, submission_id: str, *, now: datetime | None = None) -> bool:
        """The arbeidsleder asks to try a blocked row again ("Prøv igjen")."""
        with self._db.write() as uow:
            return outbox_repo.requeue_blocked(uow.session, submission_id, now or outbox.utc_now())

    # --- decisions ------------------------------------------------------------------------

    def apply_decisions(self, arrangement_id: int, decisions: Sequence[Decision], cursor: int) -> int:
        """Apply a page of decisions, their timesheets' new status and the cursor in one
        transaction (replaying a page is harmless). Returns how many rows changed."""
        events = {"accepted": TimesheetEvent.ACCEPTED, "rejected": TimesheetEvent.REJECTED}
        changed = 0
        with self._db.write() as uow:
            for decision in decisions:
                row = outbox_repo.record_decision(uow.session, arrangement_id, str(decision.submission_id),
                                                  decision.decision, decision.reason, decision.decided_at)
                if row is not None:
                    self._timesheets.record_receiver_event(uow, row.timesheet_id, events[decision.decision])
                    changed += 1
            outbox_repo.set_cursor(uow.session, arrangement_id, cursor)
        return changed

    def ids_at_receiver(self, arrangement_id: int) -> list[str]:
        with self._db.read() as uow:
            return outbox_repo.ids_at_receiver(uow.session, arrangement_id)

    def requeue_unknown(self, submission_ids: Sequence[str], *, now: datetime | None = None) -> int:
        """The receiver lost these (restored from a backup): send them again with the same ids
        and the same bytes."""
        with self._db.write() as uow:
            return outbox_repo.requeue_unknown(uow.session, submission_ids, now=now or outbox.utc_now(),
                                               text=texts.CURSOR_RESET)

    # --- bundle and reading -------------------------------------------------------------------

    def exportable(self, arrangement_id: int) -> list[Submission]:
        with self._db.write() as uow:
            return [row for row in outbox_repo.exportable(uow.session, arrangement_id)
                    if _as_attested(uow.session, row)]

    def mark_exported(self, submission_ids: Sequence[str], *, now: datetime | None = None) -> None:
        with self._db.write() as uow:
            outbox_repo.mark_exported(uow.session, submission_ids, now or outbox.utc_now())

    def counts(self, arrangement_id: int | None = None) -> dict[str, int]:
        with self._db.read() as uow:
            return outbox_repo.counts(uow.session, arrangement_id)

    def queued_by_arrangement(self) -> dict[int, int]:
        with self._db.read() as uow:
            return outbox_repo.queued_by_arrangement(uow.session)

    def list_rows(self, arrangement_id: int | None = None, states: Iterable[str] | None = None) -> list[Submission]:
        with self._db.read() as uow:
            return outbox_repo.submissions(uow.session, arrangement_id, states)


def _as_attested(session, row: Submission) -> bool:
    """Whether the timesheet behind ``row`` is still as attested (``storage/attested.py``);
    if not, the row is blocked with the reason, in the caller's transaction, and not sent."""
    if row.timesheet_id is None:
        return True
    try:
        attested.check_attested(session, row.timesheet_id)
    except (AttestedContentChangedError, DamagedRecordError) as error:
        outbox_repo.block(session, row.id, CONTENT_CHANGED, Message.plain(str(error)))
        return False
    return True
