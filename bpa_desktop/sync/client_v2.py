"""The `bpa-sync/2` part of a sync pass (docs/protocol-v2.md), in plain httpx (no Qt, no DB).

Runs inside ``SyncClient``'s pass for one enrolled arrangement, on the same httpx client
(same timeouts, connection set-up retried by the transport, every other retry left to the
next pass) and the same bearer token, but only for an arrangement that has published
something or granted a link: without that there can be no event, and a receiver that knows
only `bpa-sync/1` is never asked about version 2.

Steps: the receiver key (pinned at first sight, another one later is refused and stops the
step) → pending publications (device-signed) → pending link grants → pending revocations →
events since the cursor, each checked against the pinned key on its raw bytes before it is
parsed and applied by the ``SharingPort`` (``ws.sync.sharing``) with the cursor in the same
transaction. An event that verifies but cannot be applied is kept as a refusal (shown), never
lost; an event whose signature fails stops the pull before it (the cursor stays, the next pass
reads it again) and is said.
"""

from __future__ import annotations

import base64
import uuid
from dataclasses import dataclass, field
from typing import Protocol

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pydantic import ValidationError

from bpa_desktop.core.input_file import InputError, parse_json
from bpa_desktop.message import Message
from bpa_desktop.sync.protocol_v2 import EventBody, EventsPage, LinkGrant, LinkRevocation, ReceiverKey
from bpa_desktop.sync.signing import key_id as key_id_of
from bpa_desktop.sync.signing_v2 import EventRefused, sign_publication_bytes, verify_event

EVENTS_PAGE = 200
MAX_ANSWER_BYTES = 16 * 1024 * 1024  # a page of 200 events of a few kilobytes each, with room


class SharingPort(Protocol):
    """What the client needs of the database (``workspace/sharing.py`` implements it)."""

    def active(self, arrangement_id: int) -> bool: ...
    def pinned_key(self, arrangement_id: int) -> tuple[str, bytes] | None: ...
    def pin_key(self, arrangement_id: int, key_id: str, public_raw: bytes) -> None: ...
    def unsent_publications(self, arrangement_id: int) -> list[tuple[str, bytes]]: ...
    def publication_sent(self, publication_id: str) -> None: ...
    def unsent_links(self, arrangement_id: int) -> list[LinkGrant]: ...
    def link_sent(self, link_id: str) -> None: ...
    def unsent_revocations(self, arrangement_id: int) -> list[LinkRevocation]: ...
    def revocation_sent(self, link_id: str) -> None: ...
    def events_cursor(self, arrangement_id: int) -> int: ...
    def apply_event(self, arrangement_id: int, event: EventBody) -> bool: ...
    def set_events_cursor(self, arrangement_id: int, cursor: int) -> None: ...
    def refuse(self, arrangement_id: int, event_id: str | None, text: Message) -> None: ...


@dataclass
class SharingSummary:
    published: int = 0
    links: int = 0
    revoked: int = 0
    applied: int = 0
    refused: int = 0
    messages: list[Message] = field(default_factory=list)


class Stop(Exception):
    """End this arrangement's v2 step (the receiver does not answer, refuses access …)."""


def _ok(response: httpx.Response) -> bool:
    return 200 <= response.status_code < 300


def _json(response: httpx.Response) -> object:
    """The answer's JSON read as strictly as client.py reads v1 answers; None if it is not."""
    if len(response.content) > MAX_ANSWER_BYTES:
        return None
    try:
        return parse_json(response.content.decode("utf-8"))
    except (UnicodeDecodeError, InputError):
        return None


def _code(response: httpx.Response) -> str:
    problem = _json(response)
    code = problem.get("code") if isinstance(problem, dict) else None
    return code if isinstance(code, str) and len(code) <= 64 else f"http_{response.status_code}"


def _transient(response: httpx.Response) -> bool:
    return response.status_code in (408, 425, 429) or response.status_code >= 500


