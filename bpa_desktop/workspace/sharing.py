"""``ws.sync.sharing``: the other parties' loop from the desktop (bpa-sync/2; docs/protocol-v2.md).

The leader publishes an assistant's draft month or a rota version (the canonical
PublicationBody bytes are stored; the sync pass signs and sends them), grants links (the code
is made here, shown once as text and QR code, and never stored: only its SHA-256 leaves, kept
with the grant's audit entry until the receiver has it) and revokes them. What people do on
their links comes back as receiver-signed events on the sync pass or in a file
(``import_events``); each is applied through ``ws.participants`` with its event id (so twice
is once), and the events cursor moves with it (workspace/sharing_events.py). An event that
cannot be applied is kept as a refusal and shown.

This class is also the ``SharingPort`` the client drives (sync/client_v2.py).
"""

from __future__ import annotations

import hashlib
import secrets
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from bpa_desktop.i18n import t
from bpa_desktop.message import Message
from bpa_desktop.storage import sharing_repository as repo
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.sync.protocol_v2 import (
    LinkGrant,
    LinkRevocation,
    PublicationBody,
    canonical_bytes,
    view_hash,
)
from bpa_desktop.workspace.errors import WorkspaceError
from bpa_desktop.workspace.sharing_events import EventApplier, ImportResult

ROLES = ("assistant", "union_rep", "employer")
MAX_DAYS_VALID = 366


def utc_now() -> datetime:
    return datetime.now(timezone.utc)


@dataclass(frozen=True)
class NewLink:
    link_id: str
    code: str  # shown once (text and QR code), never stored
    url: str
    label: str = ""  # how the page greets the person (the assistant's short name by default)


@dataclass(frozen=True)
class LinkInfo:
    link_id: str
    role: str
    assistant_id: int | None
    label: str
    expires_at: datetime
    created_at: datetime
    revoked_at: datetime | None
    sent_at: datetime | None
    revoke_sent_at: datetime | None

    def state(self, now: datetime | None = None) -> str:
        """revoked | expired | waiting (not at the receiver yet) | active"""
        if self.revoked_at is not None:
            return "revoked"
        if self.expires_at <= (now or utc_now()):
            return "expired"
        return "active" if self.sent_at is not None else "waiting"


@dataclass(frozen=True)
class PublicationInfo:
    publication_id: str
    kind: str
    assistant_id: int | None
    period_start: date | None
    rota_id: int | None
    content_hash: str
    created_at: datetime
    sent_at: datetime | None


@dataclass(frozen=True)
class Refusal:
    event_id: str
    reason: Message
    at: datetime


def _publication(row) -> PublicationInfo:
    return PublicationInfo(row.publication_id, row.kind, row.assistant_id, row.period_start, row.rota_id,
                           row.content_hash, row.created_at, row.sent_at)


def _link(row) -> LinkInfo:
    return LinkInfo(row.link_id, row.role, row.assistant_id, row.label, row.expires_at, row.created_at,
                    row.revoked_at, row.sent_at, row.revoke_sent_at)


