"""Wire messages of `bpa-sync/1`, shared by the desktop client and the receiver.

The submission body holds only what docs/domain.md's privacy section lets the municipality see:
arrangement reference, employee number, period, hours by pay line and the attestation.
Unknown fields are refused, so a national identity number or a free-text note cannot ride
along by accident. Hours travel as integer minutes (no floats), and the body is written as
canonical JSON so its SHA-256 is stable (JCS-style: sorted keys, UTF-8, compact).
"""

from __future__ import annotations

import base64
import binascii
import json
import re
import uuid
from datetime import datetime, timezone
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    AwareDatetime,
    BaseModel,
    ConfigDict,
    Field,
    StrictInt,
    field_serializer,
    field_validator,
    model_validator,
)

from bpa_desktop.i18n import t
from bpa_desktop.message import Message

PROTOCOL = "bpa-sync/1"
SIGNATURE_CONTEXT = b"bpa-sync/1\n"  # domain separation: a signature means "this protocol"
MAX_BODY_BYTES = 64 * 1024
# The longest month (31 days plus the autumn DST hour) in minutes: no single pay line can hold more.
MAX_LINE_MINUTES = (31 * 24 + 1) * 60

# Identifiers are short codes, never prose: the patterns keep free text out of the body.
ARRANGEMENT_ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"
EMPLOYEE_NO_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9-]{0,19}$"
PAY_CODE_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,31}$")
PERIOD_PATTERN = r"^[0-9]{4}-(0[1-9]|1[0-2])$"
KEY_ID_PATTERN = r"^[0-9a-f]{16}$"
SHA256_PATTERN = r"^[0-9a-f]{64}$"


class WireValueError(ValueError):
    """A value a message may not hold. ``message`` keeps the reason as a catalogue message (a
    client stores it on the outbox row, pydantic keeps the error in ``ctx``); ``str(error)``
    is it in the current language."""

    def __init__(self, message: Message) -> None:
        self.message = message
        super().__init__(message.render())


def reason_of(error: dict) -> str | Message:
    """What one of pydantic's ``errors()`` says: our own message, else pydantic's words."""
    cause = (error.get("ctx") or {}).get("error")
    return cause.message if isinstance(cause, WireValueError) else error["msg"]


def _strict_base64(value: str) -> bytes:
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError) as error:
        raise WireValueError(Message("sync.protocol.base64")) from error


def _is_base64(value: str) -> str:
    _strict_base64(value)
    return value


def _not_national_id(value: str) -> str:
    # An 11-digit number is what a fødselsnummer / D-nummer looks like; employee numbers are shorter.
    if len(value) == 11 and value.isdigit():
        raise WireValueError(Message("sync.protocol.national_id"))
    return value


# Standard base64 with padding, as b64encode writes it; the patterns also tell the OpenAPI
# document (and so any generated client or test) what a valid value looks like.
BASE64_PATTERN = r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$"
ED25519_PUBLIC_KEY_PATTERN = r"^[A-Za-z0-9+/]{43}=$"  # 32 raw bytes
ED25519_SIGNATURE_PATTERN = r"^[A-Za-z0-9+/]{86}==$"  # 64 raw bytes
Base64Text = Annotated[
    str, Field(max_length=2 * MAX_BODY_BYTES, pattern=BASE64_PATTERN), AfterValidator(_is_base64)
]
SignatureText = Annotated[str, Field(pattern=ED25519_SIGNATURE_PATTERN), AfterValidator(_is_base64)]
PublicKeyText = Annotated[str, Field(pattern=ED25519_PUBLIC_KEY_PATTERN), AfterValidator(_is_base64)]
EmployeeNo = Annotated[str, Field(pattern=EMPLOYEE_NO_PATTERN), AfterValidator(_not_national_id)]
Minutes = Annotated[StrictInt, Field(ge=0, le=MAX_LINE_MINUTES)]


