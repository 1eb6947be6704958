"""`bpa sync bundle`: write what waits in the outbox as a signed bpa-bundle/1 file.

For machines that never go online: staff import the file (`bpa receiver import`), which runs
each item through the same intake as a POST, so importing twice or importing and later
pushing online stores each id once. Rows keep their state (``queued``) and get
``exported_at``; only a receipt or /status confirms delivery (SYNC.md 2.7).
"""

from __future__ import annotations

import base64
from pathlib import Path

from sqlalchemy import Engine

from bpa_desktop.sync import credentials, outbox, signing, texts
from bpa_desktop.sync.bundle import build_bundle, write_bundle
from bpa_desktop.sync.client import SyncError
from bpa_desktop.sync.protocol import SignedSubmission


def export_bundle(engine: Engine, arrangement_id: int, path: Path) -> int:
    """Seal and write every unconfirmed submission of the arrangement; returns how many."""
    enrolments = outbox.load_enrolments(engine, arrangement_id)
    if not enrolments:
        raise SyncError(texts.NOT_ENROLLED)
    enrolment = enrolments[0]
    try:
        key = credentials.load_signing_key(enrolment.remote_arrangement_id)
    except credentials.CredentialsUnavailable as error:
        raise SyncError(str(error)) from None
    if key is None:
        raise SyncError(texts.KEY_MISSING)
    outbox.seal(engine, enrolment, key)
    current_key_id = signing.key_id(signing.public_key_raw(key))
    rows = [row for row in outbox.exportable(engine, arrangement_id) if row.key_id == current_key_id]
    items = [
        SignedSubmission(
            key_id=row.key_id,
            body=base64.b64encode(row.body).decode("ascii"),
            sig=base64.b64encode(row.sig).decode("ascii"),
        )
        for row in rows
    ]
    bundle = build_bundle(enrolment.remote_arrangement_id, signing.public_key_raw(key), items)
    write_bundle(Path(path), bundle)
    outbox.mark_exported(engine, [row.id for row in rows])
    return len(items)
