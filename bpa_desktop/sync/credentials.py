"""Secrets of sync (the arrangement's signing key and the receiver's API token) in the keyring.

On a machine without a usable keyring (headless Linux without a Secret Service selects
`keyring.backends.fail`), keyring raises; we turn that into `CredentialsUnavailable` with a
plain Norwegian message so the app can explain it and keep working offline. Secret values are
never logged or put into exception texts.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import keyring
import keyring.errors
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from bpa_desktop.i18n import t
from bpa_desktop.sync import signing

SERVICE = "bpa-desktop"


T = TypeVar("T")


class CredentialsUnavailable(Exception):
    """No keyring to read or write secrets; the message is for the user (sync.no_keyring)."""

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or t("sync.no_keyring"))


def signing_key_name(arrangement_id: str) -> str:
    return f"signing-key:{arrangement_id}"


def token_name(receiver_url: str, arrangement_id: str) -> str:
    return f"token:{receiver_url}:{arrangement_id}"


def _guarded(call: Callable[[], T]) -> T:
    try:
        return call()
    except keyring.errors.PasswordDeleteError:
        raise  # "no such entry": the keyring itself works
    except keyring.errors.KeyringError:
        # `from None`: the backend's own text may echo details we do not want in logs.
        raise CredentialsUnavailable() from None


def store_signing_key(arrangement_id: str, key: Ed25519PrivateKey) -> None:
    text = signing.private_key_to_text(key)
    _guarded(lambda: keyring.set_password(SERVICE, signing_key_name(arrangement_id), text))


def load_signing_key(arrangement_id: str) -> Ed25519PrivateKey | None:
    text = _guarded(lambda: keyring.get_password(SERVICE, signing_key_name(arrangement_id)))
    return None if text is None else signing.private_key_from_text(text)


def store_token(receiver_url: str, arrangement_id: str, token: str) -> None:
    _guarded(lambda: keyring.set_password(SERVICE, token_name(receiver_url, arrangement_id), token))


def load_token(receiver_url: str, arrangement_id: str) -> str | None:
    return _guarded(lambda: keyring.get_password(SERVICE, token_name(receiver_url, arrangement_id)))


def delete_token(receiver_url: str, arrangement_id: str) -> None:
    """Forget the token (after it was revoked); a missing entry is not an error."""
    try:
        _guarded(lambda: keyring.delete_password(SERVICE, token_name(receiver_url, arrangement_id)))
    except keyring.errors.PasswordDeleteError:
        pass
