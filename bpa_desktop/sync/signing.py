"""Ed25519 signatures over submission bodies.

The arrangement's device holds the private key (in the keyring); the receiver holds only the
public key, so a valid signature shows the device produced the exact bytes. The signature covers
`b"bpa-sync/1\\n" + body_bytes`, and verification works on the raw bytes before anything is
parsed, so no re-serialisation can change what was signed.
"""

from __future__ import annotations

import base64
import hashlib

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from bpa_desktop.i18n import t
from bpa_desktop.sync.protocol import (
    SIGNATURE_CONTEXT,
    SignedSubmission,
    SubmissionBody,
    canonical_body_bytes,
)


class BadSignature(Exception):
    """The bytes were not signed by this key (tampered, or another key)."""


def generate_private_key() -> Ed25519PrivateKey:
    return Ed25519PrivateKey.generate()


def private_key_to_text(key: Ed25519PrivateKey) -> str:
    """Base64 of the 32 raw private bytes, for the keyring (never the DB or a log)."""
    return base64.b64encode(key.private_bytes_raw()).decode("ascii")


def private_key_from_text(text: str) -> Ed25519PrivateKey:
    return Ed25519PrivateKey.from_private_bytes(base64.b64decode(text, validate=True))


def public_key_raw(key: Ed25519PrivateKey) -> bytes:
    return key.public_key().public_bytes_raw()


def key_id(public_raw: bytes) -> str:
    """First 16 hex digits of SHA-256 of the raw public key (also printed as fingerprint)."""
    return hashlib.sha256(public_raw).hexdigest()[:16]


def sign_bytes(key: Ed25519PrivateKey, body_bytes: bytes) -> bytes:
    return key.sign(SIGNATURE_CONTEXT + body_bytes)


def verify_bytes(public_raw: bytes, body_bytes: bytes, signature: bytes) -> None:
    """Raise BadSignature unless `signature` is this key's over exactly `body_bytes`."""
    try:
        Ed25519PublicKey.from_public_bytes(public_raw).verify(signature, SIGNATURE_CONTEXT + body_bytes)
    except (InvalidSignature, ValueError) as error:
        raise BadSignature(t("sync.signing.mismatch")) from error


def sign_submission(key: Ed25519PrivateKey, body: SubmissionBody) -> SignedSubmission:
    body_bytes = canonical_body_bytes(body)
    return SignedSubmission.of(key_id(public_key_raw(key)), body_bytes, sign_bytes(key, body_bytes))


def verified_body_bytes(signed: SignedSubmission, public_raw: bytes) -> bytes:
    """The raw body bytes of `signed`, after checking key id and signature (not yet parsed)."""
    if signed.key_id != key_id(public_raw):
        raise BadSignature(t("sync.signing.key_id"))
    body_bytes = signed.body_bytes()
    verify_bytes(public_raw, body_bytes, signed.sig_bytes())
    return body_bytes
