"""Keyring wrapper: in-process tests swap in a memory backend and restore the original."""

from __future__ import annotations

import keyring
import keyring.backends.fail
import pytest

from bpa_desktop.sync import credentials, signing
from tests.sync.keyring_helpers import MemoryKeyring


@pytest.fixture
def use_keyring():
    previous = keyring.get_keyring()

    def install(backend):
        keyring.set_keyring(backend)
        return backend

    yield install
    keyring.set_keyring(previous)


def test_signing_key_and_token_round_trip_under_documented_names(use_keyring):
    backend = use_keyring(MemoryKeyring())
    key = signing.generate_private_key()
    credentials.store_signing_key("arr-1", key)
    credentials.store_token("https://mottak.example", "arr-1", "bpa1_secret")
    assert set(backend.items) == {
        ("bpa-desktop", "signing-key:arr-1"),
        ("bpa-desktop", "token:https://mottak.example:arr-1"),
    }
    loaded = credentials.load_signing_key("arr-1")
    assert signing.public_key_raw(loaded) == signing.public_key_raw(key)
    assert credentials.load_token("https://mottak.example", "arr-1") == "bpa1_secret"
    assert credentials.load_signing_key("arr-2") is None
    credentials.delete_token("https://mottak.example", "arr-1")
    credentials.delete_token("https://mottak.example", "arr-1")  # already gone: fine
    assert credentials.load_token("https://mottak.example", "arr-1") is None


def test_no_keyring_gives_a_plain_norwegian_error_without_secrets(use_keyring):
    use_keyring(keyring.backends.fail.Keyring())
    with pytest.raises(credentials.CredentialsUnavailable) as caught:
        credentials.store_token("https://mottak.example", "arr-1", "bpa1_secret")
    assert "nøkkelring" in str(caught.value)
    assert "bpa1_secret" not in str(caught.value)
    assert caught.value.__cause__ is None and caught.value.__suppress_context__
    with pytest.raises(credentials.CredentialsUnavailable):
        credentials.load_signing_key("arr-1")
