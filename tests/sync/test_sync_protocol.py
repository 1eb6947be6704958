"""bpa-sync/1 messages: privacy limits of the body, canonical bytes, signatures."""

from __future__ import annotations

import json
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol import (
    SubmissionBody,
    canonical_body_bytes,
    canonical_json_bytes,
    parse_body,
)
from tests.sync.receiver_helpers import make_body


def body_dict(**changes) -> dict:
    data = json.loads(canonical_body_bytes(make_body("arr-1")))
    data.update(changes)
    return data


@pytest.mark.parametrize(
    "extra",
    [{"fodselsnummer": "01019912345"}, {"note": "Har hatt en tung uke"}, {"diagnosis": "x"}, {"name": "Kari"}],
)
def test_body_refuses_fields_privacy_does_not_allow(extra):
    with pytest.raises(ValidationError, match="Extra inputs are not permitted"):
        SubmissionBody.model_validate_json(json.dumps(body_dict(**extra)))


@pytest.mark.parametrize(
    "changes",
    [
        {"employee_no": "01019912345"},  # looks like a national identity number
        {"employee_no": "Kari Nordmann"},  # free text
        {"lines": {"100": 90.5}},  # floats are not minutes
        {"lines": {"100": True}},
        {"lines": {"Kveld med Kari": 60}},  # pay codes are codes
        {"lines": {"100": -1}},
        {"period": "2026-13"},
        {"attested_at": "2026-04-01T08:30:00"},  # no zone
        {"attested_by_role": "assistent"},
        {"version": 2},  # v2 must supersede something and be a correction
        {"kind": "correction"},
        {"supersedes": str(uuid.uuid4())},
    ],
)
def test_body_refuses_values_outside_the_protocol(changes):
    with pytest.raises(ValidationError):
        SubmissionBody.model_validate_json(json.dumps(body_dict(**changes)))


def test_canonical_bytes_are_sorted_compact_utf8_and_round_trip():
    body = make_body("arr-1", attested_at=datetime(2026, 4, 1, 10, 30, 15, 999, tzinfo=timezone(timedelta(hours=2))))
    raw = canonical_body_bytes(body)
    data = json.loads(raw)
    assert list(data) == sorted(data)
    assert b" " not in raw and b"\n" not in raw
    assert data["attested_at"] == "2026-04-01T08:30:15Z"
    assert parse_body(raw) == body
    assert canonical_body_bytes(parse_body(raw)) == raw


def test_canonical_json_refuses_floats():
    with pytest.raises(ValueError):
        canonical_json_bytes({"a": [1, {"b": 0.5}]})


@settings(max_examples=50, deadline=None)
@given(
    employee_no=st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9-]{0,9}\Z"),
    lines=st.dictionaries(st.from_regex(r"\A[A-Za-z0-9][A-Za-z0-9._-]{0,8}\Z"), st.integers(0, 44_640), max_size=8),
    month=st.integers(1, 12),
)
def test_canonical_bytes_are_stable_through_parse(employee_no, lines, month):
    body = make_body("arr-1", employee_no=employee_no, lines=lines, period=f"2026-{month:02d}")
    raw = canonical_body_bytes(body)
    assert canonical_body_bytes(parse_body(raw)) == raw


def test_signature_covers_the_exact_bytes_with_domain_separation():
    key = signing.generate_private_key()
    public_raw = signing.public_key_raw(key)
    signed = signing.sign_submission(key, make_body("arr-1"))
    assert signed.key_id == signing.key_id(public_raw) and len(signed.key_id) == 16
    raw = signed.body_bytes()
    assert signing.verified_body_bytes(signed, public_raw) == raw
    for index in (0, len(raw) // 2, len(raw) - 1):
        flipped = bytearray(raw)
        flipped[index] ^= 0x01
        with pytest.raises(signing.BadSignature):
            signing.verify_bytes(public_raw, bytes(flipped), signed.sig_bytes())
    # A signature over the bare bytes (no "bpa-sync/1\n" prefix) is not accepted.
    with pytest.raises(signing.BadSignature):
        signing.verify_bytes(public_raw, raw, key.sign(raw))
    other = signing.public_key_raw(signing.generate_private_key())
    with pytest.raises(signing.BadSignature):
        signing.verified_body_bytes(signed, other)


def test_private_key_text_round_trip():
    key = signing.generate_private_key()
    again = signing.private_key_from_text(signing.private_key_to_text(key))
    assert signing.public_key_raw(again) == signing.public_key_raw(key)
