"""Storing one signed submission: the single code path behind POST /v1/submissions and bundle import.

Order (docs/protocol.md), all inside the caller's one write transaction: enrolled key -> signature on
the raw bytes -> unambiguous JSON (no key twice, no NaN) -> parse -> id equals the
Idempotency-Key -> arrangement matches -> lock the arrangement's row (its receipt counter) -> insert, ignoring
a duplicate id (same bytes: the stored receipt; other bytes: `key_reused`) -> `supersedes` must
be the version before it (`version_conflict`, which rolls the insert back). The unique constraints on the id and on the natural key
(arrangement, employee, period, version) make this safe under concurrent requests on
PostgreSQL too; on SQLite write transactions are serialised by BEGIN IMMEDIATE.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from bpa_desktop.i18n import t
from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol import (
    Receipt,
    SignedSubmission,
    StatusResponse,
    SubmissionStatus,
    parse_body,
)
from bpa_desktop.sync.receiver.problems import ProblemError
from bpa_desktop.sync.receiver.store import (
    Arrangement,
    DeviceKey,
    Submission,
    SubmissionLine,
    utc_now,
)


@dataclass(frozen=True)
class IntakeResult:
    receipt: Receipt
    created: bool  # False: this id was already stored with the same bytes


def _receipt(row: Submission) -> Receipt:
    return Receipt(
        submission_id=row.submission_id,
        body_sha256=row.body_sha256,
        received_at=row.received_at,
        seq=row.arrangement_seq,
    )


def _existing(session: Session, submission_id: uuid.UUID, body_sha256: str) -> IntakeResult | None:
    row = session.scalars(select(Submission).where(Submission.submission_id == submission_id)).one_or_none()
    if row is None:
        return None
    if row.body_sha256 != body_sha256:
        raise ProblemError(
            422,
            "key_reused",
            t("receiver.problem.key_reused"),
            t("receiver.problem.key_reused_detail"),
        )
    return IntakeResult(_receipt(row), created=False)


def _head(
    session: Session, arrangement_pk: int, employee_no: str, period: str, excluding: int | None = None
) -> Submission | None:
    """Latest version for (arrangement, employee, period), optionally ignoring one row."""
    query = select(Submission).where(
        Submission.arrangement_id == arrangement_pk,
        Submission.employee_no == employee_no,
        Submission.period == period,
    )
    if excluding is not None:
        query = query.where(Submission.id != excluding)
    return session.scalars(query.order_by(Submission.version.desc()).limit(1)).first()


def _version_conflict(head: Submission | None) -> ProblemError:
    return ProblemError(
        409,
        "version_conflict",
        t("receiver.problem.version_conflict"),
        t("receiver.problem.version_conflict_detail"),
        head_submission_id=str(head.submission_id) if head else None,
        head_version=head.version if head else 0,
    )


def _insert_ignoring_duplicate_id(session: Session, values: dict) -> int | None:
    dialect = session.get_bind().dialect.name
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[dialect]
    statement = (
        insert(Submission).values(**values).on_conflict_do_nothing(index_elements=["submission_id"])
    ).returning(Submission.id)
    return session.execute(statement).scalar_one_or_none()


def _lock_arrangement(session: Session, arrangement_pk: int) -> Arrangement:
    """The arrangement's row, locked until the transaction ends (read afresh, not from the
    session's cache): one arrangement's submissions are stored one at a time, and its receipt
    counter `submission_head` is read and bumped without a race."""
    return session.scalars(
        select(Arrangement).where(Arrangement.id == arrangement_pk).with_for_update()
        .execution_options(populate_existing=True)
    ).one()


class _Ambiguous(ValueError):
    pass


def _unique_keys(pairs: list[tuple[str, object]]) -> dict:
    keys = [key for key, _value in pairs]
    if len(keys) != len(set(keys)):
        raise _Ambiguous(sorted({key for key in keys if keys.count(key) > 1}))
    return dict(pairs)


def _no_constants(name: str):
    raise _Ambiguous([name])


def _refuse_ambiguous_json(body_bytes: bytes) -> None:
    """The signed bytes must mean one thing: a key twice (parsers disagree on which one wins) or
    NaN/Infinity (not JSON) is refused, so the stored evidence cannot be read two ways."""
    try:
        json.loads(body_bytes, object_pairs_hook=_unique_keys, parse_constant=_no_constants)
    except _Ambiguous as error:
        fields = ", ".join(str(name) for name in error.args[0])
        raise ProblemError(
            400, "ambiguous_body", t("receiver.problem.ambiguous_body"),
            t("receiver.problem.ambiguous_body_detail", fields=fields),
        ) from None
    except ValueError:
        pass  # not JSON at all: parse_body says so


def receive(
    session: Session,
    *,
    arrangement: Arrangement,
    signed: SignedSubmission,
    idempotency_key: uuid.UUID | None,
    via: str,
) -> IntakeResult:
    """Store `signed` for `arrangement`, or raise ProblemError; the caller commits.

    `idempotency_key` None (bundle import) means the body's own id is the key.
    """
    device = session.scalars(
        select(DeviceKey).where(DeviceKey.arrangement_id == arrangement.id, DeviceKey.key_id == signed.key_id)
    ).one_or_none()
    if device is None:
        raise ProblemError(403, "key_not_enrolled", t("receiver.problem.key_not_enrolled"))
    if device.revoked_at is not None:
        raise ProblemError(403, "key_revoked", t("receiver.problem.key_revoked"))
    try:
        body_bytes = signing.verified_body_bytes(signed, device.public_key)
    except signing.BadSignature:
        raise ProblemError(
            422, "bad_signature", t("receiver.problem.bad_signature"), t("receiver.problem.bad_signature_detail")
        ) from None
    _refuse_ambiguous_json(body_bytes)
    try:
        body = parse_body(body_bytes)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise ProblemError(400, "invalid_body", t("receiver.problem.invalid_body"), f"{where}: {first['msg']}") from None
    if idempotency_key is not None and body.submission_id != idempotency_key:
        raise ProblemError(400, "idempotency_key_mismatch", t("receiver.problem.idempotency_key_mismatch"))
    if body.arrangement_id != arrangement.ref:
        raise ProblemError(422, "arrangement_mismatch", t("receiver.problem.arrangement_mismatch"))

    body_sha256 = hashlib.sha256(body_bytes).hexdigest()
    locked = _lock_arrangement(session, arrangement.id)  # before looking: a concurrent twin waits here
    existing = _existing(session, body.submission_id, body_sha256)
    if existing is not None:
        return existing

    values = dict(
        submission_id=body.submission_id,
        arrangement_id=arrangement.id,
        arrangement_seq=locked.submission_head + 1,
        device_key_id=device.id,
        employee_no=body.employee_no,
        period=body.period,
        version=body.version,
        supersedes=body.supersedes,
        kind=body.kind,
        body=body_bytes,
        sig=signed.sig_bytes(),
        key_id=signed.key_id,
        body_sha256=body_sha256,
        received_at=utc_now(),
        received_via=via,
        state="received",
    )
    # Insert first, then look at the head: a concurrent request with the same id either makes
    # the insert a no-op or a unique violation, and is then answered from its committed row.
    try:
        with session.begin_nested():  # savepoint: we can still look around after a violation
            new_pk = _insert_ignoring_duplicate_id(session, values)
    except IntegrityError:
        # PostgreSQL may report the natural-key index before the id's: if it was this very id,
        # answer as a replay; otherwise another submission holds this version number.
        existing = _existing(session, body.submission_id, body_sha256)
        if existing is not None:
            return existing
        raise _version_conflict(_head(session, arrangement.id, body.employee_no, body.period)) from None
    if new_pk is None:  # a concurrent request stored this id first and has committed
        return _existing(session, body.submission_id, body_sha256)
    locked.submission_head += 1

    previous = _head(session, arrangement.id, body.employee_no, body.period, excluding=new_pk)
    if body.supersedes != (previous.submission_id if previous else None):
        raise _version_conflict(previous)  # the caller rolls back, our row included
    if body.version != (previous.version + 1 if previous else 1):
        raise ProblemError(422, "invalid_version", t("receiver.problem.invalid_version"))
    session.add_all(
        SubmissionLine(submission_pk=new_pk, pay_code=code, minutes=minutes) for code, minutes in body.lines.items()
    )
    session.flush()
    return IntakeResult(_receipt(session.get_one(Submission, new_pk)), created=True)


def public_state(row: Submission, newer_exists: bool) -> str:
    """`superseded` when a later version replaced a version that was not rejected."""
    if newer_exists and row.state != "rejected":
        return "superseded"
    return row.state


def newer_version_exists(session: Session, row: Submission) -> bool:
    head = _head(session, row.arrangement_id, row.employee_no, row.period)
    return head is not None and head.version > row.version


def status(session: Session, arrangement: Arrangement, ids: list[uuid.UUID]) -> StatusResponse:
    rows = {
        row.submission_id: row
        for row in session.scalars(
            select(Submission).where(Submission.arrangement_id == arrangement.id, Submission.submission_id.in_(ids))
        )
    } if ids else {}
    answers = []
    for submission_id in ids:
        row = rows.get(submission_id)
        if row is None:
            answers.append(SubmissionStatus(submission_id=submission_id, state="unknown"))
        else:
            answers.append(
                SubmissionStatus(
                    submission_id=submission_id,
                    state=public_state(row, newer_version_exists(session, row)),
                    body_sha256=row.body_sha256,
                    seq=row.arrangement_seq,
                )
            )
    return StatusResponse(submissions=answers)
