"""Wire messages of `bpa-sync/2`: the other parties' loop (docs/protocol-v2.md).

`bpa-sync/1` (submissions to the municipality) stays as it is. Version 2 adds what lets the
assistants and the rota's approvers act from a phone while the arbeidsleder's desktop stays
the one place where records change:

* the desktop **publishes** an assistant's draft month or a rota version (device-signed, like a
  submission) and **grants links** (a capability code the desktop makes and shows as a QR
  code; the receiver keeps only its SHA-256) or revokes them;
* the receiver serves the phone pages and turns what a person does there into **events**
  (a proposal, a confirmation, an approval or comment), numbered gap-free and signed with the
  receiver's own key, which the desktop pins and checks before it parses an event.

What an assistant's month view holds is exactly what the assistant may see: their own shifts
and absence codes, no colleague's absence, nobody's notes. A rota view names who works by the
short display name the leader chose (a first name or initials), nothing more.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from datetime import date
from typing import Annotated, Literal

from pydantic import AwareDatetime, Field, StrictBool, StrictInt, model_validator

from bpa_desktop.message import Message
from bpa_desktop.sync.protocol import (
    ARRANGEMENT_ID_PATTERN,
    KEY_ID_PATTERN,
    PERIOD_PATTERN,
    SHA256_PATTERN,
    Base64Text,
    PublicKeyText,
    SignatureText,
    WireModel,
    WireValueError,
    _strict_base64,
    canonical_json_bytes,
)

PROTOCOL_V2 = "bpa-sync/2"
# Domain separation: a device signature over a publication and a receiver signature over an
# event can never be taken for each other or for a v1 submission.
PUBLICATION_SIGNATURE_CONTEXT = b"bpa-sync/2 publication\n"
EVENT_SIGNATURE_CONTEXT = b"bpa-sync/2 event\n"
MAX_PUBLICATION_BYTES = 256 * 1024
LINK_CODE_MIN_BYTES = 16  # 128 bits of randomness at least (secrets.token_urlsafe(16) or more)

REF_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9-]{0,39}$"  # opaque references, never a name or a number
CODE_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]{0,15}$"  # a shift template or absence code

Ref = Annotated[str, Field(pattern=REF_PATTERN)]
ShortName = Annotated[str, Field(min_length=1, max_length=40)]
Role = Literal["assistant", "union_rep", "employer", "municipality"]
LinkRole = Literal["assistant", "union_rep", "employer"]
# Where a confirmation or an approval was given: the desktop adds "table" and "paper" itself.
EventChannel = Literal["link", "staff_page"]
ChangeKind = Literal["as_planned", "late_start", "left_early", "stayed_longer", "sick", "extra_shift"]
DayMinutes = Annotated[StrictInt, Field(ge=0, le=25 * 60)]  # the autumn DST day has 25 hours


class MonthShift(WireModel):
    shift_ref: Ref  # stable per worked record, so a proposal names the shift it is about
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    minutes: DayMinutes
    code: str | None = Field(default=None, pattern=CODE_PATTERN)
    absence: str | None = Field(default=None, pattern=CODE_PATTERN)  # own absence only


class MonthView(WireModel):
    """An assistant's own month, as they see it on the phone or at the table."""

    arrangement_id: str = Field(pattern=ARRANGEMENT_ID_PATTERN)
    assistant_ref: Ref
    display_name: ShortName
    period: str = Field(pattern=PERIOD_PATTERN)
    timesheet_version: StrictInt = Field(ge=1)
    shifts: list[MonthShift] = Field(max_length=200)
    total_minutes: StrictInt = Field(ge=0, le=(31 * 24 + 1) * 60)


class RotaShift(WireModel):
    starts_at: AwareDatetime
    ends_at: AwareDatetime
    code: str | None = Field(default=None, pattern=CODE_PATTERN)
    who: ShortName | None = None  # None: an open shift


class RotaView(WireModel):
    """One rota version as its approvers see it."""

    arrangement_id: str = Field(pattern=ARRANGEMENT_ID_PATTERN)
    rota_version_id: StrictInt = Field(ge=1)
    label: str = Field(min_length=1, max_length=80)
    valid_from: date
    valid_to: date
    shifts: list[RotaShift] = Field(max_length=2000)


def view_hash(view: MonthView | RotaView) -> str:
    """SHA-256 of the view's canonical JSON: what a confirmation or approval says was seen."""
    return hashlib.sha256(canonical_json_bytes(view.model_dump(mode="json"))).hexdigest()


class PublicationBody(WireModel):
    """The device-signed bytes of PUT /v2/publications/{publication_id}."""

    publication_id: uuid.UUID
    arrangement_id: str = Field(pattern=ARRANGEMENT_ID_PATTERN)
    kind: Literal["month", "rota"]
    month: MonthView | None = None
    rota: RotaView | None = None
    content_hash: str = Field(pattern=SHA256_PATTERN)
    published_at: AwareDatetime

    @model_validator(mode="after")
    def _one_view_with_its_hash(self) -> PublicationBody:
        view = self.month if self.kind == "month" else self.rota
        other = self.rota if self.kind == "month" else self.month
        if view is None or other is not None or view.arrangement_id != self.arrangement_id:
            raise WireValueError(Message("sync.protocol_v2.publication_view"))
        if view_hash(view) != self.content_hash:
            raise WireValueError(Message("sync.protocol_v2.content_hash"))
        return self

    def view(self) -> MonthView | RotaView:
        return self.month if self.kind == "month" else self.rota


