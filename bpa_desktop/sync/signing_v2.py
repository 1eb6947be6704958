"""Signatures of `bpa-sync/2` (docs/protocol-v2.md): the device signs a publication, the
receiver signs each event, each with its own domain-separation context so that neither can be
taken for the other or for a v1 submission. An event is checked on its raw bytes against the
receiver key the desktop pinned, and only then parsed."""

from __future__ import annotations

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pydantic import ValidationError

from bpa_desktop.core.input_file import InputError, parse_json
from bpa_desktop.message import Message
from bpa_desktop.sync.protocol_v2 import (
    EVENT_SIGNATURE_CONTEXT,
    PUBLICATION_SIGNATURE_CONTEXT,
    EventBody,
    PublicationBody,
    SignedEnvelope,
    canonical_bytes,
)
from bpa_desktop.sync.signing import key_id, public_key_raw


class EventRefused(Exception):
    """An event that is not the receiver's (another key, a changed byte) or not an event."""

    def __init__(self, text: Message) -> None:
        super().__init__(text.key)
        self.text = text


def sign_publication(key: Ed25519PrivateKey, body: PublicationBody) -> SignedEnvelope:
    return sign_publication_bytes(key, canonical_bytes(body))


def sign_publication_bytes(key: Ed25519PrivateKey, body_bytes: bytes) -> SignedEnvelope:
    return SignedEnvelope.of(key_id(public_key_raw(key)), body_bytes, key.sign(PUBLICATION_SIGNATURE_CONTEXT + body_bytes))


def sign_event(key: Ed25519PrivateKey, body: EventBody) -> SignedEnvelope:
    """What the receiver does (tests and the receiver's own code may use it)."""
    body_bytes = canonical_bytes(body)
    return SignedEnvelope.of(key_id(public_key_raw(key)), body_bytes, key.sign(EVENT_SIGNATURE_CONTEXT + body_bytes))


def verify_event(envelope: SignedEnvelope, pinned_key_id: str, public_raw: bytes) -> EventBody:
    """The event in ``envelope`` once its signature by the pinned receiver key holds over the
    raw bytes; raises EventRefused otherwise (nothing is parsed before the check)."""
    if envelope.key_id != pinned_key_id or key_id(public_raw) != pinned_key_id:
        raise EventRefused(Message("sync.sharing.event_other_key"))
    body_bytes = envelope.body_bytes()
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(envelope.sig_bytes(), EVENT_SIGNATURE_CONTEXT + body_bytes)
    except (InvalidSignature, ValueError):
        raise EventRefused(Message("sync.sharing.event_bad_signature")) from None
    try:
        return EventBody.model_validate(parse_json(body_bytes.decode("utf-8")))
    except (UnicodeDecodeError, InputError, ValidationError):
        raise EventRefused(Message("sync.sharing.event_unreadable")) from None
