"""`bpa sync import-events FILE`: a file of receiver-signed events (`bpa receiver export-events`)
is checked with the pinned key; what cannot be applied is kept as a refusal; a file signed by
another key is refused with a plain message and exit 2, nothing applied."""

from __future__ import annotations

import base64
import json
import uuid

from bpa_desktop.cli import main
from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol_v2 import EventBundle, ReceiverKey
from bpa_desktop.workspace import Workspace
from tests.sync_client.sharing_fakes import REMOTE, FakeReceiver, approval_event


def bundle(receiver: FakeReceiver) -> str:
    public = signing.public_key_raw(receiver.key)
    key = ReceiverKey(key_id=signing.key_id(public), public_key=base64.b64encode(public).decode())
    return EventBundle(arrangement_id=REMOTE, receiver_key=key, events=receiver.events).model_dump_json()


def test_import_events_applies_with_the_pinned_key_and_refuses_another(client_db, tmp_path, capsys, _bokmal):
    receiver = FakeReceiver()
    public = signing.public_key_raw(receiver.key)
    with Workspace.open(client_db) as ws:
        (arrangement,) = ws.people.list_arrangements()
        ws.sync.outbox.save_enrolment(arrangement.id, receiver_url="http://receiver.test", remote_arrangement_id=REMOTE,
                                      public_key=signing.public_key_raw(signing.generate_private_key()))
        ws.sync.sharing.pin_key(arrangement.id, signing.key_id(public), public)
    receiver.add(approval_event(1, uuid.uuid4()))  # about a rota this desktop never published
    path = tmp_path / "svar.json"
    path.write_text(bundle(receiver), encoding="utf-8")
    assert main(["sync", "import-events", "--db", str(client_db), str(path)]) == 0
    assert json.loads(capsys.readouterr().out) == {"file": str(path), "applied": 0, "refused": 1, "skipped": 0}
    assert main(["sync", "import-events", "--db", str(client_db), str(path)]) == 0
    assert json.loads(capsys.readouterr().out)["skipped"] == 1
    with Workspace.open(client_db) as ws:
        assert [r.reason.key for r in ws.sync.sharing.refusals()] == ["sync.sharing.refused_unknown_publication"]
        assert ws.sync.sharing.events_cursor(arrangement.id) == 1

    impostor = FakeReceiver()
    impostor.add(approval_event(2, uuid.uuid4()))
    path.write_text(bundle(impostor), encoding="utf-8")
    assert main(["sync", "import-events", "--db", str(client_db), str(path)]) == 2
    assert "annen nøkkel enn mottakets" in capsys.readouterr().err