class SignedEnvelope(WireModel):
    """Signed canonical bytes: a publication (device key) or an event (receiver key)."""

    protocol: Literal["bpa-sync/2"] = PROTOCOL_V2
    key_id: str = Field(pattern=KEY_ID_PATTERN)
    body: Base64Text
    sig: SignatureText

    @classmethod
    def of(cls, key_id: str, body: bytes, sig: bytes) -> SignedEnvelope:
        return cls(key_id=key_id, body=base64.b64encode(body).decode("ascii"),
                   sig=base64.b64encode(sig).decode("ascii"))

    def body_bytes(self) -> bytes:
        return _strict_base64(self.body)

    def sig_bytes(self) -> bytes:
        return _strict_base64(self.sig)


class LinkGrant(WireModel):
    """PUT /v2/links/{link_id}: who may open which pages with the code whose hash this is."""

    link_id: uuid.UUID
    arrangement_id: str = Field(pattern=ARRANGEMENT_ID_PATTERN)
    role: LinkRole
    assistant_ref: Ref | None = None  # required for an assistant's link, absent otherwise
    label: ShortName  # how the page greets the person ("Kari", "Tillitsvalgt")
    code_sha256: str = Field(pattern=SHA256_PATTERN)
    expires_at: AwareDatetime

    @model_validator(mode="after")
    def _assistant_links_name_the_assistant(self) -> LinkGrant:
        if (self.role == "assistant") != (self.assistant_ref is not None):
            raise WireValueError(Message("sync.protocol_v2.link_assistant"))
        return self


class LinkRevocation(WireModel):
    """POST /v2/links/{link_id}/revoke (idempotent)."""

    link_id: uuid.UUID
    revoked_at: AwareDatetime


class ProposalPayload(WireModel):
    publication_id: uuid.UUID
    shift_ref: Ref | None = None  # None only for an extra shift
    change: ChangeKind
    minutes: DayMinutes = 0  # how much later / earlier / longer; 0 for as_planned and sick
    starts_at: AwareDatetime | None = None  # an extra shift's own times
    ends_at: AwareDatetime | None = None
    comment: str = Field(default="", max_length=280)

    @model_validator(mode="after")
    def _shape_fits_the_change(self) -> ProposalPayload:
        extra = self.change == "extra_shift"
        if extra != (self.shift_ref is None) or extra != (self.starts_at is not None and self.ends_at is not None):
            raise WireValueError(Message("sync.protocol_v2.proposal_shape"))
        return self


class ConfirmationPayload(WireModel):
    publication_id: uuid.UUID
    period: str = Field(pattern=PERIOD_PATTERN)
    content_hash: str = Field(pattern=SHA256_PATTERN)  # the month view the assistant saw


class ApprovalPayload(WireModel):
    publication_id: uuid.UUID
    rota_version_id: StrictInt = Field(ge=1)
    content_hash: str = Field(pattern=SHA256_PATTERN)
    approved: StrictBool  # False: a comment asking for changes
    comment: str = Field(default="", max_length=500)
    approver: ShortName  # the link's label, or the staff member's name on the staff page


class EventBody(WireModel):
    """The receiver-signed bytes of one event in GET /v2/events."""

    event_id: uuid.UUID
    seq: StrictInt = Field(ge=1)  # gap-free commit order per arrangement; the client's cursor
    arrangement_id: str = Field(pattern=ARRANGEMENT_ID_PATTERN)
    link_id: uuid.UUID | None = None  # None on the staff page
    role: Role
    assistant_ref: Ref | None = None
    channel: EventChannel
    occurred_at: AwareDatetime
    kind: Literal["proposal", "confirmation", "approval"]
    proposal: ProposalPayload | None = None
    confirmation: ConfirmationPayload | None = None
    approval: ApprovalPayload | None = None

    @model_validator(mode="after")
    def _one_payload_of_its_kind(self) -> EventBody:
        present = {name for name in ("proposal", "confirmation", "approval") if getattr(self, name) is not None}
        if present != {self.kind}:
            raise WireValueError(Message("sync.protocol_v2.event_payload"))
        if self.kind != "approval" and (self.role != "assistant" or self.assistant_ref is None):
            raise WireValueError(Message("sync.protocol_v2.event_assistant"))
        return self


class EventsPage(WireModel):
    events: list[SignedEnvelope]
    next: int  # pass as `since` next time


class ReceiverKey(WireModel):
    """GET /v2/receiver-key: the key the desktop pins at first sight and then insists on."""

    key_id: str = Field(pattern=KEY_ID_PATTERN)
    public_key: PublicKeyText


class EventBundle(WireModel):
    """`bpa receiver export-events` → `bpa sync import-events`: events on a memory stick."""

    protocol: Literal["bpa-sync/2"] = PROTOCOL_V2
    arrangement_id: str = Field(pattern=ARRANGEMENT_ID_PATTERN)
    receiver_key: ReceiverKey
    events: list[SignedEnvelope] = Field(max_length=10_000)


def canonical_bytes(model: WireModel) -> bytes:
    return canonical_json_bytes(model.model_dump(mode="json"))
