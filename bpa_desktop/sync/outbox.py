"""The transactional outbox's rules (docs/protocol.md): what an attested timesheet becomes in
the outbox, how long a failed attempt waits, and what the sync client needs of the outbox.

No SQL here: the rows live in ``storage/outbox_repository.py`` and ``ws.sync`` carries out
each step in its own unit of work (``workspace/sync_outbox.py`` implements ``OutboxPort``).

States: ``queued`` → ``sending`` (claimed with a lease) → ``delivered`` (receipt kept) →
``accepted`` / ``rejected`` (with the receiver's reason; the arbeidsleder corrects and
attests again, which queues version v+1 that ``supersedes`` this one). Side states:
``paused_auth`` (token refused; all wait for re-enrolment), ``needs_correction`` (409: the
receiver has another head), ``blocked`` (400/422: kept and shown, never dropped), and
``superseded`` (a later version was accepted, or, with the code ``replaced``, a version that
never reached the receiver was replaced by a correction).

Corrections (decision, docs/protocol.md): a version supersedes the receiver's head, never a
version the receiver never stored. The row keeps its local lineage (``version``,
``supersedes_id``: the timesheet's own versions), while its body names what the receiver
holds (``receiver_head``): the newest earlier version it gave a receipt for, or the head a
409 ``version_conflict`` named; the body's ``version`` is that head's + 1, as the receiver
checks. While an earlier version is still on its way, a later one gets no body yet (its
answer decides the head); an earlier one that ended ``blocked`` or ``needs_correction`` holds
nothing back and is retired as ``replaced`` once the correction is made. So after a 409 or
a refused pay code, correcting the timesheet is the way forward, and it works.

Keyring and signing (decision): the attestation transaction never touches the keyring. The
submission's content (id, period, version, supersedes, minutes per pay code) is written in
the attestation's own transaction and, when the arrangement is already enrolled, also the
exact canonical body bytes and their SHA-256. The Ed25519 signature is added when the row is
first sent or exported ("sealing"), because reading the private key can fail (no keyring)
or wait for a keyring unlock prompt, and neither may fail or hold up an attestation or keep
SQLite's write lock. Before enrolment the receiver's arrangement reference is unknown, so the
body is built at that point instead. Once built, the body never changes (a trigger refuses
it), so every retry, bundle and PDF names the same bytes.

Backoff (decision): full jitter (AWS), base 5 s, cap 1 h, and never below Retry-After. It is
a five-line function rather than ``tenacity``/``backoff``: those libraries retry by sleeping
inside one process, while here a retry must survive restarts, so the next time is stored in
``next_attempt_at`` and the next pass simply claims rows that are due.
"""

from __future__ import annotations

import hashlib
import json
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from typing import Protocol

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bpa_desktop.message import Message
from bpa_desktop.core.model import AttestedTimesheet
from bpa_desktop.storage.outbox_repository import Claimed, Enrolment, Submission
from bpa_desktop.storage.sync_schema import (
    AT_RECEIVER,
    NOT_YET_STORED,
    REPLACED,
    SENDABLE,
)
from bpa_desktop.sync import payload, texts
from bpa_desktop.sync.protocol import Decision

BACKOFF_BASE_S = 5.0
BACKOFF_CAP_S = 3600.0
IN_FLIGHT_DELAY_S = 2.0
LEASE_SECONDS = 60.0


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


def backoff_delay(attempts: int, rng: random.Random | None = None) -> float:
    """Full jitter: uniform in [0, min(cap, base · 2^attempts)] seconds."""
    ceiling = min(BACKOFF_CAP_S, BACKOFF_BASE_S * 2 ** min(attempts, 30))
    return (rng or random).uniform(0, ceiling)


def waiting_count(state_counts: dict[str, int]) -> int:
    """Submissions the receiver does not hold yet."""
    return sum(state_counts[state] for state in NOT_YET_STORED)