class WireModel(BaseModel):
    """Base of every message: unknown fields are refused, instances are immutable."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class SubmissionBody(WireModel):
    """What the arbeidsleder attests for one employee and one period (the signed bytes)."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    submission_id: uuid.UUID
    arrangement_id: str = Field(pattern=ARRANGEMENT_ID_PATTERN)
    employee_no: EmployeeNo
    period: str = Field(pattern=PERIOD_PATTERN)
    version: StrictInt = Field(ge=1, le=10_000)
    supersedes: uuid.UUID | None
    kind: Literal["attestation", "correction"]
    lines: dict[str, Minutes] = Field(max_length=64)
    attested_by_role: Literal["arbeidsleder"]
    attested_at: AwareDatetime
    app_version: str = Field(pattern=r"^[0-9A-Za-z][0-9A-Za-z.+-]{0,31}$")

    @field_validator("lines")
    @classmethod
    def _pay_codes_are_codes(cls, lines: dict[str, int]) -> dict[str, int]:
        for code in lines:
            if not PAY_CODE_PATTERN.match(code):
                raise WireValueError(Message("sync.protocol.pay_code", {"code": repr(code)}))
        return lines

    @field_validator("attested_at")
    @classmethod
    def _to_utc_seconds(cls, value: datetime) -> datetime:
        return value.astimezone(timezone.utc).replace(microsecond=0)

    @field_serializer("attested_at")
    def _write_utc(self, value: datetime) -> str:
        return value.strftime("%Y-%m-%dT%H:%M:%SZ")

    @model_validator(mode="after")
    def _version_chain_is_consistent(self) -> SubmissionBody:
        first = self.version == 1
        if first != (self.supersedes is None):
            raise WireValueError(Message("sync.protocol.supersedes"))
        if first != (self.kind == "attestation"):
            raise WireValueError(Message("sync.protocol.kind"))
        if self.supersedes == self.submission_id:
            raise WireValueError(Message("sync.protocol.self"))
        return self


def _reject_floats(value: object) -> None:
    if isinstance(value, float):
        raise ValueError(t("sync.protocol.float"))
    if isinstance(value, dict):
        for item in value.values():
            _reject_floats(item)
    elif isinstance(value, list):
        for item in value:
            _reject_floats(item)


def canonical_json_bytes(data: object) -> bytes:
    """Sorted keys, UTF-8, compact separators, no floats, no NaN."""
    _reject_floats(data)
    text = json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.encode("utf-8")


def canonical_body_bytes(body: SubmissionBody) -> bytes:
    return canonical_json_bytes(body.model_dump(mode="json"))


def parse_body(body_bytes: bytes) -> SubmissionBody:
    """Parse verified body bytes (raises pydantic.ValidationError)."""
    return SubmissionBody.model_validate_json(body_bytes)


class SignedSubmission(WireModel):
    """HTTP body of POST /v1/submissions and one item of a bundle."""

    protocol: Literal["bpa-sync/1"] = PROTOCOL
    key_id: str = Field(pattern=KEY_ID_PATTERN)
    body: Base64Text
    sig: SignatureText

    @classmethod
    def of(cls, key_id: str, body: bytes, sig: bytes) -> SignedSubmission:
        """The envelope of signed body bytes, as the HTTP body and a bundle item carry it."""
        return cls(key_id=key_id, body=base64.b64encode(body).decode("ascii"),
                   sig=base64.b64encode(sig).decode("ascii"))

    def body_bytes(self) -> bytes:
        return _strict_base64(self.body)

    def sig_bytes(self) -> bytes:
        return _strict_base64(self.sig)


class Receipt(WireModel):
    submission_id: uuid.UUID
    body_sha256: str = Field(pattern=SHA256_PATTERN)
    received_at: AwareDatetime
    seq: int  # the receiver's storage order of this submission


class Decision(WireModel):
    seq: int  # gap-free commit order of decisions; the client's cursor
    submission_id: uuid.UUID
    decision: Literal["accepted", "rejected"]
    reason: str | None = None
    decided_at: AwareDatetime


class DecisionsPage(WireModel):
    decisions: list[Decision]
    next: int  # pass as `since` next time


class EnrolRequest(WireModel):
    code: str = Field(min_length=6, max_length=64)
    public_key: PublicKeyText
    key_id: str = Field(pattern=KEY_ID_PATTERN)
    device_label: str = Field(default="", max_length=64)


class EnrolResponse(WireModel):
    arrangement_id: str
    key_id: str
    token: str


class StatusRequest(WireModel):
    ids: list[uuid.UUID] = Field(max_length=1000)


SubmissionState = Literal["unknown", "received", "accepted", "rejected", "superseded"]


class SubmissionStatus(WireModel):
    submission_id: uuid.UUID
    state: SubmissionState
    body_sha256: str | None = None
    seq: int | None = None


class StatusResponse(WireModel):
    submissions: list[SubmissionStatus]


class Problem(WireModel):
    """RFC 9457 problem details; `code` is the stable machine-readable part."""

    model_config = ConfigDict(extra="allow", frozen=True)

    type: str = "about:blank"
    title: str
    status: int
    detail: str = ""
    code: str


PROBLEM_MEDIA_TYPE = "application/problem+json"
