"""bpa-bundle/1 files: build, write, read, verify; tampering is caught."""

from __future__ import annotations

import base64
import json

import pytest

from bpa_desktop.sync import bundle, signing
from tests.sync.receiver_helpers import make_body


def test_bundle_round_trip_and_verification(tmp_path):
    key = signing.generate_private_key()
    items = [signing.sign_submission(key, make_body("arr-1", employee_no=str(n))) for n in range(3)]
    built = bundle.build_bundle("arr-1", signing.public_key_raw(key), items,
                                enrolment=bundle.BundleEnrolment(code="ABCD-EFGH-JKLM-NPQR"))
    path = tmp_path / "mars.bpa-bundle.json"
    bundle.write_bundle(path, built)
    assert [p.name for p in tmp_path.iterdir()] == ["mars.bpa-bundle.json"]
    data = json.loads(path.read_text())
    assert data["format"] == "bpa-bundle/1" and data["key_id"] == signing.key_id(signing.public_key_raw(key))
    verified = bundle.verify_bundle(bundle.read_bundle(path.read_bytes()))
    assert [item.body.employee_no for item in verified] == ["0", "1", "2"]


def test_tampered_item_and_foreign_key_are_refused():
    key = signing.generate_private_key()
    signed = signing.sign_submission(key, make_body("arr-1"))
    raw = signed.body_bytes().replace(b'"1001"', b'"1002"')
    tampered = signed.model_copy(update={"body": base64.b64encode(raw).decode()})
    built = bundle.build_bundle("arr-1", signing.public_key_raw(key), [tampered])
    with pytest.raises(bundle.BundleError, match="element 0"):
        bundle.verify_bundle(bundle.read_bundle(bundle.bundle_bytes(built)))

    data = json.loads(bundle.bundle_bytes(bundle.build_bundle("arr-1", signing.public_key_raw(key), [signed])))
    data["key_id"] = "0" * 16
    with pytest.raises(bundle.BundleError, match="nøkkel-ID"):
        bundle.read_bundle(json.dumps(data).encode())
    with pytest.raises(bundle.BundleError, match="ikke en gyldig"):
        bundle.read_bundle(b'{"format": "bpa-bundle/0"}')