# --- capture: what an attestation queues ----------------------------------------------------


@dataclass(frozen=True)
class Head:
    """What the receiver holds for an employee's period: its newest version (None: none)."""

    submission_id: str | None
    version: int


NOTHING = Head(None, 0)


def _answer(row: Submission) -> dict:
    try:
        answer = json.loads(row.receipt) if row.receipt else {}
    except ValueError:
        return {}
    return answer if isinstance(answer, dict) else {}


def wire_version(row: Submission) -> int:
    """The version the receiver knows ``row`` by (its body's), else the row's own."""
    if row.body:
        try:
            return int(json.loads(row.body)["version"])
        except (ValueError, KeyError, TypeError):
            pass
    return row.version


def conflict_answer(problem: dict) -> dict | None:
    """The head a 409 ``version_conflict`` names, checked (a receiver's answer is not trusted)."""
    head_id, head_version = problem.get("head_submission_id"), problem.get("head_version")
    if not isinstance(head_version, int) or isinstance(head_version, bool) or not 0 <= head_version <= 10_000:
        return None
    if head_id is not None:
        try:
            head_id = str(uuid.UUID(str(head_id)))
        except ValueError:
            return None
    if (head_id is None) != (head_version == 0):
        return None
    return {"version_conflict": {"head_submission_id": head_id, "head_version": head_version}}


def receiver_head(earlier: Sequence[Submission], *, chain: bool = False) -> Head | None:
    """The receiver's head for a version, from its ``earlier`` versions (newest first); None
    while one of them is still on its way (its answer decides). With ``chain`` (a bundle,
    whose items the receiver imports in order) an earlier version on its way that already
    has its body goes first in the same file, and is the head."""
    for row in earlier:
        if row.state in SENDABLE:
            return Head(row.id, wire_version(row)) if chain and row.body is not None else None
        conflict = _answer(row).get("version_conflict")
        if isinstance(conflict, dict):
            return Head(conflict.get("head_submission_id"), int(conflict.get("head_version") or 0))
        if row.state in AT_RECEIVER and row.last_error_code != REPLACED:
            return Head(row.id, wire_version(row))
        # blocked, or replaced: the receiver never stored it; look further back
    return NOTHING


def unsent_predecessors(earlier: Sequence[Submission]) -> list[str]:
    """Earlier versions a new one replaces: they ended without reaching the receiver."""
    return [row.id for row in earlier if row.state in ("blocked", "needs_correction")]


def new_submission(attested: AttestedTimesheet, previous: Submission | None, arrangement_ref: str | None,
                   now: datetime, head: Head | None = NOTHING) -> dict:
    """The column values of the outbox row an attestation adds (the caller stores them in
    the attestation's transaction). ``previous`` is the newest earlier version of the
    period (the local lineage), ``head`` what the receiver holds (``receiver_head``; None:
    not known yet, so the body is built later, by ``seal``). Never raises for the content:
    a pay code that cannot travel queues the row as ``blocked`` with a plain explanation,
    and the attestation stands."""
    content = payload.SubmissionContent(
        submission_id=uuid.uuid4(),
        employee_no=attested.employee_no,
        period=payload.period_label(attested.period_end),
        version=previous.version + 1 if previous else 1,
        supersedes=uuid.UUID(previous.id) if previous else None,
        lines=payload.minutes_by_pay_code(attested.pay_lines),
        attested_at=attested.attested_at.replace(microsecond=0),
    )
    values = dict(
        id=str(content.submission_id), arrangement_id=attested.arrangement_id, timesheet_id=attested.timesheet_id,
        employee_no=content.employee_no, period=content.period, version=content.version,
        supersedes_id=previous.id if previous else None, kind=content.kind, lines=content.lines_json(),
        attested_at=content.attested_at, app_version=content.app_version, state="queued", attempts=0,
        next_attempt_at=now, created_at=now,
    )
    bad_codes = payload.invalid_pay_codes(content.lines)
    if bad_codes:
        values.update(state="blocked", last_error_code="invalid_pay_code",
                      last_error_message=texts.invalid_pay_code(bad_codes).to_json())
    elif arrangement_ref is not None and head is not None:
        values.update(body_values(_on_the_wire(content, head), arrangement_ref))
    return values


