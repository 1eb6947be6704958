"""A stand-in receiver for `bpa-sync/2` (an httpx.MockTransport handler) and a SharingPort in
memory, for the client's own tests before and besides the real receiver."""

from __future__ import annotations

import base64
import json
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone

import httpx

from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol_v2 import (
    ApprovalPayload,
    EventBody,
    EventsPage,
    LinkGrant,
    LinkRevocation,
    ProposalPayload,
    SignedEnvelope,
)
from bpa_desktop.sync.signing_v2 import sign_event

REMOTE = "arr-test-1"


@dataclass
class Enrolment:
    arrangement_id: int = 1
    remote_arrangement_id: str = REMOTE
    receiver_url: str = "http://receiver.test"


def proposal_event(seq: int, publication_id: uuid.UUID, *, event_id: uuid.UUID | None = None) -> EventBody:
    return EventBody(
        event_id=event_id or uuid.uuid4(), seq=seq, arrangement_id=REMOTE, link_id=uuid.uuid4(), role="assistant",
        assistant_ref="a1b2c3d4", channel="link", occurred_at=datetime.now(timezone.utc), kind="proposal",
        proposal=ProposalPayload(publication_id=publication_id, shift_ref="s-1", change="stayed_longer", minutes=60),
    )


def approval_event(seq: int, publication_id: uuid.UUID) -> EventBody:
    return EventBody(
        event_id=uuid.uuid4(), seq=seq, arrangement_id=REMOTE, link_id=uuid.uuid4(), role="union_rep",
        channel="link", occurred_at=datetime.now(timezone.utc), kind="approval",
        approval=ApprovalPayload(publication_id=publication_id, rota_version_id=1, content_hash="0" * 64,
                                 approved=True, approver="Tillitsvalgt"),
    )


@dataclass
class FakeReceiver:
    """GET /v2/receiver-key, PUT publications and links, POST revoke, GET /v2/events."""

    key: object = field(default_factory=signing.generate_private_key)
    events: list[SignedEnvelope] = field(default_factory=list)
    publications: dict[str, dict] = field(default_factory=dict)
    links: dict[str, dict] = field(default_factory=dict)
    revoked: list[str] = field(default_factory=list)
    requests: list[tuple[str, str]] = field(default_factory=list)
    fail_revoke: int = 0  # answer 503 this many times first

    def add(self, body: EventBody) -> SignedEnvelope:
        envelope = sign_event(self.key, body)
        self.events.append(envelope)
        return envelope

    def __call__(self, request: httpx.Request) -> httpx.Response:
        path = request.url.path
        self.requests.append((request.method, path))
        if path == "/v2/receiver-key":
            public = signing.public_key_raw(self.key)
            return httpx.Response(200, json={"key_id": signing.key_id(public),
                                             "public_key": base64.b64encode(public).decode()})
        if path.startswith("/v2/publications/"):
            self.publications[path.rsplit("/", 1)[1]] = json.loads(request.content)
            return httpx.Response(201, json={})
        if path.endswith("/revoke"):
            if self.fail_revoke:
                self.fail_revoke -= 1
                return httpx.Response(503, json={"code": "busy"})
            self.revoked.append(path.split("/")[3])
            return httpx.Response(200, json={})
        if path.startswith("/v2/links/"):
            self.links[path.rsplit("/", 1)[1]] = json.loads(request.content)
            return httpx.Response(201, json={})
        if path == "/v2/events":
            since = int(request.url.params["since"])
            if since > len(self.events):
                return httpx.Response(409, json={"code": "cursor_ahead"})
            limit = int(request.url.params.get("limit", 200))
            chosen = self.events[since:since + limit]
            page = EventsPage(events=chosen, next=since + len(chosen))
            return httpx.Response(200, json=page.model_dump(mode="json"))
        return httpx.Response(404, json={"code": "not_found"})


