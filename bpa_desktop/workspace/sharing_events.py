"""Applying the receiver's events on the desktop (bpa-sync/2): each verified event goes through
``ws.participants`` with its event id (a proposal, a confirmation or an approval arriving twice
is stored once) and the events cursor moves past it; one that cannot be applied (a publication
this desktop never made, a month that changed since the assistant saw it) is kept as a
refusal, shown on the Synk page, and the cursor moves past it too: nothing is lost, nothing
blocks the events after it.

Bundles (`bpa receiver export-events`) are read with the same checks: the receiver key in the
file must be the one pinned on the sync pass, and every event is verified on its raw bytes.
"""

from __future__ import annotations

import base64
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from pydantic import ValidationError

from bpa_desktop.core.input_file import InputError, parse_json, read_text
from bpa_desktop.i18n import t
from bpa_desktop.storage import sharing_repository as repo
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.sync.protocol_v2 import EventBody, EventBundle
from bpa_desktop.sync.signing_v2 import EventRefused, verify_event
from bpa_desktop.workspace.errors import StaleViewError, WorkspaceError


@dataclass(frozen=True)
class ImportResult:
    applied: int
    refused: int
    skipped: int  # already applied before (by an earlier pass or import)


class Refused(Exception):
    def __init__(self, reason_key: str) -> None:
        super().__init__(reason_key)
        self.reason_key = reason_key


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


class EventApplier:
    def __init__(self, db: Database, participants: Callable[[], object]) -> None:
        self._db = db
        self._participants = participants

    def pinned_key(self, arrangement_id: int) -> tuple[str, bytes] | None:
        with self._db.read() as uow:
            row = repo.enrolment(uow.session, arrangement_id)
            if row is None or row.receiver_public_key is None:
                return None
            return row.receiver_key_id, row.receiver_public_key

    def cursor(self, arrangement_id: int) -> int:
        with self._db.read() as uow:
            row = repo.enrolment(uow.session, arrangement_id)
            return row.events_cursor if row is not None else 0

    # -- one event ---------------------------------------------------------------------------

    def _target(self, uow, event: EventBody):
        """The publication the event answers, checked against who sent it."""
        payload = event.proposal or event.confirmation or event.approval
        publication = repo.publication(uow.session, str(payload.publication_id))
        if publication is None:
            raise Refused("sync.sharing.refused_unknown_publication")
        if event.kind == "approval":
            if publication.kind != "rota" or publication.rota_id is None:
                raise Refused("sync.sharing.refused_unknown_publication")
            return publication, None
        if publication.kind != "month":
            raise Refused("sync.sharing.refused_unknown_publication")
        assistant_id = self._participants().assistant_of_ref(event.assistant_ref)
        if assistant_id is None or assistant_id != publication.assistant_id:
            raise Refused("sync.sharing.refused_unknown_assistant")
        return publication, assistant_id

    def _apply_through_participants(self, uow, event: EventBody, target) -> None:
        participants = self._participants()
        (period_start, rota_id), assistant_id = target
        event_id = str(event.event_id)
        try:
            if event.kind == "proposal":
                p = event.proposal
                participants.propose(assistant_id, period_start, shift_ref=p.shift_ref, change=p.change,
                                     minutes=p.minutes, starts_at=p.starts_at, ends_at=p.ends_at, comment=p.comment,
                                     channel="link", event_id=event_id, uow=uow)
            elif event.kind == "confirmation":
                participants.confirm_by_assistant(assistant_id, period_start, event.confirmation.content_hash,
                                                  channel="link", event_id=event_id, uow=uow)
            else:
                a = event.approval
                participants.record_approval(rota_id, role=event.role, who=a.approver, channel=event.channel,
                                             approved=a.approved, comment=a.comment, content_hash=a.content_hash,
                                             event_id=event_id, uow=uow)
        except WorkspaceError as error:
            if isinstance(error, StaleViewError):  # the month changed since it was seen
                raise Refused("sync.sharing.refused_stale_view") from None
            raise Refused("sync.sharing.refused_not_applicable") from None

    def _check(self, arrangement_id: int, event: EventBody):
        with self._db.read() as uow:
            enrolment = repo.enrolment(uow.session, arrangement_id)
            if enrolment is None or event.arrangement_id != enrolment.remote_arrangement_id:
                raise Refused("sync.sharing.event_other_arrangement")
            publication, assistant_id = self._target(uow, event)
            return (publication.period_start, publication.rota_id), assistant_id

    def _settle(self, uow, arrangement_id: int, event: EventBody, refused: str | None, move_cursor: bool) -> None:
        if refused is not None and not any(r.event_id == str(event.event_id) for r in repo.refusals(uow.session)):
            repo.add_refusal(uow.session, str(event.event_id), refused, utc_now())
            uow.audit("refuse_event", "sharing_refusal", None, arrangement_id, f"reason={refused}")
        enrolment = repo.enrolment(uow.session, arrangement_id)
        if move_cursor and enrolment is not None and event.seq > enrolment.events_cursor:
            repo.set_cursor(uow.session, arrangement_id, event.seq)

    def apply(self, arrangement_id: int, event: EventBody, *, move_cursor: bool = True) -> bool:
        """Apply one verified event and move the cursor to it, in one transaction; False when it
        was refused (kept in sharing_refusal, and the cursor still moves past it)."""
        refused: str | None = None
        try:
            target = self._check(arrangement_id, event)
        except Refused as why:
            refused, target = why.reason_key, None
        with self._db.write() as uow:
            if target is not None:
                try:
                    with uow.session.begin_nested():  # a refused event leaves nothing half-written
                        self._apply_through_participants(uow, event, target)
                except Refused as why:
                    refused = why.reason_key
            self._settle(uow, arrangement_id, event, refused, move_cursor)
        return refused is None

    # -- a bundle file -----------------------------------------------------------------------

    def import_bundle(self, path: Path, arrangement_id: int) -> ImportResult:
        try:
            bundle = EventBundle.model_validate(parse_json(read_text(path)))
        except InputError as error:
            raise WorkspaceError(str(error)) from None
        except ValidationError:
            raise WorkspaceError(t("sync.sharing.bundle_invalid", file=path.name)) from None
        with self._db.read() as uow:
            enrolment = repo.enrolment(uow.session, arrangement_id)
            remote = enrolment.remote_arrangement_id if enrolment is not None else None
        pinned = self.pinned_key(arrangement_id)
        if remote is None or pinned is None:
            raise WorkspaceError(t("sync.sharing.bundle_no_key"))
        if bundle.arrangement_id != remote:
            raise WorkspaceError(t("sync.sharing.bundle_other_arrangement"))
        if bundle.receiver_key.key_id != pinned[0] or base64.b64decode(bundle.receiver_key.public_key) != pinned[1]:
            raise WorkspaceError(t("sync.sharing.bundle_other_key"))
        applied = refused = skipped = 0
        for envelope in bundle.events:
            try:
                event = verify_event(envelope, *pinned)
            except EventRefused as why:
                raise WorkspaceError(t("sync.sharing.bundle_bad_event", reason=str(why.text))) from None
            cursor = self.cursor(arrangement_id)
            if event.seq <= cursor:
                skipped += 1
                continue
            # events after a gap are applied (idempotent on their id), the cursor waits for the gap
            if self.apply(arrangement_id, event, move_cursor=event.seq == cursor + 1):
                applied += 1
            else:
                refused += 1
        return ImportResult(applied, refused, skipped)