class SharingClient:
    """One arrangement's v2 step; ``http`` already has the receiver's address and timeouts."""

    def __init__(self, port: SharingPort) -> None:
        self.port = port

    def run(self, http: httpx.Client, token: str, key: Ed25519PrivateKey, enrolment,
            summary: SharingSummary | None = None) -> SharingSummary:
        summary = summary or SharingSummary()
        arrangement_id = enrolment.arrangement_id
        if not self.port.active(arrangement_id):
            return summary
        headers = {"Authorization": f"Bearer {token}"}
        try:
            pinned = self.receiver_key(http, headers, arrangement_id, summary)
            self._publish(http, headers, key, arrangement_id, summary)
            self._links(http, headers, arrangement_id, summary)
            self._revocations(http, headers, arrangement_id, summary)
            self.pull_events(http, headers, arrangement_id, pinned, summary, enrolment.remote_arrangement_id)
        except Stop:
            pass
        return summary

    # -- requests --------------------------------------------------------------------------

    def _call(self, http: httpx.Client, method: str, url: str, summary: SharingSummary, **options) -> httpx.Response:
        try:
            response = http.request(method, url, **options)
        except httpx.HTTPError:
            raise Stop() from None  # not reachable now: the next pass tries again
        if response.status_code in (401, 403):
            summary.messages.append(Message("sync.sharing.access_refused"))
            raise Stop()
        if _transient(response):
            raise Stop()
        return response

    def receiver_key(self, http: httpx.Client, headers: dict, arrangement_id: int,
                     summary: SharingSummary) -> tuple[str, bytes]:
        """The receiver's event key, pinned at first sight; another key later stops the step."""
        response = self._call(http, "GET", "/v2/receiver-key", summary, headers=headers)
        if response.status_code == 404:
            summary.messages.append(Message("sync.sharing.no_v2"))
            raise Stop()
        try:
            offered = ReceiverKey.model_validate(_json(response))
            public_raw = base64.b64decode(offered.public_key, validate=True)
        except (ValidationError, ValueError):
            summary.messages.append(Message("sync.sharing.key_unreadable"))
            raise Stop() from None
        if not _ok(response) or key_id_of(public_raw) != offered.key_id:
            summary.messages.append(Message("sync.sharing.key_unreadable"))
            raise Stop()
        pinned = self.port.pinned_key(arrangement_id)
        if pinned is None:
            self.port.pin_key(arrangement_id, offered.key_id, public_raw)
            return offered.key_id, public_raw
        if pinned[1] != public_raw or pinned[0] != offered.key_id:
            summary.messages.append(Message("sync.sharing.key_changed", {"pinned": pinned[0], "offered": offered.key_id}))
            self.port.refuse(arrangement_id, "receiver-key", Message("sync.sharing.key_changed_kept"))  # shown
            raise Stop()
        return pinned

    def _publish(self, http, headers, key, arrangement_id: int, summary: SharingSummary) -> None:
        for publication_id, body in self.port.unsent_publications(arrangement_id):
            envelope = sign_publication_bytes(key, body).model_dump(mode="json")
            response = self._call(http, "PUT", f"/v2/publications/{publication_id}", summary,
                                  json=envelope, headers=headers)
            if _ok(response):
                self.port.publication_sent(publication_id)
                summary.published += 1
            else:
                summary.messages.append(Message("sync.sharing.publication_refused", {"code": _code(response)}))

    def _links(self, http, headers, arrangement_id: int, summary: SharingSummary) -> None:
        for grant in self.port.unsent_links(arrangement_id):
            response = self._call(http, "PUT", f"/v2/links/{grant.link_id}", summary,
                                  json=grant.model_dump(mode="json"), headers=headers)
            if _ok(response):
                self.port.link_sent(str(grant.link_id))
                summary.links += 1
            else:
                summary.messages.append(Message("sync.sharing.link_refused", {"code": _code(response)}))

    def _revocations(self, http, headers, arrangement_id: int, summary: SharingSummary) -> None:
        for revocation in self.port.unsent_revocations(arrangement_id):
            response = self._call(http, "POST", f"/v2/links/{revocation.link_id}/revoke", summary,
                                  json=revocation.model_dump(mode="json"), headers=headers)
            # 404: the grant never reached the receiver, so there is nothing to revoke there.
            if _ok(response) or response.status_code == 404:
                self.port.revocation_sent(str(revocation.link_id))
                summary.revoked += 1
            else:
                summary.messages.append(Message("sync.sharing.revoke_refused", {"code": _code(response)}))

    # -- events ----------------------------------------------------------------------------

    def pull_events(self, http, headers, arrangement_id: int, pinned: tuple[str, bytes],
                    summary: SharingSummary, remote_arrangement_id: str | None = None) -> None:
        cursor = self.port.events_cursor(arrangement_id)
        restarted = False
        for _ in range(1000):
            response = self._call(http, "GET", "/v2/events", summary,
                                  params={"since": cursor, "limit": EVENTS_PAGE}, headers=headers)
            if response.status_code == 409 and _code(response) == "cursor_ahead" and not restarted:
                # The receiver was restored from an older copy: read from the start again;
                # applying is idempotent on each event's id.
                restarted, cursor = True, 0
                self.port.set_events_cursor(arrangement_id, 0)
                continue
            if response.status_code != 200:
                return
            try:
                page = EventsPage.model_validate(_json(response))
            except ValidationError:
                summary.messages.append(Message("sync.sharing.events_unreadable"))
                return
            if not self.apply_envelopes(arrangement_id, page.events, pinned, cursor, summary, remote_arrangement_id):
                return
            # the cursor moves only with the events applied: a `next` with nothing behind it
            # cannot make this desktop skip events
            if len(page.events) < EVENTS_PAGE or page.next <= cursor:
                return
            moved = self.port.events_cursor(arrangement_id)
            if moved <= cursor:
                return  # a full page that moved nothing: read again next pass, not in a loop
            cursor = moved

    def apply_envelopes(self, arrangement_id: int, envelopes, pinned: tuple[str, bytes], cursor: int,
                        summary: SharingSummary, remote_arrangement_id: str | None = None) -> bool:
        """Verify and apply each event after ``cursor`` in order; False when one did not verify
        (the rest waits: the cursor stays before it)."""
        for envelope in envelopes:
            try:
                event = verify_event(envelope, *pinned)
            except EventRefused as refused:
                self.port.refuse(arrangement_id, None, refused.text)
                summary.refused += 1
                summary.messages.append(refused.text)
                return False
            if event.seq <= cursor:
                continue  # delivered twice (a page read again): applied once
            if remote_arrangement_id is not None and event.arrangement_id != remote_arrangement_id:
                self.port.refuse(arrangement_id, str(event.event_id), Message("sync.sharing.event_other_arrangement"))
                summary.refused += 1
                return False
            if self.port.apply_event(arrangement_id, event):
                summary.applied += 1
            else:
                summary.refused += 1
            cursor = event.seq
        return True


def new_link_code() -> str:
    """A capability code of 192 bits (the contract asks at least 128)."""
    import secrets

    return secrets.token_urlsafe(24)


def new_id() -> str:
    return str(uuid.uuid4())
