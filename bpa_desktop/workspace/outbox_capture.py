"""The capture step of the transactional outbox: an attestation adds its submission in the
attestation's own transaction, so an attested timesheet and its outbox row are stored
together or not at all (docs/protocol.md)."""

from __future__ import annotations

from datetime import datetime

from bpa_desktop.core.model import AttestedTimesheet
from bpa_desktop.storage import outbox_repository as outbox_repo
from bpa_desktop.storage.outbox_repository import Submission
from bpa_desktop.storage.unit_of_work import UnitOfWork


def queue_submission(uow: UnitOfWork, attested: AttestedTimesheet, now: datetime) -> Submission:
    """Add the attested version to the outbox in the caller's (the attestation's) transaction."""
    # pydantic (the wire format) loads with the first attestation, not at start-up
    from bpa_desktop.sync import payload, texts
    from bpa_desktop.sync.outbox import (
        new_submission,
        receiver_head,
        unsent_predecessors,
    )

    period = payload.period_label(attested.period_end)
    previous = outbox_repo.latest_version(uow.session, attested.arrangement_id, attested.employee_no, period)
    earlier = outbox_repo.earlier_versions(uow.session, attested.arrangement_id, attested.employee_no, period,
                                           previous.version + 1 if previous else 1)
    enrolled = outbox_repo.enrolments(uow.session, attested.arrangement_id)
    reference = enrolled[0].remote_arrangement_id if enrolled else None
    row = outbox_repo.add(uow.session, new_submission(attested, previous, reference, now, receiver_head(earlier)))
    # A version that never reached the receiver (blocked, a version conflict) is replaced by
    # this one, which supersedes what the receiver holds instead (sync/outbox.py).
    outbox_repo.retire(uow.session, unsent_predecessors(earlier), texts.replaced(row.version))
    return row