def _on_the_wire(content: payload.SubmissionContent, head: Head) -> payload.SubmissionContent:
    return replace(content, version=head.version + 1,
                   supersedes=uuid.UUID(head.submission_id) if head.submission_id else None)


def content_of(row: Submission, head: Head | None = None) -> payload.SubmissionContent:
    """What ``row``'s body says; against ``head`` (what the receiver holds) when given, else
    with the row's own version and predecessor."""
    content = payload.SubmissionContent(
        submission_id=uuid.UUID(row.id),
        employee_no=row.employee_no,
        period=row.period,
        version=row.version,
        supersedes=uuid.UUID(row.supersedes_id) if row.supersedes_id else None,
        lines=json.loads(row.lines),
        attested_at=row.attested_at,
        app_version=row.app_version,
    )
    return _on_the_wire(content, head) if head is not None else content


def body_values(content: payload.SubmissionContent, arrangement_ref: str) -> dict:
    """``body`` and ``body_sha256``, or the ``blocked`` state with the reason the body cannot
    be written."""
    try:
        body = payload.body_bytes(content, arrangement_ref)
    except payload.PayloadError as error:
        return {"state": "blocked", "last_error_code": "invalid_body",
                "last_error_message": texts.invalid_body(error.message).to_json()}
    return {"body": body, "body_sha256": hashlib.sha256(body).hexdigest()}


# --- what the client needs of the outbox ------------------------------------------------------


class OutboxPort(Protocol):
    """The outbox as ``SyncClient`` drives it; each call is one short transaction."""

    def load_enrolments(self, arrangement_id: int | None = None) -> list[Enrolment]: ...
    def save_enrolment(self, arrangement_id: int, *, receiver_url: str, remote_arrangement_id: str,
                       public_key: bytes) -> None: ...
    def queued_by_arrangement(self) -> dict[int, int]: ...
    def note_error(self, arrangement_id: int, *, code: str, text: Message) -> None: ...
    def pause_auth(self, arrangement_id: int, *, code: str, text: Message) -> int: ...
    def seal(self, enrolment: Enrolment, key: Ed25519PrivateKey, *, chain: bool = False) -> int: ...
    def claim(self, arrangement_id: int, owner: str, *, lease_seconds: float = LEASE_SECONDS, limit: int = 20,
              ignore_backoff: bool = False, exclude: Iterable[str] = ()) -> list[Claimed]: ...
    def mark_delivered(self, submission_id: str, receipt: dict) -> bool: ...
    def mark_retry(self, submission_id: str, owner: str, *, code: str, reason: Message,
                   retry_after: float | None = None, delay: float | None = None,
                   rng: random.Random | None = None) -> datetime | None: ...
    def release(self, submission_ids: Sequence[str], owner: str, *, code: str, reason: Message,
                retry_after: float | None = None, rng: random.Random | None = None) -> None: ...
    def mark_state(self, submission_id: str, owner: str, state: str, *, code: str, text: Message,
                   answer: dict | None = None) -> bool: ...
    def apply_decisions(self, arrangement_id: int, decisions: Sequence[Decision], cursor: int) -> int: ...
    def ids_at_receiver(self, arrangement_id: int) -> list[str]: ...
    def requeue_unknown(self, submission_ids: Sequence[str]) -> int: ...
    def counts(self, arrangement_id: int | None = None) -> dict[str, int]: ...
    def exportable(self, arrangement_id: int) -> list[Submission]: ...
    def mark_exported(self, submission_ids: Sequence[str]) -> None: ...
