"""The receiver's own Ed25519 key: it signs every `bpa-sync/2` event, the desktop pins its
public half at first sight (GET /v2/receiver-key) and checks each event against it.

Made once, the first time it is needed (an insert that ignores a concurrent twin, so two
workers agree on one key). The private half is stored only sealed: AES-256-GCM under a key
derived with scrypt from the `key_secret` setting (BPA_RECEIVER_KEY_SECRET), the key id as
associated data. A database dump or backup alone cannot sign events; losing the secret means
a new key, which every desktop then refuses until its leader re-pins it (docs/receiver.md).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from sqlalchemy import select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from bpa_desktop.i18n import t
from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol_v2 import EVENT_SIGNATURE_CONTEXT
from bpa_desktop.sync.receiver.enrolment import audit
from bpa_desktop.sync.receiver.problems import ProblemError
from bpa_desktop.sync.receiver.store import ReceiverKey, utc_now

KEY_ROW = 1
_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32, "maxmem": 64 * 1024 * 1024}
_cache: dict[tuple[str, str], Ed25519PrivateKey] = {}  # (key id, secret digest) -> key, per process


@dataclass(frozen=True)
class SigningKey:
    key_id: str
    public_key: bytes
    private: Ed25519PrivateKey

    def sign_event(self, body: bytes) -> bytes:
        return self.private.sign(EVENT_SIGNATURE_CONTEXT + body)


def _unavailable() -> ProblemError:
    return ProblemError(503, "receiver_key_unavailable", t("receiver.problem.receiver_key_unavailable"))


def _wrapping_key(secret: str, salt: bytes) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, **_SCRYPT)


def form_secret(secret: str) -> bytes:
    """The phone pages' form-token key: derived from the same secret, for another purpose."""
    return hmac.new(secret.encode("utf-8"), b"bpa-receiver form tokens\n", hashlib.sha256).digest()


def _secret(settings) -> str:
    if settings.key_secret is None:
        raise _unavailable()
    return settings.key_secret.get_secret_value()


def _create(session: Session, secret: str) -> None:
    private = signing.generate_private_key()
    public_raw = signing.public_key_raw(private)
    key_id = signing.key_id(public_raw)
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    sealed = AESGCM(_wrapping_key(secret, salt)).encrypt(nonce, private.private_bytes_raw(), key_id.encode("ascii"))
    insert = {"postgresql": postgresql.insert, "sqlite": sqlite.insert}[session.get_bind().dialect.name]
    created = session.execute(
        insert(ReceiverKey).values(id=KEY_ROW, key_id=key_id, public_key=public_raw, sealed_private_key=sealed,
                                   kdf_salt=salt, nonce=nonce, created_at=utc_now())
        .on_conflict_do_nothing(index_elements=["id"]).returning(ReceiverKey.id)
    ).scalar_one_or_none()
    if created is not None:
        audit(session, "receiver", "receiver_key_created", key_id)


def public_key(session: Session) -> ReceiverKey | None:
    return session.get(ReceiverKey, KEY_ROW)


def signing_key(session: Session, settings) -> SigningKey:
    """The receiver's key, made now if there is none (in the caller's write transaction)."""
    secret = _secret(settings)
    row = public_key(session)
    if row is None:
        _create(session, secret)
        row = session.scalars(select(ReceiverKey).where(ReceiverKey.id == KEY_ROW)
                              .execution_options(populate_existing=True)).one()
    cache_key = (row.key_id, hashlib.sha256(secret.encode("utf-8")).hexdigest())
    private = _cache.get(cache_key)
    if private is None:
        try:
            raw = AESGCM(_wrapping_key(secret, row.kdf_salt)).decrypt(row.nonce, row.sealed_private_key,
                                                                       row.key_id.encode("ascii"))
        except InvalidTag:
            raise ProblemError(503, "receiver_key_sealed", t("receiver.problem.receiver_key_sealed")) from None
        private = Ed25519PrivateKey.from_private_bytes(raw)
        if signing.key_id(signing.public_key_raw(private)) != row.key_id:
            raise ProblemError(503, "receiver_key_sealed", t("receiver.problem.receiver_key_sealed"))
        _cache[cache_key] = private
    return SigningKey(row.key_id, row.public_key, private)