class Sharing:
    def __init__(self, db: Database, participants: Callable[[], object]) -> None:
        self._db = db
        self._participants = participants
        self.events = EventApplier(db, participants)

    # -- what the leader does ------------------------------------------------------------------

    def _remote(self, uow, arrangement_id: int | None):
        row = repo.enrolment(uow.session, arrangement_id) if arrangement_id is not None else None
        if row is None:
            raise WorkspaceError(t("sync.sharing.not_connected"))
        return row

    def _publish(self, arrangement_id: int | None, kind: str, view, **where) -> PublicationInfo:
        from bpa_desktop.storage.participants_schema import PublicationRow

        with self._db.write() as uow:
            enrolment = self._remote(uow, arrangement_id)
            view = view.model_copy(update={"arrangement_id": enrolment.remote_arrangement_id})
            publication_id = uuid.uuid4()
            content_hash = view_hash(view)
            body = PublicationBody(publication_id=publication_id, arrangement_id=enrolment.remote_arrangement_id,
                                   kind=kind, content_hash=content_hash, published_at=utc_now(), **{kind: view})
            row = uow.add(PublicationRow(publication_id=str(publication_id), kind=kind, content_hash=content_hash,
                                         body=canonical_bytes(body), created_at=utc_now(), sent_at=None, **where))
            uow.audit("publish", "publication", None, arrangement_id,
                      f"publication={publication_id} kind={kind} content_sha256={content_hash}")
            return _publication(row)

    def publish_month(self, assistant_id: int, period_start: date) -> PublicationInfo:
        """The assistant's month as it stands now, for their link (sent on the next pass)."""
        view = self._participants().month_view(assistant_id, period_start)
        with self._db.read() as uow:
            arrangement_id = repo.assistant_arrangement(uow.session, assistant_id)
        return self._publish(arrangement_id, "month", view, assistant_id=assistant_id, period_start=period_start)

    def publish_rota(self, rota_id: int) -> PublicationInfo:
        """This rota version for its approvers' links (sent on the next pass)."""
        view = self._participants().rota_view(rota_id)
        with self._db.read() as uow:
            arrangement_id = repo.rota_arrangement(uow.session, rota_id)
        return self._publish(arrangement_id, "rota", view, rota_id=rota_id)

    def publications(self, arrangement_id: int) -> list[PublicationInfo]:
        with self._db.read() as uow:
            return [_publication(row) for row in repo.publications(uow.session, arrangement_id)]

    def create_link(self, role: str, *, assistant_id: int | None = None, label: str = "", days_valid: int = 30,
                    arrangement_id: int | None = None) -> NewLink:
        """A new link for an assistant (their month and the rota's shifts) or an approver (the
        latest rota version). The code is returned once; the receiver learns only its hash."""
        from bpa_desktop.storage.participants_schema import ShareLinkRow

        if role not in ROLES or (role == "assistant") != (assistant_id is not None):
            raise WorkspaceError(t("sync.sharing.link_role"))
        if not 1 <= days_valid <= MAX_DAYS_VALID:
            raise WorkspaceError(t("sync.sharing.link_days", most=MAX_DAYS_VALID))
        label = " ".join(label.split())[:40]
        if role == "assistant" and not label:
            label = next((a.display_name for a in self._participants().table_assistants(date.today())
                          if a.id == assistant_id), "")
        if not label:
            raise WorkspaceError(t("sync.sharing.link_label"))
        code = secrets.token_urlsafe(24)
        code_sha256 = hashlib.sha256(code.encode("ascii")).hexdigest()
        link_id = str(uuid.uuid4())
        now = utc_now()
        with self._db.write() as uow:
            if assistant_id is not None:
                arrangement_id = repo.assistant_arrangement(uow.session, assistant_id)
            enrolment = self._remote(uow, arrangement_id)
            uow.add(ShareLinkRow(link_id=link_id, arrangement_id=arrangement_id, role=role, assistant_id=assistant_id,
                                 label=label, code_sha256=code_sha256,
                                 expires_at=now + timedelta(days=days_valid), created_at=now))
            uow.audit("grant", "share_link", None, arrangement_id, f"link={link_id} role={role}")
            url = enrolment.receiver_url.rstrip("/") + "/p/" + code
        return NewLink(link_id, code, url, label)

    def revoke_link(self, link_id: str) -> bool:
        """Revoke at once here and at the receiver on the next pass; False if already revoked."""
        with self._db.write() as uow:
            row = repo.link(uow.session, link_id)
            if row is None:
                raise WorkspaceError(t("sync.sharing.no_such_link"))
            if row.revoked_at is not None:
                return False
            repo.mark_link(uow.session, link_id, revoked_at=utc_now())
            uow.audit("revoke", "share_link", None, row.arrangement_id, f"link={link_id}")
            return True

    def links(self, arrangement_id: int) -> list[LinkInfo]:
        with self._db.read() as uow:
            return [_link(row) for row in repo.links(uow.session, arrangement_id)]

    def refusals(self) -> list[Refusal]:
        with self._db.read() as uow:
            return [Refusal(row.event_id, Message(row.reason_key), row.at) for row in repo.refusals(uow.session)]

    def import_events(self, path: Path | str, arrangement_id: int) -> ImportResult:
        """An EventBundle file (`bpa receiver export-events`), checked with the pinned key."""
        return self.events.import_bundle(Path(path), arrangement_id)

    # -- the SharingPort (sync/client_v2.py) ----------------------------------------------------

    def active(self, arrangement_id: int) -> bool:
        with self._db.read() as uow:
            return repo.has_activity(uow.session, arrangement_id)

    def pinned_key(self, arrangement_id: int) -> tuple[str, bytes] | None:
        return self.events.pinned_key(arrangement_id)

    def pin_key(self, arrangement_id: int, key_id: str, public_raw: bytes) -> None:
        with self._db.write() as uow:
            if repo.pin_key(uow.session, arrangement_id, key_id, public_raw):
                uow.audit("pin_receiver_key", "sync_enrolment", None, arrangement_id, f"key_id={key_id}")

    def unsent_publications(self, arrangement_id: int) -> list[tuple[str, bytes]]:
        with self._db.read() as uow:
            return [(row.publication_id, row.body) for row in repo.unsent_publications(uow.session, arrangement_id)]

    def publication_sent(self, publication_id: str) -> None:
        with self._db.write() as uow:
            repo.mark_publication_sent(uow.session, publication_id, utc_now())
            uow.audit("sent", "publication", None, None, f"publication={publication_id}")

    def unsent_links(self, arrangement_id: int) -> list[LinkGrant]:
        grants = []
        with self._db.read() as uow:
            enrolment = repo.enrolment(uow.session, arrangement_id)
            for row in repo.unsent_links(uow.session, arrangement_id):
                if enrolment is None or row.expires_at <= utc_now():
                    continue
                ref = self._participants().ref_of(row.assistant_id) if row.assistant_id is not None else None
                grants.append(LinkGrant(link_id=row.link_id, arrangement_id=enrolment.remote_arrangement_id,
                                        role=row.role, assistant_ref=ref, label=row.label,
                                        code_sha256=row.code_sha256, expires_at=row.expires_at))
        return grants

    def link_sent(self, link_id: str) -> None:
        with self._db.write() as uow:
            repo.mark_link(uow.session, link_id, sent_at=utc_now())

    def unsent_revocations(self, arrangement_id: int) -> list[LinkRevocation]:
        with self._db.read() as uow:
            return [LinkRevocation(link_id=row.link_id, revoked_at=row.revoked_at)
                    for row in repo.unsent_revocations(uow.session, arrangement_id)]

    def revocation_sent(self, link_id: str) -> None:
        with self._db.write() as uow:
            repo.mark_link(uow.session, link_id, revoke_sent_at=utc_now())
            uow.audit("revoke_sent", "share_link", None, None, f"link={link_id}")

    def events_cursor(self, arrangement_id: int) -> int:
        return self.events.cursor(arrangement_id)

    def apply_event(self, arrangement_id: int, event) -> bool:
        return self.events.apply(arrangement_id, event)

    def set_events_cursor(self, arrangement_id: int, cursor: int) -> None:
        with self._db.write() as uow:
            repo.set_cursor(uow.session, arrangement_id, cursor)

    def refuse(self, arrangement_id: int, event_id: str | None, text: Message) -> None:
        event_id = event_id or "unverified"
        with self._db.write() as uow:
            if any(r.event_id == event_id and r.reason_key == text.key for r in repo.refusals(uow.session)):
                return  # said once: the same refusal on every pass would bury the others
            repo.add_refusal(uow.session, event_id, text.key, utc_now())
            uow.audit("refuse_event", "sharing_refusal", None, arrangement_id, f"reason={text.key}")
