"""`bpa-bundle/1`: signed submissions in a file, the fallback when there is no network.

A bundle is JSON: `{"format": "bpa-bundle/1", "arrangement_id", "public_key", "key_id",
"created_at", "enrolment"?, "items": [SignedSubmission, ...]}`. Each item is verified on import
exactly like a POST, so importing twice, or importing and later pushing online, stores each
submission once. `enrolment` (one-time code) lets staff enrol the key offline; they compare the
key fingerprint with the one printed on the paper form.
"""

from __future__ import annotations

import base64
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from pydantic import AwareDatetime, Field, ValidationError

from bpa_desktop import atomic_write
from bpa_desktop.i18n import t
from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol import (
    ARRANGEMENT_ID_PATTERN,
    KEY_ID_PATTERN,
    Base64Text,
    SignedSubmission,
    SubmissionBody,
    WireModel,
    parse_body,
)

FORMAT = "bpa-bundle/1"
MAX_ITEMS = 10_000


class BundleError(Exception):
    """The file is not a usable bundle; the message (current language) names the problem."""


class BundleEnrolment(WireModel):
    code: str = Field(min_length=6, max_length=64)
    device_label: str = Field(default="", max_length=64)


class Bundle(WireModel):
    format: Literal["bpa-bundle/1"] = FORMAT
    arrangement_id: str = Field(pattern=ARRANGEMENT_ID_PATTERN)
    public_key: Base64Text
    key_id: str = Field(pattern=KEY_ID_PATTERN)
    created_at: AwareDatetime
    enrolment: BundleEnrolment | None = None
    items: list[SignedSubmission] = Field(max_length=MAX_ITEMS)

    def public_key_bytes(self) -> bytes:
        return base64.b64decode(self.public_key, validate=True)


@dataclass(frozen=True)
class VerifiedItem:
    signed: SignedSubmission
    body_bytes: bytes
    body: SubmissionBody


def build_bundle(
    arrangement_id: str,
    public_key_raw: bytes,
    items: list[SignedSubmission],
    *,
    enrolment: BundleEnrolment | None = None,
    created_at: datetime | None = None,
) -> Bundle:
    return Bundle(
        arrangement_id=arrangement_id,
        public_key=base64.b64encode(public_key_raw).decode("ascii"),
        key_id=signing.key_id(public_key_raw),
        created_at=created_at or datetime.now(timezone.utc).replace(microsecond=0),
        enrolment=enrolment,
        items=items,
    )


def bundle_bytes(bundle: Bundle) -> bytes:
    return bundle.model_dump_json(indent=1, exclude_none=True).encode("utf-8")


def write_bundle(path: Path, bundle: Bundle) -> None:
    """Write atomically: a half-written bundle must never replace a good one."""
    atomic_write.write_bytes(path, bundle_bytes(bundle))


def read_bundle(data: bytes) -> Bundle:
    """Parse a bundle and check its key id belongs to its public key (items not yet verified)."""
    try:
        bundle = Bundle.model_validate_json(data)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or t("sync.bundle.the_file")
        raise BundleError(t("sync.bundle.invalid", format=FORMAT, where=where, detail=first["msg"])) from None
    if signing.key_id(bundle.public_key_bytes()) != bundle.key_id:
        raise BundleError(t("sync.bundle.key_id"))
    return bundle


def verify_bundle(bundle: Bundle) -> list[VerifiedItem]:
    """Check every item against the bundle's own key; raise BundleError at the first bad item."""
    public_raw = bundle.public_key_bytes()
    verified = []
    for index, item in enumerate(bundle.items):
        try:
            body_bytes = signing.verified_body_bytes(item, public_raw)
            body = parse_body(body_bytes)
        except (signing.BadSignature, ValidationError) as error:
            raise BundleError(t("sync.bundle.item", index=index, error=error)) from None
        if body.arrangement_id != bundle.arrangement_id:
            raise BundleError(t("sync.bundle.other_arrangement", index=index))
        verified.append(VerifiedItem(item, body_bytes, body))
    return verified