@dataclass
class MemoryPort:
    """ws.sync.sharing's port in memory: what was pinned, sent and applied."""

    pinned: tuple[str, bytes] | None = None
    publications: dict[str, bytes] = field(default_factory=dict)
    sent_publications: set[str] = field(default_factory=set)
    grants: list[LinkGrant] = field(default_factory=list)
    sent_links: set[str] = field(default_factory=set)
    revocations: list[LinkRevocation] = field(default_factory=list)
    sent_revocations: set[str] = field(default_factory=set)
    cursor: int = 0
    applied: dict[str, EventBody] = field(default_factory=dict)
    refusals: list[tuple[str | None, str]] = field(default_factory=list)
    refuse_kinds: tuple[str, ...] = ()
    fail_after_apply: bool = False

    def active(self, arrangement_id):
        return True

    def pinned_key(self, arrangement_id):
        return self.pinned

    def pin_key(self, arrangement_id, key_id, public_raw):
        self.pinned = (key_id, public_raw)

    def unsent_publications(self, arrangement_id):
        return [(pid, body) for pid, body in self.publications.items() if pid not in self.sent_publications]

    def publication_sent(self, publication_id):
        self.sent_publications.add(publication_id)

    def unsent_links(self, arrangement_id):
        return [g for g in self.grants if str(g.link_id) not in self.sent_links]

    def link_sent(self, link_id):
        self.sent_links.add(link_id)

    def unsent_revocations(self, arrangement_id):
        return [r for r in self.revocations if str(r.link_id) not in self.sent_revocations]

    def revocation_sent(self, link_id):
        self.sent_revocations.add(link_id)

    def events_cursor(self, arrangement_id):
        return self.cursor

    def apply_event(self, arrangement_id, event):
        # one "transaction": the event and the cursor together, or neither
        if self.fail_after_apply:
            raise RuntimeError("disk full")
        if event.kind in self.refuse_kinds:
            self.refusals.append((str(event.event_id), "sync.sharing.test_refused"))
            applied = False
        else:
            self.applied.setdefault(str(event.event_id), event)
            applied = True
        self.cursor = event.seq
        return applied

    def set_events_cursor(self, arrangement_id, cursor):
        self.cursor = cursor

    def refuse(self, arrangement_id, event_id, text):
        self.refusals.append((event_id, text.key))


def http_for(receiver: FakeReceiver) -> httpx.Client:
    return httpx.Client(base_url="http://receiver.test", transport=httpx.MockTransport(receiver))


class StubParticipants:
    """ws.participants as the contract describes it, in memory (idempotent on event_id), until
    the real one is merged; the tests that need the real one use ``ws.participants``."""

    def __init__(self, arrangement_id: str = REMOTE) -> None:
        from bpa_desktop.workspace.errors import StaleViewError

        self.arrangement_id = arrangement_id
        self.refs: dict[int, str] = {}
        self.names: dict[int, str] = {}  # assistant id -> display name (table_assistants)
        self.proposals: dict[str, dict] = {}
        self.confirmations: dict[str, dict] = {}
        self.approvals: dict[str, dict] = {}
        self.fail: Exception | None = None
        self.stale = StaleViewError  # the real one: the applier tells it apart by its class

    def ref_of(self, assistant_id):
        return self.refs.setdefault(assistant_id, f"ref{assistant_id:05d}")

    def assistant_of_ref(self, ref):
        return next((a for a, r in self.refs.items() if r == ref), None)

    def table_assistants(self, today, arrangement_id=None):
        from types import SimpleNamespace

        return [SimpleNamespace(id=i, display_name=name) for i, name in self.names.items()]

    def month_view(self, assistant_id, period_start):
        from bpa_desktop.sync.protocol_v2 import MonthShift, MonthView

        start = datetime(period_start.year, period_start.month, 3, 8, tzinfo=timezone.utc)
        shift = MonthShift(shift_ref="s-1", starts_at=start, ends_at=start.replace(hour=16), minutes=480)
        return MonthView(arrangement_id="local", assistant_ref=self.ref_of(assistant_id), display_name="Kari",
                         period=f"{period_start:%Y-%m}", timesheet_version=1, shifts=[shift], total_minutes=480)

    def rota_view(self, rota_id):
        from datetime import date

        from bpa_desktop.sync.protocol_v2 import RotaView

        return RotaView(arrangement_id="local", rota_version_id=rota_id, label="Turnus", valid_from=date(2026, 1, 1),
                        valid_to=date(2026, 3, 31), shifts=[])

    def _store(self, into, event_id, values):
        if self.fail is not None:
            raise self.fail
        into.setdefault(event_id, values)

    def propose(self, assistant_id, period_start, *, shift_ref, change, minutes=0, starts_at=None, ends_at=None,
                comment="", channel="table", event_id=None, uow=None):
        self._store(self.proposals, event_id, dict(assistant_id=assistant_id, period_start=period_start,
                                                   shift_ref=shift_ref, change=change, minutes=minutes, channel=channel))

    def confirm_by_assistant(self, assistant_id, period_start, seen_hash, *, channel="table", event_id=None, uow=None):
        if seen_hash == "f" * 64:
            raise self.stale()
        self._store(self.confirmations, event_id, dict(assistant_id=assistant_id, seen_hash=seen_hash, channel=channel))

    def record_approval(self, rota_id, *, role, who, channel, approved=True, comment="", content_hash=None,
                        event_id=None, assistant_id=None, uow=None):
        self._store(self.approvals, event_id, dict(rota_id=rota_id, role=role, who=who, channel=channel,
                                                   approved=approved))
