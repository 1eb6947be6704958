"""`bpa sync bundle`: write what waits in the outbox as a signed bpa-bundle/1 file.

For machines that never go online: staff import the file (`bpa receiver import`), which runs
each item through the same intake as a POST, so importing twice or importing and later
pushing online stores each id once. Rows keep their state (``queued``) and get
``exported_at``; only a receipt or /status confirms delivery (docs/protocol.md).
"""

from __future__ import annotations

from pathlib import Path

from bpa_desktop.sync import credentials, signing, texts
from bpa_desktop.sync.bundle import build_bundle, write_bundle
from bpa_desktop.sync.client import SyncError
from bpa_desktop.sync.outbox import OutboxPort
from bpa_desktop.sync.protocol import SignedSubmission


def export_bundle(outbox_port: OutboxPort, arrangement_id: int, path: Path) -> int:
    """Seal and write every unconfirmed submission of the arrangement; returns how many."""
    enrolments = outbox_port.load_enrolments(arrangement_id)
    if not enrolments:
        raise SyncError(str(texts.NOT_ENROLLED))
    enrolment = enrolments[0]
    try:
        key = credentials.load_signing_key(enrolment.remote_arrangement_id)
    except credentials.CredentialsUnavailable as error:
        raise SyncError(str(error)) from None
    if key is None:
        raise SyncError(str(texts.KEY_MISSING))
    outbox_port.seal(enrolment, key, chain=True)  # a correction follows its version in the file
    current_key_id = signing.key_id(signing.public_key_raw(key))
    rows = [row for row in outbox_port.exportable(arrangement_id) if row.key_id == current_key_id]
    items = [SignedSubmission.of(row.key_id, row.body, row.sig) for row in rows]
    bundle = build_bundle(enrolment.remote_arrangement_id, signing.public_key_raw(key), items)
    write_bundle(Path(path), bundle)
    outbox_port.mark_exported([row.id for row in rows])
    return len(items)
