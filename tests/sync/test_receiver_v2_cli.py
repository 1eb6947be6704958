"""`bpa receiver export-events`: the receiver-signed events of one arrangement as an EventBundle
(for `bpa sync import-events` on a desktop without network)."""

from __future__ import annotations

import base64
import json
import uuid

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from bpa_desktop import cli
from bpa_desktop.sync import protocol_v2 as v2
from tests.sync.receiver_helpers import enrol_device
from tests.sync.receiver_v2_helpers import Desktop
from tests.sync.test_receiver_v2_api import record_events


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_export_events_writes_a_bundle_the_receiver_key_verifies(client, device, db_url, tmp_path, capsys):
    desktop = Desktop(device)
    key = v2.ReceiverKey.model_validate(desktop.receiver_key().json())
    ids = record_events(db_url, desktop.arrangement_id, 3, uuid.uuid4())
    other = enrol_device(client, db_url, "Ordning B")
    record_events(db_url, other.arrangement_id, 2, uuid.uuid4())

    target = tmp_path / "hendelser.json"
    code, out, err = run(capsys, "receiver", "export-events", "--db", db_url, "--arrangement", "Ordning A", str(target))
    assert code == 0, err
    assert json.loads(out) == {"arrangement_id": desktop.arrangement_id, "events": 3, "file": str(target)}
    bundle = v2.EventBundle.model_validate_json(target.read_bytes())
    assert bundle.arrangement_id == desktop.arrangement_id and bundle.receiver_key == key
    public = Ed25519PublicKey.from_public_bytes(base64.b64decode(bundle.receiver_key.public_key))
    bodies = []
    for envelope in bundle.events:
        public.verify(envelope.sig_bytes(), v2.EVENT_SIGNATURE_CONTEXT + envelope.body_bytes())
        bodies.append(v2.EventBody.model_validate_json(envelope.body_bytes()))
    assert [body.event_id for body in bodies] == ids and [body.seq for body in bodies] == [1, 2, 3]
    # The same events the feed gives, byte for byte.
    assert bundle.events == v2.EventsPage.model_validate(desktop.events().json()).events

    code, out, _ = run(capsys, "receiver", "export-events", "--db", db_url, "--arrangement", desktop.arrangement_id,
                       "--since", "2", str(target))
    assert code == 0 and json.loads(out)["events"] == 1
    code, _, err = run(capsys, "receiver", "export-events", "--db", db_url, "--arrangement", "Ukjent", str(target))
    assert code == 2 and "Ukjent" in err
